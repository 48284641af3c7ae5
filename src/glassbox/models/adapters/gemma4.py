"""Gemma 4 (the text path, ``gemma4_text``: the language model of the E2B/E4B checkpoints), read from the model.

What it keeps from Gemma 3: token embeddings × √d_model, sandwich norms (before and after each sublayer), GeGLU,
sliding-window and global layers with their own rotary settings, tied embeddings, optional final logit soft-cap.

What it changes or adds, each shown as what it is:

- **per-layer inputs** (PLE): besides the residual stream, every layer receives a small vector of its own
  (``hidden_size_per_layer_input`` numbers) per token: ``(rmsnorm(W_ctx · embed / √d_model)[layer] +
  E_layer[token] · √d_ple) / √2`` — a context part projected from the token embedding and a token part looked up in
  a second embedding table. After the MLP, the layer gates it with its own residual, ``gelu(W_gate · resid) ×
  input``, projects that back to d_model, normalises it and adds it to the residual
  (:mod:`glassbox.capture.per_layer` records every step);
- a **layer scalar**: the whole residual stream leaving a layer is multiplied by one learned number;
- RMSNorms multiply by ``weight`` (not ``1 + weight``), in float32; q and k are RMS-normed per head, v too (without
  a weight); attention is not scaled (scale 1: the q/k norms set the size);
- global layers may have their own head size (``global_head_dim``) and, with ``attention_k_eq_v``, their own
  key/value head count with v taken from k's projection; their rotary is "proportional" (only a share of each
  head's frequency pairs turn, the model's own rotary module says which);
- **KV sharing**: the last ``num_kv_shared_layers`` layers compute no keys and values; each reuses those of the last
  earlier layer of its kind (sliding or global) (:meth:`kv_source`);
- a double-wide MLP on those shared layers (``use_double_wide_mlp``): their MLP has twice ``intermediate_size``
  neurons; ``d_mlp`` reports ``intermediate_size`` and each layer's own width is in its weights.

The MoE variant (``enable_moe_block``: a dense MLP and a routed one side by side, each with its own norms) and fully
bidirectional attention are refused with a clear message.
"""

from __future__ import annotations

from typing import Any, ClassVar

import torch
from transformers.activations import ACT2FN

from glassbox.errors import UnsupportedArchitectureError
from glassbox.models.adapters.base import Adapter, NormSpec, PerLayerInputs, PerLayerOut
from glassbox.models.adapters.gemma import GemmaAdapter


def _weight_norm(module: Any) -> NormSpec:
    """Gemma 4's RMSNorm: ``x · rsqrt(mean(x²) + eps) · w`` in float32, then cast (no ``1 +`` on the weight)."""
    weight = getattr(module, "weight", None) if getattr(module, "with_scale", True) else None
    return NormSpec(kind="rmsnorm", weight=weight, bias=None, eps=float(module.eps), upcast=weight is not None)


