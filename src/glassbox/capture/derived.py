"""Activations the default capture does not store, recomputed exactly from what it does store.

Attention scores and pattern ([head, query_pos, key_pos] each, 16 GB together at 2,048 tokens on a
Llama-3.2-1B shape in float32) come from the stored (rotated) ``hook_q`` and ``hook_k`` through
:func:`attention_scores` and :func:`attention_pattern`, the very functions the forward pass runs.

Per-head results ``blocks.L.attn.hook_result`` [pos, head, d_model] are the largest tensors of a trace (n_heads
× d_model per position, 44 % of a Llama-3.2-1B trace at 512 tokens) yet a pure function of the stored ``hook_z``,
the model's W_O and, where the model norms attention's output (OLMo, Gemma), that norm's stored scale. Doing the
same operations as :func:`~glassbox.capture.forward.run_forward` on the same tensors gives the same bits.

An MLP's neurons — ``blocks.L.mlp.hook_pre``, ``hook_pre_linear`` (gated MLPs) and ``hook_post``, d_mlp wide
each (three quarters of a Llama-3.2-1B trace once per-head results are gone: 3 GB at 2,048 tokens) — are the
MLP of the input the MLP read (:func:`mlp_input_name`), recomputed by the adapter's own ``mlp``; a mixture of
experts reruns its router on that same input, so the same experts run (its routing hooks are stored: small). A
forward pass whose intervention edits ``hook_post`` stores that layer's edited ``hook_post`` itself
(``run_forward``). ``hook_resid_mid`` and the block norms' outputs are recomputed from the residual likewise.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import torch

from glassbox.capture.moe import softmax_with_sinks
from glassbox.capture.names import act_name

if TYPE_CHECKING:
    from glassbox.models.adapters.base import Adapter

_DERIVED = re.compile(
    r"blocks\.(\d+)\.(attn\.hook_(?:result|attn_scores|pattern)|mlp\.hook_(?:pre|pre_linear|post)"
    r"|(?:ln1|ln2)\.hook_normalized|hook_resid_mid)"
)
#: what each derived attention activation is computed from
_SOURCES = {"result": ("z",), "attn_scores": ("q", "k"), "pattern": ("q", "k")}
#: the derived activations of one layer, as (component, kind), in the order ``derived_names`` lists them
_KINDS = [
    ("attn", "result"),
    ("attn", "attn_scores"),
    ("attn", "pattern"),
    ("mlp", "pre"),
    ("mlp", "pre_linear"),
    ("mlp", "post"),
    ("", "resid_mid"),
    ("ln1", "normalized"),
    ("ln2", "normalized"),
]
_MLP_KINDS = ("pre", "pre_linear", "post")
#: residual-stream kinds: ``resid_mid`` = ``resid_pre + attn_out``; a norm's output from the residual it reads
_RESID_KINDS = ("resid_mid", "ln1_normalized", "ln2_normalized")


def derivable(name: str) -> tuple[int, str] | None:
    """``(layer, kind)`` of a name this module can compute, or None (kinds: ``result``, ``attn_scores``,
    ``pattern``, ``pre``, ``pre_linear``, ``post``, ``resid_mid``, ``ln1_normalized``, ``ln2_normalized``)."""
    m = _DERIVED.fullmatch(name)
    if not m:
        return None
    what = m.group(2)
    if what.endswith(".hook_normalized"):
        return int(m.group(1)), what.split(".")[0] + "_normalized"
    return int(m.group(1)), what.rsplit("hook_", 1)[1]


def name_of(layer: int, kind: str) -> str:
    """The canonical name of a derived ``kind`` at ``layer`` (the inverse of :func:`derivable`)."""
    if kind in _MLP_KINDS:
        return act_name(kind, layer, "mlp")
    if kind == "resid_mid":
        return act_name("resid_mid", layer)
    if kind in ("ln1_normalized", "ln2_normalized"):
        return act_name("normalized", layer, kind.split("_")[0])
    return act_name(kind, layer, "attn")


def _norm_source(adapter: Adapter, layer: int, which: str) -> str:
    """The residual a block's norm reads: the block's input, or (a sequential block's ln2) the mid-block one."""
    if which == "ln1" or adapter.parallel_block:
        return act_name("resid_pre", layer)
    return act_name("resid_mid", layer)


def mlp_input_name(adapter: Adapter, layer: int) -> str:
    """The activation an MLP reads: its norm's output, or the residual where the norm is an identity."""
    ln2 = adapter.ln2(layer)
    if adapter.parallel_block:  # the block's input, through its own norm (GPT-NeoX) or attention's (Cohere)
        if ln2 is None:
            ln1 = adapter.ln1(layer)
            return act_name("resid_pre", layer) if ln1.kind == "identity" else act_name("normalized", layer, "ln1")
        return act_name("normalized", layer, "ln2")
    if ln2 is None or ln2.kind == "identity":
        return act_name("resid_mid", layer)
    return act_name("normalized", layer, "ln2")


def can_derive(
    adapter: Adapter,
    layer: int,
    kind: str,
    stored: Callable[[str], bool],
    has: Callable[[str], bool] | None = None,
) -> bool:
    """Whether ``kind`` at ``layer`` is not ``stored`` but can be computed from what ``has`` answers for: stored
    names, and (``Trace`` passes its own ``in``) names themselves derivable — an MLP reads a derived norm
    output, which reads a derived ``resid_mid``. ``has`` defaults to ``stored``."""
    has = has or stored
    if not 0 <= layer < adapter.n_layers:
        return False
    if kind in _RESID_KINDS:
        if stored(name_of(layer, kind)):
            return False
        if kind == "resid_mid":
            if adapter.parallel_block:  # a parallel block has no mid-block residual
                return False
            return has(act_name("resid_pre", layer)) and has(act_name("attn_out", layer))
        which = kind.split("_")[0]
        norm = adapter.ln1(layer) if which == "ln1" else adapter.ln2(layer)
        if norm is None or norm.kind == "identity":  # no norm there: nothing stored, nothing to derive
            return False
        return has(_norm_source(adapter, layer, which))
    if kind in _MLP_KINDS:
        if stored(act_name(kind, layer, "mlp")):
            return False
        if kind == "pre_linear" and not adapter.gated_mlp:
            return False
        return has(mlp_input_name(adapter, layer))
    if stored(act_name(kind, layer, "attn")):
        return False
    if kind != "result" and adapter.layer_kind(layer) == "linear_attention":  # a recurrence: no softmax pattern
        return False
    return all(has(act_name(src, layer, "attn")) for src in _SOURCES[kind])


def derived_names(
    adapter: Adapter, stored: Callable[[str], bool], has: Callable[[str], bool] | None = None
) -> list[str]:
    """The names not stored that can be computed (arguments as for :func:`can_derive`)."""
    out = []
    for layer in range(adapter.n_layers):
        for component, kind in _KINDS:
            k = f"{component}_{kind}" if component in ("ln1", "ln2") else kind
            if can_derive(adapter, layer, k, stored, has):
                out.append(name_of(layer, k))
    return out


def causal_mask(n: int, window: int | None, device: torch.device) -> torch.Tensor:
    """[query_pos, key_pos] True where attention is allowed: key ≤ query, and within the window if any."""
    q = torch.arange(n, device=device)[:, None]
    k = torch.arange(n, device=device)[None, :]
    allowed = k <= q
    if window is not None:
        allowed &= (q - k) < window
    return allowed


def attention_scores(
    adapter: Adapter, layer: int, q: torch.Tensor, k: torch.Tensor, mask: torch.Tensor
) -> torch.Tensor:
    """[head, query_pos, key_pos] from q [pos, head, d_head] and k [pos, kv_head, d_head], masked with -inf."""
    group = q.shape[1] // k.shape[1]
    if group > 1:  # grouped-query attention: query head h reads kv head h // group
        k = k.repeat_interleave(group, dim=1)
    # in place where the value is the same: [head, pos, pos] is 512 MB a copy at 2,048 tokens on a 1B shape
    scores = torch.einsum("qhd,khd->hqk", q, k).mul_(adapter.attn_scale(layer))
    cap = adapter.attn_softcap(layer)
    if cap is not None:  # Gemma 2: soft-capped before the mask, as HF does
        scores = torch.tanh(scores / cap) * cap
    return scores.masked_fill_(~mask, float("-inf"))


def attention_pattern(
    adapter: Adapter, layer: int, scores: torch.Tensor, dtype: torch.dtype
) -> tuple[torch.Tensor, torch.Tensor | None]:
    """The pattern from the scores, and the sink's share of each row where the model has sinks (gpt-oss)."""
    sinks = adapter.attn_sinks(layer)
    if sinks is None:
        return torch.softmax(scores.float(), dim=-1).to(dtype), None
    return softmax_with_sinks(scores, sinks)


@torch.no_grad()
def derive(adapter: Adapter, layer: int, kind: str, get: Callable[[str], torch.Tensor]) -> torch.Tensor:
    """One derived activation of one layer (see :func:`derivable`); MLP kinds come together from
    :func:`derive_group`."""
    if kind == "result":
        return head_result(adapter, layer, get)
    if kind == "resid_mid":  # the forward's very addition
        return get(act_name("resid_pre", layer)) + get(act_name("attn_out", layer))
    if kind in ("ln1_normalized", "ln2_normalized"):
        which = kind.split("_")[0]
        norm = adapter.ln1(layer) if which == "ln1" else adapter.ln2(layer)
        assert norm is not None
        return norm(get(_norm_source(adapter, layer, which)))[0]
    q, k = get(act_name("q", layer, "attn")), get(act_name("k", layer, "attn"))
    scores = attention_scores(adapter, layer, q, k, causal_mask(q.shape[0], adapter.sliding_window(layer), q.device))
    if kind == "attn_scores":
        return scores
    return attention_pattern(adapter, layer, scores, q.dtype)[0]


@torch.no_grad()
def derive_group(
    adapter: Adapter, layer: int, kind: str, get: Callable[[str], torch.Tensor]
) -> dict[str, torch.Tensor]:
    """``kind`` by name, with what the same computation gives at no extra cost: one MLP call gives all its neurons'
    hooks (``pre``, ``pre_linear`` where gated, ``post``)."""
    placement = adapter.placement
    if not placement.split:
        return _derive_group_here(adapter, layer, kind, get)
    # a model spread over several devices: compute where the layer's weights are, keep it where the trace is
    here = placement.layers[layer]
    found = _derive_group_here(adapter, layer, kind, lambda name: get(name).to(here))
    return {name: t.to(placement.home) for name, t in found.items()}


def _derive_group_here(
    adapter: Adapter, layer: int, kind: str, get: Callable[[str], torch.Tensor]
) -> dict[str, torch.Tensor]:
    if kind not in _MLP_KINDS:
        return {name_of(layer, kind): derive(adapter, layer, kind, get)}
    m = adapter.mlp(layer, get(mlp_input_name(adapter, layer)))
    out = {act_name("pre", layer, "mlp"): m.pre, act_name("post", layer, "mlp"): m.post}
    if m.pre_linear is not None:
        out[act_name("pre_linear", layer, "mlp")] = m.pre_linear
    return out


@torch.no_grad()
def head_result(adapter: Adapter, layer: int, get: Callable[[str], torch.Tensor]) -> torch.Tensor:
    """[pos, head, d_model]: each head's share of the attention output, as the forward pass computes it."""
    z = get(act_name("z", layer, "attn"))
    result = torch.einsum("phd,hdm->phm", z, adapter.W_O(layer))
    post_attn = adapter.post_attn_norm(layer)
    if post_attn is not None:  # the normed output is what is added; the forward shares it among heads the same way
        s_attn = get(act_name("scale", layer, "ln1_post"))
        factor = s_attn[:, None, None].to(result.dtype)
        w = post_attn.weight.to(result.dtype) if post_attn.weight is not None else 1.0
        result = result * factor * w
    return result
