"""Gemma 2 and Gemma 3 (text): Llama's layout with Gemma's own choices, each read from the model:

- token embeddings multiplied by √d_model (the model's embedding module does it, in the weights' dtype);
- sandwich norms: an RMSNorm before *and* after each sublayer, each multiplying by ``1 + weight`` in float32;
- GeGLU MLP (``hidden_activation``, gelu_pytorch_tanh);
- attention scaled by ``query_pre_attn_scalar ** -0.5`` rather than ``d_head ** -0.5``;
- sliding-window and global layers alternating (``layer_types``); Gemma 3 gives each kind its own rotary base;
- Gemma 2 soft-caps attention scores (``attn_logit_softcapping``) and both soft-cap the final logits
  (``final_logit_softcapping``) when the config sets it; Gemma 3 normalises q and k per head. (Gemma 3's config
  may carry ``attn_logit_softcapping`` too, but its attention never applies it; neither does this adapter.)
"""

from __future__ import annotations

from typing import Any, ClassVar

from glassbox.models.adapters.base import NormSpec, norm_from
from glassbox.models.adapters.llama import LlamaAdapter


class GemmaAdapter(LlamaAdapter):
    family: ClassVar[str] = "gemma"
    model_types: ClassVar[tuple[str, ...]] = ("gemma2", "gemma3_text")

    @classmethod
    def hf_attn_implementation(cls, config: Any) -> str:
        # HF's fused attention cannot soft-cap scores, so transformers refuses it for Gemma 2
        return "eager" if config.model_type == "gemma2" else "sdpa"

    def __init__(self, hf: Any) -> None:
        super().__init__(hf)
        self.pre_norm = True  # sandwich: post_norm (set by LlamaAdapter) *and* the usual norms before

    @property
    def activation(self) -> str:
        return str(self.config.hidden_activation)

    def ln1(self, layer: int) -> NormSpec:
        return norm_from(self._layers[layer].input_layernorm, "rmsnorm", one_plus=True)

    def ln2(self, layer: int) -> NormSpec | None:
        return norm_from(self._layers[layer].pre_feedforward_layernorm, "rmsnorm", one_plus=True)

    def post_attn_norm(self, layer: int) -> NormSpec | None:
        return norm_from(self._layers[layer].post_attention_layernorm, "rmsnorm", one_plus=True)

    def post_mlp_norm(self, layer: int) -> NormSpec | None:
        return norm_from(self._layers[layer].post_feedforward_layernorm, "rmsnorm", one_plus=True)

    def ln_final(self) -> NormSpec:
        return norm_from(self.hf.model.norm, "rmsnorm", one_plus=True)

    def attn_softcap(self, layer: int) -> float | None:
        if self.config.model_type != "gemma2":  # Gemma 3's attention does not pass its softcap on
            return None
        cap = getattr(self.config, "attn_logit_softcapping", None)
        return float(cap) if cap else None

    @property
    def embed_scale(self) -> float | None:
        # the value HF multiplies by: √d_model rounded to the embedding's dtype
        scale = self.hf.model.embed_tokens.embed_scale.to(self.hf.model.embed_tokens.weight.dtype)
        return float(scale)

    @property
    def final_softcap(self) -> float | None:
        cap = getattr(self.config, "final_logit_softcapping", None)
        return float(cap) if cap else None
