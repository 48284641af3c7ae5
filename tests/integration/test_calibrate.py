"""Temperature calibration (``glassbox.training.calibrate``): the fit finds the loss minimum (and recovers a known
temperature), folding is an exact division of the logits, and a run with ``calibrate`` records it honestly."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from transformers import AutoModelForCausalLM

from glassbox.errors import TrainingError
from glassbox.testing import MODEL_TYPES
from glassbox.training.calibrate import fit_temperature, fold_temperature, mean_loss, next_token_logits
from glassbox.training.config import preset
from glassbox.training.corpus import LANGS, calibration_sentences, general_module, generate_corpus
from glassbox.training.history import load_history
from glassbox.training.tokenizer import load_tokenizer
from glassbox.training.train import make_probes, probe_snapshot, train

#: families whose logits a final-norm weight cannot divide (checked: every other family folds exactly)
CANNOT_FOLD = {"gemma2", "gemma3_text", "qwen3_5_text"}


def _sampled(temperature: float, n: int = 20_000, vocab: int = 40, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """Logits ``z`` and targets drawn from softmax(z / temperature): the best fit is that temperature."""
    g = torch.Generator().manual_seed(seed)
    z = torch.randn(n, vocab, generator=g) * 3
    targets = torch.multinomial(torch.softmax(z / temperature, -1), 1, generator=g)[:, 0]
    return z, targets


@pytest.mark.parametrize("true_t", [0.7, 1.0, 2.5])
def test_the_fit_recovers_a_known_temperature(true_t: float) -> None:
    z, y = _sampled(true_t)
    t = fit_temperature(z, y)
    assert abs(t - true_t) < 0.05 * true_t
    # and it is the minimum of the loss it minimises
    assert mean_loss(z, y, t) <= min(mean_loss(z, y, t * 1.01), mean_loss(z, y, t / 1.01))


@pytest.mark.parametrize("family", MODEL_TYPES)
def test_folding_divides_the_logits_exactly_or_refuses(tiny_dir: dict[str, Path], family: str) -> None:
    model = AutoModelForCausalLM.from_pretrained(tiny_dir[family], dtype=torch.float32).eval()
    ids = torch.tensor([[1, 5, 9, 2, 7, 3]])
    with torch.no_grad():
        before = model(input_ids=ids).logits
        if family in CANNOT_FOLD:  # their final norm multiplies by 1 + w (Gemma 2 also soft-caps its logits)
            with pytest.raises(TrainingError, match="cannot be folded"):
                fold_temperature(model, 1.7)
            torch.testing.assert_close(model(input_ids=ids).logits, before, rtol=0, atol=0)  # nothing changed
            return
        fold_temperature(model, 1.7)
        after = model(input_ids=ids).logits
    torch.testing.assert_close(after, before / 1.7, rtol=1e-5, atol=1e-5)
    assert torch.equal(after.argmax(-1), before.argmax(-1))


def test_folding_refuses_a_temperature_that_is_not_positive(tiny_dir: dict[str, Path]) -> None:
    model = AutoModelForCausalLM.from_pretrained(tiny_dir["llama"], dtype=torch.float32)
    with pytest.raises(TrainingError, match="positive"):
        fold_temperature(model, 0.0)


def test_the_fit_sentences_are_their_own_set() -> None:
    corpus = generate_corpus(3000, version=2)
    texts = {d.text for d in corpus.train} | {d.text for d in corpus.heldout}
    for lang in LANGS:
        mod = general_module(lang)
        fit, evaluation = mod.CALIBRATION_SENTENCES, mod.GENERAL_SENTENCES
        assert len(fit) == 40 and len(set(fit)) == 40, lang
        assert not [s for s in fit if any(s in e or e in s for e in evaluation)], lang
        assert not [s for s in fit if any(s in t for t in texts)], lang
    docs = calibration_sentences()
    assert len(docs) == 40 * len(LANGS) and {d.genre for d in docs} == {"calibration_sentence"}


@pytest.mark.slow
def test_a_calibrated_run_records_the_model_it_writes(tmp_path: Path) -> None:
    config = preset("micro").replace(
        corpus_size=1500, steps=30, warmup_steps=5, eval_interval=10, threads=1, calibrate=True
    )
    plain, calibrated = tmp_path / "plain", tmp_path / "calibrated"
    train(config.replace(calibrate=False), plain, device="cpu", progress=False, evaluate=False)
    train(config, calibrated, device="cpu", progress=False, evaluate=False)
    hp, hc = load_history(plain / "history.json"), load_history(calibrated / "history.json")
    fit = hc.calibration
    assert hp.calibration is None and fit is not None
    # the same training; the written model's logits are the trained ones ÷ T
    assert [s.loss for s in hp.steps] == [s.loss for s in hc.steps]
    a = AutoModelForCausalLM.from_pretrained(plain, dtype=torch.float32).eval()
    b = AutoModelForCausalLM.from_pretrained(calibrated, dtype=torch.float32).eval()
    tok = load_tokenizer(calibrated)
    ids = torch.tensor([tok("The capital of France is")["input_ids"]])
    with torch.no_grad():
        want = a(input_ids=ids).logits / fit.temperature
        torch.testing.assert_close(b(input_ids=ids).logits, want, rtol=1e-4, atol=1e-5)
    # the fitted T is the loss minimum on the fit sentences, read through the plain model
    z, y = next_token_logits(a, tok, calibration_sentences())
    assert fit.tokens == len(y) and fit.sentences == 40 * len(LANGS)
    assert fit.fit_loss_before == pytest.approx(mean_loss(z, y, 1.0), abs=1e-4)
    assert fit.fit_loss_after == pytest.approx(mean_loss(z, y, fit.temperature), abs=1e-4)
    assert fit.fit_loss_after <= min(mean_loss(z, y, fit.temperature * 1.01), mean_loss(z, y, fit.temperature / 1.01))
    # the last checkpoint describes the written model: its held-out loss and its probe predictions
    last = hc.checkpoints[-1]
    assert last.heldout_loss == fit.heldout_loss_after == hc.heldout[-1].loss
    assert hp.checkpoints[-1].heldout_loss == pytest.approx(fit.heldout_loss_before, abs=1e-4)
    assert fit.heldout_loss_after != fit.heldout_loss_before
    probes = make_probes(tok)
    want = probe_snapshot(b, tok, probes, last.step, hc.top_k)
    got = next(s for s in hc.snapshots if s.step == last.step)
    assert [s.step for s in hc.snapshots].count(last.step) == 1
    for pw, pg in zip(want.predictions, got.predictions, strict=True):
        assert [t.token_id for t in pw.top] == [t.token_id for t in pg.top]
        assert [t.prob for t in pw.top] == pytest.approx([t.prob for t in pg.top], abs=1e-4)
    # every other checkpoint is untouched
    assert [c.heldout_loss for c in hp.checkpoints[:-1]] == [c.heldout_loss for c in hc.checkpoints[:-1]]
    # an anneal phase cannot start from calibrated weights
    with pytest.raises(TrainingError, match="calibrated"):
        train(config.replace(steps=40, anneal_steps=10, anneal_warmup=3), calibrated, extend=True, device="cpu",
              progress=False, evaluate=False)  # fmt: skip
