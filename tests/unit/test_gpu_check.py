"""bench/gpu_check.py, the script a session runs when the `device` tool lends a GPU, rehearsed on the CPU.

A GPU session has 15 minutes of device time: the script must not fail there for a reason the CPU could have shown.
``--dry-run`` runs the same three steps (parity for every family in float32 and bfloat16, the trace benchmark, the
generation check) with tiny shapes."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "gpu_check.py"


def _module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gpu_check", SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.slow
def test_the_dry_run_passes_every_step(tmp_path: Path) -> None:
    from glassbox.testing import ALL_MODEL_TYPES

    gpu_check = _module()
    out = tmp_path / "gpu-check.json"
    assert gpu_check.main(["--dry-run", "--out", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["device"] == "cpu"
    rows = report["parity"]
    expected = {(f, d) for f in ALL_MODEL_TYPES for d in ("float32", "bfloat16")}
    assert {(r["family"], r["dtype"]) for r in rows} == expected
    assert all(r["ok"] for r in rows), [r for r in rows if not r["ok"]]
    assert max(r["max_abs_diff"] for r in rows if r["dtype"] == "float32") < 1e-5
    assert report["device_map"]["ok"] and report["device_map"]["devices"] == ["cpu"]  # accelerate's placement
    modes = {(r["tokens"], r["mode"]) for r in report["trace"]}
    assert {(16, "bare"), (16, "default"), (64, "bare"), (64, "default"), (32, "default")} <= modes
    assert all(r["seconds"] > 0 for r in report["trace"])
    assert report["generate"]["new_tokens"] == 4


def test_without_a_gpu_it_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU: the script would run for real")
    assert _module().main([]) == 2
    assert "--dry-run" in capsys.readouterr().err
