"""The training loop on a micro config: it learns, records a valid history, resumes exactly, survives corruption."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from glassbox.errors import CorruptedCheckpointError, CorruptedModelError, InvalidInputError, TrainingError
from glassbox.schema.base import SCHEMA_VERSION
from glassbox.schema.evaluation import EvalReport
from glassbox.training import checkpoint as ckpt
from glassbox.training.config import RENAMED_KEYS, TrainConfig, preset
from glassbox.training.corpus import LANGS
from glassbox.training.history import load_history, load_metadata
from glassbox.training.train import history_steps, train

pytestmark = pytest.mark.slow

# Small enough for a few seconds per run; threads=1 so runs are bit-for-bit repeatable.
TINY = preset("micro").replace(
    corpus_size=1200,
    steps=40,
    batch_size=8,
    n_ctx=48,
    warmup_steps=5,
    eval_interval=10,
    history_checkpoints=4,
    weight_checkpoints=1,
    state_interval=10,
    threads=1,
)


def _losses(out: Path) -> list[float]:
    return [s.loss for s in load_history(out / "history.json").steps]


@pytest.fixture(scope="module")
def straight(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("straight")
    result = train(TINY, out, device="cpu", progress=False, evaluate=False)
    assert result.completed
    return out


def test_micro_smoke_lowers_loss_and_writes_a_valid_history(tmp_path: Path) -> None:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    config = preset("micro")
    t0 = time.perf_counter()
    result = train(config, tmp_path, device="cpu", progress=False)
    assert time.perf_counter() - t0 < 60
    h = load_history(tmp_path / "history.json")
    assert h.schema_version == SCHEMA_VERSION and h.completed
    first, last = h.steps[0].loss, sum(s.loss for s in h.steps[-10:]) / 10
    assert last <= 0.7 * first, (first, last)
    assert [s.step for s in h.steps] == list(range(1, config.steps + 1))
    assert [c.step for c in h.checkpoints] == history_steps(config)
    assert [s.step for s in h.snapshots] == history_steps(config)
    assert {p.language for p in h.probes} == set(LANGS)
    assert all(len(pred.top) == h.top_k == 5 for snap in h.snapshots for pred in snap.predictions)
    assert h.heldout and h.heldout[-1].loss < h.heldout[0].loss
    kept = [c.weights for c in h.checkpoints if c.weights]
    assert len(kept) == config.weight_checkpoints and all((tmp_path / w / "model.safetensors").exists() for w in kept)
    assert not (tmp_path / ckpt.STATE_DIR).exists(), "resumable state is removed when the run completes"
    model = AutoModelForCausalLM.from_pretrained(str(tmp_path))
    tok = AutoTokenizer.from_pretrained(str(tmp_path))
    assert model.config.model_type == "gpt2" and len(tok) == config.d_vocab
    assert (model.config.n_layer, model.config.n_embd, model.config.n_positions) == (
        config.n_layers,
        config.d_model,
        config.n_ctx,
    )
    assert result.evaluation is not None and set(result.evaluation.tokens_per_char) == set(LANGS)
    meta = load_metadata(tmp_path / "glassbox.json")
    assert meta.schema_version == SCHEMA_VERSION and meta.evaluation == result.evaluation
    assert TrainConfig.from_dict(meta.config) == config


def test_a_finished_run_writes_a_manifest_of_every_file(straight: Path) -> None:
    from glassbox.models.checksums import MANIFEST_FILE, build_manifest, read_manifest, verify_files

    manifest = read_manifest(straight)
    assert manifest is not None and manifest == build_manifest(straight)
    assert {"model.safetensors", "config.json", "tokenizer.json", "history.json", "glassbox.json"} <= set(
        manifest.files
    )
    kept = [c.weights for c in load_history(straight / "history.json").checkpoints if c.weights]
    assert kept and all(f"{w}/model.safetensors" in manifest.files for w in kept)
    assert not any(rel.startswith(ckpt.STATE_DIR) or rel == MANIFEST_FILE for rel in manifest.files)
    assert verify_files(straight)


def test_a_new_run_drops_the_old_manifest_until_it_finishes(tmp_path: Path) -> None:
    from glassbox.models.checksums import MANIFEST_FILE

    (tmp_path / MANIFEST_FILE).write_text('{"files": {"history.json": "0"}}', encoding="utf-8")
    train(TINY, tmp_path, device="cpu", progress=False, stop_at=5, evaluate=False)
    assert not (tmp_path / MANIFEST_FILE).exists(), "a stale manifest would call the new files corrupted"
    load_history(tmp_path / "history.json")


def test_resume_reproduces_the_uninterrupted_trajectory(straight: Path, tmp_path: Path) -> None:
    half = train(TINY, tmp_path, device="cpu", progress=False, stop_at=TINY.steps // 2, evaluate=False)
    assert not half.completed and ckpt.list_states(tmp_path)
    resumed = train(TINY, tmp_path, resume=True, device="cpu", progress=False, evaluate=False)
    assert resumed.completed
    assert _losses(tmp_path) == pytest.approx(_losses(straight), abs=1e-5)
    a, b = load_history(tmp_path / "history.json"), load_history(straight / "history.json")
    assert [h.loss for h in a.heldout] == pytest.approx([h.loss for h in b.heldout], abs=1e-5)
    assert [c.step for c in a.checkpoints] == [c.step for c in b.checkpoints]


def test_resume_after_kill_9(straight: Path, tmp_path: Path) -> None:
    # A separate process trains slowly (big step count) and is killed hard once a state exists.
    code = textwrap.dedent(f"""
        from glassbox.training.train import train
        from glassbox.training.config import TrainConfig
        train(TrainConfig.from_dict({TINY.to_dict()!r}), {str(tmp_path)!r}, device="cpu", progress=False,
              evaluate=False)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(Path.cwd() / "src")})
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        states = ckpt.list_states(tmp_path)
        if states and states[0].with_suffix(".sha256").exists() and "0000020" in states[0].name:
            break
        time.sleep(0.05)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    if proc.returncode == 0:
        pytest.skip("the training process finished before it could be killed")
    resumed = train(TINY, tmp_path, resume=True, device="cpu", progress=False, evaluate=False)
    assert resumed.completed
    assert _losses(tmp_path) == pytest.approx(_losses(straight), abs=1e-5)


