"""Live micro-training throughput: what the page runs vs a bare PyTorch loop, same micro model, same batches.

The live run (:class:`glassbox.training.live.LiveRun`, the code behind ``/api/training/live``) trains in a
background thread, appends an event per step (loss, lr, tokens/s), makes greedy samples every
``sample_every`` steps, checks its stop/abandon/time bounds every step, and is watched by a listener that
does what the server-sent event route does (poll the event log every 0.2 s, serialise each event to JSON).
The bare loop only does forward, backward, clip, AdamW step on the same initial weights and batches, with the
same thread count. The ratio ``live tokens/s ÷ bare tokens/s`` (median of the repeats, each repeat running
both back to back, in alternating order) must be ≥ 0.9.

    .venv/bin/python bench/bench_live.py [--repeats 5] [--steps 200] [--write]

Results are printed; ``--write`` puts them in the "## Live micro-training" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import logging
import platform
import statistics
import threading
import time
from typing import Any

import torch

from _common import bare_training_seconds, write_section
from glassbox.schema.api_training import LiveSample
from glassbox.training.live import LiveLimits, LiveManager, LiveRun, live_config, sse_message
from glassbox.training.recipe import auto_threads, set_threads

TITLE = "Live micro-training"


def listen(run: LiveRun, done: threading.Event) -> int:
    """What ``GET /api/training/live/{id}/events`` does with the event log; returns the bytes it would send."""
    index, sent = 0, 0
    while True:
        finished = done.is_set()
        events = run.events_from(index)
        for event in events:
            sent += len(sse_message(event))
        index += len(events)
        if finished:
            return sent
        time.sleep(0.2)


def live_seconds(run: LiveRun) -> float:
    """Wall-clock seconds for the live run's steps (prepared beforehand), watched like the page watches it."""
    done = threading.Event()
    out: dict[str, int] = {}
    watcher = threading.Thread(target=lambda: out.setdefault("bytes", listen(run, done)))
    run.listeners = 1
    watcher.start()
    t0 = time.perf_counter()
    run.start()
    run.join()
    elapsed = time.perf_counter() - t0
    done.set()
    watcher.join()
    assert run.state == "done", (run.state, run.reason)
    return elapsed


def bare_seconds(run: LiveRun) -> float:
    """Seconds for the same number of plain PyTorch steps on the live run's model shape and batches."""
    assert run._source is not None
    config = run.config.replace(d_vocab=max(len(run.tokenizer), 2))
    set_threads(config)
    # build_model is seeded: the bare loop starts from the live run's initial weights
    return bare_training_seconds(config, run._source.batch, min(config.steps, run.limits.max_steps))


def new_run(steps: int, threads: int) -> LiveRun:
    manager = LiveManager(LiveLimits(max_steps=steps, max_seconds=3600, abandon_after_s=3600))
    run = manager.create(None, config=live_config().replace(steps=steps, threads=threads))
    run.stop("stopped")  # the thread prepares (tokenizer, batches, model, first samples) and then stops
    run.join()
    assert run.model is not None and run.step == 0, (run.state, run.reason, run.step)
    run.state, run.reason = "stopped", None
    run.events.clear()
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--write", action="store_true", help="write the results into docs/benchmarks.md")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    threads = auto_threads()  # chosen once: both loops of every repeat run with the same number of threads
    live, bare, ratios = [], [], []
    info: dict[str, Any] = {}
    for r in range(args.repeats):
        run = new_run(args.steps, threads)
        tokens = args.steps * run.config.tokens_per_step
        order = ("live", "bare") if r % 2 == 0 else ("bare", "live")
        seconds = {}
        for which in order:
            seconds[which] = live_seconds(run) if which == "live" else bare_seconds(run)
        l_tps, b_tps = tokens / seconds["live"], tokens / seconds["bare"]
        live.append(l_tps)
        bare.append(b_tps)
        ratios.append(l_tps / b_tps)
        info = {
            "threads": threads,
            "params": sum(p.numel() for p in run.model.parameters()),
            "vocab": len(run.tokenizer),
            "samples": sum(1 for e in run.events if isinstance(e, LiveSample)),
            "config": run.config,
        }
        print(f"repeat {r + 1}: live {l_tps:,.0f} tok/s, bare {b_tps:,.0f} tok/s, ratio {ratios[-1]:.3f}")
    ratio = statistics.median(ratios)
    verdict = "PASS" if ratio >= 0.9 else "FAIL"
    print(f"median ratio live/bare = {ratio:.3f} (target ≥ 0.9): {verdict}")
    cfg = info["config"]
    body = f"""
`bench/bench_live.py`: tokens/s of the live micro-training run the page starts (`glassbox.training.live`:
background thread, an event per step, {info["samples"]} greedy sample sets per run, stop/abandon/time checks,
watched by a listener that polls and serialises the events as the server-sent event route does) ÷ a
bare PyTorch loop (forward, backward, clip, AdamW step) on the same micro model ({cfg.n_layers} layers,
d_model {cfg.d_model}, {info["vocab"]:,}-token vocabulary, {info["params"]:,} parameters), the same initial
weights and batches ({cfg.batch_size} × {cfg.n_ctx} tokens) and {info["threads"]} CPU thread(s),
{args.steps} steps per run, median of {args.repeats} repeats. Target ≥ 0.9.

| | tokens/s (median) |
|---|---|
| bare PyTorch loop | {statistics.median(bare):,.0f} |
| live micro-training | {statistics.median(live):,.0f} |
| **ratio** | **{ratio:.3f}** ({verdict}) |

Per-repeat ratios: {", ".join(f"{x:.3f}" for x in ratios)}. Machine: {platform.machine()}, torch
{torch.__version__}, measured {time.strftime("%Y-%m-%d")}; other processes shared the 2 cores, so absolute
numbers vary between runs — the ratio is what is compared.
"""
    if args.write:
        write_section(TITLE, body)
        print(f"wrote the '{TITLE}' section of docs/benchmarks.md")


if __name__ == "__main__":
    main()
