"""The interface every architecture adapter fills in.

glassbox runs its own instrumented forward pass (:mod:`glassbox.capture.forward`) over the weights of a
Hugging Face model. That pass is written once; what differs between architecture families — where the
weights live, how q/k/v are produced and rotated, which norms sit where, how the MLP is shaped — is answered
by one adapter per family. Shared code never asks "which architecture is this?"; it asks the adapter.

Shapes use the canonical dimension names: ``pos, head, kv_head, d_head, d_model, d_mlp, d_vocab``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import torch

if TYPE_CHECKING:
    from glassbox.schema.moe import WeightsRule

NormKind = Literal["layernorm", "rmsnorm", "identity"]
"""``identity``: no norm at this place in this architecture (OLMo's pre-sublayer norms)."""

RotaryPairing = Literal["half", "interleaved"]
"""Which dimensions RoPE rotates together: ``i`` with ``i + d_head/2`` (Llama) or ``2i`` with ``2i + 1`` (Cohere)."""

LayerKind = Literal["attention", "linear_attention"]
"""How a layer mixes tokens: softmax attention, or a linear-attention recurrence (Qwen3.5's gated DeltaNet)."""


@dataclass(frozen=True)
class NormSpec:
    """A normalisation layer as plain parameters, so the forward pass can expose its statistics."""

    kind: NormKind
    weight: torch.Tensor | None  # [d]
    bias: torch.Tensor | None  # [d]
    eps: float
    #: multiply by the weight in float32 and cast after (Gemma: ``(x · scale · w).to(dtype)``); otherwise the
    #: normalised input is cast first and then multiplied (Llama: ``(x · scale).to(dtype) · w``)
    upcast: bool = False

    def center(self, x: torch.Tensor) -> torch.Tensor:
        """``x`` in float32, minus its mean over the last axis for LayerNorm; unchanged (but float32) otherwise.

        The norm is linear in what this returns once its 1/σ is fixed, which is what direct logit attribution
        relies on; only LayerNorm subtracts the mean, so only it needs this step."""
        xf = x.float()
        return xf - xf.mean(-1, keepdim=True) if self.kind == "layernorm" else xf

    def __call__(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Normalise the last axis of ``x``; return ``(output, scale)`` with ``scale`` = 1/σ per row.

        LayerNorm: ``(x - mean) · scale · w + b`` with ``scale = 1/sqrt(var + eps)``;
        RMSNorm: ``x · scale · w`` with ``scale = 1/sqrt(mean(x²) + eps)``. Computed in float32 like HF.
        """
        if self.kind == "identity":
            return x, torch.ones(x.shape[:-1], dtype=torch.float32, device=x.device)
        if self.weight is not None and x.device != self.weight.device:  # a model spread over several devices
            x = x.to(self.weight.device)
        xf = self.center(x)
        scale = torch.rsqrt(xf.pow(2).mean(-1, keepdim=True) + self.eps)
        if self.upcast and self.weight is not None:
            out = (xf * scale * self.weight.float()).to(x.dtype)
        else:
            out = (xf * scale).to(x.dtype)
            if self.weight is not None:
                out = out * self.weight
        if self.bias is not None:
            out = out + self.bias
        return out, scale.squeeze(-1)


@dataclass(frozen=True)
class MlpOut:
    pre: torch.Tensor  # [pos, d_mlp]  input of the activation function (the gate for gated MLPs)
    pre_linear: torch.Tensor | None  # [pos, d_mlp]  the "up" branch of a gated MLP
    post: torch.Tensor  # [pos, d_mlp]  what the output projection reads
    out: torch.Tensor  # [pos, d_model]


@dataclass(frozen=True)
class DeltaInputs:
    """What a gated-DeltaNet layer feeds its recurrence (after the short causal convolution), before any q/k norm.

    The recurrence (:mod:`glassbox.capture.linear_attention`) is ``S_t = α_t (I − β_t k_t k_tᵀ) S_{t−1} + β_t k_t v_tᵀ``
    with ``α_t = exp(log_decay_t)``, read as ``o_t = S_tᵀ q_t``."""

    q: torch.Tensor  # [pos, k_head, d_k]
    k: torch.Tensor  # [pos, k_head, d_k]
    v: torch.Tensor  # [pos, v_head, d_v]
    log_decay: torch.Tensor  # [pos, v_head]  g ≤ 0, float32
    beta: torch.Tensor  # [pos, v_head]  the delta rule's step size, in (0, 1)
    z: torch.Tensor  # [pos, v_head, d_v]  the output gate's input (silu(z) multiplies the normed output)
    conv_kernel: int  # the causal convolution's length: each q/k/v reads this many positions of its input


@dataclass(frozen=True)
class PerLayerInputs:
    """Every layer's per-layer input, per token, and its two parts: each ``[pos, layer, d_ple]``."""

    token: torch.Tensor  # the token part: E_layer[token] · √d_ple (a lookup in the per-layer embedding table)
    context: torch.Tensor  # the context part: rmsnorm(W_ctx · embed / √d_model), split per layer
    combined: torch.Tensor  # (context + token) / √2: what each layer's gate multiplies


@dataclass(frozen=True)
class PerLayerOut:
    """One layer's per-layer-input step, read after its MLP: each tensor per position."""

    gate: torch.Tensor  # [pos, d_ple]  gelu(W_gate · resid)
    gated: torch.Tensor  # [pos, d_ple]  gate × the layer's per-layer input: what the projection reads
    out: torch.Tensor  # [pos, d_model]  projected and normalised: what is added to the residual
    scale: torch.Tensor  # [pos]  1/σ of that norm


#: a block's parameter, e.g. model.layers.3.mlp.up_proj.weight or transformer.h.3.attn.c_attn.weight
_BLOCK_PARAM = re.compile(r"\.(?:layers|h|blocks)\.(\d+)\.")


@dataclass(frozen=True)
class Placement:
    """The devices of a model's weights (:attr:`Adapter.placement`)."""

    home: torch.device  # the embeddings': where a forward pass starts and a trace's activations are kept
    layers: list[torch.device]  # each block's
    final: torch.device  # the unembedding's (and the final norm's, which sits beside it)

    @property
    def split(self) -> bool:
        """Whether the model is spread over more than one device."""
        return len({self.home, self.final, *self.layers}) > 1

    def devices(self) -> list[str]:
        """Every device the weights are on, in the order a forward pass meets them."""
        return list(dict.fromkeys(str(d) for d in [self.home, *self.layers, self.final]))


class Adapter:
    """One architecture family. Subclasses set the class attributes and implement the methods."""

    family: ClassVar[str]
    #: transformers ``config.model_type`` values this adapter serves
    model_types: ClassVar[tuple[str, ...]]

    def __init__(self, hf: Any) -> None:
        # Any: transformers modules are untyped attribute trees; the adapter is where that is contained
        self.hf: Any = hf
        self.config: Any = hf.config

    @classmethod
    def hf_attn_implementation(cls, config: Any) -> str:
        """The attention kernel HF's own forward (generation, next-token logits) runs with: fused where it can."""
        return "sdpa"

    # --- placement: one device, unless loaded with a device map (accelerate) over several -------------
    @functools.cached_property
    def placement(self) -> Placement:
        """Where the weights live: the embeddings' device (where a forward pass starts and a trace's activations
        are kept), each block's, and the unembedding's. One device unless ``load_model(device_map=…)`` spread the
        model over several GPUs. Read once: only a spread model's placement is acted on (moves happen only when
        ``split``), and accelerate's placement never moves afterwards."""
        home = self.hf.get_input_embeddings().weight.device
        out = self.hf.get_output_embeddings()
        final = out.weight.device if out is not None else home
        layers = [home] * self.n_layers
        if len(set(getattr(self.hf, "hf_device_map", {}).values())) > 1:
            found: dict[int, torch.device] = {}
            for name, p in self.hf.named_parameters():
                m = _BLOCK_PARAM.search(name)
                if m is not None:
                    found.setdefault(int(m.group(1)), p.device)
            layers = [found.get(layer, home) for layer in range(self.n_layers)]
        return Placement(home, layers, final)

    # --- static facts -------------------------------------------------------------------------------
    @property
    def n_layers(self) -> int:
        return int(self.config.num_hidden_layers)

    @property
    def n_heads(self) -> int:
        return int(self.config.num_attention_heads)

    @property
    def n_kv_heads(self) -> int:
        return int(getattr(self.config, "num_key_value_heads", None) or self.n_heads)

    @property
    def d_model(self) -> int:
        return int(self.config.hidden_size)

    @property
    def d_head(self) -> int:
        return int(getattr(self.config, "head_dim", None) or self.d_model // self.n_heads)

    @property
    def d_mlp(self) -> int:
        return int(self.config.intermediate_size)

    # mixtures of experts (``adapters/moe.py``): experts per MLP, experts chosen per token, neurons per expert;
    # 0 for dense MLPs
    @property
    def n_experts(self) -> int:
        return 0

    @property
    def experts_per_token(self) -> int:
        return 0

    @property
    def d_expert(self) -> int:
        return 0

    @property
    def d_vocab(self) -> int:
        return int(self.config.vocab_size)

    @property
    def n_ctx(self) -> int:
        return int(self.config.max_position_embeddings)

    positional: ClassVar[str] = "rotary"
    norm_kind: ClassVar[str] = "rmsnorm"
    gated_mlp: ClassVar[bool] = True
    #: attention and MLP read the block's input and add at once (Cohere, GPT-NeoX); set per instance by adapters
    parallel_block: bool = False
    rotary_pairing: ClassVar[RotaryPairing] = "half"
    #: norms on each sublayer's output before it is added (OLMo 2/3, Gemma 2/3); set per instance by adapters
    post_norm: bool = False
    #: a norm before each sublayer (False for OLMo 2/3, whose only norms are on the sublayers' outputs)
    pre_norm: bool = True

    @property
    def activation(self) -> str:
        return str(getattr(self.config, "hidden_act", "silu"))

    @property
    def qk_norm(self) -> bool:
        return False

    def kv_head_of(self, head: int, layer: int | None = None) -> int:
        """The key/value head a query head reads (grouped-query attention: consecutive groups). ``layer`` matters
        only where layers differ in their key/value head count (Gemma 4's global layers)."""
        return head // (self.n_heads // self.n_kv_heads)

    def layer_kind(self, layer: int) -> LayerKind:
        """Softmax attention, or linear attention (then :meth:`delta_inputs` and :meth:`delta_out_norm` apply)."""
        return "attention"

    def heads_in(self, layer: int) -> int:
        """How many heads ``layer`` has (its ``hook_z``'s head axis): ``n_heads``, except where a layer kind has its
        own count (Qwen3.5's linear-attention layers: one per value head)."""
        return self.n_heads

    # --- the pieces of the forward pass ------------------------------------------------------------
    def embed(self, ids: torch.Tensor) -> torch.Tensor:  # [pos] -> [pos, d_model]
        raise NotImplementedError

    def pos_embed(self, positions: torch.Tensor) -> torch.Tensor | None:  # [pos] -> [pos, d_model]
        return None

    def ln1(self, layer: int) -> NormSpec:
        raise NotImplementedError

    def ln2(self, layer: int) -> NormSpec | None:
        """The norm before the MLP; None for parallel blocks whose MLP reuses ln1's output (Cohere). A parallel
        block with its own MLP norm (GPT-NeoX) returns it: it reads the block's input, like ln1."""
        raise NotImplementedError

    def ln_final(self) -> NormSpec:
        raise NotImplementedError

    def post_attn_norm(self, layer: int) -> NormSpec | None:
        return None

    def post_mlp_norm(self, layer: int) -> NormSpec | None:
        return None

    def qkv(
        self, layer: int, x: torch.Tensor, positions: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """q [pos, head, d_head] and k, v [pos, kv_head, d_head]; q and k after any q/k norm and RoPE."""
        raise NotImplementedError

    def attn_output_gate(self, layer: int, x: torch.Tensor) -> torch.Tensor | None:
        """A gate [pos, head, d_head] multiplying pattern·v before the output projection (Qwen3.5); None: none."""
        return None

    def delta_inputs(self, layer: int, x: torch.Tensor) -> DeltaInputs:
        """A linear-attention layer's q, k, v, decay, β and output-gate input, from its normed input x."""
        raise NotImplementedError(f"{self.family} has no linear-attention layers")

    def delta_out_norm(self, layer: int, core: torch.Tensor, z: torch.Tensor) -> torch.Tensor:
        """A linear-attention layer's gated norm of the recurrence's output core [pos, v_head, d_v]."""
        raise NotImplementedError(f"{self.family} has no linear-attention layers")

    def rotary(self, layer: int, x: torch.Tensor, positions: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """cos, sin [pos, d_head] of rotary models."""
        raise NotImplementedError(f"{self.family} has no rotary positions")

    def apply_rotary(self, t: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
        """Rotate t [pos, head, d_head] by cos/sin [pos, d_head]."""
        raise NotImplementedError(f"{self.family} has no rotary positions")

    def attn_scale(self, layer: int) -> float:
        return float(self.d_head**-0.5)

    def sliding_window(self, layer: int) -> int | None:
        """Keys further back than this many positions are masked (None: plain causal attention)."""
        return None

    def attn_softcap(self, layer: int) -> float | None:
        """Gemma 2's attention logit soft-cap c: scores become ``c · tanh(scores / c)`` before the mask."""
        return None

    @property
    def weights_rule(self) -> WeightsRule | None:
        """How a mixture of experts turns router logits into the chosen experts' weights (None: a dense MLP)."""
        return None

    @property
    def value_clip(self) -> float | None:
        """OLMoE's optional ``clip_qkv``: q, k and v are clamped to ±this after their projections (None: no clip)."""
        return None

    def attn_sinks(self, layer: int) -> torch.Tensor | None:
        """gpt-oss's learned sink logit per head [head]: one more entry in every softmax row that no value answers,
        so each query's pattern sums to 1 minus the sink's share (None: no sinks)."""
        return None

    def kv_source(self, layer: int) -> int | None:
        """The earlier layer whose keys and values this layer reuses instead of computing its own (Gemma 4's KV
        sharing; then only :meth:`queries` is asked); None: its own."""
        return None

    def queries(self, layer: int, x: torch.Tensor, positions: torch.Tensor) -> torch.Tensor:
        """q [pos, head, d_head] alone, for a layer that reuses another's keys and values (:meth:`kv_source`)."""
        return self.qkv(layer, x, positions)[0]

    @property
    def d_ple(self) -> int:
        """Numbers per token in each layer's per-layer input (Gemma 4's per-layer embeddings); 0: none."""
        return 0

    def per_layer_inputs(self, ids: torch.Tensor, embed: torch.Tensor) -> PerLayerInputs | None:
        """Every layer's per-layer input from the token ids and their embeddings (Gemma 4); None: none."""
        return None

    def per_layer_step(self, layer: int, resid: torch.Tensor, per_layer_input: torch.Tensor) -> PerLayerOut:
        """What ``layer`` adds to the residual ``resid`` [pos, d_model] from its per-layer input [pos, d_ple]."""
        raise NotImplementedError(f"{self.family} has no per-layer inputs")

    def layer_scalar(self, layer: int) -> torch.Tensor | None:
        """A learned number the residual stream leaving ``layer`` is multiplied by (Gemma 4); None: none."""
        return None

    def rope_layer(self, layer: int) -> bool:
        """Whether this layer rotates q and k (SmolLM3 leaves some layers without positional encoding)."""
        return self.positional == "rotary"

    def W_O(self, layer: int) -> torch.Tensor:  # [head, d_head, d_model]
        raise NotImplementedError

    def b_O(self, layer: int) -> torch.Tensor | None:  # [d_model]
        return None

    def mlp(self, layer: int, x: torch.Tensor) -> MlpOut:
        raise NotImplementedError

    def W_out(self, layer: int) -> torch.Tensor:  # [d_mlp, d_model]: row i is neuron i's output direction
        raise NotImplementedError

    def unembed(self, x: torch.Tensor) -> torch.Tensor:  # [pos, d_model] -> [pos, d_vocab]
        raise NotImplementedError

    @property
    def W_U(self) -> torch.Tensor:  # [d_model, d_vocab]
        raise NotImplementedError

    @property
    def logit_scale(self) -> float:
        return 1.0

    @property
    def embed_scale(self) -> float | None:
        """The factor ``embed`` multiplies token embeddings by (Gemma: √d_model); None when there is none."""
        return None

    @property
    def final_softcap(self) -> float | None:
        """Gemma's final logit soft-cap c: ``unembed`` returns ``c · tanh(logits / c)``; ``W_U`` is the linear part."""
        return None


def norm_from(module: Any, kind: NormKind, *, one_plus: bool = False) -> NormSpec:
    """Read a transformers norm module (LayerNorm, *RMSNorm, CohereLayerNorm) into a :class:`NormSpec`.

    ``one_plus``: the module multiplies by ``1 + weight`` in float32 (Gemma's RMSNorm stores the offset from 1)."""
    eps = getattr(module, "eps", None)
    if eps is None:
        eps = getattr(module, "variance_epsilon", 1e-6)
    weight = getattr(module, "weight", None)
    bias = getattr(module, "bias", None)
    if one_plus and weight is not None:
        return NormSpec(kind=kind, weight=1.0 + weight.float(), bias=bias, eps=float(eps or 0.0), upcast=True)
    return NormSpec(kind=kind, weight=weight, bias=bias, eps=float(eps or 0.0))
