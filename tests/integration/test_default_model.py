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
# 95.5 % zh … 100 %; on this test's 40 per language: zh 38, ja 39, the others 40)
FACTS_LANG_MIN = 0.9
TOKEN_COPY_MAX = 0.3  # issue 16: loss on the 2nd copy of 20 random token ids ÷ the 1st (measured: 0.006)
WORD_COPY_MAX = 0.3  # the same on random words, each alphabetic language (measured: 0.07-0.16)
# Chinese and Japanese: one token per character, so the first copy is already cheap and the ratio has less room
# (measured: zh 0.55, ja 0.45; v1: 0.90, 0.89)
WORD_COPY_MAX_CJK = 0.8
GENERAL_LOSS_MAX = 6.0  # mean loss on hand-written sentences, nats/token (measured 5.48; v1 13.1; uniform 8.3)


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
    # the first v2 runs' from 3.61 to 3.84. Issue 16: it falls to the end of training — v2's last record (the end
    # of its anneal phase) is its lowest, below the end of the main schedule.
    main_end = h.config["steps"] - h.config["anneal_steps"]
    assert h.config["anneal_steps"] > 0 and main_end in [c.step for c in h.checkpoints]
    assert h.heldout[-1].loss == min(r.loss for r in h.heldout), [(r.step, r.loss) for r in h.heldout]
    assert h.heldout[-1].loss < next(r.loss for r in h.heldout if r.step == main_end)


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
    report = evaluate_model(
        model, tok, heldout, facts_per_language=40, n_ioi=5, n_induction=6, heads=False, sensible=False
    )
    for lang in LANGS:
        assert report.facts[lang].total == 40 and report.facts[lang].value >= FACTS_LANG_MIN, (lang, report.facts)
    assert report.induction_tokens is not None and report.induction_tokens.ratio <= TOKEN_COPY_MAX
    for lang in LANGS:
        limit = WORD_COPY_MAX_CJK if lang in ("zh", "ja") else WORD_COPY_MAX
        assert report.induction_ratio_by_language[lang] <= limit, (lang, report.induction_ratio_by_language)
    assert report.general_loss is not None
    assert sum(report.general_loss.values()) / len(report.general_loss) <= GENERAL_LOSS_MAX, report.general_loss
