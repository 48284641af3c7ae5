"""glassbox's attribution graph against circuit-tracer's, on the same model, transcoders and token ids.

circuit-tracer is an oracle here, never a dependency: it lives in its own venv (default ``/tmp/ct-venv``, or the
path in ``GLASSBOX_CT_VENV``), made with

    python -m venv /tmp/ct-venv
    /tmp/ct-venv/bin/pip install torch==2.13.0      # the CPU wheel, first
    /tmp/ct-venv/bin/pip install circuit-tracer

and is run through that venv's Python in a subprocess (``bench/_graph_oracle_child.py``) that writes its graph to
files this script reads back. Without that venv the script says so and exits 0 (it is not part of ``make test``).

The model is the embedded glassbox-tiny (a GPT-2) with its shipped transcoders (circuit-tracer's file format);
the prompts are the ones ``bench_graph.py`` measures (16 and 64 tokens, beginning-of-text token first). For each:

- node sets: circuit-tracer's active features (layer, position, feature) vs glassbox's, and the activations;
- the adjacency: glassbox's edges laid out in circuit-tracer's node order, max |Δ| over every entry, and that
  divided by the largest |entry|;
- the pruned graph at the defaults (0.8 / 0.98): nodes kept by one and not the other, edges kept;
- replacement and completeness scores;
- time: glassbox ``attribution_graph`` ÷ circuit-tracer ``attribute`` + ``prune_graph`` + ``compute_graph_scores``
  (glassbox's call includes its pruning and scores), medians, both on one torch thread.

    .venv/bin/python bench/bench_graph_oracle.py            # print the figures
    .venv/bin/python bench/bench_graph_oracle.py --write    # and rewrite its section of docs/benchmarks.md

With ``--clt [DIR]`` the same comparison runs with a *cross-layer* transcoder for glassbox-tiny instead (its own
section of docs/benchmarks.md): DIR (default ``/tmp/glassbox-clt-tiny``) is trained first when it holds none —
``glassbox transcoders train --kind clt`` for :data:`CLT_STEPS` steps, written there, never shipped — and
circuit-tracer reads the same folder with its ``load_clt``; prompts of :data:`CLT_LENGTHS` tokens.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _common import write_section
from bench_graph import prompt_ids

LENGTHS = (16, 64)
CLT_DIR = Path("/tmp/glassbox-clt-tiny")
CLT_STEPS = 300
CLT_LENGTHS = (16, 32)  # a CLT's layer-0 features fire more: 32 tokens already give ~9,000 feature nodes


def ct_python() -> Path | None:
    venv = Path(os.environ.get("GLASSBOX_CT_VENV", "/tmp/ct-venv"))
    py = venv / "bin" / "python"
    if not py.exists():
        return None
    check = subprocess.run([str(py), "-c", "import circuit_tracer"], capture_output=True, text=True)
    return py if check.returncode == 0 else None


def compare(model: Any, ids: list[int], ct_dir: Path, glassbox_s: float, graph: Any) -> dict[str, Any]:
    import torch
    from safetensors.torch import load_file

    from glassbox.capture.forward import capture_filter, run_forward

    ct = load_file(str(ct_dir / "ct_graph.safetensors"))
    meta = json.loads((ct_dir / "ct.json").read_text(encoding="utf-8"))
    n_layers, n_pos = graph.n_layers, graph.n_pos
    ct_feats = ct["active_features"][ct["selected_features"]]  # circuit-tracer's feature nodes, in its order
    gb_feats = graph.features
    ct_keys = [tuple(int(v) for v in row) for row in ct_feats.tolist()]
    gb_keys = [tuple(int(v) for v in row) for row in gb_feats.tolist()]
    ct_set, gb_set = set(ct_keys), set(gb_keys)
    out: dict[str, Any] = {
        "n": len(ids),
        "ct_features": len(ct_set),
        "gb_features": len(gb_set),
        "features_only_ct": len(ct_set - gb_set),
        "features_only_gb": len(gb_set - ct_set),
        "ct_logits": meta["logit_ids"],
        "gb_logits": list(graph.logit_ids),
        "ct_s": meta["median_s"],
        "gb_s": glassbox_s,
        "ct_replacement": meta["replacement"],
        "gb_replacement": graph.replacement_score,
        "ct_completeness": meta["completeness"],
        "gb_completeness": graph.completeness_score,
    }
    real = run_forward(model, ids, capture_filter("none"))["logits"][-1].float()
    out["logits_max_abs_diff"] = float((real - ct["real_logits"]).abs().max())
    if ct_set != gb_set or out["ct_logits"] != out["gb_logits"]:
        return out  # the layouts differ: no entry-by-entry comparison is meaningful

    # glassbox node index -> circuit-tracer node index: features by key, the rest share one layout
    pos_of = {k: i for i, k in enumerate(ct_keys)}
    f = len(gb_keys)
    perm = torch.empty(graph.n_nodes, dtype=torch.long)
    perm[:f] = torch.tensor([pos_of[k] for k in gb_keys], dtype=torch.long)
    perm[f:] = torch.arange(f, graph.n_nodes)
    act_gb = torch.zeros(f)
    act_gb[perm[:f]] = graph.activations.float()
    out["activation_max_abs_diff"] = float((act_gb - ct["activation_values"][ct["selected_features"]]).abs().max())

    dense = torch.zeros(graph.n_nodes, graph.n_nodes)
    dense[perm[graph.targets], perm[graph.sources]] = graph.weights.float()
    ct_adj = ct["adjacency"]
    assert ct_adj.shape == dense.shape, (ct_adj.shape, dense.shape, n_layers, n_pos)
    diff = (dense - ct_adj).abs()
    out["adj_max_abs_diff"] = float(diff.max())
    out["adj_max_abs"] = float(ct_adj.abs().max())
    out["adj_rel"] = out["adj_max_abs_diff"] / max(out["adj_max_abs"], 1e-30)
    out["ct_nonzero"] = int((ct_adj != 0).sum())
    out["gb_nonzero"] = int(graph.weights.numel())

    gb_nodes = torch.zeros(graph.n_nodes, dtype=torch.bool)
    gb_nodes[perm[graph.node_mask.nonzero().flatten()]] = True
    ct_nodes = ct["node_mask"].bool()
    out["kept_nodes_ct"] = int(ct_nodes.sum())
    out["kept_nodes_gb"] = int(gb_nodes.sum())
    out["kept_nodes_differ"] = int((ct_nodes ^ gb_nodes).sum())
    gb_edges = torch.zeros_like(dense, dtype=torch.bool)
    em = graph.edge_mask
    gb_edges[perm[graph.targets[em]], perm[graph.sources[em]]] = True
    ct_edges = ct["edge_mask"].bool()
    out["kept_edges_ct"] = int(ct_edges.sum())
    out["kept_edges_gb"] = int(gb_edges.sum())
    out["kept_edges_differ"] = int((ct_edges ^ gb_edges).sum())
    return out


def _clt_folder() -> Path:
    """The CLT folder ``--clt`` names (or the default), trained first when it has no config.yaml."""
    i = sys.argv.index("--clt")
    folder = Path(sys.argv[i + 1]) if i + 1 < len(sys.argv) and not sys.argv[i + 1].startswith("--") else CLT_DIR
    if (folder / "config.yaml").is_file():
        return folder
    import glassbox
    from glassbox.training.transcoders import TranscoderTrainConfig, train_transcoders

    print(f"training a cross-layer transcoder for glassbox-tiny ({CLT_STEPS} steps) into {folder} …", flush=True)
    cfg = TranscoderTrainConfig(kind="clt", steps=CLT_STEPS, sparsity=0.008, seq_len=128)
    _, report = train_transcoders(glassbox.load_model(), folder, cfg)
    print("FVU per layer", [round(f.fvu, 3) for f in report.layers], flush=True)
    return folder


def main() -> None:
    py = ct_python()
    venv = os.environ.get("GLASSBOX_CT_VENV", "/tmp/ct-venv")
    if py is None:
        print(
            f"skipped: no circuit-tracer venv at {venv} (make one: python -m venv {venv} && "
            f"{venv}/bin/pip install torch==2.13.0 && {venv}/bin/pip install circuit-tracer; "
            "or set GLASSBOX_CT_VENV)"
        )
        return

    import torch

    import glassbox
    from glassbox.models.loading import embedded_path

    clt = "--clt" in sys.argv
    tc_folder = _clt_folder() if clt else embedded_path() / "transcoders"
    torch.set_num_threads(1)  # the child runs on one thread too, so the ratio compares the code, not the threads
    model = glassbox.load_model()
    folder = embedded_path()
    ts = glassbox.load_transcoders(tc_folder)
    rows = []
    for n in [min(k, model.info.n_ctx) for k in (CLT_LENGTHS if clt else LENGTHS)]:
        ids = prompt_ids(model, n)
        with tempfile.TemporaryDirectory() as tmp:
            tmpd = Path(tmp)
            (tmpd / "ids.json").write_text(json.dumps(ids), encoding="utf-8")
            child = Path(__file__).parent / "_graph_oracle_child.py"
            done = subprocess.run(
                [str(py), str(child), str(folder), str(tc_folder), str(tmpd / "ids.json"), str(tmpd)],
                capture_output=True,
                text=True,
            )
            if done.returncode != 0:
                raise SystemExit(f"circuit-tracer failed on {n} tokens:\n{done.stderr[-4000:]}")
            times = []
            graph = None
            for _ in range(4):  # a warm-up, then the median of three, as the child does
                t0 = time.perf_counter()
                graph = glassbox.attribution_graph(model, ids, ts)
                times.append(time.perf_counter() - t0)
            rows.append(compare(model, ids, tmpd, statistics.median(times[1:]), graph))
    import importlib.metadata as md

    versions = subprocess.run(
        [
            str(py),
            "-c",
            "import importlib.metadata as m; print(m.version('circuit-tracer'), m.version('transformer-lens'))",
        ],
        capture_output=True,
        text=True,
    ).stdout.split()
    load = os.getloadavg()
    which = (
        f"a cross-layer transcoder ({ts.d_transcoder} features per layer, trained by glassbox for {CLT_STEPS} "
        "steps, not shipped; read by circuit-tracer's `load_clt`)"
        if clt
        else "its shipped transcoders"
    )
    lines = [
        f"circuit-tracer {versions[0]} (TransformerLens {versions[1]}, in its own venv) vs glassbox "
        f"{md.version('glassbox')}, on glassbox-tiny with {which}, the same token ids; "
        f"`bench/bench_graph_oracle.py{' --clt' if clt else ''}`; CPU, one torch thread each; "
        f"load average {load[0]:.2f} / {load[1]:.2f}.",
        "",
        "| tokens | active features (ct / glassbox / only in one) | logit targets equal | real logits max abs diff "
        "| activations max abs diff | adjacency max abs diff (÷ max abs entry) | nonzero entries (ct / glassbox) "
        "| kept nodes (ct / glassbox / differ) | kept edges (ct / glassbox / differ) | replacement (ct / glassbox) "
        "| completeness (ct / glassbox) | time glassbox ÷ ct |",
        "| ---: | --- | --- | ---: | ---: | ---: | --- | --- | --- | --- | --- | ---: |",
    ]
    for r in rows:
        only = r["features_only_ct"] + r["features_only_gb"]
        same_logits = "yes" if r["ct_logits"] == r["gb_logits"] else f"no: {r['ct_logits']} vs {r['gb_logits']}"
        if "adj_max_abs_diff" in r:
            cells = (
                f"{r['activation_max_abs_diff']:.1e} | {r['adj_max_abs_diff']:.1e} ({r['adj_rel']:.1e}) | "
                f"{r['ct_nonzero']} / {r['gb_nonzero']} | {r['kept_nodes_ct']} / {r['kept_nodes_gb']} / "
                f"{r['kept_nodes_differ']} | {r['kept_edges_ct']} / {r['kept_edges_gb']} / {r['kept_edges_differ']}"
            )
        else:
            cells = "— | — (node sets differ) | — | — | —"
        lines.append(
            f"| {r['n']} | {r['ct_features']} / {r['gb_features']} / {only} | {same_logits} | "
            f"{r['logits_max_abs_diff']:.1e} | {cells} | {r['ct_replacement']:.4f} / {r['gb_replacement']:.4f} | "
            f"{r['ct_completeness']:.4f} / {r['gb_completeness']:.4f} | "
            f"{r['gb_s']:.2f} s ÷ {r['ct_s']:.2f} s = {r['gb_s'] / r['ct_s']:.2f} |"
        )
    body = "\n".join(lines)
    print(body)
    print(json.dumps(rows, indent=1))
    if "--write" in sys.argv:
        title = "Attribution graphs against circuit-tracer"
        write_section(f"{title}: a cross-layer transcoder" if clt else title, body)


if __name__ == "__main__":
    main()
