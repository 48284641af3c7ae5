"""Influence, pruning and the graph's scores, as circuit-tracer defines them, on sparse edge lists.

With ``Â`` the adjacency with every row divided by the sum of its absolute values (``|A[t, s]| / Σ_s |A[t, s]|``)
and ``w`` the logit targets' probabilities (zero for other nodes), a node's *influence* on the output is
``(w Â + w Â² + w Â³ + …)[s]``; the graph is acyclic, so the series ends after as many steps as the longest path.

- Nodes: keep the most influential ones until their cumulative share of all influence reaches ``node_threshold``
  (tokens and logits are always kept).
- Edges: among kept nodes, score each edge ``Â'[t, s] · (influence'[t] + w[t])`` on the re-normalised pruned
  matrix, keep the best until ``edge_threshold`` of the total score; then drop, repeatedly, features and errors left
  with no outgoing edge and features left with no incoming edge.
- Scores: *replacement* = tokens' influence ÷ (tokens' + errors' influence): how much of the path from the input
  to the output goes through features; *completeness* = the influence-weighted mean over nodes of the share of
  each node's input that does not come from errors.

Everything here works on ``(target, source, weight)`` coordinate lists, so memory grows with the edges that exist,
not with the square of the number of nodes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import torch

if TYPE_CHECKING:
    from glassbox.graph.engine import AttributionGraph


class PruneResult(NamedTuple):
    node_mask: torch.Tensor  # [n_nodes] bool
    edge_mask: torch.Tensor  # [n_edges] bool, aligned with graph.weights
    cumulative_scores: torch.Tensor  # [n_nodes]: each node's cumulative share of influence, in influence order


def normalize(targets: torch.Tensor, weights: torch.Tensor, n_nodes: int) -> torch.Tensor:
    """``|A[t, s]| / Σ_s |A[t, s]|`` per edge (row sums clamped at 1e-10, as circuit-tracer does)."""
    absw = weights.abs().double()
    rowsum = torch.zeros(n_nodes, dtype=torch.float64).index_add_(0, targets, absw)
    return absw / rowsum[targets].clamp(min=1e-10)


def influence(
    targets: torch.Tensor, sources: torch.Tensor, normed: torch.Tensor, start: torch.Tensor, max_iter: int = 1000
) -> torch.Tensor:
    """``start Â + start Â² + …`` for ``start`` [n_nodes]; ``Â`` given as normalised edge weights."""
    n_nodes = start.shape[0]
    current = torch.zeros(n_nodes, dtype=torch.float64).index_add_(0, sources, start.double()[targets] * normed)
    total = current.clone()
    for _ in range(max_iter):
        if not bool(current.any()):
            return total
        current = torch.zeros(n_nodes, dtype=torch.float64).index_add_(0, sources, current[targets] * normed)
        total += current
    raise RuntimeError(f"influence did not converge in {max_iter} steps: the graph has a cycle")


def find_threshold(scores: torch.Tensor, threshold: float) -> float:
    """The score at which the best scores, taken in order, first reach ``threshold`` of the total."""
    if scores.numel() == 0:
        return 0.0
    ordered = scores.sort(descending=True).values
    total = ordered.sum()
    if float(total) == 0.0:
        return 0.0
    cumulative = ordered.cumsum(0) / total
    index = int(torch.searchsorted(cumulative, torch.tensor(threshold, dtype=cumulative.dtype)))
    return float(ordered[min(index, ordered.numel() - 1)])


def logit_weights(graph: AttributionGraph) -> torch.Tensor:
    w = torch.zeros(graph.n_nodes, dtype=torch.float64)
    w[graph.logit_offset :] = graph.logit_probs.double()
    return w


def node_influence(graph: AttributionGraph) -> torch.Tensor:
    normed = normalize(graph.targets, graph.weights, graph.n_nodes)
    return influence(graph.targets, graph.sources, normed, logit_weights(graph))


def prune(graph: AttributionGraph, node_threshold: float = 0.8, edge_threshold: float = 0.98) -> PruneResult:
    """circuit-tracer's ``prune_graph`` on the graph's edge lists."""
    if not 0.0 <= node_threshold <= 1.0 or not 0.0 <= edge_threshold <= 1.0:
        raise ValueError("node_threshold and edge_threshold must be between 0.0 and 1.0")
    t, s, n = graph.targets, graph.sources, graph.n_nodes
    lw = logit_weights(graph)
    infl = graph.node_influence if graph.node_influence.numel() == n else node_influence(graph)
    node_mask = infl >= find_threshold(infl, node_threshold)
    node_mask[graph.token_offset :] = True  # tokens and logits always stay
    kept = node_mask[t] & node_mask[s]
    pruned = torch.where(kept, graph.weights, torch.zeros_like(graph.weights))
    normed = normalize(t, pruned, n)
    pruned_infl = influence(t, s, normed, lw) + lw
    scores = normed * pruned_infl[t]
    edge_mask = (scores >= find_threshold(scores, edge_threshold)) & kept
    f_end, e_end = graph.n_features, graph.token_offset
    while True:
        old = node_mask.clone()
        has_out = torch.zeros(n, dtype=torch.bool)
        has_out[s[edge_mask]] = True
        has_in = torch.zeros(n, dtype=torch.bool)
        has_in[t[edge_mask]] = True
        node_mask[:e_end] &= has_out[:e_end]  # features and errors must feed something
        node_mask[:f_end] &= has_in[:f_end]  # features must be fed by something
        edge_mask &= node_mask[t] & node_mask[s]
        if bool((node_mask == old).all()):
            break
    order = infl.sort(descending=True)
    total = order.values.sum()
    cumulative = torch.zeros(n, dtype=torch.float64)
    if float(total) > 0:
        cumulative[order.indices] = order.values.cumsum(0) / total
    return PruneResult(node_mask, edge_mask, cumulative.float())


def graph_scores(graph: AttributionGraph) -> tuple[float, float]:
    """circuit-tracer's ``compute_graph_scores``: (replacement score, completeness score) of the unpruned graph."""
    t, s, n = graph.targets, graph.sources, graph.n_nodes
    normed = normalize(t, graph.weights, n)
    lw = logit_weights(graph)
    infl = graph.node_influence if graph.node_influence.numel() == n else influence(t, s, normed, lw)
    e0, e1 = graph.error_offset, graph.token_offset
    token_infl = infl[e1 : graph.logit_offset].sum()
    error_infl = infl[e0:e1].sum()
    denom = token_infl + error_infl
    replacement = float(token_infl / denom) if float(denom) > 0 else 0.0
    from_error = (s >= e0) & (s < e1)
    error_share = torch.zeros(n, dtype=torch.float64).index_add_(0, t[from_error], normed[from_error])
    out_infl = infl + lw
    completeness = float(((1 - error_share) * out_infl).sum() / out_infl.sum())
    return replacement, completeness


def finish(graph: AttributionGraph, node_threshold: float, edge_threshold: float) -> None:
    """Fill in the graph's influence, its pruning at the given thresholds and its scores."""
    graph.node_influence = node_influence(graph)
    result = prune(graph, node_threshold, edge_threshold)
    graph.node_threshold, graph.edge_threshold = node_threshold, edge_threshold
    graph.node_mask, graph.edge_mask, graph.cumulative_scores = result
    graph.replacement_score, graph.completeness_score = graph_scores(graph)
