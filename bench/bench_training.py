"""Training throughput: the glassbox training loop vs a bare PyTorch loop, same model, same batches.

The glassbox loop records everything the pre-training view needs (per-step loss/lr/tokens, held-out loss,
probe predictions, weight snapshots, resumable states); the bare loop only does forward, backward, clip,
step. Both run the default model architecture on the same data order and thread count. The ratio
``glassbox tokens/s ÷ bare tokens/s`` (median of the repeats, each repeat running both loops back to back)
must be ≥ 0.9: recording history must not slow training down.

    .venv/bin/python bench/bench_training.py [--repeats 5] [--steps 60] [--no-write]

Results are printed and written to the "## Training throughput" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import logging
import platform
import statistics
import tempfile
import time
from pathlib import Path

import torch

from _common import bare_training_seconds, write_section
from glassbox.training.config import preset
from glassbox.training.data import BatchSource, encode_documents
from glassbox.training.recipe import build_model, set_threads
from glassbox.training.train import prepare, train


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    # The default architecture with a smaller batch and corpus, so a repeat is short. The bookkeeping per step is
    # that of the real default run: per 100 steps it records one held-out loss, one set of probe predictions
    # (the real run: ~0.6) and one resumable state (the real run: 1, plus ~0.2 weight snapshots).
    config = preset("default").replace(
        corpus_size=4000,
        short_steps=0,  # one batch shape: the bare loop reads the same rows
        anneal_steps=0,
        steps=args.steps,
        batch_size=8,
        eval_interval=100,
        history_checkpoints=2,
        weight_checkpoints=0,
        state_interval=100,
    )
    threads = set_threads(config)
    config = config.replace(threads=threads)
    with tempfile.TemporaryDirectory() as tmp:
        corpus, raw_tok, _ = prepare(config, Path(tmp) / "data", reuse_tokenizer=False)
        source = BatchSource(encode_documents(raw_tok, corpus.train), config.n_ctx, config.batch_size, config.seed)
        tokens = config.steps * config.tokens_per_step
        ours, bare, ratios = [], [], []
        for r in range(args.repeats):
            result = train(config, Path(tmp) / f"run{r}", device="cpu", progress=False, evaluate=False)
            g_tps = tokens / result.history.train_seconds
            b_tps = tokens / bare_training_seconds(config, source.batch, config.steps)
            ours.append(g_tps)
            bare.append(b_tps)
            ratios.append(g_tps / b_tps)
            print(f"repeat {r + 1}: glassbox {g_tps:,.0f} tok/s, bare {b_tps:,.0f} tok/s, ratio {ratios[-1]:.3f}")
    ratio = statistics.median(ratios)
    verdict = "PASS" if ratio >= 0.9 else "FAIL"
    print(f"median ratio glassbox/bare = {ratio:.3f} (target ≥ 0.9): {verdict}")
    body = f"""
`bench/bench_training.py`: tokens/s of the glassbox training loop (per-step history, held-out loss, probe
predictions, weight snapshots and resumable states included) ÷ a bare PyTorch loop (forward, backward, clip,
AdamW step) on the same model (default architecture, {sum(p.numel() for p in build_model(config).parameters()):,}
parameters), the same batches ({config.batch_size} × {config.n_ctx} tokens) and {threads} CPU thread(s),
{config.steps} steps per run, median of {args.repeats} repeats. Target ≥ 0.9.

| | tokens/s (median) |
|---|---|
| bare PyTorch loop | {statistics.median(bare):,.0f} |
| glassbox train | {statistics.median(ours):,.0f} |
| **ratio** | **{ratio:.3f}** ({verdict}) |

Per-repeat ratios: {", ".join(f"{x:.3f}" for x in ratios)}. Machine: {platform.machine()}, torch
{torch.__version__}, measured {time.strftime("%Y-%m-%d")}; other processes shared the 2 cores, so absolute
numbers vary between runs — the ratio is what is compared.
"""
    if not args.no_write:
        write_section("Training throughput", body)
        print("wrote the Training throughput section of docs/benchmarks.md")


if __name__ == "__main__":
    main()
