"""Wire shapes of attribution graphs (computed by :mod:`glassbox.graph`).

Two files:

- :class:`CircuitTracerGraph`: the JSON circuit-tracer's ``create_graph_files`` writes and its Neuronpedia-style
  viewer reads, with circuit-tracer's own keys (``qParams``, ``jsNodeId``, ``ctx_idx`` …) and node ids
  (``{layer}_{feature}_{pos}`` features, ``0_{layer}_{pos}`` errors, ``E_{token}_{pos}`` tokens,
  ``{n_layers+1}_{token}_{pos}`` logits — an error id can equal a layer-0 feature's), versioned by its own
  ``metadata.schema_version`` (1), plus glassbox's top-level ``scores``.
- :class:`AttributionGraphPayload`: glassbox's own payload, where every node has a unique id and says what it is
  as structure (``kind``, ``layer``, ``pos``, ``feature``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from glassbox.schema.base import Payload, Strict


class CTMetadata(Strict):
    slug: str
    scan: str
    transcoder_list: list[str]
    prompt_tokens: list[str]
    prompt: str
    node_threshold: float | None = None
    schema_version: int | None = 1


class CTQParams(Strict):
    """The viewer's view state (circuit-tracer's camelCase keys, kept as they are)."""

    pinnedIds: list[str]
    supernodes: list[list[str]]
    linkType: str
    clickedId: str
    sg_pos: str


CTFeatureType = Literal["cross layer transcoder", "mlp reconstruction error", "embedding", "logit"]


class CTNode(Strict):
    node_id: str
    feature: int
    layer: str
    ctx_idx: int
    feature_type: CTFeatureType
    token_prob: float = 0.0
    is_target_logit: bool = False
    run_idx: int = 0
    reverse_ctx_idx: int = 0
    jsNodeId: str
    clerp: str = ""
    influence: float | None = None
    activation: float | None = None


class CTLink(Strict):
    source: str
    target: str
    weight: float


class GraphScores(Strict):
    """circuit-tracer's ``compute_graph_scores`` of the unpruned graph."""

    replacement: float
    completeness: float


class CircuitTracerGraph(Strict):
    """One graph file as circuit-tracer writes it, plus ``scores``."""

    metadata: CTMetadata
    qParams: CTQParams
    nodes: list[CTNode]
    links: list[CTLink]
    scores: GraphScores


GraphNodeKind = Literal["feature", "error", "token", "logit"]


class GraphNode(Strict):
    """A node: ``id`` is unique in the graph (``f{layer}.{pos}.{feature}``, ``e{layer}.{pos}``, ``t{pos}``,
    ``l{token_id}``); ``influence`` is its total influence on the logit targets, ``cumulative`` its cumulative
    share of all influence when nodes are taken from the most influential down (what pruning thresholds)."""

    id: str
    kind: GraphNodeKind
    layer: int | None = None
    pos: int
    feature: int | None = None
    token_id: int | None = None
    token: str | None = None
    activation: float | None = None
    probability: float | None = None
    influence: float
    cumulative: float


class GraphEdge(Strict):
    source: str
    target: str
    weight: float


class AttributionGraphPayload(Payload):
    """glassbox's attribution graph: the nodes and edges kept at ``node_threshold``/``edge_threshold``."""

    kind: Literal["attribution_graph"] = "attribution_graph"
    model: str
    prompt: str
    tokens: list[str]
    n_layers: int
    scan: str | None
    node_threshold: float
    edge_threshold: float
    scores: GraphScores
    nodes: list[GraphNode]
    edges: list[GraphEdge]


GRAPH_MODELS: list[type[BaseModel]] = [CircuitTracerGraph, AttributionGraphPayload]
