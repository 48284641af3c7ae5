"""Write the Circuits view's pruning fixture: a small real graph and the engine's own masks at three thresholds.

``web/src/lib/circuits/prune.test.ts`` runs the page's pruning (``prune.ts``) on this payload and asserts that the
nodes and edges it keeps are exactly the ones ``AttributionGraph.prune`` keeps. The graph is the embedded model's,
with small seeded random transcoders (so the fixture stays small and the script reproduces it byte for byte):

    .venv/bin/python web/scripts/circuits_prune_fixture.py
"""

from __future__ import annotations

import json
from pathlib import Path

import glassbox
from glassbox.graph.circuits import circuits_payload, kept_at, node_ids
from glassbox.graph.engine import attribution_graph
from glassbox.transcoders import random_transcoders

OUT = Path(__file__).resolve().parents[1] / "src" / "lib" / "circuits" / "fixtures" / "prune.json"
PROMPT = "The cat sat on the"
NODE_THRESHOLD_MAX = 0.9
#: (node, edge) thresholds, node ≤ NODE_THRESHOLD_MAX: the defaults, a tight pair and a loose one
PAIRS = [(0.8, 0.98), (0.5, 0.7), (0.9, 0.995)]


def main() -> None:
    model = glassbox.load_model()
    a = model.adapter
    ts = random_transcoders(a.n_layers, a.d_model, 48, seed=3, jumprelu=True, skip=True)
    graph = attribution_graph(model, PROMPT, ts)
    payload = circuits_payload(graph, transcoders="random-48", node_threshold_max=NODE_THRESHOLD_MAX)
    sent = kept_at(graph, NODE_THRESHOLD_MAX)
    cases = []
    for t_node, t_edge in PAIRS:
        result = graph.prune(t_node, t_edge)
        assert not bool((result.node_mask & ~sent).any()), "a pruned graph must only keep nodes that were sent"
        both = sent[graph.targets] & sent[graph.sources]
        cases.append(
            {
                "node_threshold": t_node,
                "edge_threshold": t_edge,
                # glassbox ids of the kept nodes, and the kept edges as indices into the payload's edge arrays
                "node_ids": [node_ids(graph, i)[0] for i in result.node_mask.nonzero(as_tuple=True)[0].tolist()],
                "edges": result.edge_mask[both].nonzero(as_tuple=True)[0].tolist(),
            }
        )
    data = {"payload": payload.model_dump(mode="json"), "cases": cases}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(payload.nodes)} nodes, {len(payload.edge_sources)} edges, {OUT.stat().st_size} bytes")
    for c in cases:
        print(f"  ({c['node_threshold']}, {c['edge_threshold']}): {len(c['node_ids'])} nodes, {len(c['edges'])} edges")


if __name__ == "__main__":
    main()
