"""GPT-NeoX (Pythia): LayerNorm, GELU MLP, partial rotary positions and one fused q/k/v projection per head.

Three things differ from Llama, each read from the model:
- ``use_parallel_residual`` (Pythia: True): attention and MLP both read the block's input, each through its own
  LayerNorm, and add to the residual stream at once; False gives the usual sequential block;
- ``partial_rotary_factor`` (``rotary_pct``, Pythia: 0.25): RoPE turns only the first dimensions of each head;
- ``query_key_value`` lays its output out per head, ``[head, (q | k | v), d_head]``, not as
  ``[(q | k | v), head, d_head]``.
"""

from __future__ import annotations

from typing import Any, ClassVar

import torch
from transformers.activations import ACT2FN

from glassbox.models.adapters.base import Adapter, MlpOut, NormSpec, norm_from
from glassbox.models.adapters.llama import apply_rotary_half


class GPTNeoXAdapter(Adapter):
    family: ClassVar[str] = "gpt_neox"
    model_types: ClassVar[tuple[str, ...]] = ("gpt_neox",)
    norm_kind: ClassVar[str] = "layernorm"
    gated_mlp: ClassVar[bool] = False

    def __init__(self, hf: Any) -> None:
        super().__init__(hf)
        self.parallel_block = bool(self.config.use_parallel_residual)

    @property
    def _layers(self) -> Any:
        return self.hf.gpt_neox.layers

    @property
    def n_kv_heads(self) -> int:
        return self.n_heads

    @property
    def d_head(self) -> int:
        return self.d_model // self.n_heads

    @property
    def activation(self) -> str:
        return str(self.config.hidden_act)

    def embed(self, ids: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = self.hf.gpt_neox.embed_in(ids)
        return out

    def ln1(self, layer: int) -> NormSpec:
        return norm_from(self._layers[layer].input_layernorm, "layernorm")

    def ln2(self, layer: int) -> NormSpec | None:
        # HF calls it post_attention_layernorm, but it is the norm *before* the MLP (of the block's input when
        # the block is parallel, of the residual after attention when not)
        return norm_from(self._layers[layer].post_attention_layernorm, "layernorm")

    def ln_final(self) -> NormSpec:
        return norm_from(self.hf.gpt_neox.final_layer_norm, "layernorm")

    def rotary(self, layer: int, x: torch.Tensor, positions: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """cos, sin [pos, d_rot] from the model's own rotary module; d_rot = d_head × partial_rotary_factor."""
        cos, sin = self.hf.gpt_neox.rotary_emb(x.unsqueeze(0), positions.unsqueeze(0))
        return cos[0], sin[0]

    def apply_rotary(self, t: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
        return apply_rotary_half(t, cos, sin)

    def qkv(
        self, layer: int, x: torch.Tensor, positions: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        attn = self._layers[layer].attention
        fused = attn.query_key_value(x).reshape(x.shape[0], self.n_heads, 3 * self.d_head)
        q, k, v = fused.chunk(3, dim=-1)  # per head: q, then k, then v
        cos, sin = self.rotary(layer, x, positions)
        return self.apply_rotary(q, cos, sin), self.apply_rotary(k, cos, sin), v

    def attn_scale(self, layer: int) -> float:
        return float(self._layers[layer].attention.scaling)

    def W_O(self, layer: int) -> torch.Tensor:
        w: torch.Tensor = self._layers[layer].attention.dense.weight  # [d_model, head * d_head]
        return w.T.reshape(self.n_heads, self.d_head, self.d_model)

    def b_O(self, layer: int) -> torch.Tensor | None:
        b: torch.Tensor | None = self._layers[layer].attention.dense.bias
        return b

    def mlp(self, layer: int, x: torch.Tensor) -> MlpOut:
        mlp = self._layers[layer].mlp
        pre = mlp.dense_h_to_4h(x)
        post = ACT2FN[self.activation](pre)
        return MlpOut(pre=pre, pre_linear=None, post=post, out=mlp.dense_4h_to_h(post))

    def W_out(self, layer: int) -> torch.Tensor:
        w: torch.Tensor = self._layers[layer].mlp.dense_4h_to_h.weight  # [d_model, d_mlp]
        return w.T

    def unembed(self, x: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = self.hf.lm_head(x)
        return out

    @property
    def W_U(self) -> torch.Tensor:
        w: torch.Tensor = self.hf.lm_head.weight
        return w.T
