"""The detailed view's payload for one head of a linear-attention layer (Qwen3.5's gated DeltaNet).

Such a layer has no softmax pattern. What it has, and this payload carries, is: the gates per token (the state's
decay α and the delta rule's step β), the recurrent state's size and how much each token changed it, and the exact
token-mixing matrix M with ``o_t = Σ_{s≤t} M[t, s] v_s`` (see ``glassbox.capture.linear_attention``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from glassbox.schema.base import Payload
from glassbox.schema.models import TensorPayload


class LinearAttentionHead(Payload):
    """One value head of a linear-attention layer, over the whole prompt, and its numbers at one query position."""

    kind: Literal["linear_attention_head"] = "linear_attention_head"
    layer: int
    head: int = Field(description="the value head (what the output projection reads)")
    k_head: int = Field(description="the query/key head it reads (several value heads share one)")
    query_pos: int
    d_k: int
    d_v: int
    conv_kernel: int = Field(description="the causal convolution's length before q, k and v: positions it reads")
    state_numbers: int = Field(description="numbers in this head's recurrent state S: d_k × d_v")
    state_bytes: int = Field(description="the state's size in bytes, float32 as the model keeps it")
    decay: TensorPayload = Field(description="α_t = exp(g_t) ∈ (0, 1]: how much of the state each token keeps [pos]")
    beta: TensorPayload = Field(description="β_t ∈ (0, 1): the delta rule's step size at each token [pos]")
    state_norm: TensorPayload = Field(description="‖S_t‖_F after each token [pos]")
    state_change: TensorPayload = Field(description="‖S_t − S_{t−1}‖_F: how much each token changed the state [pos]")
    mixing: TensorPayload = Field(
        description="the exact token-mixing matrix M [query_pos, key_pos]: o_t = Σ_s M[t, s] v_s; rows need not sum "
        "to 1 and entries can be negative; zero above the diagonal"
    )
    row_sums: TensorPayload = Field(description="Σ_s M[t, s] for every query position [query_pos]")
    values: TensorPayload = Field(description="v_s after the convolution [key_pos, d_head]")
    core: TensorPayload = Field(
        description="o_t = Σ_s M[t, s] v_s at the query position, before the gated norm [d_head]"
    )
    gate: TensorPayload = Field(description="silu(z): the output gate multiplying the normed o_t [d_head]")
    z: TensorPayload = Field(description="w · rmsnorm(o_t) · silu(z): what the output projection reads [d_head]")
    output: TensorPayload = Field(description="what this head writes into the residual stream here [d_model]")
    output_norm: float


LINEAR_ATTENTION_MODELS: list[type[BaseModel]] = [LinearAttentionHead]
