"""The anneal phase (``anneal_steps``): its own schedule and data after the main schedule, which it leaves unchanged;
a finished run extended with it (``--extend``) is the same as a run trained with it from scratch; resuming inside it
follows the same trajectory; and its data keeps the held-out split out."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file
from typer.testing import CliRunner

from glassbox.cli import app
from glassbox.errors import TrainingError
from glassbox.training.config import preset
from glassbox.training.corpus import ANNEAL_LANGUAGE_WEIGHTS, LANGS, anneal_documents, fact_completions
from glassbox.training.corpus_data.templates import HELDOUT_FRAMES, LEAD_INS
from glassbox.training.history import load_history
from glassbox.training.recipe import anneal_lr_at, lr_at
from glassbox.training.train import history_steps, train, weight_steps

pytestmark = pytest.mark.slow

# the micro preset, shortened: 30 main steps, then 10 anneal steps
BASE = preset("micro").replace(
    corpus_size=1500, steps=30, warmup_steps=5, eval_interval=10, state_interval=5, threads=1
)
ANNEALED = BASE.replace(steps=40, anneal_steps=10, anneal_warmup=3, anneal_lr=2e-3)


def _weights(folder: Path) -> dict[str, torch.Tensor]:
    return load_file(str(folder / "model.safetensors"))


def test_the_main_schedule_is_unchanged_by_an_anneal_phase() -> None:
    v2 = preset("default")
    plain = v2.replace(steps=v2.main_steps, anneal_steps=0)
    assert [lr_at(v2, s) for s in range(v2.main_steps)] == [lr_at(plain, s) for s in range(v2.main_steps)]
    assert v2.anneal_steps > 0
    assert history_steps(v2) == [*history_steps(plain), v2.steps]
    assert weight_steps(v2) == weight_steps(plain)
    # the anneal's own schedule: warmup to anneal_lr, then linear decay towards 0
    lrs = [anneal_lr_at(ANNEALED, s) for s in range(ANNEALED.anneal_steps)]
    assert lrs[ANNEALED.anneal_warmup - 1] == pytest.approx(ANNEALED.anneal_lr * (1 - 2 / 10))
    assert lrs[0] < lrs[2] and lrs[-1] < lrs[4] and min(lrs) > 0


def test_extend_equals_from_scratch_and_resume_inside_the_anneal(tmp_path: Path) -> None:
    scratch, extended, resumed = tmp_path / "scratch", tmp_path / "extended", tmp_path / "resumed"
    assert train(ANNEALED, scratch, device="cpu", progress=False, evaluate=False).completed
    # the same recipe without its anneal phase, then --extend
    assert train(BASE, extended, device="cpu", progress=False, evaluate=False).completed
    base_weights = _weights(extended)
    assert train(ANNEALED, extended, extend=True, device="cpu", progress=False, evaluate=False).completed
    # interrupted inside the anneal phase, resumed
    assert not train(ANNEALED, resumed, device="cpu", progress=False, evaluate=False, stop_at=33).completed
    assert train(ANNEALED, resumed, resume=True, device="cpu", progress=False, evaluate=False).completed

    want = _weights(scratch)
    assert any(not torch.equal(base_weights[k], want[k]) for k in want)  # the anneal phase changed the model
    for other in (extended, resumed):
        got = _weights(other)
        assert set(got) == set(want)
        for k in want:
            assert torch.equal(got[k], want[k]), k
        a, b = load_history(other / "history.json"), load_history(scratch / "history.json")
        assert [s.loss for s in a.steps] == [s.loss for s in b.steps]
        assert [c.step for c in a.checkpoints] == [c.step for c in b.checkpoints] == history_steps(ANNEALED)
        assert a.completed and a.config == b.config == ANNEALED.to_dict()
    h = load_history(scratch / "history.json")
    # the anneal phase's learning rates: a fresh warmup from near 0 after the cosine's end
    lr = {s.step: s.lr for s in h.steps}
    assert lr[31] == pytest.approx(ANNEALED.anneal_lr / ANNEALED.anneal_warmup)
    assert lr[30] == pytest.approx(lr_at(ANNEALED, 29))


def test_extend_refuses_what_it_cannot_continue(tmp_path: Path) -> None:
    run = tmp_path / "run"
    with pytest.raises(TrainingError, match="nothing to extend"):
        train(ANNEALED, run, extend=True, device="cpu", progress=False, evaluate=False)
    assert train(BASE, run, device="cpu", progress=False, evaluate=False).completed
    with pytest.raises(TrainingError, match="--steps 30"):
        train(ANNEALED.replace(steps=45), run, extend=True, device="cpu", progress=False, evaluate=False)
    with pytest.raises(TrainingError, match="different settings \\(learning_rate\\)"):
        train(ANNEALED.replace(learning_rate=1e-3), run, extend=True, device="cpu", progress=False, evaluate=False)
    # nothing was lost: the finished run is still there, its checksums included
    assert load_history(run / "history.json").completed and (run / "checksums.json").is_file()
    result = CliRunner().invoke(
        app,
        ["train", "--preset", "micro", "--out", str(run), "--extend", "--resume", "--quiet", "--no-eval"],
    )
    assert isinstance(result.exception, TrainingError) and "choose one of --resume" in str(result.exception)


def test_anneal_steps_are_checked() -> None:
    with pytest.raises(TrainingError, match="anneal_steps"):
        BASE.replace(anneal_steps=30).check()
    with pytest.raises(TrainingError, match="anneal_warmup"):
        ANNEALED.replace(anneal_warmup=0).check()


def test_the_anneal_data_keeps_the_held_out_split_out() -> None:
    docs = anneal_documents(6000, seed=0)
    assert anneal_documents(50, seed=0) == docs[:50]  # deterministic for a seed
    facts = [d for d in docs if d.genre == "fact"]
    text = "\n".join(d.text for d in facts)
    for lang in LANGS:  # (everyday text may say "Did you know?"; facts never come after it)
        assert HELDOUT_FRAMES[lang].strip() not in text, lang
    held = [c.prompt + c.answer for c in fact_completions(template="paraphrase")]
    assert not [h for h in held if h in text]
    assert 0.45 < len(facts) / len(docs) < 0.55
    assert 0.12 < sum(d.genre == "induction" for d in docs) / len(docs) < 0.18  # random words repeated
    led = sum(any(lead.strip() in d.text for lead in LEAD_INS[d.language]) for d in facts)
    assert led / len(facts) > 0.8  # 2-5 sentences a document, 60 % of them led in
    share = {lang: sum(d.language == lang for d in docs) / len(docs) for lang in LANGS}
    assert share["zh"] > share["en"] > share["fr"]
    assert share["zh"] == pytest.approx(ANNEAL_LANGUAGE_WEIGHTS["zh"], abs=0.03)
