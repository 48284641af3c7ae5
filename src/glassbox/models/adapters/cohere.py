"""Cohere (Command R, Aya Expanse): one LayerNorm feeds attention and MLP *in parallel*, both add to the
residual stream at once; RoPE rotates interleaved pairs (2i, 2i+1); logits are multiplied by ``logit_scale``.
"""

from __future__ import annotations

from typing import Any, ClassVar

import torch

from glassbox.models.adapters.base import NormSpec, RotaryPairing, norm_from
from glassbox.models.adapters.llama import LlamaAdapter


def rotate_interleaved(x: torch.Tensor) -> torch.Tensor:
    """Cohere's RoPE pairs dimension 2i with 2i + 1."""
    x1, x2 = x[..., ::2], x[..., 1::2]
    return torch.stack((-x2, x1), dim=-1).flatten(-2)


class CohereAdapter(LlamaAdapter):
    family: ClassVar[str] = "cohere"
    model_types: ClassVar[tuple[str, ...]] = ("cohere",)
    norm_kind: ClassVar[str] = "layernorm"
    parallel_block = True
    rotary_pairing: ClassVar[RotaryPairing] = "interleaved"

    def __init__(self, hf: Any) -> None:
        super().__init__(hf)
        # Cohere's q/k norms are LayerNorms over d_head with one weight row per head.
        self._qk_norm_scope = "head" if getattr(self.config, "use_qk_norm", False) else None

    def ln1(self, layer: int) -> NormSpec:
        return norm_from(self._layers[layer].input_layernorm, "layernorm")

    def ln2(self, layer: int) -> NormSpec | None:
        return None  # the MLP reads ln1's output

    def ln_final(self) -> NormSpec:
        return norm_from(self.hf.model.norm, "layernorm")

    def apply_rotary(self, t: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
        out = t.float() * cos[:, None, :] + rotate_interleaved(t.float()) * sin[:, None, :]
        return out.to(t.dtype)

    @property
    def logit_scale(self) -> float:
        return float(self.config.logit_scale)
