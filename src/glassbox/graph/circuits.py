"""The Circuits view's graph payload: every node the page's pruning slider can show, and all their edges.

:func:`circuits_graph` runs :func:`~glassbox.graph.engine.attribution_graph` and keeps the nodes that survive the
*node* stage of circuit-tracer's pruning (:mod:`glassbox.graph.prune`) at the loosest node threshold the page
offers (``node_threshold_max``; tokens and logits always), with every edge of the **unpruned** graph between
them. The page re-runs both pruning stages itself for any node threshold ≤ ``node_threshold_max`` and any edge
threshold: node pruning only needs each node's ``cumulative`` share (computed on the whole graph, sent with each
node), and edge pruning only needs the edges among the kept nodes — which is exactly what is sent. ``pruned`` is
the engine's own pruning at the defaults (0.8, 0.98), a subset of what is sent, that the page's must equal.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import torch

from glassbox.errors import InvalidInputError
from glassbox.graph import prune as prune_mod
from glassbox.graph.engine import AttributionGraph, Progress, attribution_graph, resolve_transcoders
from glassbox.schema.circuits import CircuitsGraph, CircuitsNode, PrunedAtDefaults
from glassbox.schema.graph import GraphScores
from glassbox.schema.history import TokenProb
from glassbox.transcoders.cards import load_feature_cards, transcoders_name

if TYPE_CHECKING:
    from collections.abc import Sequence

    from glassbox.models.loading import LoadedModel
    from glassbox.transcoders.format import TranscoderSet

DEFAULT_NODE_THRESHOLD = 0.8
DEFAULT_EDGE_THRESHOLD = 0.98
NODE_THRESHOLD_MAX = 0.9
"""The loosest node threshold asked for by default (lowered to fit :data:`MAX_EDGES`)."""
MAX_EDGES = 140_000
"""The most edges a payload carries: about 31 bytes of JSON each, so with its nodes about 5 MB. When the edges
among the nodes kept at the requested ``node_threshold_max`` are more, the payload's ``node_threshold_max`` is
lowered (in steps of 0.01, never below the default 0.8) until they fit (figures in docs/attribution-graphs.md)."""

Labeller = Callable[[int, int], "str | None"]
"""``label(layer, feature)``: a feature's derived label, or None where no card has been computed."""


def kept_at(graph: AttributionGraph, node_threshold: float) -> torch.Tensor:
    """The node stage of circuit-tracer's pruning: the most influential nodes until their cumulative share of all
    influence reaches ``node_threshold``, plus every token and logit. [n_nodes] bool."""
    infl = graph.node_influence
    mask = infl >= prune_mod.find_threshold(infl, node_threshold)
    mask[graph.token_offset :] = True
    return mask


def fitting_threshold(graph: AttributionGraph, requested: float, max_edges: int = MAX_EDGES) -> float:
    """The loosest node threshold ≤ ``requested`` (in steps of 0.01, at least 0.8) whose kept nodes have at most
    ``max_edges`` edges among them (0.8 itself when even that has more: the default pruning is always sent).

    Kept features and errors are a prefix of the nodes sorted by influence, so one sort and one count of each
    edge's later end's rank give the edge count of every threshold at once."""
    infl = graph.node_influence
    head = graph.token_offset  # features and errors: the nodes a threshold can drop
    order = infl[:head].argsort(descending=True, stable=True)
    rank = torch.full((graph.n_nodes,), -1, dtype=torch.long)
    rank[order] = torch.arange(head)
    edge_rank = torch.maximum(rank[graph.targets], rank[graph.sources]) + 1  # 0: between tokens and logits only
    edges_upto = torch.bincount(edge_rank, minlength=head + 1).cumsum(0)  # [n kept] → edges among them
    steps = max(0, round((requested - DEFAULT_NODE_THRESHOLD) * 100))
    for k in range(steps, -1, -1):
        t = requested if k == steps else DEFAULT_NODE_THRESHOLD + k / 100
        n_kept = int(kept_at(graph, t)[:head].sum())
        if int(edges_upto[n_kept]) <= max_edges:
            return t
    return DEFAULT_NODE_THRESHOLD


