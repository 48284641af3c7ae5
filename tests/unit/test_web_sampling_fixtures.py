"""The browser's sampling parity fixtures must match what Python's sampling computes today."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "fixtures" / "make_sampling_fixtures.py"


def test_sampling_fixtures_are_fresh() -> None:
    spec = importlib.util.spec_from_file_location("make_sampling_fixtures", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0, "run: python tests/fixtures/make_sampling_fixtures.py"
