"""The local replacement model: the real forward pass, and its linear twin with attention and norms frozen.

One function, :func:`forward`, runs the model from its weights (through its adapter, like
:mod:`glassbox.capture.forward`) in one of three modes:

- ``"real"``: the model itself; records what attribution freezes (every norm's 1/σ, every attention pattern)
  and what the transcoders read and what the MLP writes at the transcoders' hooks;
- ``"replace"``: the MLPs swapped for the transcoders (no error terms): the replacement model whose next-token
  loss training reports (a cross-layer transcoder's output at a layer sums the decoders of every layer so far);
- ``"frozen"``: the *local* replacement model of circuit-tracer: patterns and norm scales fixed at the real
  pass's values, each MLP's output = the transcoder's skip connection of its (live) input + a written vector
  that the caller supplies (features + error + ``b_dec`` for the real prompt). In this mode the map from the
  token embeddings and the written vectors to every transcoder input and to the final normed residual is linear,
  which is what makes gradients equal direct effects.

Batches: the frozen mode takes ``[batch, pos, d_model]`` inputs (every row the same prompt, different
perturbations or gradients), flattened to ``[batch * pos, …]`` for the adapter's per-position pieces, as
:mod:`glassbox.capture.batched` does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import torch

from glassbox.capture.forward import causal_mask
from glassbox.capture.moe import softmax_with_sinks
from glassbox.errors import InvalidInputError, UnsupportedArchitectureError
from glassbox.models.loading import require_one_device

if TYPE_CHECKING:
    from glassbox.models.adapters.base import NormSpec
    from glassbox.models.loading import LoadedModel
    from glassbox.transcoders.format import TranscoderSet

Mode = Literal["real", "replace", "frozen"]
MlpEdit = Callable[[int, torch.Tensor, torch.Tensor], torch.Tensor]
"""``edit(layer, transcoder input [pos, d_model], MLP output at the output hook [pos, d_model])`` → new output."""


@dataclass
class Frozen:
    """What the real pass fixes for the local replacement model, and what the transcoders see in it.

    Scales are 1/σ per position (``None`` where the architecture has no norm at that place)."""

    ln1: list[torch.Tensor | None]
    ln2: list[torch.Tensor | None]
    post_attn: list[torch.Tensor | None]
    post_mlp: list[torch.Tensor | None]
    ln_final: torch.Tensor
    patterns: list[torch.Tensor]  # [head, query_pos, key_pos]
    tc_in: list[torch.Tensor]  # [pos, d_model]: what layer l's transcoder reads
    mlp_out: list[torch.Tensor]  # [pos, d_model]: what layer l's MLP writes at the output hook
    x_final: torch.Tensor  # [pos, d_model]: the final norm's output (what the unembedding reads)
    logits: torch.Tensor  # [pos, d_vocab]


@contextmanager
def frozen_weights(model: LoadedModel) -> Iterator[None]:
    """No weight requires a gradient inside: only the inputs the caller marks do (and autograd then keeps no
    activation a weight's gradient would need)."""
    params = [p for p in model.hf.parameters() if p.requires_grad]
    for p in params:
        p.requires_grad_(False)
    try:
        yield
    finally:
        for p in params:
            p.requires_grad_(True)


def _frozen_norm(spec: NormSpec | None, x: torch.Tensor, scale: torch.Tensor | None) -> torch.Tensor:
    """The norm with its 1/σ fixed: linear in ``x`` (LayerNorm's centring is linear too) plus its bias."""
    if spec is None or spec.kind == "identity" or scale is None:
        return x
    out = spec.center(x) * scale.reshape(*([1] * (x.dim() - scale.dim() - 1)), *scale.shape, 1)
    if spec.weight is not None:
        out = out * spec.weight
    if spec.bias is not None:
        out = out + spec.bias
    return out


def _scale_of(spec: NormSpec | None, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
    if spec is None:
        return x, None
    out, scale = spec(x)
    return out, (None if spec.kind == "identity" else scale)


def check_architecture(model: LoadedModel) -> None:
    """Attribution graphs need every layer's token mixing frozen as a softmax pattern; refuse models without one."""
    a = model.adapter
    require_one_device(model, "an attribution graph")
    linear = [layer for layer in range(a.n_layers) if a.layer_kind(layer) == "linear_attention"]
    if linear:  # the replacement model freezes softmax patterns; a linear-attention layer has none to freeze
        raise UnsupportedArchitectureError(
            f"attribution graphs do not cover linear-attention layers yet; {model.name} has them at layers "
            f"{', '.join(map(str, linear))}. The detailed view shows their exact token mixing instead"
        )
    if a.d_ple or any(a.layer_scalar(layer) is not None for layer in range(a.n_layers)):
        # Gemma 4: a gated per-layer input and a scalar on the residual after every MLP, which the replacement
        # model's blocks do not run
        raise UnsupportedArchitectureError(
            f"attribution graphs do not cover Gemma 4's per-layer inputs and layer scalars yet ({model.name}). "
            "The detailed view shows them, and DLA, patching and attribution cover them"
        )


def check_compatible(model: LoadedModel, ts: TranscoderSet) -> None:
    """The transcoders must fit the model: one per layer, the model's width, hooks the architecture has."""
    a = model.adapter
    check_architecture(model)
    if model.info.dtype != "float32":  # the transcoders and the linearised backward pass are float32 throughout
        raise InvalidInputError(
            f"attribution graphs are computed in float32; {model.name} is loaded in {model.info.dtype} "
            "(load it with --dtype float32)"
        )
    if a.value_clip is not None:  # a clamp on q, k and v: the frozen-pattern model is no longer linear in the values
        raise UnsupportedArchitectureError(
            f"attribution graphs need values linear in the residual stream; {model.name} clamps q, k and v to "
            f"±{a.value_clip} (clip_qkv), which the replacement model cannot carry"
        )
    if ts.n_layers != a.n_layers:
        raise InvalidInputError(f"the transcoders cover {ts.n_layers} layers; the model {model.name} has {a.n_layers}")
    if ts.d_model != a.d_model:
        raise InvalidInputError(f"the transcoders read d_model={ts.d_model}; the model {model.name} has {a.d_model}")
    if ts.feature_input_hook == "hook_resid_mid" and a.parallel_block:
        raise InvalidInputError(
            f"{model.name} runs attention and MLP in parallel: it has no hook_resid_mid; use mlp.hook_in"
        )


def forward(
    model: LoadedModel,
    ts: TranscoderSet,
    ids: Sequence[int],
    mode: Mode = "real",
    *,
    frozen: Frozen | None = None,
    tok: torch.Tensor | None = None,
    writes: Sequence[torch.Tensor] | None = None,
    edit: MlpEdit | None = None,
) -> tuple[list[torch.Tensor], torch.Tensor, Frozen | None]:
    """Run the model over ``ids``; return (transcoder inputs per layer, final normed residual, what was frozen).

    ``real``/``replace``: shapes ``[pos, d_model]``; the third item is the :class:`Frozen` record in ``real`` mode.
    ``frozen``: ``tok`` [batch, pos, d_model] replaces the token embeddings (positions embeddings stay as they
    are), ``writes[l]`` [batch, pos, d_model] is what layer l's MLP writes besides the skip connection; outputs
    are ``[batch, pos, d_model]``. Gradients flow from outputs to ``tok`` and ``writes`` (caller's choice).
    ``edit`` (``real`` mode only): ``edit(layer, transcoder input, output at the output hook)`` returns what the
    MLP writes at the transcoders' output hook instead (feature interventions); the record keeps the edited value.
    """
    if edit is not None and mode != "real":
        raise ValueError("edit applies to the real mode only")
    a = model.adapter
    dev = model.device
    n = len(ids)
    positions = torch.arange(n, device=dev)
    ids_t = torch.tensor(list(ids), dtype=torch.long, device=dev)
    pos_embed = a.pos_embed(positions)
    batched = mode == "frozen"
    if batched:
        if frozen is None or tok is None or writes is None:
            raise ValueError("frozen mode needs frozen, tok and writes")
        b = tok.shape[0]
        resid = tok
        flat_pos = positions.repeat(b)
    else:
        b = 1
        resid = a.embed(ids_t).float()
        flat_pos = positions
    if pos_embed is not None:
        resid = resid + pos_embed
    group = a.n_heads // a.n_kv_heads
    write_pre = ts.feature_output_hook == "mlp.hook_out"  # else the transcoder writes after the MLP's own out-norm
    read_mid = ts.feature_input_hook == "hook_resid_mid"
    rec: dict[str, list[torch.Tensor | None]] = {k: [] for k in ("ln1", "ln2", "post_attn", "post_mlp")}
    patterns: list[torch.Tensor] = []
    tc_ins: list[torch.Tensor] = []
    outs: list[torch.Tensor] = []
    masks: dict[int | None, torch.Tensor] = {}
    rep_acts: list[torch.Tensor] = []  # replace mode: every layer's features so far (a CLT's write to later layers)
    d = a.d_model
    for layer in range(a.n_layers):
        ln1 = a.ln1(layer)
        flat = resid.reshape(b * n, d)
        if batched:
            assert frozen is not None
            s1 = frozen.ln1[layer]
            x1 = _frozen_norm(ln1, flat, None if s1 is None else s1.repeat(b))
        else:
            x1, s1 = _scale_of(ln1, flat)
            rec["ln1"].append(s1)
        q, k, v = a.qkv(layer, x1, flat_pos)  # frozen mode uses only v: q and k carry no gradient to anything
        if batched:
            assert frozen is not None
            pattern = frozen.patterns[layer]
        else:
            pattern = _pattern(model, layer, q, k, masks)
            patterns.append(pattern)
        v = v.reshape(b, n, a.n_kv_heads, -1)
        if group > 1:
            v = v.repeat_interleave(group, dim=2)
        z = torch.einsum("hqk,bkhd->bqhd", pattern, v)
        attn_out = z.reshape(b * n, -1) @ a.W_O(layer).reshape(-1, d)
        b_O = a.b_O(layer)
        if b_O is not None:
            attn_out = attn_out + b_O
        post_attn = a.post_attn_norm(layer)
        if post_attn is not None:
            if batched:
                assert frozen is not None
                sa = frozen.post_attn[layer]
                attn_out = _frozen_norm(post_attn, attn_out, None if sa is None else sa.repeat(b))
            else:
                attn_out, sa = _scale_of(post_attn, attn_out)
                rec["post_attn"].append(sa)
        elif not batched:
            rec["post_attn"].append(None)
        ln2 = a.ln2(layer)
        if a.parallel_block:  # the MLP reads the block's input: through attention's norm (Cohere) or its own (NeoX)
            resid_mid = flat
            norm_in = flat
        else:
            resid_mid = flat + attn_out
            norm_in = resid_mid
        if ln2 is None:
            x2 = x1
            if not batched:
                rec["ln2"].append(None)
        elif batched:
            assert frozen is not None
            s2 = frozen.ln2[layer]
            x2 = _frozen_norm(ln2, norm_in, None if s2 is None else s2.repeat(b))
        else:
            x2, s2 = _scale_of(ln2, norm_in)
            rec["ln2"].append(s2)
        tc_in = resid_mid if read_mid else x2
        tc_ins.append(tc_in.reshape(b, n, d) if batched else tc_in)
        post_mlp = a.post_mlp_norm(layer)
        tc = ts[layer]
        if batched:
            assert writes is not None and frozen is not None
            out = tc.skip(tc_in) + writes[layer].reshape(b * n, d)
            if write_pre and post_mlp is not None:
                sm = frozen.post_mlp[layer]
                out = _frozen_norm(post_mlp, out, None if sm is None else sm.repeat(b))
        else:
            real = a.mlp(layer, x2).out
            if edit is not None and (write_pre or post_mlp is None):
                real = edit(layer, tc_in, real)
            if mode == "real":
                out_pre = real
            else:
                rep_acts.append(tc.encode(tc_in))
                out_pre = ts.reconstruct(layer, rep_acts, tc_in)
            if post_mlp is not None:
                normed, sm = _scale_of(post_mlp, real)
                if edit is not None and not write_pre:  # the hook is after the MLP's own out-norm
                    normed = edit(layer, tc_in, normed)
                rec["post_mlp"].append(sm)
                at_hook = real if write_pre else normed
                if mode == "real":
                    out = normed
                elif write_pre:  # the replacement's output goes through the real out-norm, with its own 1/σ
                    out, _unused = _scale_of(post_mlp, out_pre)
                else:
                    out = out_pre
            else:
                rec["post_mlp"].append(None)
                at_hook = real
                out = out_pre
            outs.append(at_hook)
        resid = (flat + attn_out + out) if a.parallel_block else (resid_mid + out)
        if batched:
            resid = resid.reshape(b, n, d)
    ln_f = a.ln_final()
    flat = resid.reshape(b * n, d)
    if batched:
        assert frozen is not None
        x_final = _frozen_norm(ln_f, flat, frozen.ln_final.repeat(b)).reshape(b, n, d)
        return tc_ins, x_final, None
    x_final, s_f = ln_f(flat)
    logits = a.unembed(x_final).float()
    record = Frozen(
        ln1=rec["ln1"],
        ln2=rec["ln2"],
        post_attn=rec["post_attn"],
        post_mlp=rec["post_mlp"],
        ln_final=s_f,
        patterns=patterns,
        tc_in=tc_ins,
        mlp_out=outs,
        x_final=x_final,
        logits=logits,
    )
    return tc_ins, x_final, record


def _pattern(
    model: LoadedModel, layer: int, q: torch.Tensor, k: torch.Tensor, masks: dict[int | None, torch.Tensor]
) -> torch.Tensor:
    """The attention pattern [head, query_pos, key_pos] of one layer, as the traced forward computes it."""
    a = model.adapter
    n = q.shape[0]
    group = a.n_heads // a.n_kv_heads
    if group > 1:
        k = k.repeat_interleave(group, dim=1)
    window = a.sliding_window(layer)
    if window not in masks:
        masks[window] = causal_mask(n, window, q.device)
    scores = torch.einsum("qhd,khd->hqk", q, k) * a.attn_scale(layer)
    cap = a.attn_softcap(layer)
    if cap is not None:  # Gemma 2: soft-capped before the mask, as the traced forward does
        scores = torch.tanh(scores / cap) * cap
    scores = scores.masked_fill(~masks[window], float("-inf"))
    sinks = a.attn_sinks(layer)
    if sinks is not None:  # gpt-oss: each row also spends probability on the head's sink, which adds no value
        return softmax_with_sinks(scores.float(), sinks)[0]
    return torch.softmax(scores.float(), dim=-1)


@torch.no_grad()
def real_pass(model: LoadedModel, ts: TranscoderSet, ids: Sequence[int]) -> Frozen:
    """The real model's forward over ``ids``, recording what the local replacement model freezes."""
    _, _, record = forward(model, ts, ids, "real")
    assert record is not None
    return record


@torch.no_grad()
def replacement_logits(model: LoadedModel, ts: TranscoderSet, ids: Sequence[int]) -> torch.Tensor:
    """Logits [pos, d_vocab] of the replacement model: every MLP replaced by its transcoder, nothing frozen."""
    a = model.adapter
    _, x_final, _ = forward(model, ts, ids, "replace")
    logits: torch.Tensor = a.unembed(x_final).float()
    return logits