def error_shares(graph: AttributionGraph) -> torch.Tensor:
    """Per node: Σ|weights of edges from error nodes| ÷ Σ|weights of all incoming edges| (unpruned; 0 where a node
    has no incoming edge). [n_nodes] float64."""
    absw = graph.weights.abs().double()
    total = torch.zeros(graph.n_nodes, dtype=torch.float64).index_add_(0, graph.targets, absw)
    from_err = (graph.sources >= graph.error_offset) & (graph.sources < graph.token_offset)
    err = torch.zeros(graph.n_nodes, dtype=torch.float64).index_add_(0, graph.targets[from_err], absw[from_err])
    return torch.where(total > 0, err / total.clamp(min=1e-30), torch.zeros_like(total))


def node_ids(graph: AttributionGraph, i: int) -> tuple[str, str, str]:
    """(glassbox id, circuit-tracer id, circuit-tracer layer) of node ``i``, as :mod:`glassbox.graph.files`
    writes circuit-tracer's ids."""
    if i < graph.n_features:
        layer, pos, f = (int(v) for v in graph.features[i].tolist())
        return f"f{layer}.{pos}.{f}", f"{layer}_{f}_{pos}", str(layer)
    if i < graph.token_offset:
        layer, pos = divmod(i - graph.error_offset, graph.n_pos)
        return f"e{layer}.{pos}", f"0_{layer}_{pos}", str(layer)
    if i < graph.logit_offset:
        pos = i - graph.token_offset
        return f"t{pos}", f"E_{graph.input_ids[pos]}_{pos}", "E"
    tok = graph.logit_ids[i - graph.logit_offset]
    return f"l{tok}", f"{graph.n_layers + 1}_{tok}_{graph.n_pos - 1}", str(graph.n_layers + 1)


def _node(graph: AttributionGraph, i: int, infl: float, cum: float, err: float, label: Labeller | None) -> CircuitsNode:
    gid, ct_id, ct_layer = node_ids(graph, i)
    common = dict(id=gid, ct_id=ct_id, ct_layer=ct_layer, influence=infl, cumulative=cum)
    if i < graph.n_features:
        layer, pos, f = (int(v) for v in graph.features[i].tolist())
        return CircuitsNode(kind="feature", layer=layer, pos=pos, feature=f,
                            activation=float(graph.activations[i]), error_share=err,
                            label=label(layer, f) if label is not None else None, **common)  # fmt: skip
    if i < graph.token_offset:
        layer, pos = divmod(i - graph.error_offset, graph.n_pos)
        return CircuitsNode(kind="error", layer=layer, pos=pos, **common)
    if i < graph.logit_offset:
        pos = i - graph.token_offset
        return CircuitsNode(kind="token", pos=pos, token_id=graph.input_ids[pos], token=graph.input_tokens[pos],
                            **common)  # fmt: skip
    k = i - graph.logit_offset
    return CircuitsNode(kind="logit", pos=graph.n_pos - 1, token_id=graph.logit_ids[k], token=graph.logit_tokens[k],
                        probability=float(graph.logit_probs[k]), error_share=err, **common)  # fmt: skip


