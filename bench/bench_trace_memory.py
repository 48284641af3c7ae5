"""Memory and time of a trace: a bare HF forward vs glassbox's default capture vs ``capture="all"``.

Random-weight models of real shapes (GPT-2 small; Llama-3.2-1B), prompts of 64 / 512 / 2,048 tokens. Every
(shape, tokens, mode) case runs in its own child process, so one case's allocations never inflate another's:
the child builds the model, resets the kernel's RSS high-water mark (``/proc/self/clear_refs`` ← 5, Linux ≥ 4.0),
runs the case, and reports ``VmHWM`` − the RSS right after loading ("beyond the loaded model") and the median
wall time. ``capture="all"`` is the capture every trace used before the default became memory-bounded, so its
column is the "before" figure.

    .venv/bin/python bench/bench_trace_memory.py [--shapes gpt2,llama1b] [--tokens 64,512,2048] [--write]

The Llama-3.2-1B cases need about 12 GB of free memory; run nothing else large beside them.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import torch

sys.path.insert(0, str(Path(__file__).parent))

#: the shape of Llama-3.2-1B (1.24 B parameters), built with random weights (bench_peers.py builds the same)
LLAMA_1B: dict[str, Any] = {
    "vocab_size": 128256,
    "hidden_size": 2048,
    "intermediate_size": 8192,
    "num_hidden_layers": 16,
    "num_attention_heads": 32,
    "num_key_value_heads": 8,
    "max_position_embeddings": 4096,
    "rope_theta": 500000.0,
    "tie_word_embeddings": True,
}

#: ``views``: the default capture, then what the app asks of it: the next-token prediction, the logit lens of the
#: window of 64 positions the app shows, the all-heads grid, and one layer's attention pattern and MLP neurons
#: (peak memory of the trace and of those together)
MODES = ("bare", "default", "views", "all")


def build(shape: str) -> Any:
    from glassbox.models.loading import wrap_model
    from glassbox.testing import tiny_tokenizer

    torch.manual_seed(0)
    if shape == "gpt2":
        from transformers import GPT2Config, GPT2LMHeadModel

        return wrap_model(GPT2LMHeadModel(GPT2Config()), tiny_tokenizer(), "gpt2-small-random")
    from transformers import LlamaConfig, LlamaForCausalLM

    config = LlamaConfig(**LLAMA_1B)
    return wrap_model(LlamaForCausalLM(config), tiny_tokenizer(), "llama-3.2-1b-random")


def _rss_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(field)


def child(shape: str, n: int, mode: str, repeats: int) -> dict[str, float]:
    import glassbox

    model = build(shape)
    ids = torch.randint(0, model.info.d_vocab, (n,), generator=torch.Generator().manual_seed(0)).tolist()
    batch = torch.tensor([ids])

    def run() -> object:
        if mode == "bare":
            with torch.no_grad():
                return model.hf(input_ids=batch, use_cache=False).logits
        if mode == "views":
            t = glassbox.trace(model, token_ids=ids)
            from glassbox.analysis.detail import attention_grid

            t.top_next(10)
            t.logit_lens(positions=range(max(0, n - 64), n), k=5)
            attention_grid(t)
            layer = model.adapter.n_layers // 2
            t[f"blocks.{layer}.attn.hook_pattern"]
            t[f"blocks.{layer}.mlp.hook_post"]
            return t
        return glassbox.trace(model, token_ids=ids, capture=mode)

    loaded = _rss_kib("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM: the build's transients are not the case's
    times = []
    nbytes = 0.0
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = run()
        times.append(time.perf_counter() - t0)
        nbytes = float(getattr(out, "nbytes", 0))
        del out
    return {
        "seconds": statistics.median(times),
        "beyond_mib": (_rss_kib("VmHWM") - loaded) / 1024,
        "trace_mib": nbytes / 2**20,
    }


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] == "--child":
        print(json.dumps(child(args[1], int(args[2]), args[3], int(args[4]))))
        return
    shapes = ["gpt2", "llama1b"]
    tokens = [64, 512, 2048]
    for i, a in enumerate(args):
        if a == "--shapes":
            shapes = args[i + 1].split(",")
        if a == "--tokens":
            tokens = [int(t) for t in args[i + 1].split(",")]
    load = os.getloadavg()
    print(f"load average at start: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; {torch.get_num_threads()} threads")
    header = "| shape | tokens | mode | time (s) | ÷ bare | peak RSS beyond model (MiB) | Trace.nbytes (MiB) |"
    rows = [header, "|---|---|---|---|---|---|---|"]
    print(header)
    for shape in shapes:
        for n in tokens:
            base = None
            for mode in MODES:
                if shape == "llama1b" and n >= 2048 and mode == "all":
                    # capture="all" stores 16 GB of scores and patterns alone here: more than this shared machine has
                    rows.append(f"| {shape} | {n} | all | (not run: > 24 GB) | | | |")
                    print(rows[-1])
                    continue
                repeats = 1 if shape == "llama1b" else 3
                out = subprocess.run(
                    [sys.executable, __file__, "--child", shape, str(n), mode, str(repeats)],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                r = json.loads(out.stdout.strip().splitlines()[-1])
                base = r["seconds"] if mode == "bare" else base
                ratio = r["seconds"] / base if base else float("nan")
                rows.append(
                    f"| {shape} | {n} | {mode} | {r['seconds']:.2f} | {ratio:.2f} | {r['beyond_mib']:.0f} "
                    f"| {r['trace_mib']:.0f} |"
                )
                print(rows[-1], flush=True)
    load = os.getloadavg()
    print(f"load average at end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    if "--write" in args:
        from _common import write_section

        write_section(
            "Memory-bounded traces",
            "`bench/bench_trace_memory.py` (see its docstring for the method: a child process per case, peak RSS "
            "from the kernel's VmHWM after resetting it post-load). `all` = the old default capture (before).\n\n"
            + "\n".join(rows)
            + f"\n\nLoad average at the end: {load[0]:.2f} (a shared 2-core machine: compare ratios).",
        )


if __name__ == "__main__":
    main()
