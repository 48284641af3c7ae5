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
FACTS_ALL_MIN = 0.70  # held-out framed phrasing, all languages together (measured on all 784: 79.6 %)
TOKEN_COPY_MAX = 0.3  # issue 16: loss on the 2nd copy of 20 random token ids ÷ the 1st (measured: 0.007)
WORD_COPY_MAX = 0.3  # the same on random words, each alphabetic language (measured: 0.07-0.16)
# Chinese and Japanese: one token per character, so the first copy is already cheap and the ratio has less room
# (measured: zh 0.64, ja 0.54; v1: 0.90, 0.89)
WORD_COPY_MAX_CJK = 0.8
GENERAL_LOSS_MAX = 6.0  # mean loss on hand-written sentences, nats/token (measured 5.36; v1 13.1; uniform 8.3)


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
    # the first v2 runs' from 3.61 to 3.84. v2 ends within 0.05 nats of its lowest point of the 512-token phase.
    long_rows = [r.loss for r in h.heldout if r.step > h.config["short_steps"]]
    assert h.heldout[-1].loss <= min(long_rows) + 0.05, long_rows


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
    facts = sum(a.correct for a in report.facts.values()) / sum(a.total for a in report.facts.values())
    assert facts >= FACTS_ALL_MIN, report.facts
    assert report.induction_tokens is not None and report.induction_tokens.ratio <= TOKEN_COPY_MAX
    for lang in LANGS:
        limit = WORD_COPY_MAX_CJK if lang in ("zh", "ja") else WORD_COPY_MAX
        assert report.induction_ratio_by_language[lang] <= limit, (lang, report.induction_ratio_by_language)
    assert report.general_loss is not None
    assert sum(report.general_loss.values()) / len(report.general_loss) <= GENERAL_LOSS_MAX, report.general_loss
