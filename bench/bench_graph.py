"""Attribution graphs, measured in one run on the embedded glassbox-tiny model with its shipped transcoders.

For prompts of 16, 64 and the model's whole context (``n_ctx``, 128 for glassbox-tiny v1) tokens:

1. ``attribution_graph(model, ids)`` (every active feature attributed, pruned at the defaults) ÷ one plain forward
   pass of the same ids keeping nothing but the logits, the two interleaved in the same process
   (``paired_medians``);
2. the graph's size: active features, nonzero edges (unpruned), nodes and edges kept by the default pruning;
3. for the longest prompt, peak memory: the resident-set high-water mark (``VmHWM`` in ``/proc/self/status``)
   of a fresh Python process that loads the model and builds one graph, against a fresh process that loads the
   model and runs one plain forward — both include the interpreter, torch and the model, so the difference is
   what the graph itself needs.

The prompt is real text from the model's languages, encoded as glassbox encodes it (beginning-of-text token first)
and cut to the length measured.

    .venv/bin/python bench/bench_graph.py            # print the figures
    .venv/bin/python bench/bench_graph.py --write    # and rewrite its section of docs/benchmarks.md
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import paired_medians, write_section

# Several sentences in the model's training languages, long enough to fill a 512-token context if the model grows.
TEXT = (
    "The capital of France is Paris. The dog says woof. The sky is blue. Monday, Tuesday, Wednesday, Thursday. "
    "Hlavní město Francie je Paříž. Le chien dit ouaf. Столиця Франції — Париж. 法国的首都是巴黎。"
    "Mary and John went to the shop, and John gave a book to Mary. "
)


def prompt_ids(model: object, n: int) -> list[int]:
    """The first ``n`` tokens of ``TEXT`` repeated, encoded as every glassbox view encodes text."""
    from glassbox.models.tokens import _tokenize  # encode() would refuse the over-long text before the cut

    text = TEXT
    while True:
        ids = _tokenize(model, text, None)  # type: ignore[arg-type]
        if len(ids) >= n:
            return ids[:n]
        text += TEXT


def _peak_child(what: str, n: int) -> dict[str, float]:
    """Run this file in a fresh interpreter to measure one thing's peak RSS (MiB) and its wall time."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", what, str(n)], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _hwm_mib() -> float:
    """This process's resident-set high-water mark in MiB (``VmHWM``). Not ``getrusage``'s ``ru_maxrss``: Linux
    carries that over from the parent across fork + exec, so a child of a big parent would report the parent's."""
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # kB
    raise RuntimeError("no VmHWM in /proc/self/status (Linux only)")


def child(what: str, n: int) -> None:
    import torch

    import glassbox
    from glassbox.capture.forward import capture_filter, run_forward

    model = glassbox.load_model()
    ids = prompt_ids(model, n)
    loaded = _hwm_mib()
    if what == "graph":
        glassbox.attribution_graph(model, ids)
    else:
        with torch.no_grad():
            run_forward(model, ids, capture_filter("none"))
    peak = _hwm_mib()
    print(json.dumps({"loaded_mib": loaded, "peak_mib": peak}))


def main() -> None:
    import torch

    import glassbox
    from glassbox.capture.forward import capture_filter, run_forward

    model = glassbox.load_model()
    n_ctx = model.info.n_ctx
    lengths = sorted({min(16, n_ctx), min(64, n_ctx), n_ctx})
    rows = []
    for n in lengths:
        ids = prompt_ids(model, n)

        def forward(ids: list[int] = ids) -> None:
            with torch.no_grad():
                run_forward(model, ids, capture_filter("none"))

        t = paired_medians(
            {"graph": lambda ids=ids: glassbox.attribution_graph(model, ids), "forward": forward},
            repeats=5 if n < n_ctx else 1,
            warmup=1 if n < n_ctx else 0,
        )
        g = glassbox.attribution_graph(model, ids)
        rows.append(
            {
                "n": n,
                "graph_s": t["graph"],
                "forward_s": t["forward"],
                "features": g.n_features,
                "edges": int(g.weights.numel()),
                "kept_nodes": int(g.node_mask.sum()),
                "kept_edges": int(g.edge_mask.sum()),
                "replacement": g.replacement_score,
                "completeness": g.completeness_score,
            }
        )
    mem_graph = _peak_child("graph", n_ctx)
    mem_fwd = _peak_child("forward", n_ctx)
    load = os.getloadavg()

    lines = [
        f"glassbox-tiny v1 (context {n_ctx}) with its shipped transcoders; `bench/bench_graph.py`; CPU, "
        f"{torch.get_num_threads()} torch thread(s); load average at the end {load[0]:.2f} / {load[1]:.2f} "
        f"(1 / 5 min). Graph = `attribution_graph(model, ids)` with the defaults (every active feature attributed, "
        "pruned at 0.8 / 0.98); baseline = one plain forward of the same ids keeping only the logits, interleaved "
        "in the same process (medians).",
        "",
        "| tokens | graph | forward | graph ÷ forward | active features | edges (unpruned) | kept nodes | kept edges "
        "| replacement | completeness |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['n']} | {r['graph_s'] * 1e3:.0f} ms | {r['forward_s'] * 1e3:.2f} ms | "
            f"{r['graph_s'] / r['forward_s']:.0f}× | {r['features']} | {r['edges']} | {r['kept_nodes']} | "
            f"{r['kept_edges']} | {r['replacement']:.3f} | {r['completeness']:.3f} |"
        )
    lines += [
        "",
        f"Peak memory, {n_ctx} tokens (RSS high-water `VmHWM`, a fresh process each): model loaded "
        f"{mem_graph['loaded_mib']:.0f} MiB; after one graph {mem_graph['peak_mib']:.0f} MiB; after one plain "
        f"forward {mem_fwd['peak_mib']:.0f} MiB — the graph needs "
        f"{mem_graph['peak_mib'] - mem_fwd['peak_mib']:.0f} MiB more than the forward "
        f"({mem_graph['peak_mib'] / mem_fwd['peak_mib']:.2f}× the process's peak).",
    ]
    body = "\n".join(lines)
    print(body)
    if "--write" in sys.argv:
        write_section("Attribution graphs (glassbox-tiny, shipped transcoders)", body)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]))
    else:
        main()
