"""Payloads of the detailed view: one small slice of a trace per request (the cache stays on the server).

Places in the model travel as structure (:class:`~glassbox.schema.base.Site`, ``{layer, part}``), never as
labels: the browser words them in the reader's language.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from glassbox.schema.base import Payload, Site, Strict
from glassbox.schema.models import TensorPayload, TokenInfo, TopToken


class AttentionHead(Payload):
    """One head, one query position, every intermediate of the attention computation."""

    kind: Literal["attention_head"] = "attention_head"
    layer: int
    head: int
    kv_head: int = Field(description="the key/value head this query head reads (grouped-query attention)")
    query_pos: int
    scale: float = Field(description="the factor the dot products are multiplied by (usually 1/√d_head)")
    window: int | None = Field(description="sliding-window length, None for full causal attention")
    q: TensorPayload = Field(description="the query vector [d_head] (after q-norm and RoPE)")
    keys: TensorPayload = Field(description="[key_pos, d_head], after k-norm and RoPE")
    values: TensorPayload = Field(description="[key_pos, d_head]")
    dots: TensorPayload = Field(description="q·k for every key [key_pos] (before scaling)")
    scaled: TensorPayload = Field(
        description="q·k × scale for every key, before the mask [key_pos]: a masked key's real scaled score"
    )
    softcap: float | None = Field(
        None, description="the soft-cap c of Gemma 2's attention scores (null: none): capped = c·tanh(scaled/c)"
    )
    capped: TensorPayload | None = Field(
        None, description="c·tanh(scaled/c) for every key, before the mask [key_pos]; null when there is no cap"
    )
    scores: TensorPayload = Field(
        description="q·k × scale (soft-capped where the model caps) after the mask, -inf where masked [key_pos] "
        "(the model's hook_attn_scores)"
    )
    allowed: list[bool] = Field(description="the mask: True where the query may attend [key_pos]")
    weights: TensorPayload = Field(description="softmax of the scores [key_pos]")
    z: TensorPayload = Field(description="Σ weights · values [d_head]")
    output: TensorPayload = Field(description="what this head writes into the residual stream here [d_model]")
    output_norm: float
    pattern: TensorPayload = Field(description="the head's whole pattern [query_pos, key_pos]")
    gate: TensorPayload | None = Field(
        None, description="the output gate σ(gate) multiplying Σ weights · values elementwise (Qwen3.5) [d_head]"
    )
    sink_logit: float | None = Field(
        None, description="this head's learned sink logit (gpt-oss): one more softmax entry that no value answers"
    )
    sink: TensorPayload | None = Field(
        None, description="the sink's share of each query's softmax [query_pos]: each pattern row sums to 1 − it"
    )


class AttentionGrid(Payload):
    """Every layer × head pattern, float16: the model view's thumbnails."""

    kind: Literal["attention_grid"] = "attention_grid"
    patterns: TensorPayload = Field(
        description="[layer, head, query_pos, key_pos]; for a linear-attention layer (ModelInfo.layer_kinds) its exact "
        "token-mixing matrix, which can be negative and whose rows need not sum to 1"
    )
    block: int = Field(
        1,
        ge=1,
        description="positions per cell along each axis: 1 shows every weight; a longer prompt's maps are pooled "
        "into block × block blocks, each cell the block's entry of largest magnitude (its largest weight)",
    )
    heads: list[int] = Field(
        default_factory=list,
        description="per layer, how many of the head axis's entries are its heads (the rest are zeros, no head) "
        "where layers differ (Qwen3.5's released models: linear-attention layers have more heads); empty: all",
    )


class Rotation(Strict):
    layer: int = Field(
        0, description="the layer whose head 0 is shown: the first with softmax attention (0 but in hybrids, Qwen3.5)"
    )
    pairing: Literal["half", "interleaved"] = Field(description="RoPE pairs dim i with i + d/2, or 2i with 2i+1")
    angles: TensorPayload = Field(description="rotation angle of each pair at this position, radians [pair]")
    q_before: TensorPayload = Field(description="head 0's query before RoPE, at `layer` [d_head]")
    q_after: TensorPayload = Field(description="head 0's query after RoPE, at `layer` [d_head]")
    rotated_dims: int | None = Field(
        None,
        description="how many of d_head's dimensions RoPE turns (partial rotary: GPT-NeoX, Phi-3); the rest pass "
        "through unchanged. null: all of them",
    )


class EmbeddingDetail(Payload):
    kind: Literal["embedding"] = "embedding"
    pos: int
    token: TokenInfo
    token_embedding: TensorPayload = Field(description="[d_model]")
    position_embedding: TensorPayload | None = Field(description="[d_model]; None for rotary models")
    total: TensorPayload = Field(description="what enters block 0 [d_model]")
    token_norm: float
    position_norm: float | None
    total_norm: float
    rotation: Rotation | None = Field(description="for rotary models: the rotation applied to q and k")


class Neuron(Strict):
    index: int
    pre: float
    post: float
    promotes: list[TopToken] = Field(description="tokens whose logits this neuron's output direction raises most")
    suppresses: list[TopToken]


class MlpDetail(Payload):
    kind: Literal["mlp"] = "mlp"
    layer: int
    pos: int
    activation: str = Field(description="the activation as the model's config names it (ModelInfo.activation)")
    gated: bool
    pre: TensorPayload = Field(description="pre-activation (the gate when gated) [d_mlp]")
    post: TensorPayload = Field(description="activations read by the output projection [d_mlp]")
    top: list[Neuron] = Field(description="neurons with the largest |post| at this position")
    out_norm: float


class NormStat(Strict):
    """One norm's statistics at every position. ``site`` is ``{layer: l, part: "ln1"}`` (before block ``l``'s
    attention), ``{layer: l, part: "ln2"}`` (before its MLP) or ``{layer: null, part: "ln_final"}``."""

    site: Site  # no Field(description=…): a described $ref would become a second TypeScript type (Site1)
    kind: Literal["layernorm", "rmsnorm"]
    mean: list[float] = Field(description="per position: mean of the input (LayerNorm subtracts it)")
    var: list[float] = Field(description="per position: variance (LayerNorm) or mean square (RMSNorm)")
    scale: list[float] = Field(description="per position: 1/σ as applied")


class ResidualStream(Payload):
    """How big the residual stream is after each stage, and how much each sublayer added (L2 norms)."""

    kind: Literal["residual_stream"] = "residual_stream"
    stages: list[Site] = Field(
        description="what wrote each stage: {part: 'embed'}, then per layer {layer, part: 'attn'} and "
        "{layer, part: 'mlp'}, or one {layer, part: 'attn_mlp'} for a parallel block (Cohere)"
    )
    resid_norm: list[list[float]] = Field(description="[stage][pos] ‖residual‖ after the stage")
    added_norm: list[list[float]] = Field(description="[stage][pos] ‖what the stage added‖")
    norms: list[NormStat]


class TokenAcrossLayers(Payload):
    """One token's probability and rank at every row of the logit lens, at one position."""

    kind: Literal["token_across_layers"] = "token_across_layers"
    token: TokenInfo
    pos: int
    layers: list[Site] = Field(description="the logit lens's rows: {part: 'embed'}, then {layer, part: 'block'}")
    probs: list[float]
    ranks: list[int] = Field(description="0-based rank of the token at each layer")


DETAIL_MODELS: list[type[BaseModel]] = [
    AttentionHead,
    AttentionGrid,
    EmbeddingDetail,
    MlpDetail,
    ResidualStream,
    TokenAcrossLayers,
]
