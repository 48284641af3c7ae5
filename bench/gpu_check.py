"""The check to run when the `device` tool lends a GPU: parity on CUDA, and traces at real sizes.

    .venv/bin/python bench/gpu_check.py [--out artifacts/gpu-check.json] [--skip-8b]
    .venv/bin/python bench/gpu_check.py --dry-run   # the same steps on the CPU, tiny shapes (a unit test runs it)

One script, so that a session with 15 minutes of device time runs it once (`make gpu-check`) and keeps the JSON:

1. **Parity on the device.** Every family of ``glassbox.testing.ALL_MODEL_TYPES``, a tiny random model each, loaded
   by glassbox in float32 and in bfloat16 on the device; the logits of ``glassbox.trace`` against the plain Hugging
   Face forward of the same model *on the same device in the same dtype*. TF32 is switched off, so float32 is held
   to the CPU suite's 1e-5 × max(1, |logits|); bfloat16 to the CPU suite's rule (tests/integration/
   test_reduced_precision.py): within 0.016 of HF's bfloat16 logits, or no further from HF's float32 logits than
   twice HF's own bfloat16 forward is, plus a quarter of that tolerance.
2. **A 1B shape** (Llama-3.2-1B's, random weights, bfloat16): a bare HF forward, glassbox's default trace and a
   prediction from it, at 512 and 2,048 tokens — seconds (CUDA-synchronised, median of 3) and peak device memory
   beyond the loaded weights (``torch.cuda.max_memory_allocated`` after ``reset_peak_memory_stats``).
3. **An 8B shape** (Llama-3.1-8B's, random weights, bfloat16): the same trace at 512 tokens, and 16 greedy tokens
   through ``glassbox.generate``.

Exit status 1 when any parity row fails, so the device run's ``rc`` says it at a glance. Nothing in ``make test``
needs a GPU: the unit test runs ``--dry-run`` (CPU, tiny shapes, every family).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch

#: the tolerances of the CPU suite (tests/integration/test_parity.py, test_reduced_precision.py)
TOL = {"float32": 1e-5, "bfloat16": 0.016}

#: (name, hidden, intermediate, layers, heads, kv heads, vocab) of the real shapes, and a tiny stand-in for --dry-run
SHAPES = {
    "llama-3.2-1b": (2048, 8192, 16, 32, 8, 128256),
    "llama-3.1-8b": (4096, 14336, 32, 32, 8, 128256),
    "tiny": (64, 128, 2, 4, 2, 512),
}


def _sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def _timed(fn: Callable[[], Any], device: torch.device, repeats: int) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(repeats):
        out = None  # the previous repeat's trace is freed before the next one runs
        _sync(device)
        t0 = time.perf_counter()
        out = fn()
        _sync(device)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def parity(device: torch.device, folder: Path) -> list[dict[str, Any]]:
    """Max |Δ logits| of glassbox vs HF on ``device`` for every family and dtype."""
    import glassbox
    from glassbox.testing import ALL_MODEL_TYPES, LONG_PROMPT, make_tiny_model

    rows = []
    for family in ALL_MODEL_TYPES:
        path = make_tiny_model(folder / family, family)
        ref32: torch.Tensor | None = None  # HF's float32 logits: how far HF's own bfloat16 forward strays from them
        for dtype in ("float32", "bfloat16"):
            model = glassbox.load_model(str(path), device=str(device), dtype=dtype)
            t = glassbox.trace(model, LONG_PROMPT)
            with torch.no_grad():
                ids = torch.tensor([t.token_ids], device=device)
                ref = model.hf(input_ids=ids, attention_mask=torch.ones_like(ids), use_cache=False).logits[0].float()
            ours = t.logits.float()
            diff = float((ours - ref).abs().max())
            if dtype == "float32":
                ref32 = ref
                tol = TOL[dtype] * max(1.0, float(ref.abs().max()))
                ok = diff <= tol
            else:  # the CPU suite's rule: within TOL of HF's bfloat16, or no further from float32 than HF is
                assert ref32 is not None
                ours_vs_32, hf_vs_32 = float((ours - ref32).abs().max()), float((ref - ref32).abs().max())
                tol = TOL[dtype]
                ok = diff <= tol or ours_vs_32 <= 2 * hf_vs_32 + tol / 4
            rows.append({"family": family, "dtype": dtype, "max_abs_diff": diff, "tolerance": tol, "ok": ok})
            print(f"parity {family:14s} {dtype:8s} {diff:.2e} {'ok' if ok else 'FAIL'}", flush=True)
    return rows


def device_map_check(folder: Path) -> dict[str, Any]:
    """A tiny Llama loaded with ``device_map`` (accelerate): ``"auto"`` on one GPU, ``"balanced"`` over every GPU when
    there are several (then the trace runs each block on its own GPU); the trace's logits against HF's own forward."""
    import glassbox
    from glassbox.testing import LONG_PROMPT, make_tiny_model

    path = make_tiny_model(folder / "device-map", "llama", num_hidden_layers=4)
    policy = "balanced" if torch.cuda.device_count() > 1 else "auto"
    model = glassbox.load_model(str(path), device_map=policy)
    t = glassbox.trace(model, LONG_PROMPT)
    with torch.no_grad():
        ids = torch.tensor([t.token_ids], device=model.device)
        ref = model.hf(input_ids=ids, attention_mask=torch.ones_like(ids), use_cache=False).logits[0].float()
    diff = float((t.logits.float() - ref.to(t.logits.device)).abs().max())
    ok = diff <= TOL["float32"] * max(1.0, float(ref.abs().max()))
    devices = model.adapter.placement.devices()
    print(f"device map {policy}: {devices}, max |Δ logits| {diff:.2e} {'ok' if ok else 'FAIL'}", flush=True)
    return {"policy": policy, "devices": devices, "max_abs_diff": diff, "ok": ok}


def build(shape: str, device: torch.device, dtype: torch.dtype) -> Any:
    """A random-weight Llama of ``shape`` on ``device`` in ``dtype``, wrapped for glassbox."""
    from transformers import LlamaConfig, LlamaForCausalLM

    from glassbox.models.loading import wrap_model
    from glassbox.testing import tiny_tokenizer

    hidden, inter, layers, heads, kv, vocab = SHAPES[shape]
    config = LlamaConfig(
        vocab_size=vocab,
        hidden_size=hidden,
        intermediate_size=inter,
        num_hidden_layers=layers,
        num_attention_heads=heads,
        num_key_value_heads=kv,
        max_position_embeddings=4096,
        rope_theta=500000.0,
        tie_word_embeddings=shape != "llama-3.1-8b",
    )
    torch.manual_seed(0)
    previous = torch.get_default_dtype()
    torch.set_default_dtype(dtype)  # built in its dtype on its device: an 8B model never exists in float32
    try:
        with torch.device(device):
            hf = LlamaForCausalLM(config)
    finally:
        torch.set_default_dtype(previous)
    return wrap_model(hf, tiny_tokenizer(), shape, device=str(device))


def _peak(device: torch.device) -> Callable[[], float]:
    """A function returning the peak memory (MiB) allocated beyond what was allocated when this was called."""
    if device.type == "cuda":
        base = torch.cuda.memory_allocated(device)
        torch.cuda.reset_peak_memory_stats(device)
        return lambda: (torch.cuda.max_memory_allocated(device) - base) / 2**20
    return lambda: float("nan")  # the CPU: see bench/bench_trace_memory.py for RSS figures


def _bare(model: Any, batch: torch.Tensor) -> Any:
    with torch.no_grad():
        return model.hf(input_ids=batch, use_cache=False).logits


def _traced(model: Any, ids: list[int]) -> Any:
    import glassbox

    t = glassbox.trace(model, token_ids=ids)
    t.top_next(5)
    return t


def trace_bench(shape: str, tokens: list[int], device: torch.device, repeats: int) -> list[dict[str, Any]]:
    """Bare forward vs glassbox's default trace (+ its prediction) on a random model of ``shape``."""
    model = build(shape, device, torch.bfloat16 if device.type == "cuda" else torch.float32)
    rows = []
    for n in tokens:
        ids = torch.randint(0, model.info.d_vocab, (n,), generator=torch.Generator().manual_seed(0)).tolist()
        batch = torch.tensor([ids], device=device)
        cases: list[tuple[str, Callable[[], Any]]] = [
            ("bare", lambda m=model, b=batch: _bare(m, b)),
            ("default", lambda m=model, i=ids: _traced(m, i)),
        ]
        for mode, fn in cases:
            peak = _peak(device)
            seconds = _timed(fn, device, repeats)[0]  # the trace is freed before the next case
            rows.append({"shape": shape, "tokens": n, "mode": mode, "seconds": seconds, "peak_mib": peak()})
            print(f"trace {shape} {n} {mode}: {seconds:.3f} s, peak {rows[-1]['peak_mib']:.0f} MiB", flush=True)
    if device.type == "cuda":
        torch.cuda.empty_cache()
    return rows


