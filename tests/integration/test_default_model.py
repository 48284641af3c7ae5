"""The shipped glassbox-tiny model: complete, loadable offline, and as good as docs/default-model.md says.

Thresholds are set below the measured full-evaluation numbers (see the doc) with margin for the smaller
sample used here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from glassbox.training.commands import DEFAULT_MODEL_DIR
from glassbox.training.corpus import LANGS, generate_corpus
from glassbox.training.evaluate import evaluate_model
from glassbox.training.history import load_history

# glassbox-tiny v2's figures on a smaller sample than `glassbox eval` (docs/default-model.md has the full run's).
# issue 16: facts through the held-out question frame, ≥ 90 % in every language (measured on all 112 per language:
# 93.8 % zh … 100 %; on this test's 40 per language: zh 37, uk 38, cs 39, ja 39, the others 40)
FACTS_LANG_MIN = 0.9
TOKEN_COPY_MAX = 0.3  # issue 16: loss on the 2nd copy of 20 random token ids ÷ the 1st (measured: 0.042)
# the same on random words, in every language (measured: 0.14-0.29 since calibration, which raises this ratio of
# losses; 0.05-0.16 before it; v1 0.27-0.90)
WORD_COPY_MAX = 0.3
# issue 16: on the hand-written held-out sentences, mean top-1 probability within 0.1 of top-1 accuracy
CALIBRATION_GAP_MAX = 0.1
GENERAL_LOSS_MAX = 6.0  # mean loss on hand-written sentences, nats/token (measured 4.93; v1 13.1; uniform 8.3)


@pytest.fixture(scope="module")
def loaded():  # type: ignore[no-untyped-def]
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    model = AutoModelForCausalLM.from_pretrained(str(DEFAULT_MODEL_DIR), dtype=torch.float32)
    return model.eval(), AutoTokenizer.from_pretrained(str(DEFAULT_MODEL_DIR))


def test_folder_is_complete_and_small() -> None:
    for name in (
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "tokenizer_config.json",
        "special_tokens_map.json",
        "history.json",
        "glassbox.json",
    ):
        assert (DEFAULT_MODEL_DIR / name).is_file(), name
    # the model's own files; its transcoders/ (issue 14) count towards the assets' 40 MB (test_shipped_transcoders)
    model_files = [f for f in DEFAULT_MODEL_DIR.rglob("*") if f.is_file() and "transcoders" not in f.parts]
    size = sum(f.stat().st_size for f in model_files)
    assert size <= 25 * 1000 * 1000, f"{size / 1e6:.1f} MB"  # issue 16: model, replay checkpoints, history
    assert not (DEFAULT_MODEL_DIR / "train-state").exists()
    meta = json.loads((DEFAULT_MODEL_DIR / "glassbox.json").read_text(encoding="utf-8"))
    assert meta["name"] == "glassbox-tiny" and set(meta["languages"]) == set(LANGS)
    assert 1_000_000 <= meta["parameters"] <= 5_000_000
    assert meta["train_seconds"] <= 120 * 60  # issue 16: the CPU recipe within 120 minutes on 2 cores
    assert meta["architecture"] == "llama" and meta["config"]["n_ctx"] >= 512


def test_history_is_complete_and_checkpoints_exist() -> None:
    h = load_history(DEFAULT_MODEL_DIR / "history.json")
    assert h.completed and h.steps[-1].step == h.config["steps"]
    assert h.checkpoints[0].step == 0 and h.checkpoints[-1].step == h.config["steps"]
    for c in h.checkpoints:
        if c.weights:
            assert (DEFAULT_MODEL_DIR / c.weights / "model.safetensors").is_file()
    assert len(h.snapshots) == len(h.checkpoints)
    assert h.steps[-1].loss < h.steps[0].loss / 4
    assert min(r.loss for r in h.heldout) < 0.5 * h.heldout[0].loss
    # The held-out split is new phrasings: v1's loss on it climbed from 5.9 to 7.7 as it memorised its templates,
    # the first v2 runs' from 3.61 to 3.84. Issue 16: it falls to the end of training — at the end of v2's anneal
    # phase it is below the end of the main schedule (3.511 vs 3.538, the trained weights), and the last record (the
    # calibrated model that ships: 3.397) is the run's lowest.
    main_end = h.config["steps"] - h.config["anneal_steps"]
    assert h.config["anneal_steps"] > 0 and main_end in [c.step for c in h.checkpoints]
    assert h.calibration is not None
    assert h.calibration.heldout_loss_before < next(r.loss for r in h.heldout if r.step == main_end)
    assert h.heldout[-1].loss == h.calibration.heldout_loss_after == min(r.loss for r in h.heldout)


def test_loads_offline_in_a_fresh_process() -> None:
    code = (
        "import sys; from transformers import AutoModelForCausalLM, AutoTokenizer\n"
        f"m = AutoModelForCausalLM.from_pretrained({str(DEFAULT_MODEL_DIR)!r})\n"
        f"t = AutoTokenizer.from_pretrained({str(DEFAULT_MODEL_DIR)!r})\n"
        "ids = t('The capital of France is', return_tensors='pt').input_ids\n"
        "out = m.generate(ids, max_new_tokens=2, do_sample=False)\n"
        "print(t.decode(out[0, ids.shape[1]:]))\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HOME": "/nonexistent-hf-home"}
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Paris" in run.stdout


def test_passes_fact_and_induction_thresholds(loaded) -> None:  # type: ignore[no-untyped-def]
    model, tok = loaded
    assert model.config.max_position_embeddings >= 512
    heldout = generate_corpus(250_000, version=2).heldout  # the held-out split of the run (its training set removed)
    # the random-word copying sample is glassbox eval's own (10 sequences per language), so the figures checked are
    # the documented ones; facts and IOI are subsampled
    report = evaluate_model(model, tok, heldout, facts_per_language=40, n_ioi=5, heads=False, sensible=False)
    for lang in LANGS:
        assert report.facts[lang].total == 40 and report.facts[lang].value >= FACTS_LANG_MIN, (lang, report.facts)
    assert report.induction_tokens is not None and report.induction_tokens.ratio <= TOKEN_COPY_MAX
    for lang in LANGS:
        assert report.induction_ratio_by_language[lang] <= WORD_COPY_MAX, (lang, report.induction_ratio_by_language)
    assert report.calibration is not None
    cal = report.calibration["all"]
    assert abs(cal.mean_top1_prob - cal.top1_accuracy) <= CALIBRATION_GAP_MAX, report.calibration
    assert report.general_loss is not None
    assert sum(report.general_loss.values()) / len(report.general_loss) <= GENERAL_LOSS_MAX, report.general_loss


def test_is_calibrated_by_a_temperature_fitted_on_other_sentences(loaded) -> None:  # type: ignore[no-untyped-def]
    from glassbox.training.calibrate import mean_loss, next_token_logits
    from glassbox.training.corpus import calibration_sentences

    model, tok = loaded
    fit = load_history(DEFAULT_MODEL_DIR / "history.json").calibration
    assert fit is not None and fit.temperature > 1 and fit.fit_loss_after < fit.fit_loss_before
    # the shipped weights are the fitted ones: on the fit sentences, no further temperature lowers the loss
    z, y = next_token_logits(model, tok, calibration_sentences())
    assert len(y) == fit.tokens
    assert mean_loss(z, y, 1.0) == pytest.approx(fit.fit_loss_after, abs=1e-4)
    assert mean_loss(z, y, 1.0) <= min(mean_loss(z, y, 1.01), mean_loss(z, y, 1 / 1.01))
