"""What the Why and Circuits files add to ``glassbox export``, per prompt, on the embedded model: time and bytes.

For the ten prompts of ``bench_export.py`` (16 new tokens each, the command's default) it measures, in one run,

* the time of each stage of a prompt: its trace (what an export without the new files does), its Why file
  (``glassbox.export_views.why_export``) and its Circuits file (``circuits_export``: the graph and its feature
  cards), each against one ``/api/predict`` forward pass on the same prompt measured beside it — on a shared machine
  the seconds move with the other load, the ratios less;
* the bytes of each file as written and gzipped (what a host that compresses sends), and the graph's size.

    .venv/bin/python bench/bench_export_views.py            # print the tables
    .venv/bin/python bench/bench_export_views.py --write    # and rewrite its section of docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import write_section
from bench_export import NEW_TOKENS, PROMPTS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the section of docs/benchmarks.md")
    args = parser.parse_args()

    import glassbox
    from glassbox.analysis.prediction import next_token_prediction
    from glassbox.export_site import script_of
    from glassbox.export_views import circuits_export, export_transcoders, why_export
    from glassbox.models.tokens import encode
    from glassbox.traces import model_card, trace_prompt

    model = glassbox.load_model()
    model_id = model_card(model).id
    tc = export_transcoders(model)
    assert tc is not None, "the embedded model ships its transcoders"
    trace_prompt(model, PROMPTS[0], max_new_tokens=1)  # warm-up: first-call costs are not a prompt's
    load_before = os.getloadavg()[0]
    rows = []
    for i, prompt in enumerate(PROMPTS):
        ids = encode(model, prompt)
        forwards = []
        for _ in range(5):
            t0 = time.perf_counter()
            next_token_prediction(model, ids, [], 20)
            forwards.append(time.perf_counter() - t0)
        key = f"p{i + 1:04d}"
        t0 = time.perf_counter()
        trace = trace_prompt(model, prompt, max_new_tokens=NEW_TOKENS)
        t1 = time.perf_counter()
        why = why_export(model, trace, model_id)
        t2 = time.perf_counter()
        graph = circuits_export(model, prompt, model_id, tc)
        t3 = time.perf_counter()
        files = {
            "trace": script_of(key, trace).encode(),
            "why": script_of(f"{key}-why", why).encode(),
            "circuits": script_of(f"{key}-circuits", graph).encode(),
        }
        rows.append(
            {
                "prompt": prompt,
                "tokens": len(trace.tokens),
                "forward": statistics.median(forwards),
                "s": {"trace": t1 - t0, "why": t2 - t1, "circuits": t3 - t2},
                "bytes": {k: len(v) for k, v in files.items()},
                "gz": {k: len(gzip.compress(v, 9)) for k, v in files.items()},
                "nodes": len(graph.graph.nodes),
                "edges": len(graph.graph.edge_weights),
                "cards": len(graph.cards),
            }
        )
    load_after = os.getloadavg()[0]

    info = model.info
    lines = [
        f"`bench/bench_export_views.py` on {model.name} ({info.n_layers} layers, vocabulary {info.d_vocab:,}) with "
        f"its shipped transcoders, {NEW_TOKENS} new tokens per prompt, CPU ({platform.machine()}, torch threads as "
        f"tuned by `load_model`), load average {load_before:.1f} before and {load_after:.1f} after (a shared "
        "machine: the seconds move with the other load; each is also given as a multiple of one `/api/predict` "
        "forward pass on the same prompt, measured beside it). Per prompt, each stage of `glassbox export`: the "
        "trace (all an export without the new files does), the Why file and the Circuits file (the graph and its "
        "feature cards); then each file's bytes as written and gzipped.",
        "",
        "| prompt | tokens | trace s | Why s | Circuits s | Why × forward | Circuits × forward "
        "| trace file | Why file | Circuits file | Why gz | Circuits gz | nodes / edges / cards |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        s, b, g = r["s"], r["bytes"], r["gz"]
        lines.append(
            f"| {r['prompt']} | {r['tokens']} | {s['trace']:.2f} | {s['why']:.2f} | {s['circuits']:.2f} | "
            f"{s['why'] / r['forward']:.0f}× | {s['circuits'] / r['forward']:.0f}× | {b['trace']:,} | {b['why']:,} | "
            f"{b['circuits']:,} | {g['why']:,} | {g['circuits']:,} | {r['nodes']} / {r['edges']:,} / {r['cards']} |"
        )

    def total(part: str, key: str) -> float:
        return float(sum(r[part][key] for r in rows))

    lines.append(
        f"| **all {len(rows)}** | | {total('s', 'trace'):.1f} | {total('s', 'why'):.1f} | "
        f"{total('s', 'circuits'):.1f} | | | {total('bytes', 'trace'):,.0f} | {total('bytes', 'why'):,.0f} | "
        f"{total('bytes', 'circuits'):,.0f} | {total('gz', 'why'):,.0f} | {total('gz', 'circuits'):,.0f} | |"
    )
    without = total("bytes", "trace")
    with_all = without + total("bytes", "why") + total("bytes", "circuits")
    t_without = total("s", "trace")
    t_all = t_without + total("s", "why") + total("s", "circuits")
    lines += [
        "",
        f"With both new files the prompts' data are {with_all / without:.2f}× the bytes of an export without them "
        f"(`--no-why --no-circuits`) and took {t_all / t_without:.1f}× the time, in this run.",
    ]
    body = "\n".join(lines)
    print(body)
    if args.write:
        write_section("Static export: the Why and Circuits files", body)


if __name__ == "__main__":
    main()
