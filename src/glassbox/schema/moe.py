"""Payloads of the routing panel: a mixture-of-experts layer's router, its choices and each chosen expert's output.

One request names a layer and a position: the answer holds the router over the whole text (probabilities per
token over all experts, the top-k chosen and their weights, the load per expert) and, for the position, what each
chosen expert wrote (:mod:`glassbox.analysis.routing` computes it from the trace).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from glassbox.schema.api_detail import DetailRequest
from glassbox.schema.base import Payload, Strict
from glassbox.schema.models import TensorPayload, TopToken

WeightsRule = Literal["softmax_topk", "softmax_topk_renormalised", "topk_softmax"]
"""How the chosen experts' weights come from the router's logits: the top-k of softmax over all experts, as they
are (OLMoE) or renormalised to sum to 1 (Qwen3-MoE); or a softmax over the top-k logits only (gpt-oss, which is the
same as renormalising the full softmax's top-k)."""


class RoutingRequest(DetailRequest):
    layer: int = Field(ge=0)
    pos: int = Field(ge=0, description="the position whose chosen experts' outputs are returned")


class ExpertOutput(Strict):
    """One chosen expert at one position: its weight, its activations and what it adds to the residual stream."""

    expert: int
    slot: int = Field(description="its rank among the chosen experts (0 = the router's first choice)")
    prob: float = Field(description="the router's probability of this expert (softmax over all experts)")
    weight: float = Field(description="what its output is multiplied by before the sum")
    activations: TensorPayload = Field(
        description="the expert's hidden activations [d_mlp] (d_expert of them, before the weight): neuron "
        "(layer, expert, index) is index `expert·d_expert + index` of the MLP's neurons"
    )
    contribution_norm: float = Field(description="‖weight × the expert's output‖")
    cosine: float = Field(description="cosine between weight × output and the MLP's whole output (1: the same way)")
    promotes: list[TopToken] = Field(
        description="tokens whose logit at this position this expert's contribution raises most, directly (through "
        "the final norm with its 1/σ frozen, as in direct logit attribution; `logit` holds the amount, `prob` is 0)"
    )
    suppresses: list[TopToken]


class Routing(Payload):
    """The router of one MoE layer over the whole text, and the chosen experts' outputs at one position."""

    kind: Literal["routing"] = "routing"
    layer: int
    pos: int
    n_experts: int
    experts_per_token: int
    d_expert: int
    weights_rule: WeightsRule
    probs: TensorPayload = Field(description="the router's probabilities [pos, expert] (softmax over all experts)")
    chosen: list[list[int]] = Field(description="per position, the chosen experts, the router's first choice first")
    weights: TensorPayload = Field(description="per position, the chosen experts' weights [pos, top_k]")
    load: list[int] = Field(description="per expert, how many positions of the text chose it")
    experts: list[ExpertOutput] = Field(description="the experts chosen at `pos`, in the router's order")
    mlp_out_norm: float = Field(description="‖the MLP's output‖ at `pos`")
    sum_error: float = Field(
        description="max |Σ weight × expert output − the MLP's output| at `pos`: the weighted sum reproduces it"
    )


MOE_MODELS: list[type[BaseModel]] = [RoutingRequest, ExpertOutput, Routing]
