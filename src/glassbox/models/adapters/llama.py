"""Llama and its close relatives: Llama 3.2, Qwen3, OLMo 2 / OLMo 3, Mistral.

All share rotary positions, RMSNorm and a gated (SwiGLU) MLP; they differ in three places, each read from
the model itself rather than from its name:
- q/k norms: none (Llama, Mistral), per head over ``d_head`` (Qwen3), or over the whole projection (OLMo);
- where the norms sit: before each sublayer (pre-norm), or on each sublayer's output (OLMo's post-norm);
- sliding-window attention on some or all layers (Mistral, Qwen3, OLMo 3).
"""

from __future__ import annotations

import inspect
from typing import Any, ClassVar

import torch
from transformers.activations import ACT2FN

from glassbox.models.adapters.base import Adapter, MlpOut, NormSpec, norm_from


def rotate_half(x: torch.Tensor) -> torch.Tensor:
    """Llama's RoPE pairs dimension i with i + d_head/2."""
    x1, x2 = x.chunk(2, dim=-1)
    return torch.cat((-x2, x1), dim=-1)


def apply_rotary_half(t: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """Rotate t [pos, head, d_head] by cos/sin [pos, d_rot], pairs (i, i + d_rot/2).

    Partial rotary (GPT-NeoX's ``rotary_pct``, Phi-3's ``partial_rotary_factor``): d_rot < d_head rotates the
    first d_rot dimensions and passes the rest through unchanged, as HF does."""
    d_rot = cos.shape[-1]
    if d_rot < t.shape[-1]:
        head, rest = t[..., :d_rot], t[..., d_rot:]
        return torch.cat((head * cos[:, None, :] + rotate_half(head) * sin[:, None, :], rest), dim=-1)
    return t * cos[:, None, :] + rotate_half(t) * sin[:, None, :]


class LlamaAdapter(Adapter):
    family: ClassVar[str] = "llama"
    model_types: ClassVar[tuple[str, ...]] = ("llama", "qwen3", "olmo2", "olmo3", "mistral")

    def __init__(self, hf: Any) -> None:
        super().__init__(hf)
        attn0 = self._layers[0].self_attn
        q_norm = getattr(attn0, "q_norm", None)
        # OLMo normalises the whole q projection, Qwen3 each head: tell them apart by the weight's size.
        self._qk_norm_scope: str | None = None
        if q_norm is not None:
            self._qk_norm_scope = "head" if q_norm.weight.numel() == self.d_head else "proj"
        self.post_norm = hasattr(self._layers[0], "post_feedforward_layernorm")
        self.pre_norm = not self.post_norm
        rotary = self.hf.model.rotary_emb
        self._rotary_takes_layer_type = "layer_type" in inspect.signature(rotary.forward).parameters

    @property
    def _layers(self) -> Any:
        return self.hf.model.layers

    @property
    def qk_norm(self) -> bool:
        return self._qk_norm_scope is not None

    def embed(self, ids: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = self.hf.model.embed_tokens(ids)
        return out

    def ln1(self, layer: int) -> NormSpec:
        if not self.pre_norm:  # OLMo: no norm before the sublayers
            return _IDENTITY
        return norm_from(self._layers[layer].input_layernorm, "rmsnorm")

    def ln2(self, layer: int) -> NormSpec | None:
        if not self.pre_norm:
            return _IDENTITY
        return norm_from(self._layers[layer].post_attention_layernorm, "rmsnorm")

    def post_attn_norm(self, layer: int) -> NormSpec | None:
        return norm_from(self._layers[layer].post_attention_layernorm, "rmsnorm") if self.post_norm else None

    def post_mlp_norm(self, layer: int) -> NormSpec | None:
        return norm_from(self._layers[layer].post_feedforward_layernorm, "rmsnorm") if self.post_norm else None

    def ln_final(self) -> NormSpec:
        return norm_from(self.hf.model.norm, "rmsnorm")

    def rotary(self, layer: int, x: torch.Tensor, positions: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """cos, sin [pos, d_head] from the model's own rotary module (so RoPE scaling matches exactly)."""
        rotary = self.hf.model.rotary_emb
        pos_ids = positions.unsqueeze(0)
        if self._rotary_takes_layer_type:
            cos, sin = rotary(x.unsqueeze(0), pos_ids, self.config.layer_types[layer])
        else:
            cos, sin = rotary(x.unsqueeze(0), pos_ids)
        return cos[0], sin[0]

    def apply_rotary(self, t: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
        return apply_rotary_half(t, cos, sin)

    def qkv(
        self, layer: int, x: torch.Tensor, positions: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        attn = self._layers[layer].self_attn
        n = x.shape[0]
        q, k, v = attn.q_proj(x), attn.k_proj(x), attn.v_proj(x)
        if self._qk_norm_scope == "proj":
            q, k = attn.q_norm(q), attn.k_norm(k)
        q = q.reshape(n, self.n_heads, self.d_head)
        k = k.reshape(n, self.n_kv_heads, self.d_head)
        v = v.reshape(n, self.n_kv_heads, self.d_head)
        if self._qk_norm_scope == "head":
            q, k = attn.q_norm(q), attn.k_norm(k)
        return self._rotate(layer, x, positions, q, k, v)

    def _rotate(
        self, layer: int, x: torch.Tensor, positions: torch.Tensor, q: torch.Tensor, k: torch.Tensor, v: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """RoPE on q and k, unless this layer has no positional encoding (SmolLM3's NoPE layers)."""
        if not self.rope_layer(layer):
            return q, k, v
        cos, sin = self.rotary(layer, x, positions)
        # OLMo 2/3's rotary module returns float32 cos/sin in a bfloat16 model and HF casts the rotated q, k back to
        # their own dtype; elsewhere cos/sin already have it (a no-op, and always one in float32)
        return self.apply_rotary(q, cos, sin).to(q.dtype), self.apply_rotary(k, cos, sin).to(k.dtype), v

    def attn_scale(self, layer: int) -> float:
        return float(self._layers[layer].self_attn.scaling)

    def sliding_window(self, layer: int) -> int | None:
        window = getattr(self.config, "sliding_window", None)
        layer_types = getattr(self.config, "layer_types", None)
        if layer_types is not None:
            return int(window) if window and layer_types[layer] == "sliding_attention" else None
        if self.config.model_type == "mistral" or getattr(self.config, "use_sliding_window", False):
            return int(window) if window else None
        return None

    def W_O(self, layer: int) -> torch.Tensor:
        w: torch.Tensor = self._layers[layer].self_attn.o_proj.weight  # [d_model, head * d_head]
        return w.T.reshape(self.n_heads, self.d_head, self.d_model)

    def b_O(self, layer: int) -> torch.Tensor | None:
        b: torch.Tensor | None = self._layers[layer].self_attn.o_proj.bias
        return b

    def mlp(self, layer: int, x: torch.Tensor) -> MlpOut:
        mlp = self._layers[layer].mlp
        pre = mlp.gate_proj(x)
        up = mlp.up_proj(x)
        post = ACT2FN[self.activation](pre) * up
        return MlpOut(pre=pre, pre_linear=up, post=post, out=mlp.down_proj(post))

    def W_out(self, layer: int) -> torch.Tensor:
        w: torch.Tensor = self._layers[layer].mlp.down_proj.weight  # [d_model, d_mlp]
        return w.T

    def unembed(self, x: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = self.hf.lm_head(x) * self.logit_scale
        cap = self.final_softcap
        if cap is not None:
            out = torch.tanh(out / cap) * cap
        return out

    @property
    def W_U(self) -> torch.Tensor:
        w: torch.Tensor = self.hf.lm_head.weight
        return w.T * self.logit_scale


#: OLMo's blocks have no norm before the sublayers; an identity norm keeps the forward pass uniform.
_IDENTITY = NormSpec(kind="identity", weight=None, bias=None, eps=0.0)
