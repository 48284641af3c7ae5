"""The CLI end to end, in a subprocess like a user would run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from glassbox.schema import TraceSummary


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "glassbox.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_help_on_every_command() -> None:
    for cmd in ([], ["models"], ["trace"], ["generate"], ["tokenize"], ["compare"]):
        out = run(*cmd, "--help")
        assert out.returncode == 0, out.stderr
        assert "Usage" in out.stdout


def test_trace_writes_schema_valid_json(tmp_path: Path, tiny_dir) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "trace.json"
    out = run("trace", "--model", str(tiny_dir["qwen3"]), "--prompt", "Hello world", "-o", str(target))
    assert out.returncode == 0, out.stderr
    summary = TraceSummary.model_validate(json.loads(target.read_text()))
    assert summary.tokens[0].text == "<|bos|>"
    assert len(summary.logit_lens.cells) == 3 * len(summary.tokens)
    assert summary.last_logits.shape == [512]


def test_trace_summary_and_generate_print(tiny_dir) -> None:  # type: ignore[no-untyped-def]
    out = run("trace", "--model", str(tiny_dir["gpt2"]), "--prompt", "Hello")
    assert out.returncode == 0 and "logit lens" in out.stdout and "next token" in out.stdout
    gen = run("generate", "--model", str(tiny_dir["gpt2"]), "--prompt", "Hello", "-n", "4", "--seed", "2", "--json")
    steps = json.loads(gen.stdout)
    assert gen.returncode == 0 and 1 <= len(steps) <= 4
    again = run("generate", "--model", str(tiny_dir["gpt2"]), "--prompt", "Hello", "-n", "4", "--seed", "2", "--json")
    assert [s["token"]["id"] for s in json.loads(again.stdout)] == [s["token"]["id"] for s in steps]


def test_errors_are_one_line_without_traceback(tiny_dir) -> None:  # type: ignore[no-untyped-def]
    for args, needle in (
        (["generate", "--model", "./nope", "--prompt", "x"], "no folder"),
        (["generate", "--model", str(tiny_dir["gpt2"]), "--prompt", ""], "empty"),
        (
            ["generate", "--model", str(tiny_dir["gpt2"]), "--prompt", "x", "--temperature", "-1"],
            "temperature",
        ),
    ):
        out = run(*args)
        assert out.returncode == 1
        assert "Traceback" not in out.stderr
        assert out.stderr.startswith("error:") and needle in out.stderr


def test_train_resume_on_a_crafted_checkpoint_is_one_line_and_runs_nothing(tmp_path: Path) -> None:
    import hashlib
    import io
    import pathlib

    import torch

    class RunsCode:
        def __reduce__(self) -> tuple[object, ...]:
            return (pathlib.Path.touch, (marker,))

    marker = tmp_path / "pwned"
    out = tmp_path / "run"
    buf = io.BytesIO()
    torch.save({"schema_version": "2.0", "step": 10, "payload": RunsCode()}, buf)
    state = out / "train-state" / "state-0000010.pt"
    state.parent.mkdir(parents=True)
    state.write_bytes(buf.getvalue())
    state.with_suffix(".sha256").write_text(hashlib.sha256(buf.getvalue()).hexdigest() + "\n")

    res = run("train", "--preset", "micro", "--out", str(out), "--resume", "--quiet", "--threads", "1")
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, res.stderr
    assert lines[0].startswith("error:") and "will not load" in lines[0] and str(state) in lines[0]
    assert not marker.exists(), "the crafted checkpoint's code ran"
