"""glassbox's default trace beside TransformerLens 4.3 and nnsight 0.8: wall time and peak memory of one forward.

The method is ``bench_trace_memory.py``'s: every (tokens, tool) case runs in its own child process, which builds
the random-weight Llama-3.2-1B-shape model (the config of ``bench_trace_memory.build("llama1b")``, seed 0), wraps
it for its tool, reads the RSS, resets the kernel's RSS high-water mark (``/proc/self/clear_refs`` ← 5), runs one
untimed warm-up at 64 tokens and then the case once, timed, and reports ``VmHWM`` − that RSS ("peak RSS beyond
the model") and the seconds as JSON on its last stdout line. Token ids: ``torch.randint(0, vocab, (n,))`` with
``torch.Generator().manual_seed(0)``, passed as ids (no tokenizer runs).

What each tool computes and keeps:

- ``bare``: a plain Hugging Face forward (``use_cache=False``, under ``torch.no_grad()``), keeping the logits.
- ``glassbox``: ``glassbox.trace(model, token_ids=ids)``, the default capture (docs/python-api.md, "What the
  default capture stores": per-head results, attention scores and patterns, the MLP neurons, resid_mid, the block
  norms' outputs and the logits are recomputed on access, not stored).
- ``transformer_lens``: ``TransformerBridge.boot_transformers(..., hf_model=model, tokenizer=...)`` (which forces
  eager attention on the model) and ``bridge.run_with_cache(ids)``: its default full cache, every hook point of
  every layer (attention scores and patterns included) and the logits. No ``enable_compatibility_mode()``: the
  raw HF weights, so the numerics are HF's.
- ``nnsight``: ``LanguageModel(model, tokenizer=...)`` and, inside ``.trace(ids)``, ``.save()`` of what the app
  shows for every layer: the layer's output (the residual stream after the block), ``self_attn``'s output (the
  attention output before the residual add), ``mlp``'s output, the MLP neurons (``mlp.down_proj``'s input, i.e.
  ``act_fn(gate_proj(x)) * up_proj(x)``), the ``q_proj``, ``k_proj`` and ``v_proj`` outputs (before RoPE), and
  ``lm_head``'s output (the logits at every position). No attention pattern: the model keeps its default (SDPA)
  attention, which never forms one.

TransformerLens and nnsight run in their own interpreter (``--peers-python``, default ``.venv-peers/bin/python``;
``make bench-peers`` creates it) that does not have glassbox: the child rebuilds the model itself and runs with
``HF_HUB_OFFLINE=1``. TransformerLens's bridge requires a tokenizer object even with ``hf_model=``; the child gives
it a three-token word-level one saved to a temporary folder (only its name and BOS are read; ids go in directly).

    .venv/bin/python bench/bench_peers.py [--tokens 64,512] [--peers-python PATH] [--write]

Each case needs about 7 GB of free memory; run nothing else large beside them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import torch

sys.path.insert(0, str(Path(__file__).parent))
from bench_trace_memory import LLAMA_1B, _rss_kib  # torch and the standard library only: peers import it too

TOOLS = ("bare", "glassbox", "transformer_lens", "nnsight")
PEERS = ("transformer_lens", "nnsight")
SECTION = "Beside TransformerLens and nnsight"


def _llama1b() -> Any:
    """The random-weight Llama-3.2-1B shape of ``bench_trace_memory.build("llama1b")``, without glassbox."""
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(0)
    return LlamaForCausalLM(LlamaConfig(**LLAMA_1B)).eval()


def _tiny_tokenizer() -> Any:
    """A three-token word-level tokenizer, saved and reloaded so that it has a name and ``add_bos_token``."""
    import tempfile

    from tokenizers import Tokenizer
    from tokenizers.models import WordLevel
    from transformers import AutoTokenizer, PreTrainedTokenizerFast

    vocab = {"<unk>": 0, "<s>": 1, "</s>": 2}
    tok = PreTrainedTokenizerFast(
        tokenizer_object=Tokenizer(WordLevel(vocab, unk_token="<unk>")),
        bos_token="<s>",
        eos_token="</s>",
        unk_token="<unk>",
        pad_token="</s>",
    )
    folder = tempfile.mkdtemp(prefix="bench-peers-tok-")
    tok.save_pretrained(folder)
    return AutoTokenizer.from_pretrained(folder, add_bos_token=True)


def _runner(tool: str) -> tuple[Any, int]:
    """The loaded model's forward for ``tool`` (a function of a [1, n] id tensor) and the vocabulary size."""
    if tool in ("bare", "glassbox"):
        import glassbox
        from bench_trace_memory import build

        model = build("llama1b")
        if tool == "bare":

            def bare(batch: torch.Tensor) -> object:
                with torch.no_grad():
                    return model.hf(input_ids=batch, use_cache=False).logits

            return bare, model.info.d_vocab
        return lambda batch: glassbox.trace(model, token_ids=batch[0].tolist()), model.info.d_vocab
    hf = _llama1b()
    vocab = hf.config.vocab_size
    if tool == "transformer_lens":
        from transformer_lens.model_bridge import TransformerBridge

        bridge = TransformerBridge.boot_transformers("llama-3.2-1b-random", hf_model=hf, tokenizer=_tiny_tokenizer())

        def tl(batch: torch.Tensor) -> object:
            with torch.no_grad():
                return bridge.run_with_cache(batch)

        return tl, vocab
    import warnings

    from nnsight import LanguageModel

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # 0.8 marks LanguageModel deprecated in favour of TransformersModel
        lm = LanguageModel(hf, tokenizer=_tiny_tokenizer())

    def nn(batch: torch.Tensor) -> object:
        saved: list[Any] = []
        with torch.no_grad(), lm.trace(batch):
            for layer in lm.model.layers:
                attn = layer.self_attn
                saved.append(attn.q_proj.output.save())
                saved.append(attn.k_proj.output.save())
                saved.append(attn.v_proj.output.save())
                saved.append(attn.output[0].save())
                saved.append(layer.mlp.down_proj.input.save())
                saved.append(layer.mlp.output.save())
                saved.append(layer.output.save())
            saved.append(lm.lm_head.output.save())
        return saved

    return nn, vocab


