"""Phi-3: Llama's block with fused projections — one ``qkv_proj`` ([q heads | k heads | v heads]) and one
``gate_up_proj`` ([gate | up]) — an optional sliding window on every layer, and partial rotary when the config
sets ``partial_rotary_factor``."""

from __future__ import annotations

from typing import ClassVar

import torch
from transformers.activations import ACT2FN

from glassbox.models.adapters.base import MlpOut
from glassbox.models.adapters.llama import LlamaAdapter


class Phi3Adapter(LlamaAdapter):
    family: ClassVar[str] = "phi3"
    model_types: ClassVar[tuple[str, ...]] = ("phi3",)

    def qkv(
        self, layer: int, x: torch.Tensor, positions: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        fused = self._layers[layer].self_attn.qkv_proj(x)
        n_q, n_kv = self.n_heads * self.d_head, self.n_kv_heads * self.d_head
        q, k, v = fused.split([n_q, n_kv, n_kv], dim=-1)
        n = x.shape[0]
        q = q.reshape(n, self.n_heads, self.d_head)
        k = k.reshape(n, self.n_kv_heads, self.d_head)
        v = v.reshape(n, self.n_kv_heads, self.d_head)
        return self._rotate(layer, x, positions, q, k, v)

    def sliding_window(self, layer: int) -> int | None:
        window = getattr(self.config, "sliding_window", None)
        return int(window) if window else None

    def mlp(self, layer: int, x: torch.Tensor) -> MlpOut:
        mlp = self._layers[layer].mlp
        pre, up = mlp.gate_up_proj(x).chunk(2, dim=-1)
        post = ACT2FN[self.activation](pre) * up
        return MlpOut(pre=pre, pre_linear=up, post=post, out=mlp.down_proj(post))
