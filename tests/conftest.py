"""Shared fixtures: tiny random models of every family, built once per test session (no network)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from transformers.utils import logging as hf_logging

hf_logging.disable_progress_bar()
hf_logging.set_verbosity_error()

from glassbox.testing import ALL_MODEL_TYPES, MODEL_TYPES, make_tiny_model  # noqa: E402


@pytest.fixture(scope="session")
def tiny_dir(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("tiny")
    return {family: make_tiny_model(root / family, family) for family in ALL_MODEL_TYPES}


@pytest.fixture(scope="session")
def tiny_models(tiny_dir: dict[str, Path]) -> dict[str, object]:
    import glassbox

    return {family: glassbox.load_model(str(path), device="cpu") for family, path in tiny_dir.items()}


@pytest.fixture(params=MODEL_TYPES)
def family(request: pytest.FixtureRequest) -> str:
    return str(request.param)
