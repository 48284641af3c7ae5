"""Mixtures of experts: Qwen3-MoE and OLMoE (one adapter), gpt-oss (its own, below).

The attention half of these blocks is Llama's (Qwen3-MoE: per-head q/k norms; OLMoE: q/k norms over the whole
projection and an optional clip of q, k and v; gpt-oss: biases, attention sinks, alternating sliding windows).
The MLP half is a *router* and a bank of experts:

- the router's logits ``x · W_routerᵀ (+ b)`` [pos, expert];
- the chosen experts: Qwen3-MoE/OLMoE take the top-k of ``softmax(logits)`` (and renormalise those k
  probabilities when ``norm_topk_prob``); gpt-oss takes the top-k logits and softmaxes those k;
- each chosen expert is a gated MLP of ``d_expert`` neurons; the MLP's output is the weighted sum of the chosen
  experts' outputs. Experts not chosen for a token do not run for it.

So that every analysis written for dense MLPs (neuron tables, ablation, patching, attribution) applies unchanged,
the MLP's neurons are all experts' neurons side by side: ``d_mlp = n_experts · d_expert`` and neuron
``expert · d_expert + index`` is neuron ``index`` of ``expert`` (:func:`expert_neuron`). ``hook_post`` holds, for
each chosen expert, its activations times its routing weight (what the experts' stacked output projections
``W_out`` read, so ``hook_post @ W_out`` is the MLP's output less gpt-oss's per-expert output biases) and 0 for the
experts that did not run; ``hook_pre``/``hook_pre_linear`` likewise hold the chosen experts' gate and up branches.
The routing itself travels in :class:`MoeMlpOut` (``capture/moe.py`` names it).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar

import torch
import torch.nn.functional as F
from transformers.activations import ACT2FN

from glassbox.errors import UnsupportedArchitectureError
from glassbox.models.adapters.base import MlpOut, NormSpec, norm_from
from glassbox.models.adapters.llama import LlamaAdapter
from glassbox.schema.moe import WeightsRule


@dataclass(frozen=True)
class MoeMlpOut(MlpOut):
    """An MoE layer's MLP: the dense fields of :class:`MlpOut` over all experts' neurons, plus the routing."""

    router_logits: torch.Tensor  # [pos, expert]
    router_probs: torch.Tensor  # [pos, expert]  float32 softmax of the logits over all experts
    expert_index: torch.Tensor  # [pos, top_k]  the chosen experts, in the router's order (largest first)
    expert_weight: torch.Tensor  # [pos, top_k]  the weight each chosen expert's output is multiplied by
    expert_out: torch.Tensor  # [pos, top_k, d_model]  each chosen expert's output, before the weight


def expert_neuron(d_expert: int, expert: int, index: int) -> int:
    """The flat neuron index (into ``d_mlp``) of neuron ``index`` of ``expert``: an MoE neuron is (layer, expert,
    index) and the dense analyses address it as ``(layer, expert_neuron(...))``."""
    return expert * d_expert + index


class MoeAdapter(LlamaAdapter):
    """Qwen3-MoE and OLMoE: softmax router, top-k, SwiGLU experts stored as stacked ``gate_up_proj``/``down_proj``."""

    family: ClassVar[str] = "moe"
    model_types: ClassVar[tuple[str, ...]] = ("qwen3_moe", "olmoe")

    def __init__(self, hf: Any) -> None:
        super().__init__(hf)
        dense = [i for i, layer in enumerate(self._layers) if not hasattr(layer.mlp, "experts")]
        if dense:
            # one d_mlp per model: a dense layer among sparse ones would need its own neuron count
            raise UnsupportedArchitectureError(
                f"this mixture of experts has dense MLP layers ({', '.join(map(str, dense))}: mlp_only_layers or "
                "decoder_sparse_step); glassbox supports MoE models whose every layer routes to experts"
            )

    # --- static facts -------------------------------------------------------------------------------
    @property
    def n_experts(self) -> int:
        return int(getattr(self.config, "num_experts", None) or self.config.num_local_experts)

    @property
    def experts_per_token(self) -> int:
        return int(self.config.num_experts_per_tok)

    @property
    def d_expert(self) -> int:
        return int(getattr(self.config, "moe_intermediate_size", None) or self.config.intermediate_size)

    @property
    def d_mlp(self) -> int:
        return self.n_experts * self.d_expert

    @property
    def weights_rule(self) -> WeightsRule:
        return "softmax_topk_renormalised" if self.config.norm_topk_prob else "softmax_topk"

    # --- attention ----------------------------------------------------------------------------------
    @property
    def value_clip(self) -> float | None:
        clip = getattr(self.config, "clip_qkv", None)
        return None if clip is None else float(clip)

    def qkv(
        self, layer: int, x: torch.Tensor, positions: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        clip = self.value_clip
        if clip is None:
            return super().qkv(layer, x, positions)
        # OLMoE's clip sits after the projection-wide q/k norms and before RoPE
        attn = self._layers[layer].self_attn
        n = x.shape[0]
        q, k, v = attn.q_norm(attn.q_proj(x)), attn.k_norm(attn.k_proj(x)), attn.v_proj(x)
        q, k, v = (t.clamp(-clip, clip) for t in (q, k, v))
        q = q.reshape(n, self.n_heads, self.d_head)
        k = k.reshape(n, self.n_kv_heads, self.d_head)
        v = v.reshape(n, self.n_kv_heads, self.d_head)
        return self._rotate(layer, x, positions, q, k, v)

    # --- the MLP: router and experts ----------------------------------------------------------------
    def route(self, layer: int, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        """``(logits, probs, index, weight)`` for x [pos, d_model], in the order and precision HF uses."""
        gate = self._layers[layer].mlp.gate
        logits = F.linear(x, gate.weight)  # [pos, expert]
        probs = torch.softmax(logits, dim=-1, dtype=torch.float)
        top, index = torch.topk(probs, self.experts_per_token, dim=-1)  # [pos, top_k]
        if gate.norm_topk_prob:
            top = top / top.sum(dim=-1, keepdim=True)
        return logits, probs, index, top.to(logits.dtype)

    def expert(self, layer: int, e: int, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Expert ``e`` on x [n, d_model]: ``(gate, up, activations)`` [n, d_expert] (activations = what its output
        projection reads)."""
        experts = self._layers[layer].mlp.experts
        gate, up = F.linear(x, experts.gate_up_proj[e]).chunk(2, dim=-1)
        return gate, up, ACT2FN[self.activation](gate) * up

    def expert_project(self, layer: int, e: int, h: torch.Tensor) -> torch.Tensor:
        """Expert ``e``'s output projection of its activations h [n, d_expert] → [n, d_model] (with its bias)."""
        return F.linear(h, self._layers[layer].mlp.experts.down_proj[e])

    def W_out(self, layer: int) -> torch.Tensor:
        down: torch.Tensor = self._layers[layer].mlp.experts.down_proj  # [expert, d_model, d_expert]
        return down.transpose(1, 2).reshape(self.d_mlp, self.d_model)

    def mlp(self, layer: int, x: torch.Tensor) -> MlpOut:
        lead = x.shape[:-1]
        x = x.reshape(-1, x.shape[-1])
        n, k, d_e = x.shape[0], self.experts_per_token, self.d_expert
        logits, probs, index, weight = self.route(layer, x)
        pre = x.new_zeros(n, self.n_experts, d_e)
        up = x.new_zeros(n, self.n_experts, d_e)
        post = x.new_zeros(n, self.n_experts, d_e)
        expert_out = x.new_zeros(n, k, self.d_model)
        for e in torch.unique(index).tolist():  # only the experts some token chose run, as in HF
            tok, slot = torch.where(index == e)
            g, u, h = self.expert(layer, e, x[tok])
            w = weight[tok, slot, None]
            pre[tok, e], up[tok, e], post[tok, e] = g, u, h * w
            expert_out[tok, slot] = self.expert_project(layer, e, h)
        out = (expert_out * weight[..., None]).sum(1)  # the weighted sum of the chosen experts' outputs

        def flat(t: torch.Tensor) -> torch.Tensor:
            return t.reshape(*lead, self.d_mlp)

        return MoeMlpOut(
            pre=flat(pre),
            pre_linear=flat(up),
            post=flat(post),
            out=out.reshape(*lead, self.d_model),
            router_logits=logits.reshape(*lead, -1),
            router_probs=probs.reshape(*lead, -1),
            expert_index=index.reshape(*lead, k),
            expert_weight=weight.reshape(*lead, k),
            expert_out=expert_out.reshape(*lead, k, self.d_model),
        )