def test_corrupted_checkpoint_gives_a_clear_error_and_training_restarts_from_the_previous(
    straight: Path, tmp_path: Path
) -> None:
    train(TINY, tmp_path, device="cpu", progress=False, stop_at=25, evaluate=False)
    newest, previous = ckpt.list_states(tmp_path)[:2]
    assert "0000025" in newest.name and "0000020" in previous.name
    data = newest.read_bytes()
    newest.write_bytes(data[: len(data) // 2])  # a torn write
    with pytest.raises(CorruptedCheckpointError, match=r"corrupted .*delete it"):
        ckpt.load_state(newest)
    resumed = train(TINY, tmp_path, resume=True, device="cpu", progress=False, evaluate=False)
    assert resumed.completed
    assert _losses(tmp_path) == pytest.approx(_losses(straight), abs=1e-5)


def test_all_checkpoints_corrupted_is_a_clear_error(tmp_path: Path) -> None:
    train(TINY, tmp_path, device="cpu", progress=False, stop_at=20, evaluate=False)
    for state in ckpt.list_states(tmp_path):
        state.write_bytes(b"garbage")
    with pytest.raises(CorruptedCheckpointError, match="no usable checkpoint"):
        train(TINY, tmp_path, resume=True, device="cpu", progress=False, evaluate=False)


def test_resume_with_other_settings_is_refused(tmp_path: Path) -> None:
    train(TINY, tmp_path, device="cpu", progress=False, stop_at=10, evaluate=False)
    with pytest.raises(TrainingError, match="learning_rate"):
        train(TINY.replace(learning_rate=1e-4), tmp_path, resume=True, device="cpu", progress=False)


def test_cuda_without_gpu_is_a_clear_error(tmp_path: Path) -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("a GPU is present")
    with pytest.raises(InvalidInputError, match="no CUDA GPU"):
        train(TINY, tmp_path, device="cuda", progress=False)


def test_cli_train_and_eval(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "glassbox"
    run = subprocess.run(
        [
            str(exe),
            "train",
            "--preset",
            "micro",
            "--steps",
            "20",
            "--out",
            str(tmp_path),
            "--quiet",
            "--no-eval",
            "--threads",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert load_history(tmp_path / "history.json").completed
    run = subprocess.run(
        [str(exe), "eval", "--model", str(tmp_path), "--json"], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert '"induction_ratio"' in run.stdout
    report = tmp_path / "report.json"
    report.write_text(run.stdout, encoding="utf-8")
    env = {**os.environ, "COLUMNS": "200"}
    beside = subprocess.run(
        [str(exe), "eval", "--model", str(tmp_path), "--baseline", str(report)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert beside.returncode == 0, beside.stderr[-2000:]
    # the old-vs-new table: the report's own figures on both sides (same model, same held-out split)
    facts = EvalReport.model_validate_json(report.read_text(encoding="utf-8")).facts
    total = sum(a.correct for a in facts.values()) / sum(a.total for a in facts.values())
    row = next(line for line in beside.stdout.splitlines() if "facts, held-out frame (all)" in line)
    assert row.count(f"{100 * total:.1f}%") == 2 and "report.json →" in beside.stdout
    not_a_report = subprocess.run(
        [str(exe), "eval", "--model", str(tmp_path), "--baseline", str(tmp_path / "history.json")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert not_a_report.returncode == 1 and "is not a report written by 'glassbox eval --json'" in not_a_report.stderr
    bad = subprocess.run(
        [str(exe), "train", "--preset", "huge", "--out", str(tmp_path / "x")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 1 and "error: unknown preset 'huge'" in bad.stderr
    missing = subprocess.run(
        [str(exe), "eval", "--model", str(tmp_path / "nope")], capture_output=True, text=True, timeout=60
    )
    assert missing.returncode == 1 and "error: no model in" in missing.stderr


# --- files written before schema version 2.0 --------------------------------------------------------------

OLD_KEYS = {new: old for old, new in RENAMED_KEYS.items()}


def _v1_config(config: dict[str, object]) -> dict[str, object]:
    return {OLD_KEYS.get(k, k): v for k, v in config.items()}


def _v1_history(history: dict[str, Any]) -> dict[str, Any]:
    """A current history dict written back as version 1 did (old key names, integer version)."""
    old = {**history, "schema_version": 1, "config": _v1_config(history["config"])}
    old["probes"] = [{("family" if k == "task" else k): v for k, v in p.items()} for p in history["probes"]]
    corpus = {("vocab_size" if k == "d_vocab" else k): v for k, v in history["corpus"].items()}
    corpus["stats"] = {
        split: {("documents_per_family" if k == "documents_per_genre" else k): v for k, v in counts.items()}
        for split, counts in corpus["stats"].items()
    }
    return {**old, "corpus": corpus}


V1_HISTORY = {
    "schema_version": 1,
    "kind": "training_history",
    "model_name": "glassbox-tiny",
    "config": {"seed": 3, "vocab_size": 512, "n_layer": 2, "n_head": 2, "n_embd": 32, "n_positions": 24, "steps": 2},
    "corpus": {
        "stats": {
            "train": {
                "documents_per_language": {"en": 3},
                "characters_per_language": {"en": 90},
                "documents_per_family": {"fact": 2, "story": 1},
            },
            "heldout": {
                "documents_per_language": {"en": 1},
                "characters_per_language": {"en": 30},
                "documents_per_family": {"fact": 1},
            },
        },
        "train_tokens": 40,
        "train_sequences": 3,
        "heldout_sequences": 1,
        "vocab_size": 300,
        "prepare_seconds": 0.5,
    },
    "device": "cpu",
    "top_k": 2,
    "steps": [{"step": 1, "loss": 6.2, "lr": 0.001, "tokens_seen": 48, "elapsed_s": 0.1}],
    "heldout": [{"step": 0, "loss": 6.3}],
    "checkpoints": [{"step": 0, "tokens_seen": 0, "train_loss": None, "heldout_loss": 6.3, "weights": None}],
    "probes": [
        {
            "id": "en-capital-france",
            "language": "en",
            "family": "capital",
            "prompt": "The capital of France is",
            "expected": " Paris",
            "token_ids": [0, 5, 6],
        }
    ],
    "snapshots": [{"step": 0, "predictions": [{"probe_id": "en-capital-france", "top": []}]}],
    "completed": False,
    "train_seconds": 0.1,
}


def test_a_v1_history_is_migrated_on_read(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    path.write_text(json.dumps(V1_HISTORY), encoding="utf-8")
    h = load_history(path)
    assert h.schema_version == SCHEMA_VERSION
    assert h.config == {"seed": 3, "d_vocab": 512, "n_layers": 2, "n_heads": 2, "d_model": 32, "n_ctx": 24, "steps": 2}
    assert TrainConfig.from_dict(h.config).n_ctx == 24
    assert [(p.id, p.task) for p in h.probes] == [("en-capital-france", "capital")]
    assert h.corpus is not None and h.corpus.d_vocab == 300
    assert h.corpus.stats.train.documents_per_genre == {"fact": 2, "story": 1}
    assert h.steps[0].loss == 6.2 and h.checkpoints[0].heldout_loss == 6.3 and h.top_k == 2
    # written back, it is a current file with the same values
    from glassbox.training.history import save_history

    save_history(h, path)
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION
    assert load_history(path) == h


def test_a_file_from_a_newer_glassbox_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    path.write_text(json.dumps({**V1_HISTORY, "schema_version": "3.0"}), encoding="utf-8")
    with pytest.raises(CorruptedModelError, match=r"history\.json was written by a newer glassbox .*3\.0"):
        load_history(path)
    meta = tmp_path / "glassbox.json"
    meta.write_text(json.dumps({"schema_version": "7.1", "name": "x"}), encoding="utf-8")
    with pytest.raises(CorruptedModelError, match=r"glassbox\.json was written by a newer glassbox .*7\.1"):
        load_metadata(meta)


def test_old_config_keys_load_and_unknown_keys_are_refused() -> None:
    assert TrainConfig.from_dict(_v1_config(TINY.to_dict())) == TINY
    with pytest.raises(TrainingError, match="unknown training config keys"):
        TrainConfig.from_dict({**TINY.to_dict(), "n_embd_typo": 3})


def test_a_run_interrupted_before_the_rename_resumes_on_the_same_trajectory(straight: Path, tmp_path: Path) -> None:
    """A resumable state written by the previous version (old config keys, v1 history, no version) resumes."""
    train(TINY, tmp_path, device="cpu", progress=False, stop_at=20, evaluate=False)
    for path in ckpt.list_states(tmp_path):
        state = ckpt.load_state(path)
        old = {k: v for k, v in state.items() if k != "schema_version"}
        old["config"] = _v1_config(state["config"])
        old["history"] = json.dumps(_v1_history(json.loads(state["history"])))
        ckpt.save_state(tmp_path, int(state["step"]), old)
    resumed = train(TINY, tmp_path, resume=True, device="cpu", progress=False, evaluate=False)
    assert resumed.completed
    assert _losses(tmp_path) == pytest.approx(_losses(straight), abs=1e-5)
    assert load_history(tmp_path / "history.json").probes[0].task


def test_the_shipped_files_written_as_v1_load_to_the_same_values(tmp_path: Path) -> None:
    from glassbox.training.commands import DEFAULT_MODEL_DIR

    shipped = load_history(DEFAULT_MODEL_DIR / "history.json")
    assert shipped.schema_version == SCHEMA_VERSION
    v1 = tmp_path / "history.json"
    v1.write_text(json.dumps(_v1_history(shipped.model_dump(mode="json"))), encoding="utf-8")
    assert load_history(v1) == shipped
    meta = load_metadata(DEFAULT_MODEL_DIR / "glassbox.json")
    old_meta = {k: v for k, v in meta.model_dump(mode="json").items() if k not in ("schema_version", "kind")}
    old_meta = {**old_meta, "config": _v1_config(meta.config), "history_schema_version": 1}
    (tmp_path / "glassbox.json").write_text(json.dumps(old_meta), encoding="utf-8")
    assert load_metadata(tmp_path / "glassbox.json") == meta
    assert TrainConfig.from_dict(meta.config) == TrainConfig.from_dict(shipped.config)


def test_a_state_written_before_the_corpus_version_key_resumes(straight: Path, tmp_path: Path) -> None:
    """States written before ``corpus_version``/``copy_fraction`` existed resume (their defaults are the old recipe)."""
    train(TINY, tmp_path, device="cpu", progress=False, stop_at=20, evaluate=False)
    for path in ckpt.list_states(tmp_path):
        state = ckpt.load_state(path)
        state["config"] = {k: v for k, v in state["config"].items() if k not in ("corpus_version", "copy_fraction")}
        ckpt.save_state(tmp_path, int(state["step"]), state)
    resumed = train(TINY, tmp_path, resume=True, device="cpu", progress=False, evaluate=False)
    assert resumed.completed
    assert _losses(tmp_path) == pytest.approx(_losses(straight), abs=1e-5)
