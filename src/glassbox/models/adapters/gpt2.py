"""GPT-2: learned positions, LayerNorm, GELU MLP, fused qkv in ``Conv1D`` layers (weights stored [in, out])."""

from __future__ import annotations

from typing import Any, ClassVar

import torch
from transformers.activations import ACT2FN

from glassbox.models.adapters.base import Adapter, MlpOut, NormSpec, norm_from


def gpt2_config(*, n_layers: int, n_heads: int, d_model: int, n_ctx: int, d_vocab: int, **extra: Any) -> Any:
    """A transformers ``GPT2Config`` from glassbox's dimension names.

    The one place they become GPT-2's own (``n_layer``, ``n_head``, ``n_embd``, ``n_positions``, ``vocab_size``);
    ``extra`` passes any other config field through unchanged (dropout, special token ids, weight tying).
    """
    from transformers import GPT2Config

    return GPT2Config(n_layer=n_layers, n_head=n_heads, n_embd=d_model, n_positions=n_ctx, vocab_size=d_vocab, **extra)


class GPT2Adapter(Adapter):
    family: ClassVar[str] = "gpt2"
    model_types: ClassVar[tuple[str, ...]] = ("gpt2",)
    positional: ClassVar[str] = "learned"
    norm_kind: ClassVar[str] = "layernorm"
    gated_mlp: ClassVar[bool] = False

    @property
    def _blocks(self) -> Any:
        return self.hf.transformer.h

    @property
    def n_layers(self) -> int:
        return int(self.config.n_layer)

    @property
    def n_heads(self) -> int:
        return int(self.config.n_head)

    @property
    def n_kv_heads(self) -> int:
        return self.n_heads

    @property
    def d_model(self) -> int:
        return int(self.config.n_embd)

    @property
    def d_head(self) -> int:
        return self.d_model // self.n_heads

    @property
    def d_mlp(self) -> int:
        return int(self.config.n_inner or 4 * self.d_model)

    @property
    def n_ctx(self) -> int:
        return int(self.config.n_positions)

    @property
    def activation(self) -> str:
        return str(self.config.activation_function)

    def embed(self, ids: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = self.hf.transformer.wte(ids)
        return out

    def pos_embed(self, positions: torch.Tensor) -> torch.Tensor | None:
        out: torch.Tensor = self.hf.transformer.wpe(positions)
        return out

    def ln1(self, layer: int) -> NormSpec:
        return norm_from(self._blocks[layer].ln_1, "layernorm")

    def ln2(self, layer: int) -> NormSpec | None:
        return norm_from(self._blocks[layer].ln_2, "layernorm")

    def ln_final(self) -> NormSpec:
        return norm_from(self.hf.transformer.ln_f, "layernorm")

    def qkv(
        self, layer: int, x: torch.Tensor, positions: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        qkv = self._blocks[layer].attn.c_attn(x)  # [pos, 3 * d_model]
        q, k, v = qkv.split(self.d_model, dim=-1)
        shape = (x.shape[0], self.n_heads, self.d_head)
        return q.reshape(shape), k.reshape(shape), v.reshape(shape)

    def attn_scale(self, layer: int) -> float:
        scale = 1.0
        if self.config.scale_attn_weights:
            scale = self.d_head**-0.5
        if self.config.scale_attn_by_inverse_layer_idx:
            scale /= float(layer + 1)
        return float(scale)

    def W_O(self, layer: int) -> torch.Tensor:
        # Conv1D keeps weight as [in, out] = [head * d_head, d_model]
        w: torch.Tensor = self._blocks[layer].attn.c_proj.weight
        return w.reshape(self.n_heads, self.d_head, self.d_model)

    def b_O(self, layer: int) -> torch.Tensor | None:
        b: torch.Tensor = self._blocks[layer].attn.c_proj.bias
        return b

    def mlp(self, layer: int, x: torch.Tensor) -> MlpOut:
        mlp = self._blocks[layer].mlp
        pre = mlp.c_fc(x)
        post = ACT2FN[self.config.activation_function](pre)
        return MlpOut(pre=pre, pre_linear=None, post=post, out=mlp.c_proj(post))

    def W_out(self, layer: int) -> torch.Tensor:
        w: torch.Tensor = self._blocks[layer].mlp.c_proj.weight  # Conv1D: [d_mlp, d_model]
        return w

    def unembed(self, x: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = self.hf.lm_head(x)
        return out

    @property
    def W_U(self) -> torch.Tensor:
        w: torch.Tensor = self.hf.lm_head.weight
        return w.T
