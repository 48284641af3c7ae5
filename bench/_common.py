"""Shared helpers for the benchmarks: a GPT-2-small-size model with random weights, and timing."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

import torch


def gpt2_small(seed: int = 0) -> Any:
    """A GPT-2-small-size model (124M parameters, 50,257 tokens) with random weights, wrapped for glassbox."""
    from transformers import GPT2Config, GPT2LMHeadModel

    from glassbox.models.loading import wrap_model
    from glassbox.testing import tiny_tokenizer

    torch.manual_seed(seed)
    hf = GPT2LMHeadModel(GPT2Config())  # the defaults are GPT-2 small
    return wrap_model(hf, tiny_tokenizer(), "gpt2-small-random")


def median_time(fn: Callable[[], object], repeats: int = 7, warmup: int = 2) -> float:
    """Median wall-clock seconds of ``fn`` over ``repeats`` runs after ``warmup`` runs."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)
