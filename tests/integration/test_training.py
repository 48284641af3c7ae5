"""The training loop on a micro config: it learns, records a valid history, resumes exactly, survives corruption."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from glassbox.errors import CorruptedCheckpointError, TrainingError
from glassbox.training import checkpoint as ckpt
from glassbox.training.config import preset
from glassbox.training.corpus import LANGS
from glassbox.training.history import HISTORY_SCHEMA_VERSION, load_history
from glassbox.training.train import history_steps, train

pytestmark = pytest.mark.slow

# Small enough for a few seconds per run; threads=1 so runs are bit-for-bit repeatable.
TINY = preset("micro").replace(
    corpus_size=1200,
    steps=40,
    batch_size=8,
    n_positions=48,
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
    assert h.schema_version == HISTORY_SCHEMA_VERSION and h.completed
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
    assert model.config.model_type == "gpt2" and len(tok) == config.vocab_size
    assert result.evaluation is not None and set(result.evaluation.tokens_per_char) == set(LANGS)
    assert (tmp_path / "glassbox.json").exists()


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
    with pytest.raises(TrainingError, match="no CUDA GPU"):
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
