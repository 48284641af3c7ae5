"""An attribution graph as files: circuit-tracer's graph JSON, and glassbox's own payload.

:func:`circuit_tracer_json` builds what circuit-tracer's ``create_graph_files`` writes for a graph pruned at the
same thresholds: the kept nodes (features with their activation and cumulative influence, errors, every token,
the logit targets), the kept edges between them, nodes left with no kept edge dropped (tokens and logits stay),
and — glassbox's addition — the unpruned graph's ``scores``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from glassbox.schema.graph import (
    AttributionGraphPayload,
    CircuitTracerGraph,
    CTLink,
    CTMetadata,
    CTNode,
    CTQParams,
    GraphEdge,
    GraphNode,
    GraphScores,
)

if TYPE_CHECKING:
    from glassbox.graph.engine import AttributionGraph


def _viewer_text(token: str) -> str:
    """Whitespace the viewer shows as visible marks, as circuit-tracer's ``process_token`` does."""
    return token.replace("\n", "⏎").replace("\t", "→").replace("\r", "↵")


def _cantor(x: int, y: int) -> int:
    return (x + y) * (x + y + 1) // 2 + y


def circuit_tracer_nodes(graph: AttributionGraph, node_mask: list[bool], cumulative: list[float]) -> dict[int, CTNode]:
    """The kept nodes by node index, with circuit-tracer's ids and fields."""
    nodes: dict[int, CTNode] = {}
    feats = graph.features.tolist()
    acts = graph.activations.tolist()
    for i, keep in enumerate(node_mask):
        if not keep:
            continue
        if i < graph.n_features:
            layer, pos, f = feats[i]
            nodes[i] = CTNode(
                node_id=f"{layer}_{f}_{pos}",
                feature=_cantor(layer, f),
                layer=str(layer),
                ctx_idx=pos,
                feature_type="cross layer transcoder",
                jsNodeId=f"{layer}_{f}-0",
                influence=cumulative[i],
                activation=acts[i],
            )
        elif i < graph.token_offset:
            layer, pos = divmod(i - graph.error_offset, graph.n_pos)
            nodes[i] = CTNode(
                node_id=f"0_{layer}_{pos}",
                feature=-1,
                layer=str(layer),
                ctx_idx=pos,
                feature_type="mlp reconstruction error",
                jsNodeId=f"{layer}_{pos}-0",
                influence=cumulative[i],
            )
        elif i < graph.logit_offset:
            pos = i - graph.token_offset
            tok = graph.input_ids[pos]
            nodes[i] = CTNode(
                node_id=f"E_{tok}_{pos}",
                feature=pos,
                layer="E",
                ctx_idx=pos,
                feature_type="embedding",
                jsNodeId=f"E_{tok}-{pos}",
                influence=cumulative[i],
            )
        else:
            k = i - graph.logit_offset
            tok, p = graph.logit_ids[k], float(graph.logit_probs[k])
            layer_s = str(graph.n_layers + 1)
            pos = graph.n_pos - 1
            nodes[i] = CTNode(
                node_id=f"{layer_s}_{tok}_{pos}",
                feature=tok,
                layer=layer_s,
                ctx_idx=pos,
                feature_type="logit",
                token_prob=p,
                is_target_logit=k == 0,
                jsNodeId=f"L_{tok}-{pos}",
                clerp=f'Output "{_viewer_text(graph.logit_tokens[k])}" (p={p:.3f})',
            )
    return nodes


def circuit_tracer_json(graph: AttributionGraph, slug: str = "graph", scan: str | None = None) -> CircuitTracerGraph:
    """circuit-tracer's graph file for ``graph`` at its pruning thresholds, with ``scores``."""
    nodes = circuit_tracer_nodes(graph, graph.node_mask.tolist(), graph.cumulative_scores.tolist())
    links = []
    used: set[str] = set()
    em = graph.edge_mask
    for t, s, w in zip(graph.targets[em].tolist(), graph.sources[em].tolist(), graph.weights[em].tolist(), strict=True):
        if s in nodes and t in nodes:
            links.append(CTLink(source=nodes[s].node_id, target=nodes[t].node_id, weight=w))
            used.update((nodes[s].node_id, nodes[t].node_id))
    kept = [n for n in nodes.values() if n.node_id in used or n.feature_type in ("embedding", "logit")]
    meta = CTMetadata(
        slug=slug,
        scan=scan or graph.scan or f"glassbox:{graph.model_name}",
        transcoder_list=[],
        prompt_tokens=[_viewer_text(t) for t in graph.input_tokens],
        prompt=graph.prompt,
        node_threshold=graph.node_threshold,
    )
    return CircuitTracerGraph(
        metadata=meta,
        qParams=CTQParams(pinnedIds=[], supernodes=[], linkType="both", clickedId="", sg_pos=""),
        nodes=kept,
        links=links,
        scores=GraphScores(replacement=graph.replacement_score, completeness=graph.completeness_score),
    )


def graph_payload(graph: AttributionGraph) -> AttributionGraphPayload:
    """glassbox's payload of the pruned graph: unique node ids, structure instead of ids to parse."""
    infl = graph.node_influence.tolist()
    cum = graph.cumulative_scores.tolist()
    feats = graph.features.tolist()
    acts = graph.activations.tolist()
    ids: dict[int, str] = {}
    nodes: list[GraphNode] = []
    for i, keep in enumerate(graph.node_mask.tolist()):
        if not keep:
            continue
        common = dict(influence=infl[i], cumulative=cum[i])
        if i < graph.n_features:
            layer, pos, f = feats[i]
            node = GraphNode(id=f"f{layer}.{pos}.{f}", kind="feature", layer=layer, pos=pos, feature=f,
                             activation=acts[i], **common)  # fmt: skip
        elif i < graph.token_offset:
            layer, pos = divmod(i - graph.error_offset, graph.n_pos)
            node = GraphNode(id=f"e{layer}.{pos}", kind="error", layer=layer, pos=pos, **common)
        elif i < graph.logit_offset:
            pos = i - graph.token_offset
            node = GraphNode(id=f"t{pos}", kind="token", pos=pos, token_id=graph.input_ids[pos],
                             token=graph.input_tokens[pos], **common)  # fmt: skip
        else:
            k = i - graph.logit_offset
            tid = graph.logit_ids[k]
            prob = float(graph.logit_probs[k])
            node = GraphNode(id=f"l{tid}", kind="logit", pos=graph.n_pos - 1, token_id=tid,
                             token=graph.logit_tokens[k], probability=prob, **common)  # fmt: skip
        ids[i] = node.id
        nodes.append(node)
    em = graph.edge_mask
    edges = [
        GraphEdge(source=ids[s], target=ids[t], weight=w)
        for t, s, w in zip(
            graph.targets[em].tolist(), graph.sources[em].tolist(), graph.weights[em].tolist(), strict=True
        )
        if s in ids and t in ids
    ]
    return AttributionGraphPayload(
        model=graph.model_name,
        prompt=graph.prompt,
        tokens=graph.input_tokens,
        n_layers=graph.n_layers,
        scan=graph.scan,
        node_threshold=graph.node_threshold,
        edge_threshold=graph.edge_threshold,
        scores=GraphScores(replacement=graph.replacement_score, completeness=graph.completeness_score),
        nodes=nodes,
        edges=edges,
    )