def circuits_payload(
    graph: AttributionGraph,
    *,
    transcoders: str,
    node_threshold_max: float = NODE_THRESHOLD_MAX,
    label: Labeller | None = None,
    seconds: float = 0.0,
    max_edges: int = MAX_EDGES,
) -> CircuitsGraph:
    """The :class:`CircuitsGraph` of an attribution graph (see the module docstring); ``node_threshold_max`` is
    lowered to fit ``max_edges`` (:func:`fitting_threshold`)."""
    if not DEFAULT_NODE_THRESHOLD <= node_threshold_max <= 1.0:
        raise InvalidInputError(
            f"node_threshold_max must be between {DEFAULT_NODE_THRESHOLD} (the default node threshold, whose "
            f"pruning is always sent) and 1, not {node_threshold_max}"
        )
    node_threshold_max = fitting_threshold(graph, node_threshold_max, max_edges)
    keep = kept_at(graph, node_threshold_max)
    index = torch.full((graph.n_nodes,), -1, dtype=torch.long)
    kept = keep.nonzero(as_tuple=True)[0]
    index[kept] = torch.arange(kept.numel())
    infl = graph.node_influence.tolist()
    cum = graph.cumulative_scores.tolist()
    err = error_shares(graph).tolist()
    nodes = [_node(graph, i, infl[i], cum[i], err[i], label) for i in kept.tolist()]
    both = keep[graph.targets] & keep[graph.sources]
    if (graph.node_threshold, graph.edge_threshold) == (DEFAULT_NODE_THRESHOLD, DEFAULT_EDGE_THRESHOLD):
        defaults = prune_mod.PruneResult(graph.node_mask, graph.edge_mask, graph.cumulative_scores)  # done already
    else:
        defaults = prune_mod.prune(graph, DEFAULT_NODE_THRESHOLD, DEFAULT_EDGE_THRESHOLD)
    pruned_ids = [node_ids(graph, i)[0] for i in defaults.node_mask.nonzero(as_tuple=True)[0].tolist()]
    return CircuitsGraph(
        model=graph.model_name,
        transcoders=transcoders,
        prompt=graph.prompt,
        tokens=graph.input_tokens,
        token_ids=graph.input_ids,
        n_layers=graph.n_layers,
        d_transcoder=graph.d_transcoder,
        node_threshold=DEFAULT_NODE_THRESHOLD,
        edge_threshold=DEFAULT_EDGE_THRESHOLD,
        node_threshold_max=node_threshold_max,
        scores=GraphScores(replacement=graph.replacement_score, completeness=graph.completeness_score),
        logit_targets=[
            TokenProb(token_id=t, token=s, prob=float(p))
            for t, s, p in zip(graph.logit_ids, graph.logit_tokens, graph.logit_probs.tolist(), strict=True)
        ],
        nodes=nodes,
        edge_sources=index[graph.sources[both]].tolist(),
        edge_targets=index[graph.targets[both]].tolist(),
        edge_weights=graph.weights[both].tolist(),
        pruned=PrunedAtDefaults(node_ids=pruned_ids, edge_count=int(defaults.edge_mask.sum())),
        seconds=seconds,
    )


def circuits_graph(
    model: LoadedModel,
    prompt: str | Sequence[int],
    transcoders: TranscoderSet | str | Path | None = None,
    *,
    logit_token_id: int | None = None,
    node_threshold_max: float = NODE_THRESHOLD_MAX,
    progress: Progress | None = None,
    label: Labeller | None = None,
    name: str | None = None,
    max_edges: int = MAX_EDGES,
) -> CircuitsGraph:
    """The Circuits view's graph of ``prompt`` (see the module docstring).

    ``transcoders``: as :func:`~glassbox.graph.engine.attribution_graph` takes them (None: the model's own).
    ``logit_token_id``: trace only that next token. ``label``: the features' derived labels; by default read from
    the feature cards saved next to the transcoders (``features.json``) when they were given as a folder or are
    the model's own. ``name``: what the payload calls the transcoders (default: their scan name or folder name).
    ``node_threshold_max`` is lowered where the edges would be more than ``max_edges`` (:data:`MAX_EDGES`).
    """
    if not DEFAULT_NODE_THRESHOLD <= node_threshold_max <= 1.0:  # before any work
        raise InvalidInputError(
            f"node_threshold_max must be between {DEFAULT_NODE_THRESHOLD} and 1, not {node_threshold_max}"
        )
    start = time.perf_counter()
    folder = None if not isinstance(transcoders, str | Path) else Path(transcoders)
    if transcoders is None and model.path is not None:
        folder = model.path / "transcoders"
    ts = resolve_transcoders(model, transcoders)
    if label is None and folder is not None:
        cards = load_feature_cards(folder)
        if cards is not None:
            label = cards.label
    graph = attribution_graph(model, prompt, ts, logit_token_id=logit_token_id, progress=progress)
    return circuits_payload(
        graph,
        transcoders=name or transcoders_name(ts, folder),
        node_threshold_max=node_threshold_max,
        label=label,
        seconds=time.perf_counter() - start,
        max_edges=max_edges,
    )
