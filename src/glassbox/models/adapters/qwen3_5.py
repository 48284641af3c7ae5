"""Qwen3.5 (text, ``qwen3_5_text``): a hybrid of gated DeltaNet (linear attention) and gated full attention.

Three of every four layers are *linear attention* (``config.layer_types``): no softmax, no attention matrix; a
recurrent state of ``d_k × d_v`` numbers per head is decayed, corrected by the delta rule and read by the query at
every token. The adapter supplies that layer's inputs (projections, the short causal convolution, the gates) and
its gated RMSNorm; the recurrence itself, its state statistics and its exact token-mixing matrix are computed by
:mod:`glassbox.capture.linear_attention`, the same for any gated-DeltaNet layer.

The remaining layers are softmax attention with what Qwen3.5 adds, each read from the model:
- an output gate: ``q_proj`` yields a query and a gate per head; ``σ(gate)`` multiplies pattern·v elementwise
  before ``o_proj`` (:meth:`attn_output_gate`);
- q/k RMSNorm per head, and every RMSNorm multiplies by ``1 + weight`` in float32 (zero-centred weights);
- partial rotary (``partial_rotary_factor``, a quarter of each head by default) from the model's own rotary module.
"""

from __future__ import annotations

from typing import Any, ClassVar

import torch
import torch.nn.functional as F
from transformers.activations import ACT2FN

from glassbox.models.adapters.base import Adapter, DeltaInputs, LayerKind, NormSpec, norm_from
from glassbox.models.adapters.llama import LlamaAdapter


class Qwen35Adapter(LlamaAdapter):
    family: ClassVar[str] = "qwen3_5"
    model_types: ClassVar[tuple[str, ...]] = ("qwen3_5_text",)

    def __init__(self, hf: Any) -> None:
        # not LlamaAdapter.__init__: it reads layer 0's self_attn, and layer 0 is usually a linear-attention layer
        Adapter.__init__(self, hf)
        self._qk_norm_scope = "head"
        self.post_norm = False
        self.pre_norm = True
        self._rotary_takes_layer_type = False

    def layer_kind(self, layer: int) -> LayerKind:
        return "linear_attention" if self.config.layer_types[layer] == "linear_attention" else "attention"

    def heads_in(self, layer: int) -> int:
        # the released models' linear-attention layers have more value heads than their attention layers have heads
        if self.layer_kind(layer) == "linear_attention":
            return int(self._layers[layer].linear_attn.num_v_heads)
        return self.n_heads

    # --- norms: (x · (1 + w)) in float32, then cast -------------------------------------------------------
    def ln1(self, layer: int) -> NormSpec:
        return norm_from(self._layers[layer].input_layernorm, "rmsnorm", one_plus=True)

    def ln2(self, layer: int) -> NormSpec | None:
        return norm_from(self._layers[layer].post_attention_layernorm, "rmsnorm", one_plus=True)

    def ln_final(self) -> NormSpec:
        return norm_from(self.hf.model.norm, "rmsnorm", one_plus=True)

    # --- gated full attention ----------------------------------------------------------------------------
    def _q_and_gate(self, layer: int, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """q_proj's output split per head into the query and the output gate's logits, each [pos, head, d_head]."""
        both = self._layers[layer].self_attn.q_proj(x).reshape(x.shape[0], self.n_heads, 2 * self.d_head)
        q, gate = both.chunk(2, dim=-1)
        return q, gate

    def qkv(
        self, layer: int, x: torch.Tensor, positions: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        attn = self._layers[layer].self_attn
        n = x.shape[0]
        q, _ = self._q_and_gate(layer, x)
        k = attn.k_proj(x).reshape(n, self.n_kv_heads, self.d_head)
        v = attn.v_proj(x).reshape(n, self.n_kv_heads, self.d_head)
        return self._rotate(layer, x, positions, attn.q_norm(q), attn.k_norm(k), v)

    def attn_output_gate(self, layer: int, x: torch.Tensor) -> torch.Tensor | None:
        _, gate = self._q_and_gate(layer, x)
        return torch.sigmoid(gate)

    def rotary(self, layer: int, x: torch.Tensor, positions: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        # Qwen3.5's rotary module takes (t, h, w) position ids for images; text gives all three the same positions,
        # which is what expanding a [1, pos] row does inside it
        cos, sin = self.hf.model.rotary_emb(x.unsqueeze(0), positions.unsqueeze(0))
        return cos[0], sin[0]

    def W_O(self, layer: int) -> torch.Tensor:
        if self.layer_kind(layer) == "linear_attention":
            la = self._layers[layer].linear_attn
            w: torch.Tensor = la.out_proj.weight  # [d_model, v_head * d_v]
            return w.T.reshape(la.num_v_heads, la.head_v_dim, self.d_model)
        return super().W_O(layer)

    def b_O(self, layer: int) -> torch.Tensor | None:
        if self.layer_kind(layer) == "linear_attention":
            b: torch.Tensor | None = self._layers[layer].linear_attn.out_proj.bias
            return b
        return super().b_O(layer)

    # --- gated DeltaNet ----------------------------------------------------------------------------------
    def delta_inputs(self, layer: int, x: torch.Tensor) -> DeltaInputs:
        la = self._layers[layer].linear_attn
        n = x.shape[0]
        mixed = la.in_proj_qkv(x)  # [pos, 2·key_dim + value_dim]
        weight = la.conv1d.weight  # [channels, 1, kernel]: one short causal filter per channel
        kernel = weight.shape[-1]
        conv = F.conv1d(
            mixed.T.unsqueeze(0).to(weight.dtype), weight, la.conv1d.bias, padding=kernel - 1, groups=weight.shape[0]
        )[0, :, :n]
        conv = ACT2FN[la.activation](conv).to(x.dtype).T  # [pos, channels]
        q, k, v = torch.split(conv, [la.key_dim, la.key_dim, la.value_dim], dim=-1)
        beta = la.in_proj_b(x).sigmoid()
        # the log-decay; float32 as HF computes it (A would overflow in float16)
        g = -la.A_log.float().exp() * F.softplus(la.in_proj_a(x).float() + la.dt_bias)
        return DeltaInputs(
            q=q.reshape(n, la.num_k_heads, la.head_k_dim),
            k=k.reshape(n, la.num_k_heads, la.head_k_dim),
            v=v.reshape(n, la.num_v_heads, la.head_v_dim),
            log_decay=g,
            beta=beta,
            z=la.in_proj_z(x).reshape(n, la.num_v_heads, la.head_v_dim),
            conv_kernel=int(kernel),
        )

    def delta_out_norm(self, layer: int, core: torch.Tensor, z: torch.Tensor) -> torch.Tensor:
        """The gated RMSNorm per head: ``w · rmsnorm(core) · silu(z)``; core, z [pos, v_head, d_v]."""
        norm = self._layers[layer].linear_attn.norm
        out: torch.Tensor = norm(core.reshape(-1, core.shape[-1]), z.reshape(-1, z.shape[-1]))
        return out.reshape(core.shape)
