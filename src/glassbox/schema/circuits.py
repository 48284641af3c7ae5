"""Wire shapes of the Circuits view: an attribution graph the page prunes itself, feature cards, interventions.

- :class:`CircuitsGraph`: every node kept at the *loosest* node threshold the page's slider offers
  (``node_threshold_max``) with its influence, and **every** edge among those nodes (unpruned), so the page
  re-runs circuit-tracer's edge pruning for any node threshold ≤ ``node_threshold_max`` and any edge threshold
  without a new request (node pruning only needs each node's ``cumulative`` share, computed on the whole graph).
  ``pruned`` is the engine's own pruning at the default thresholds, which the page's must equal.
- :class:`FeatureCard`: what one transcoder feature does, from a sample of the corpus — top-activating contexts with
  the activation of every token, examples at activation quantiles, its density, the tokens its decoder promotes and
  suppresses through the unembedding, and a label *derived* from those (no language model writes it).
- :class:`FeatureInterventionResult`: the next-token distribution and a greedy continuation with chosen features
  set, scaled or zeroed, in the replacement model (errors frozen) and in the real model (the feature's decoder
  contribution added or removed), next to the original.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from glassbox.schema.base import Payload, Request, Strict
from glassbox.schema.graph import GraphNodeKind, GraphScores
from glassbox.schema.history import TokenProb


class CircuitsInfo(Payload):
    """Whether the Circuits view can run on a model: its transcoders (the server's own), or ``available: false``."""

    kind: Literal["circuits_info"] = "circuits_info"
    model: str
    available: bool = Field(description="the server has transcoders for this model")
    transcoders: str | None = Field(None, description="their name (the shipped set's, or the folder's name)")
    n_layers: int | None = None
    d_transcoder: int | None = None
    cards_precomputed: bool = Field(False, description="feature cards were precomputed next to the transcoders")
    n_ctx: int | None = Field(None, description="the model's context length: the longest prompt a graph can take")
    reason: str | None = Field(None, description="why not, when not available")


class CircuitsGraphRequest(Request):
    """Build the attribution graph of a prompt with the model's transcoders (the server's, never a client path)."""

    model: str
    prompt: str = Field(max_length=100_000)
    logit_token_id: int | None = Field(
        None, ge=0, description="trace only this next token (the logit picker); default: the salient logits"
    )
    node_threshold_max: float = Field(
        0.9,
        ge=0.8,
        le=1,
        description="the loosest node threshold the page offers (at least the default 0.8, so that the default"
        " pruning is part of what is sent)",
    )


class CircuitsNode(Strict):
    """One node. ``id`` is glassbox's unique id (``f{layer}.{pos}.{feature}``, ``e{layer}.{pos}``, ``t{pos}``,
    ``l{token_id}``); ``ct_id`` and ``ct_layer`` are circuit-tracer's node id and layer string (``E`` for token
    embeddings, ``n_layers + 1`` for logits; an error's ``ct_id`` is ``0_{layer}_{pos}``)."""

    id: str
    ct_id: str
    ct_layer: str
    kind: GraphNodeKind
    layer: int | None = None
    pos: int
    feature: int | None = None
    token_id: int | None = None
    token: str | None = Field(None, description="the input token (tokens) or the predicted token (logits)")
    activation: float | None = None
    probability: float | None = Field(None, description="a logit's probability")
    influence: float = Field(description="total influence on the logit targets (unpruned graph)")
    cumulative: float = Field(description="cumulative share of all influence, most influential first (node pruning)")
    error_share: float | None = Field(
        None, description="features and logits: Σ|edges from error nodes| ÷ Σ|all incoming edges| (unpruned graph)"
    )
    label: str | None = Field(None, description="a feature's derived label, when its card has been computed")


class PrunedAtDefaults(Strict):
    node_ids: list[str]
    edge_count: int


class CircuitsGraph(Payload):
    """Nodes kept at ``node_threshold_max`` and all their edges, as index arrays into ``nodes``."""

    kind: Literal["circuits_graph"] = "circuits_graph"
    model: str
    transcoders: str = Field(description="which transcoders (a name, e.g. the shipped set's, or the folder's name)")
    prompt: str
    tokens: list[str]
    token_ids: list[int]
    n_layers: int
    d_transcoder: int
    node_threshold: float = Field(description="the default node threshold (circuit-tracer's 0.8)")
    edge_threshold: float = Field(description="the default edge threshold (circuit-tracer's 0.98)")
    node_threshold_max: float = Field(
        description="the loosest node threshold the nodes were kept at: the one asked for, lowered (in steps of 0.01,"
        " never below 0.8) where the edges among its nodes would pass 140,000 (about 5 MB of JSON)"
    )
    scores: GraphScores
    logit_targets: list[TokenProb]
    nodes: list[CircuitsNode]
    edge_sources: list[int] = Field(description="index into nodes")
    edge_targets: list[int] = Field(description="index into nodes")
    edge_weights: list[float]
    pruned: PrunedAtDefaults = Field(description="the engine's pruning at the default thresholds")
    seconds: float = Field(description="time the server took to build the graph")


CircuitsJobState = Literal["running", "done", "failed"]


class CircuitsJob(Strict):
    """A graph being built: poll until ``state`` is ``done`` (then fetch the graph) or ``failed``."""

    job_id: str
    state: CircuitsJobState
    done: int = Field(description="attribution targets processed so far")
    total: int = Field(description="attribution targets in all (0 while the forward pass runs)")
    error: str | None = None


class FeatureContext(Strict):
    """A window of corpus text around one activation of a feature."""

    tokens: list[str]
    activations: list[float]
    peak: int = Field(description="index in ``tokens`` of the activation this window was chosen for")


class QuantileExample(Strict):
    quantile: float = Field(description="the activation quantile (among the feature's nonzero activations)")
    context: FeatureContext


class FeatureCard(Payload):
    kind: Literal["feature_card"] = "feature_card"
    model: str
    transcoders: str
    layer: int
    feature: int
    label: str
    label_derived: Literal[True] = Field(True, description="always derived from the numbers below, never written")
    density: float = Field(description="fraction of sampled tokens where the feature is active")
    max_activation: float
    top_contexts: list[FeatureContext]
    quantile_examples: list[QuantileExample]
    promoted: list[TokenProb] = Field(description="W_dec[f] · W_U: the largest entries (prob holds the weight)")
    suppressed: list[TokenProb] = Field(description="the most negative entries (prob holds the weight)")
    sampled_tokens: int = Field(description="how many corpus tokens the statistics were taken over")


class FeatureInterventionSpec(Strict):
    layer: int = Field(ge=0)
    pos: int = Field(ge=0)
    feature: int = Field(ge=0)
    scale: float | None = Field(None, description="multiply the activation (0 = zero it)")
    value: float | None = Field(None, description="set the activation to this value (instead of scale)")


class FeatureInterventionRequest(Request):
    model: str
    prompt: str = Field(max_length=100_000)
    interventions: list[FeatureInterventionSpec] = Field(min_length=1, max_length=256)
    max_new_tokens: int = Field(8, ge=0, le=32)
    k: int = Field(10, ge=1, le=100)


InterventionMode = Literal["original", "replacement", "real"]


class InterventionOutcome(Strict):
    """One run: ``original`` (no change), ``replacement`` (the replacement model, errors frozen) or ``real`` (the
    real model with the feature's decoder contribution added or removed)."""

    mode: InterventionMode
    top: list[TokenProb]
    continuation: list[TokenProb] = Field(description="greedy continuation: each token and its probability")


class FeatureInterventionResult(Payload):
    kind: Literal["feature_intervention"] = "feature_intervention"
    model: str
    transcoders: str
    prompt: str
    interventions: list[FeatureInterventionSpec]
    outcomes: list[InterventionOutcome]


CIRCUITS_MODELS: list[type[BaseModel]] = [
    CircuitsInfo,
    CircuitsGraphRequest,
    CircuitsGraph,
    CircuitsJob,
    FeatureCard,
    FeatureInterventionRequest,
    FeatureInterventionResult,
]