class Gemma4Adapter(GemmaAdapter):
    family: ClassVar[str] = "gemma"
    model_types: ClassVar[tuple[str, ...]] = ("gemma4_text",)

    @classmethod
    def hf_attn_implementation(cls, config: Any) -> str:
        return "sdpa"

    def __init__(self, hf: Any) -> None:
        if getattr(hf.config, "enable_moe_block", False):
            raise UnsupportedArchitectureError(
                "this Gemma 4 model has mixture-of-experts blocks (enable_moe_block: a dense and a routed MLP side by "
                "side); glassbox traces the dense Gemma 4 text models (E2B, E4B)"
            )
        if getattr(hf.config, "use_bidirectional_attention", None) == "all":
            raise UnsupportedArchitectureError(
                "this Gemma 4 model attends bidirectionally (use_bidirectional_attention='all'); glassbox traces "
                "causal language models"
            )
        # not LlamaAdapter.__init__: it reads config.head_dim, which a config with wider global heads refuses to give
        # (a per-layer attribute there); every per-layer size is read from that layer's own modules instead
        Adapter.__init__(self, hf)
        self._qk_norm_scope = "head"
        self.post_norm = True
        self.pre_norm = True
        self._rotary_takes_layer_type = True
        modes = list(hf.config.kv_sharing_modes)
        types = list(hf.config.layer_types)
        # a "reuse" layer reads the keys and values of the last earlier non-reusing layer of its own kind
        self._kv_source: list[int | None] = []
        for layer, mode in enumerate(modes):
            if mode != "reuse":
                self._kv_source.append(None)
                continue
            earlier = [j for j in range(layer) if modes[j] != "reuse" and types[j] == types[layer]]
            self._kv_source.append(earlier[-1] if earlier else None)

    # --- static facts -------------------------------------------------------------------------------
    @property
    def d_head(self) -> int:
        """The sliding layers' head size (global layers may have wider heads: :meth:`head_dim_of`)."""
        return self.head_dim_of(self._reference_layer)

    @property
    def n_kv_heads(self) -> int:
        """The sliding layers' key/value heads (global layers may have their own count: their ``hook_k``'s)."""
        attn = self._layers[self._reference_layer].self_attn
        return int(attn.k_proj.out_features // attn.head_dim)

    @property
    def _reference_layer(self) -> int:
        """The first sliding layer that computes its own keys (layer 0 when there is no sliding layer)."""
        types = self.config.layer_types
        own = [i for i in range(self.n_layers) if getattr(self._layers[i].self_attn, "k_proj", None) is not None]
        return next((i for i in own if types[i] == "sliding_attention"), own[0] if own else 0)

    @property
    def d_ple(self) -> int:
        """Numbers per token in each layer's per-layer input (0: none)."""
        return int(getattr(self.config, "hidden_size_per_layer_input", 0) or 0)

    def head_dim_of(self, layer: int) -> int:
        return int(self._layers[layer].self_attn.head_dim)

    def kv_head_of(self, head: int, layer: int | None = None) -> int:
        """The key/value head a query head reads in ``layer``: global layers may have their own key/value head
        count (``attention_k_eq_v``), and a KV-sharing layer reads its source layer's heads."""
        if layer is None:
            return super().kv_head_of(head)
        source = self._kv_source[layer]
        attn = self._layers[layer if source is None else source].self_attn
        n_kv = int(attn.k_proj.out_features // attn.head_dim)
        n_q = int(self._layers[layer].self_attn.q_proj.out_features // self._layers[layer].self_attn.head_dim)
        return head // (n_q // n_kv)

    def kv_source(self, layer: int) -> int | None:
        return self._kv_source[layer]

    def layer_scalar(self, layer: int) -> torch.Tensor:
        """The number the residual stream leaving ``layer`` is multiplied by (a buffer of the checkpoint)."""
        s: torch.Tensor = self._layers[layer].layer_scalar
        return s

    # --- norms ----------------------------------------------------------------------------------------
    def ln1(self, layer: int) -> NormSpec:
        return _weight_norm(self._layers[layer].input_layernorm)

    def ln2(self, layer: int) -> NormSpec | None:
        return _weight_norm(self._layers[layer].pre_feedforward_layernorm)

    def post_attn_norm(self, layer: int) -> NormSpec | None:
        return _weight_norm(self._layers[layer].post_attention_layernorm)

    def post_mlp_norm(self, layer: int) -> NormSpec | None:
        return _weight_norm(self._layers[layer].post_feedforward_layernorm)

    def ln_final(self) -> NormSpec:
        return _weight_norm(self.hf.model.norm)

    def attn_softcap(self, layer: int) -> float | None:
        return None

    # --- attention ------------------------------------------------------------------------------------
    def queries(self, layer: int, x: torch.Tensor, positions: torch.Tensor) -> torch.Tensor:
        attn = self._layers[layer].self_attn
        q = attn.q_norm(attn.q_proj(x).reshape(x.shape[0], self.n_heads, attn.head_dim))
        cos, sin = self.rotary(layer, x, positions)
        return self.apply_rotary(q, cos, sin)

    def qkv(
        self, layer: int, x: torch.Tensor, positions: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        if self._kv_source[layer] is not None:
            raise ValueError(f"layer {layer} reuses layer {self._kv_source[layer]}'s keys and values (kv_source)")
        attn = self._layers[layer].self_attn
        n, hd = x.shape[0], attn.head_dim
        raw_k = attn.k_proj(x).reshape(n, -1, hd)
        # attention_k_eq_v (global layers of some checkpoints): v is k's projection, normed without a weight
        raw_v = attn.v_proj(x).reshape(n, -1, hd) if attn.v_proj is not None else raw_k
        cos, sin = self.rotary(layer, x, positions)
        k = self.apply_rotary(attn.k_norm(raw_k), cos, sin)
        return self.queries(layer, x, positions), k, attn.v_norm(raw_v)

    def rotary(self, layer: int, x: torch.Tensor, positions: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        cos, sin = self.hf.model.rotary_emb(x.unsqueeze(0), positions.unsqueeze(0), self.config.layer_types[layer])
        return cos[0], sin[0]

    def W_O(self, layer: int) -> torch.Tensor:
        w: torch.Tensor = self._layers[layer].self_attn.o_proj.weight  # [d_model, head * d_head(layer)]
        return w.T.reshape(self.n_heads, self.head_dim_of(layer), self.d_model)

    # --- per-layer inputs -----------------------------------------------------------------------------
    def per_layer_inputs(self, ids: torch.Tensor, embed: torch.Tensor) -> PerLayerInputs | None:
        """Every layer's per-layer input from the token ids [pos] and their (scaled) embeddings [pos, d_model]."""
        if not self.d_ple:
            return None
        m = self.hf.model
        n = ids.shape[0]
        token = m.embed_tokens_per_layer(ids).reshape(n, self.n_layers, self.d_ple)
        proj = m.per_layer_model_projection(embed) * m.per_layer_model_projection_scale
        context = m.per_layer_projection_norm(proj.reshape(n, self.n_layers, self.d_ple))
        return PerLayerInputs(token=token, context=context, combined=(context + token) * m.per_layer_input_scale)

    def per_layer_step(self, layer: int, resid: torch.Tensor, per_layer_input: torch.Tensor) -> PerLayerOut:
        """The layer's gate over its per-layer input [pos, d_ple], read from the residual after its MLP."""
        block = self._layers[layer]
        gate = ACT2FN[self.activation](block.per_layer_input_gate(resid))
        gated = gate * per_layer_input
        out, scale = _weight_norm(block.post_per_layer_input_norm)(block.per_layer_projection(gated))
        return PerLayerOut(gate=gate, gated=gated, out=out, scale=scale)
