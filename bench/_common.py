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


def paired_medians(fns: dict[str, Callable[[], object]], repeats: int = 7, warmup: int = 1) -> dict[str, float]:
    """Median wall-clock seconds of each function, the functions run in turn within every repeat.

    Interleaving matters on a shared machine: a burst of load from another process then slows every
    contender of that repeat alike, instead of only the one measured during the burst.
    """
    for _ in range(warmup):
        for fn in fns.values():
            fn()
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeats):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    return {name: statistics.median(ts) for name, ts in times.items()}


def write_section(title: str, body: str) -> None:
    """Replace (or append) the ``## title`` section of docs/benchmarks.md with ``body``."""
    from pathlib import Path

    doc = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n"
    head = f"## {title}\n"
    section = head + "\n" + body.strip() + "\n"
    if head in text:
        start = text.index(head)
        nxt = text.find("\n## ", start + len(head))
        text = text[:start] + section + (text[nxt:] if nxt != -1 else "")
    else:
        text = text.rstrip() + "\n\n" + section
    doc.write_text(text, encoding="utf-8")


def bare_training_seconds(config: Any, batch: Callable[[int], torch.Tensor], steps: int) -> float:
    """Seconds for ``steps`` plain PyTorch training steps (forward, backward, clip, AdamW, schedule) on a model
    built from ``config`` and the batches ``batch(step)``: the baseline the training benchmarks compare with."""
    from glassbox.training.recipe import build_model, lr_at

    model = build_model(config)
    model.train()
    opt = torch.optim.AdamW(
        model.parameters(),
        lr=config.learning_rate,
        betas=(config.beta1, config.beta2),
        weight_decay=config.weight_decay,
    )
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: lr_at(config, s) / config.learning_rate)
    t0 = time.perf_counter()
    for step in range(steps):
        x = batch(step)
        loss = model(input_ids=x, labels=x).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), config.grad_clip)
        opt.step()
        sched.step()
        opt.zero_grad(set_to_none=True)
    return time.perf_counter() - t0
