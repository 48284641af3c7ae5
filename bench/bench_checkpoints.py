"""Memory of the checkpoint replay (``glassbox serve --checkpoints``): one checkpoint at a time vs all at once.

Three checkpoint folders of a Pythia-70M-shape GPT-NeoX (6 layers, d_model 512, 50,304-token vocabulary, random
weights, a different seed each) are written to a temporary folder. Each contender runs in its own subprocess, which
reports its peak resident memory (``ru_maxrss``) before and after the work:

* ``replay`` — :meth:`CheckpointSet.replay` (42 probe prompts, each checkpoint loaded, used and freed in turn);
* ``all at once`` — the baseline: the same three checkpoints loaded together and kept (every weight read once,
  since weights are memory-mapped and read lazily), as a naive replay would.

The growth of the peak is reported as a multiple of one checkpoint's parameter bytes.

    .venv/bin/python bench/bench_checkpoints.py            # print the table
    .venv/bin/python bench/bench_checkpoints.py --write    # and rewrite the "## Checkpoint replay" section
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import write_section

SEEDS = (0, 1, 2)


def build(root: Path) -> list[Path]:
    import torch
    from transformers import GPTNeoXConfig, GPTNeoXForCausalLM

    from glassbox.testing import tiny_tokenizer

    tokenizer = tiny_tokenizer()
    config = GPTNeoXConfig(
        hidden_size=512,
        num_hidden_layers=6,
        num_attention_heads=8,
        intermediate_size=2048,
        vocab_size=50304,
        rotary_pct=0.25,
        max_position_embeddings=2048,
        use_parallel_residual=True,
        bos_token_id=0,
        eos_token_id=1,
    )
    folders = []
    for seed in SEEDS:
        torch.manual_seed(seed)
        model = GPTNeoXForCausalLM(config)
        folder = root / f"step{seed * 1000}"
        model.save_pretrained(folder)
        tokenizer.save_pretrained(folder)
        folders.append(folder)
    return folders


class PeakRss:
    """The highest resident memory seen, sampled every millisecond by a thread (``ru_maxrss`` will not do: it
    survives ``exec``, so a child would report its parent's peak)."""

    def __init__(self) -> None:
        import psutil

        self._proc = psutil.Process()
        self.peak = self._proc.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._proc.memory_info().rss)
            time.sleep(0.001)

    def reset(self) -> float:
        self.peak = self._proc.memory_info().rss
        return self.peak / 2**20

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return max(self.peak, self._proc.memory_info().rss) / 2**20


def child(mode: str, folders: list[str]) -> None:
    import torch

    from glassbox.training.checkpoint_replay import load_checkpoint_weights, open_checkpoints

    torch.set_num_threads(1)
    found = open_checkpoints(None, folders)
    watch = PeakRss()
    before = watch.reset()
    t0 = time.perf_counter()
    if mode == "replay":
        replay = found.replay()
        one = replay.peak_checkpoint_bytes
    else:
        kept = [load_checkpoint_weights(r, torch.device("cpu")) for r in found.refs]
        # weights are memory-mapped and read lazily: touch each one, as the replay's forwards do
        sum(float(p.sum()) for model in kept for p in model.parameters())
        one = sum(p.numel() * p.element_size() for p in kept[0].parameters())
    seconds = time.perf_counter() - t0
    print(json.dumps({"before_mb": before, "after_mb": watch.stop(), "one_mb": one / 2**20, "seconds": seconds}))


def run(mode: str, folders: list[Path]) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", mode, *map(str, folders)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    result: dict[str, float] = json.loads(out)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--child", nargs="+")
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1:])
        return
    with tempfile.TemporaryDirectory() as tmp:
        folders = build(Path(tmp))
        results = {mode: run(mode, folders) for mode in ("replay", "all at once")}
    one = results["replay"]["one_mb"]
    lines = [
        f"{len(SEEDS)} checkpoints of a Pythia-70M-shape GPT-NeoX (random weights, float32, {one:,.0f} MiB of "
        f"parameters each), 42 probe prompts; resident memory of a fresh process sampled every millisecond, "
        f"{platform.machine()}, 1 thread (`bench/bench_checkpoints.py`). The baseline loads the three together and "
        "reads every weight once. Seconds are not a race: the replay runs 252 forwards (42 probes, prompt and text, "
        "three checkpoints), the baseline only loads.",
        "",
        "| contender | resident before | peak during | growth | growth ÷ one checkpoint | seconds |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for mode, r in results.items():
        growth = r["after_mb"] - r["before_mb"]
        lines.append(
            f"| {mode} | {r['before_mb']:,.0f} MiB | {r['after_mb']:,.0f} MiB | {growth:,.0f} MiB | "
            f"{growth / one:.2f} | {r['seconds']:.1f} |"
        )
    body = "\n".join(lines)
    print(body)
    if args.write:
        write_section("Checkpoint replay", body)


if __name__ == "__main__":
    main()
