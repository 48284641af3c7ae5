"""Traced forward (default capture: every activation) vs a bare Hugging Face forward of the same model.

GPT-2-small-size config with random weights; prompts of 16, 64 and 256 tokens; median of 7 runs each,
both measured in this run. Target: ratio ≤ 1.5 for the default capture.

    .venv/bin/python bench/bench_trace.py [--write]   # --write: the "Tracing" section of docs/benchmarks.md
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
import glassbox
from _common import gpt2_small, paired_medians, write_section


def main() -> None:
    torch.set_num_threads(max(1, torch.get_num_threads()))
    model = gpt2_small()
    gen = torch.Generator().manual_seed(0)
    print(f"model: {model.info.n_params:,} parameters, {torch.get_num_threads()} threads")
    print(f"{'tokens':>6} {'HF forward (ms)':>16} {'glassbox trace (ms)':>20} {'ratio':>6} {'residual-only':>14}")
    rows = []
    for n in (16, 64, 256):
        ids = torch.randint(0, model.info.d_vocab, (n,), generator=gen).tolist()
        batch = torch.tensor([ids])

        def bare(batch: torch.Tensor = batch) -> object:
            with torch.no_grad():
                return model.hf(input_ids=batch, use_cache=False).logits

        def traced(ids: list[int] = ids) -> object:
            return glassbox.trace(model, token_ids=ids)

        def residual(ids: list[int] = ids) -> object:
            return glassbox.trace(model, token_ids=ids, capture="residual")

        m = paired_medians({"bare": bare, "full": traced, "resid": residual})
        base, full, resid = m["bare"], m["full"], m["resid"]
        print(f"{n:>6} {base * 1e3:>16.1f} {full * 1e3:>20.1f} {full / base:>6.2f} {resid / base:>13.2f}x")
        rows.append(f"| {n} | {base * 1e3:.1f} | {full * 1e3:.1f} | **{full / base:.2f}** | {resid / base:.2f} |")
    if "--write" in sys.argv:
        write_section(
            "Tracing",
            f"""`bench/bench_trace.py`: `glassbox.trace` (default capture: every activation a view needs) ÷ a bare
Hugging Face forward of the same model, GPT-2-small size with random weights ({model.info.n_params:,} parameters),
{torch.get_num_threads()} thread(s), median of 7 interleaved repeats. Target: ratio ≤ 1.5 for the default capture.

| prompt tokens | HF forward (ms) | glassbox trace (ms) | ratio | residual-only capture (ratio) |
|---|---|---|---|---|
"""
            + "\n".join(rows)
            + f"""

Machine: {platform.machine()}, torch {torch.__version__}; a shared 2-core machine, so compare ratios, not times.""",
        )


if __name__ == "__main__":
    main()
