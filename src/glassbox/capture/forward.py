"""The instrumented forward pass: one implementation for every architecture, steered by its adapter.

glassbox does not wrap the model's own ``forward``; it replays it from the model's weights, step by step,
so that every intermediate tensor (including per-head results and the attention scores before softmax,
which fused attention kernels never materialise) exists and has a canonical name. Parity with the plain
Hugging Face forward is tested for every family (|Δ| ≤ 1e-5 in float32).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import torch

from glassbox.capture.derived import attention_pattern, attention_scores
from glassbox.capture.derived import causal_mask as causal_mask  # its home before derived.py; importers use it
from glassbox.capture.linear_attention import linear_attention
from glassbox.capture.moe import put_routing
from glassbox.capture.names import act_name
from glassbox.capture.per_layer import per_layer_and_scalar, put_per_layer_inputs

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel

#: what ``capture=`` accepts: a preset name, or glob patterns over canonical names (``"blocks.*.attn.hook_pattern"``)
CaptureArg = str | Iterable[str] | None

#: not stored by the default capture: :class:`~glassbox.tracing.Trace` recomputes them exactly, one layer at a time,
#: on access: per-head results from ``hook_z`` and W_O (44 % of a 1B model's trace at 512 tokens), scores and
#: pattern from ``hook_q`` and ``hook_k`` ([head, pos, pos] each: 8 GB per kind at 2,048 tokens on a 1B shape)
DERIVED_ON_ACCESS = ["blocks.*.attn.hook_result", "blocks.*.attn.hook_attn_scores", "blocks.*.attn.hook_pattern"]
#: likewise the MLP's neurons, from the MLP's input (3 GB at 2,048 tokens on a 1B shape; a mixture of experts' span
#: every expert: n_experts × d_expert wide)
DERIVED_MLP_ON_ACCESS = ["blocks.*.mlp.hook_pre", "blocks.*.mlp.hook_pre_linear", "blocks.*.mlp.hook_post"]
#: and the mid-block residual (resid_pre + attn_out) and the block's norms' outputs (each from the residual it reads):
#: d_model wide each, 768 MB together at 2,048 tokens on a 1B shape
DERIVED_RESID_ON_ACCESS = ["blocks.*.hook_resid_mid", "blocks.*.ln1.hook_normalized", "blocks.*.ln2.hook_normalized"]

PRESETS: dict[str, list[str]] = {
    # Everything a visualisation needs; per-head results are derived on access (DERIVED_ON_ACCESS).
    "default": ["*"],
    # Everything stored, per-head results included.
    "all": ["*"],
    # Residual stream and logits only: what the logit lens and the prediction views need.
    "residual": ["hook_embed", "hook_pos_embed", "blocks.*.hook_resid_*", "ln_final.*", "logits"],
    "attention": ["blocks.*.attn.hook_pattern", "blocks.*.attn.hook_attn_scores", "logits"],
    "none": ["logits"],
}


def capture_filter(capture: CaptureArg) -> Callable[[str], bool]:
    """A predicate over canonical names from a preset name or a list of glob patterns."""
    if capture is None:
        capture = "default"
    patterns = PRESETS[capture] if isinstance(capture, str) and capture in PRESETS else capture
    if isinstance(patterns, str):
        patterns = [patterns]
    pats = list(patterns)
    if capture == "default":
        derived = DERIVED_ON_ACCESS + DERIVED_RESID_ON_ACCESS + DERIVED_MLP_ON_ACCESS
        return lambda name: not any(fnmatch.fnmatchcase(name, p) for p in derived)
    if pats == ["*"]:
        return lambda name: True
    return lambda name: name == "logits" or any(fnmatch.fnmatchcase(name, p) for p in pats)


@torch.no_grad()
def run_forward(
    model: LoadedModel,
    ids: list[int],
    keep: Callable[[str], bool],
    edit: Callable[[str, torch.Tensor], torch.Tensor] | None = None,
    logits: bool = True,
) -> dict[str, torch.Tensor]:
    """Run one forward pass over ``ids`` and return the kept activations by canonical name (no batch axis).

    ``logits`` [pos, d_vocab] is always returned, unless ``logits=False``: then ``ln_final.hook_normalized``
    (what the unembedding reads, d_model rather than d_vocab wide) is returned instead, for
    :class:`~glassbox.tracing.Trace` to unembed the positions asked for.

    ``edit(name, value) -> value``, when given, is an intervention: it is called with ``blocks.{l}.attn.hook_z``
    (per head, before the output projection) and ``blocks.{l}.mlp.hook_post`` (per neuron, what the output
    projection reads) and the pass continues with what it returns (:func:`glassbox.ablate` zeroes or mean-ablates
    heads and neurons this way).
    """
    a = model.adapter
    dev = model.device
    n = len(ids)
    ids_t = torch.tensor(ids, dtype=torch.long, device=dev)
    positions = torch.arange(n, device=dev)
    cache: dict[str, torch.Tensor] = {}
    # a model spread over several GPUs (load_model(device_map=…)): each block runs where its weights are and the
    # residual stream follows it; what the trace keeps is gathered on the embeddings' device, so every analysis
    # reads one device. On one device none of this moves anything.
    placement = a.placement
    split = placement.split

    def put(name: str, t: torch.Tensor) -> None:
        if keep(name):
            cache[name] = t.to(placement.home) if split else t

    resid = a.embed(ids_t)
    put("hook_embed", resid)
    pos = a.pos_embed(positions)
    if pos is not None:
        put("hook_pos_embed", pos)
        resid = resid + pos
    per_layer = a.per_layer_inputs(ids_t, resid)  # Gemma 4: each layer's own input per token (None elsewhere)
    put_per_layer_inputs(put, per_layer)
    masks: dict[int | None, torch.Tensor] = {}
    # keys and values kept past their layer only where a later layer reuses them (Gemma 4's KV sharing)
    shared_sources = {a.kv_source(layer) for layer in range(a.n_layers)} - {None}
    kv_of: dict[int | None, tuple[torch.Tensor, torch.Tensor]] = {}
    for layer in range(a.n_layers):
        here = placement.layers[layer]
        if split and resid.device != here:
            resid, positions = resid.to(here), positions.to(here)
            kv_of = {src: (k.to(here), v.to(here)) for src, (k, v) in kv_of.items()}
        put(act_name("resid_pre", layer), resid)
        ln1 = a.ln1(layer)
        x1, s1 = ln1(resid)
        if ln1.kind != "identity":
            put(act_name("scale", layer, "ln1"), s1)
            put(act_name("normalized", layer, "ln1"), x1)
        if a.layer_kind(layer) == "linear_attention":  # no softmax: a recurrence (capture/linear_attention.py)
            z = linear_attention(a, layer, x1, put, keep)
        else:
            source = a.kv_source(layer)
            if source is None:
                q, k, v = a.qkv(layer, x1, positions)  # q [pos, head, d_head]; k, v [pos, kv_head, d_head]
                if layer in shared_sources:
                    kv_of[layer] = (k, v)
            else:  # Gemma 4's KV sharing: this layer's queries read an earlier layer's keys and values
                q = a.queries(layer, x1, positions)
                k, v = kv_of[source]
            put(act_name("q", layer, "attn"), q)
            put(act_name("k", layer, "attn"), k)
            put(act_name("v", layer, "attn"), v)
            group = q.shape[1] // k.shape[1]  # per layer: Gemma 4's global layers may have their own kv heads
            if group > 1:  # grouped-query attention: query head h reads kv head h // group
                k = k.repeat_interleave(group, dim=1)
                v = v.repeat_interleave(group, dim=1)
            window = a.sliding_window(layer)
            if window not in masks or masks[window].device != q.device:
                masks[window] = causal_mask(n, window, q.device)
            scores = attention_scores(a, layer, q, k, masks[window])
            put(act_name("attn_scores", layer, "attn"), scores)
            pattern, sink = attention_pattern(a, layer, scores, q.dtype)
            if sink is not None:  # gpt-oss: a sink per head takes part of each row; record its share
                put(act_name("sink", layer, "attn"), sink)
            put(act_name("pattern", layer, "attn"), pattern)
            z = torch.einsum("hqk,khd->qhd", pattern, v)  # [pos, head, d_head]
            del scores, pattern  # unless kept, free this layer's [head, pos, pos] before the next layer makes its own
            gate = a.attn_output_gate(layer, x1)
            if gate is not None:  # Qwen3.5's full-attention layers gate each head's output, elementwise
                put(act_name("gate", layer, "attn"), gate)
                z = z * gate
        if edit is not None:
            z = edit(act_name("z", layer, "attn"), z)
        put(act_name("z", layer, "attn"), z)
        W_O = a.W_O(layer)  # [head, d_head, d_model]
        want_result = keep(act_name("result", layer, "attn"))
        # where hook_z is kept, Trace can recompute hook_result from it: sum the same per-head tensor (held for this
        # layer only) so that the residual stream, and so every later tensor, has the same bits as capture="all"
        per_head = want_result or keep(act_name("z", layer, "attn"))
        if per_head:
            result = torch.einsum("phd,hdm->phm", z, W_O)  # [pos, head, d_model]
            attn_out = result.sum(1)
        else:
            attn_out = z.reshape(n, -1) @ W_O.reshape(-1, a.d_model)
        b_O = a.b_O(layer)
        if b_O is not None:
            attn_out = attn_out + b_O
        post_attn = a.post_attn_norm(layer)
        if post_attn is not None:  # OLMo, Gemma: the normed output is what is added; share it among heads exactly
            attn_out, s_attn = post_attn(attn_out)
            put(act_name("scale", layer, "ln1_post"), s_attn)
            if want_result:
                factor = s_attn[:, None, None].to(result.dtype)
                w = post_attn.weight.to(result.dtype) if post_attn.weight is not None else 1.0
                result = result * factor * w
        if want_result:
            put(act_name("result", layer, "attn"), result)
        if per_head:
            del result  # free this layer's per-head tensor before the next layer makes its own
        put(act_name("attn_out", layer), attn_out)

        ln2 = a.ln2(layer)
        if a.parallel_block:  # the MLP reads the block's input: through attention's norm (Cohere) or its own (NeoX)
            resid_mid = resid
            if ln2 is None:
                x2 = x1
            else:
                x2, s2 = ln2(resid)
                put(act_name("scale", layer, "ln2"), s2)
                put(act_name("normalized", layer, "ln2"), x2)
        else:
            assert ln2 is not None, "a sequential block has a norm (or an identity) before its MLP"
            resid_mid = resid + attn_out
            put(act_name("resid_mid", layer), resid_mid)
            x2, s2 = ln2(resid_mid)
            if ln2.kind != "identity":
                put(act_name("scale", layer, "ln2"), s2)
                put(act_name("normalized", layer, "ln2"), x2)
        m = a.mlp(layer, x2)
        put_routing(put, layer, m)
        put(act_name("pre", layer, "mlp"), m.pre)
        if m.pre_linear is not None:
            put(act_name("pre_linear", layer, "mlp"), m.pre_linear)
        post = m.post
        mlp_out = m.out
        post_name = act_name("post", layer, "mlp")
        if edit is not None:
            post = edit(post_name, m.post)
            if post is not m.post:  # the output projection is linear: add what the edit changed
                mlp_out = mlp_out + (post - m.post) @ a.W_out(layer)
                if not keep(post_name):  # the default capture recomputes hook_post from the MLP's input: the
                    cache[post_name] = post.to(placement.home) if split else post  # edited one cannot be: stored
        put(post_name, post)
        post_mlp = a.post_mlp_norm(layer)
        if post_mlp is not None:
            mlp_out, s_mlp = post_mlp(mlp_out)
            put(act_name("scale", layer, "ln2_post"), s_mlp)
        put(act_name("mlp_out", layer), mlp_out)
        resid = resid + attn_out + mlp_out if a.parallel_block else resid_mid + mlp_out
        # Gemma 4: the per-layer input's step and the layer scalar (nothing changes for other models)
        combined = None if per_layer is None else per_layer.combined.to(resid.device)
        resid = per_layer_and_scalar(a, layer, resid, combined, put)
        put(act_name("resid_post", layer), resid)

    ln_f = a.ln_final()
    xf, sf = ln_f(resid)
    put("ln_final.hook_scale", sf)
    put("ln_final.hook_normalized", xf)
    if logits:
        cache["logits"] = a.unembed(xf.to(placement.final)).to(placement.home) if split else a.unembed(xf)
    else:
        cache["ln_final.hook_normalized"] = xf.to(placement.home) if split else xf
    return cache


@torch.no_grad()
def next_token_logits(model: LoadedModel, token_ids: list[int]) -> torch.Tensor:
    """Float32 logits [d_vocab] for the token after ``token_ids``, from the plain (fused) HF forward."""
    from glassbox.models.tokens import check_ids

    ids = check_ids(model, token_ids)
    with model.lock:
        batch = torch.tensor([ids], device=model.device)
        out = model.hf(input_ids=batch, attention_mask=torch.ones_like(batch), use_cache=False)
    logits: torch.Tensor = out.logits[0, -1].float()
    return logits