def generate_check(shape: str, device: torch.device, n: int) -> dict[str, Any]:
    import glassbox

    model = build(shape, device, torch.bfloat16 if device.type == "cuda" else torch.float32)
    seconds, result = _timed(lambda: glassbox.generate(model, "a b c", max_new_tokens=n, temperature=0), device, 1)
    out = {"shape": shape, "new_tokens": len(result.steps), "seconds": seconds}
    print(f"generate {shape}: {out['new_tokens']} tokens in {seconds:.2f} s", flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dry-run", action="store_true", help="the same steps on the CPU with tiny shapes")
    ap.add_argument("--out", type=Path, default=Path("artifacts/gpu-check.json"))
    ap.add_argument("--skip-8b", action="store_true", help="leave out the 8B shape")
    args = ap.parse_args(argv)
    if args.dry_run:
        device = torch.device("cpu")
    elif torch.cuda.is_available():
        device = torch.device("cuda")
        torch.backends.cuda.matmul.allow_tf32 = False  # float32 parity means float32 matmuls
        torch.backends.cudnn.allow_tf32 = False
    else:
        print("no CUDA device here: run with --dry-run for the CPU rehearsal", file=sys.stderr)
        return 2
    report: dict[str, Any] = {"device": torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu"}
    with tempfile.TemporaryDirectory() as tmp:
        report["parity"] = parity(device, Path(tmp))
        if importlib.util.find_spec("accelerate") is not None:
            report["device_map"] = device_map_check(Path(tmp))
    big = "tiny" if args.dry_run else "llama-3.2-1b"
    report["trace"] = trace_bench(big, [16, 64] if args.dry_run else [512, 2048], device, 1 if args.dry_run else 3)
    if not args.skip_8b:
        huge = "tiny" if args.dry_run else "llama-3.1-8b"
        report["trace"] += trace_bench(huge, [32] if args.dry_run else [512], device, 1)
        report["generate"] = generate_check(huge, device, 4 if args.dry_run else 16)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    failed = [r for r in report["parity"] if not r["ok"]]
    if not report.get("device_map", {"ok": True})["ok"]:
        failed.append(report["device_map"])
    print(f"wrote {args.out}; parity: {len(report['parity']) - len(failed)} ok, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