class GptOssAdapter(MoeAdapter):
    """gpt-oss: the router has a bias and softmaxes only the top-k logits; experts are a clamped SwiGLU with biases
    (``(clamp(up) + 1) · g · σ(α g)``, g = ``clamp(gate, max=limit)``, gate/up interleaved); attention has biases, a
    learned sink logit per head (each softmax row also spends probability on "nothing", so the pattern's rows sum to
    less than 1), alternating sliding-window and full layers, and RoPE applied to halves without repetition."""

    family: ClassVar[str] = "gpt_oss"
    model_types: ClassVar[tuple[str, ...]] = ("gpt_oss",)

    @classmethod
    def hf_attn_implementation(cls, config: Any) -> str:
        return "eager"  # HF has no SDPA path for the sinks

    @property
    def weights_rule(self) -> WeightsRule:
        return "topk_softmax"

    def _norm(self, module: Any) -> NormSpec:
        # gpt-oss's RMSNorm multiplies by the weight in float32 and casts after
        return dataclasses.replace(norm_from(module, "rmsnorm"), upcast=True)

    def ln1(self, layer: int) -> NormSpec:
        return self._norm(self._layers[layer].input_layernorm)

    def ln2(self, layer: int) -> NormSpec | None:
        return self._norm(self._layers[layer].post_attention_layernorm)

    def ln_final(self) -> NormSpec:
        return self._norm(self.hf.model.norm)

    def rotary(self, layer: int, x: torch.Tensor, positions: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        # gpt-oss's rotary module returns one angle per pair [pos, d_head/2]; the pairs are (i, i + d_head/2)
        cos, sin = super().rotary(layer, x, positions)
        return torch.cat((cos, cos), dim=-1), torch.cat((sin, sin), dim=-1)

    def attn_sinks(self, layer: int) -> torch.Tensor | None:
        sinks: torch.Tensor = self._layers[layer].self_attn.sinks  # [head]
        return sinks

    def route(self, layer: int, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        router = self._layers[layer].mlp.router
        logits = F.linear(x, router.weight, router.bias)  # [pos, expert]
        top, index = torch.topk(logits, self.experts_per_token, dim=-1)
        weight = torch.softmax(top, dim=-1, dtype=top.dtype)
        # gpt-oss never softmaxes over all experts; this full softmax is shown as the router's distribution, and the
        # chosen weights are exactly its top-k entries renormalised (softmax is shift-invariant)
        probs = torch.softmax(logits, dim=-1, dtype=torch.float)
        return logits, probs, index, weight

    def expert(self, layer: int, e: int, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        experts = self._layers[layer].mlp.experts
        gate_up = x @ experts.gate_up_proj[e] + experts.gate_up_proj_bias[e]  # [n, 2 · d_expert], interleaved
        gate, up = gate_up[..., ::2], gate_up[..., 1::2]
        g = gate.clamp(min=None, max=experts.limit)
        u = up.clamp(min=-experts.limit, max=experts.limit)
        return gate, up, (u + 1) * (g * torch.sigmoid(g * experts.alpha))

    def expert_project(self, layer: int, e: int, h: torch.Tensor) -> torch.Tensor:
        experts = self._layers[layer].mlp.experts
        out: torch.Tensor = h @ experts.down_proj[e] + experts.down_proj_bias[e]
        return out

    def W_out(self, layer: int) -> torch.Tensor:
        down: torch.Tensor = self._layers[layer].mlp.experts.down_proj  # [expert, d_expert, d_model]
        return down.reshape(self.d_mlp, self.d_model)
