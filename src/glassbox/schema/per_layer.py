"""Payload of the per-layer input panel (Gemma 4): what one layer's own input is at one position, and what it adds.

One request names a layer and a position. The answer holds, at that position, the layer's per-layer input and its
two parts (a lookup in the per-layer embedding table, and the projection of the token embedding), the gate the layer
computes from its residual and what the gate lets through; over the whole text, the size of what the step adds
beside the size of what the MLP added; and the layer's scalar and KV source (:mod:`glassbox.analysis.per_layer`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from glassbox.schema.api_detail import DetailRequest
from glassbox.schema.base import Payload
from glassbox.schema.models import TensorPayload


class PerLayerInputRequest(DetailRequest):
    layer: int = Field(ge=0)
    pos: int = Field(ge=0, description="the position whose per-layer input is returned")


class PerLayerInput(Payload):
    """One Gemma 4 layer's per-layer input at one position, the gate over it, and what the step adds to the text."""

    kind: Literal["per_layer_input"] = "per_layer_input"
    layer: int
    pos: int
    d_ple: int = Field(description="numbers in each layer's per-layer input per token (hidden_size_per_layer_input)")
    token_part: TensorPayload = Field(description="[d_ple] the token's row of the per-layer embedding table (× √d_ple)")
    context_part: TensorPayload = Field(
        description="[d_ple] the token embedding projected, scaled by 1/√d_model and RMS-normed: this layer's slice"
    )
    input: TensorPayload = Field(description="[d_ple] what the layer receives: (context part + token part) / √2")
    gate: TensorPayload = Field(description="[d_ple] gelu(W_gate · residual after the MLP)")
    gated: TensorPayload = Field(description="[d_ple] gate × input: what the projection back to d_model reads")
    out_norm: list[float] = Field(description="per position, ‖what the per-layer step adds to the residual‖")
    mlp_out_norm: list[float] = Field(description="per position, ‖what the MLP added‖, for comparison")
    layer_scalar: float = Field(description="the number the residual leaving this layer is multiplied by")
    kv_source: int | None = Field(
        description="the earlier layer whose keys and values this layer's attention reuses (KV sharing); null: its own"
    )


PER_LAYER_MODELS: list[type[BaseModel]] = [PerLayerInputRequest, PerLayerInput]