def child(tool: str, n: int) -> dict[str, float]:
    run, vocab = _runner(tool)
    gen = torch.Generator().manual_seed(0)
    batch = torch.randint(0, vocab, (n,), generator=gen).unsqueeze(0)
    warm = torch.randint(0, vocab, (64,), generator=torch.Generator().manual_seed(0)).unsqueeze(0)
    loaded = _rss_kib("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM: the build's transients are not the case's
    out = run(warm)  # untimed warm-up at 64 tokens (its peak is at most the case's)
    del out
    t0 = time.perf_counter()
    out = run(batch)
    seconds = time.perf_counter() - t0
    del out
    return {"seconds": seconds, "beyond_mib": (_rss_kib("VmHWM") - loaded) / 1024}


def section(rows: list[str], load_start: float, load_end: float, threads: int) -> str:
    """The body of docs/benchmarks.md's section: the method, the table and what each tool kept."""
    body = (
        "`bench/bench_peers.py` (`make bench-peers`; its docstring has the method): the random-weight "
        "Llama-3.2-1B shape (1.24B parameters, float32, CPU), one child process per case that builds the model, "
        "resets the kernel's RSS high-water mark and runs one untimed 64-token warm-up, then one timed forward. "
        "`bare` and `glassbox` run in `.venv`; TransformerLens 4.3.0 and nnsight 0.8.1 in their own venv "
        "(same torch 2.13.0 CPU, transformers 5.24.0), offline, on the same weights (seed 0) and the same ids. "
        "One run, one repeat each: differences of a few tenths of a second are noise here.\n\n"
        + "\n".join(rows)
        + f"\n\nLoad average {load_start:.2f} at the start, {load_end:.2f} at the end; {threads} threads on a shared "
        "2-core, 24 GB machine (compare ratios, not seconds).\n\n"
        "What each kept after the forward:\n\n"
        "- `bare`: the logits.\n"
        '- `glassbox`: the default capture (see [python-api.md](python-api.md), "What the default capture '
        'stores"): every canonical hook name can be read afterwards; per-head results, attention scores and '
        "patterns, the MLP "
        "neurons, `hook_resid_mid`, the block norms' outputs and the logits are recomputed on access from what is "
        "stored. It runs glassbox's own instrumented forward.\n"
        "- `transformer_lens`: `TransformerBridge.boot_transformers(..., hf_model=...)` then `run_with_cache(ids)`, "
        "its default: every hook point (749 names here, 46 a layer; 344 distinct tensors, aliases counted once: "
        "q/k/v before and "
        "after RoPE, attention scores and patterns [head, pos, pos], z, the MLP's gate/up/neurons, residuals, norms, "
        "rotary cos/sin) and the logits, all stored (1 GiB of scores and patterns alone at 512 tokens). "
        "The bridge forces eager attention on the model (so the "
        "patterns exist); no `enable_compatibility_mode()` (raw HF weights).\n"
        "- `nnsight`: `LanguageModel(model).trace(ids)` with `.save()` of each layer's output (residual), "
        "`self_attn` output, `mlp` output, MLP neurons (`down_proj`'s input), `q_proj`/`k_proj`/`v_proj` "
        "outputs, and every position's logits: what the app shows, less the attention pattern, which nnsight "
        "does not form under the model's default SDPA attention (saving it would need eager attention and a "
        "hook inside the attention function). Nothing else is recomputed later: asking another question means "
        "another forward.\n\n"
        "So the memory column is the peak for what each tool keeps, not for the same content: TransformerLens "
        "keeps the most, and every tensor at once; nnsight keeps only the tensors asked for (no attention "
        "pattern, no per-head result, no norm outputs); glassbox can answer every canonical hook name afterwards, "
        "computing the largest kinds one layer at a time on access. The times are one forward each: at 64 tokens "
        "the four differ by less than this machine's noise (glassbox below bare there is noise, not a speed-up)."
    )
    return "\n".join(_wrap(line) for line in body.split("\n"))


def _wrap(line: str, width: int = 118) -> str:
    """One paragraph or list item of the section, wrapped like the rest of docs/benchmarks.md (tables kept)."""
    import textwrap

    if not line or line.startswith("|"):
        return line
    indent = "  " if line.startswith("- ") else ""
    return textwrap.fill(line, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] == "--child":
        print(json.dumps(child(args[1], int(args[2]))))
        return
    tokens = [64, 512]
    peers_python = ".venv-peers/bin/python"
    for i, a in enumerate(args):
        if a == "--tokens":
            tokens = [int(t) for t in args[i + 1].split(",")]
        if a == "--peers-python":
            peers_python = args[i + 1]
    if not Path(peers_python).exists():
        sys.exit(f"{peers_python} not found: `make bench-peers` creates .venv-peers, or pass --peers-python")
    start = os.getloadavg()
    print(f"load average at start: {start[0]:.2f} {start[1]:.2f} {start[2]:.2f}; {torch.get_num_threads()} threads")
    header = "| tokens | tool | time (s) | ÷ bare | peak RSS beyond model (MiB) |"
    rows = [header, "|---|---|---|---|---|"]
    print(header)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    for n in tokens:
        base = None
        for tool in TOOLS:
            python = peers_python if tool in PEERS else sys.executable
            out = subprocess.run([python, __file__, "--child", tool, str(n)], capture_output=True, text=True, env=env)
            if out.returncode != 0:
                tail = (out.stderr.strip().splitlines() or ["?"])[-1][:120]
                rows.append(f"| {n} | {tool} | failed: {tail} | | |")
                print(rows[-1], flush=True)
                continue
            r = json.loads(out.stdout.strip().splitlines()[-1])
            base = r["seconds"] if tool == "bare" else base
            ratio = r["seconds"] / base if base else float("nan")
            rows.append(f"| {n} | {tool} | {r['seconds']:.2f} | {ratio:.2f} | {r['beyond_mib']:.0f} |")
            print(rows[-1], flush=True)
    end = os.getloadavg()
    print(f"load average at end: {end[0]:.2f} {end[1]:.2f} {end[2]:.2f}")
    if "--write" in args:
        sys.path.insert(0, str(Path(__file__).parent))
        from _common import write_section

        write_section(SECTION, section(rows, start[0], end[0], torch.get_num_threads()))


if __name__ == "__main__":
    main()
