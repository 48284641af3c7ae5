"""glassbox prints nothing it was not asked for: no progress bar from ``load_model()``, no deprecation warning
from ``generate`` — silenced where they come from, not by hiding every warning.

The subprocesses run with ``PYTHONWARNINGS=default`` (every warning shown once per place) and with transformers'
progress bars at their default (on), as a user's interpreter has them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import glassbox
from glassbox.generation import generate_steps, kv_cache_argument
from glassbox.models.tokens import encode
from glassbox.schema.models import SamplingSettings


def _python(code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONWARNINGS": "default"}
    env.pop("TRANSFORMERS_VERBOSITY", None)
    env.pop("HF_HUB_DISABLE_PROGRESS_BARS", None)
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False, env=env
    )


def test_load_model_prints_no_progress_bar_and_restores_the_setting(tiny_dir: dict[str, Path]) -> None:
    code = (
        "import glassbox\n"
        "from transformers.utils import logging as hf_logging\n"
        "assert hf_logging.is_progress_bar_enabled()\n"
        "glassbox.load_model(device='cpu')\n"
        f"glassbox.load_model({str(tiny_dir['llama'])!r}, device='cpu')\n"
        "print('bars still on:', hf_logging.is_progress_bar_enabled())\n"
    )
    out = _python(code)
    assert out.returncode == 0, out.stderr
    assert "Loading weights" not in out.stderr
    assert out.stderr.strip() == ""
    assert "bars still on: True" in out.stdout  # only inside load_model, not switched off for the caller


def test_generate_command_writes_nothing_to_stderr(tiny_dir: dict[str, Path]) -> None:
    for model in (None, str(tiny_dir["llama"])):
        args = ["-m", "glassbox.cli", "generate", "--prompt", "Hello", "-n", "3", "--seed", "1"]
        if model:
            args += ["--model", model]
        env = {**os.environ, "PYTHONWARNINGS": "default"}
        out = subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=120, check=False, env=env)
        assert out.returncode == 0, out.stderr
        assert "deprecated" not in out.stderr and "Warning" not in out.stderr, out.stderr
        assert out.stderr.strip() == "", out.stderr
        assert out.stdout.startswith("Hello")


def test_generation_uses_the_cache_argument_without_warnings(tiny_models: dict[str, Any]) -> None:
    for family, model in tiny_models.items():
        assert kv_cache_argument(model.hf) in ("cache", "past_key_values")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            steps = list(generate_steps(model, encode(model, "Hello"), SamplingSettings(temperature=0.0), 3))
        assert len(steps) == 3, family
        assert [str(w.message) for w in caught if issubclass(w.category, FutureWarning | DeprecationWarning)] == []


def test_the_cached_steps_still_match_recomputing(tiny_models: dict[str, Any]) -> None:
    # the cache really is passed back in (a dropped cache would make every step see one token only)
    model = tiny_models["gpt2"]
    s = SamplingSettings(temperature=0.0)
    ids = encode(model, "Hello world")
    cached = [r.probs for _, r in generate_steps(model, ids, s, 4, stop_at_eos=False)]
    fresh = [r.probs for _, r in generate_steps(model, ids, s, 4, stop_at_eos=False, use_kv_cache=False)]
    for a, b in zip(cached, fresh, strict=True):
        assert abs(a - b).max() < 1e-5


def test_embedded_generate_has_no_future_warning() -> None:
    model = glassbox.load_model(device="cpu")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        glassbox.generate(model, "Hello", max_new_tokens=3, seed=0)
    assert [w for w in caught if issubclass(w.category, FutureWarning)] == []
