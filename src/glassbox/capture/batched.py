"""A batched, differentiable sibling of :func:`~glassbox.capture.forward.run_forward`, for experiments.

Attribution, activation patching and interventions run the same prompt many times with one thing changed:
scaled or zeroed token embeddings (integrated gradients, occlusion, Shapley), one activation replaced by
another run's (patching). :func:`run_blocks` runs a batch of such variants at once, from any layer, over any
contiguous span of positions, and returns the final residual stream; it keeps no activations.

Why a sibling rather than a batch axis in ``run_forward``: the trace's forward must stay bit-identical and as
fast as it is (parity tests, ``bench/bench_trace.py``), and experiments need two things a trace does not:
gradients (so no ``torch.no_grad``), and starting part-way through the model. Starting at layer ``L`` with only
positions ``p0..n-1`` is what makes patching cheap: a patch at position ``p`` cannot change anything at earlier
positions (causal attention), so their keys and values are the unpatched run's, handed in as ``past``.

The adapters take ``[pos, ...]`` tensors; a batch ``[batch, pos, ...]`` is flattened to ``[batch * pos, ...]``
for every per-position step (norms, projections, MLP, RoPE with each row's own positions) and unflattened only
for attention, so every architecture family works through its adapter unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import torch

from glassbox.capture.forward import causal_mask
from glassbox.capture.linear_attention import linear_attention_batched
from glassbox.capture.moe import softmax_with_sinks
from glassbox.capture.names import act_name
from glassbox.capture.per_layer import per_layer_and_scalar

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel

Edit = Callable[[str, torch.Tensor], torch.Tensor]
"""``edit(name, value) -> value``: called with a canonical activation name and its value (with a leading batch
axis in :func:`run_blocks`), returns what the forward pass continues with."""

PastKV = Sequence[tuple[torch.Tensor, torch.Tensor]]
"""Per layer, the keys and values ``[pos, kv_head, d_head]`` of at least the positions before the span being run
(``hook_k``/``hook_v`` of an unedited trace; only the first ``start_pos`` are read), shared by every row."""


def past_names(model: LoadedModel, layer: int) -> tuple[str, str]:
    """The two activations of an unedited run that make up ``past[layer]``: ``hook_k``/``hook_v``, or for a
    linear-attention layer (whose recurrence has no keys to reuse) its normed input ``ln1.hook_normalized`` twice,
    from which :func:`run_blocks` recomputes the earlier positions."""
    if model.adapter.layer_kind(layer) == "linear_attention":
        name = act_name("normalized", layer, "ln1")
        return name, name
    return act_name("k", layer, "attn"), act_name("v", layer, "attn")


def run_blocks(
    model: LoadedModel,
    resid: torch.Tensor,
    *,
    start_layer: int = 0,
    start_pos: int = 0,
    past: PastKV | None = None,
    edit: Edit | None = None,
    per_layer: torch.Tensor | None = None,
) -> torch.Tensor:
    """Run blocks ``start_layer..`` over ``resid`` [batch, pos, d_model] (positions ``start_pos..``) and return
    the residual stream after the last block, [batch, pos, d_model].

    ``resid`` is the residual stream entering block ``start_layer``; with ``start_pos > 0``, ``past[layer]`` must
    hold the keys and values of positions ``0..start_pos-1`` at every layer from ``start_layer`` on. ``edit`` is
    called at ``hook_resid_pre``, ``attn.hook_z``, ``hook_attn_out``, ``mlp.hook_post`` and ``hook_mlp_out`` of
    every layer run. Gradients flow (the caller chooses ``torch.no_grad()`` or not).

    ``per_layer``: for a model whose layers each read a per-layer input (Gemma 4), those inputs of the positions
    run, ``[pos, layer, d_ple]`` shared by every row or ``[batch, pos, layer, d_ple]`` (:func:`per_layer_inputs`).
    """
    a = model.adapter
    dev = resid.device
    b, m, d = resid.shape
    if start_pos > 0 and past is None:
        raise ValueError("start_pos > 0 needs the keys and values of the earlier positions (past)")
    if a.d_ple and per_layer is None:
        raise ValueError("this model's layers read per-layer inputs: pass them as per_layer (per_layer_inputs)")
    # this run's keys and values, kept only where a later layer reuses them (Gemma 4's KV sharing)
    shared_sources = {a.kv_source(layer) for layer in range(a.n_layers)} - {None}
    kv_of: dict[int | None, tuple[torch.Tensor, torch.Tensor]] = {}
    span = torch.arange(start_pos, start_pos + m, device=dev)
    flat_pos = span.repeat(b)  # [batch * pos]: every row's own positions, for RoPE
    n_keys = start_pos + m
    masks: dict[int | None, torch.Tensor] = {}
    for layer in range(start_layer, a.n_layers):
        if edit is not None:
            resid = edit(act_name("resid_pre", layer), resid)
        flat = resid.reshape(b * m, d)
        x1, _ = a.ln1(layer)(flat)
        if a.layer_kind(layer) == "linear_attention":
            seq = x1.reshape(b, m, d)
            if start_pos > 0:  # the recurrence and the convolution read every earlier position: prepend them
                assert past is not None
                prefix = past[layer][0][:start_pos].to(seq.dtype)
                seq = torch.cat([prefix.unsqueeze(0).expand(b, -1, -1), seq], dim=1)
            z = linear_attention_batched(a, layer, seq)[:, start_pos:]
        else:
            source = a.kv_source(layer)
            if source is None:
                q, k, v = a.qkv(layer, x1, flat_pos)  # q [batch*pos, head, d_head]; k, v [batch*pos, kv_head, d_head]
                k = k.reshape(b, m, k.shape[1], -1)
                v = v.reshape(b, m, v.shape[1], -1)
                if start_pos > 0:
                    assert past is not None
                    pk, pv = past[layer][0][:start_pos], past[layer][1][:start_pos]
                    k = torch.cat([pk.to(k.dtype).unsqueeze(0).expand(b, -1, -1, -1), k], dim=1)
                    v = torch.cat([pv.to(v.dtype).unsqueeze(0).expand(b, -1, -1, -1), v], dim=1)
                if layer in shared_sources:
                    kv_of[layer] = (k, v)
            else:  # Gemma 4's KV sharing: an earlier layer's keys and values, of this run if it ran the layer
                q = a.queries(layer, x1, flat_pos)
                if source in kv_of:
                    k, v = kv_of[source]
                else:  # the source layer lies before start_layer: its keys and values are the unedited run's
                    assert past is not None, "a run starting after a shared layer's source needs past"
                    pk, pv = past[layer][0][:n_keys], past[layer][1][:n_keys]
                    k, v = pk.unsqueeze(0).expand(b, -1, -1, -1), pv.unsqueeze(0).expand(b, -1, -1, -1)
            q = q.reshape(b, m, a.n_heads, -1)
            group = q.shape[2] // k.shape[2]
            if group > 1:
                k = k.repeat_interleave(group, dim=2)
                v = v.repeat_interleave(group, dim=2)
            window = a.sliding_window(layer)
            if window not in masks:
                masks[window] = causal_mask(n_keys, window, dev)[start_pos:]  # [query_pos, key_pos]
            scores = torch.einsum("bqhd,bkhd->bhqk", q, k) * a.attn_scale(layer)
            cap = a.attn_softcap(layer)
            if cap is not None:
                scores = torch.tanh(scores / cap) * cap
            scores = scores.masked_fill(~masks[window], float("-inf"))
            sinks = a.attn_sinks(layer)
            if sinks is None:
                pattern = torch.softmax(scores.float(), dim=-1).to(q.dtype)
            else:
                pattern = softmax_with_sinks(scores, sinks)[0]
            z = torch.einsum("bhqk,bkhd->bqhd", pattern, v)  # [batch, pos, head, d_head]
            gate = a.attn_output_gate(layer, x1)
            if gate is not None:
                z = z * gate.reshape(z.shape)
        if edit is not None:
            z = edit(act_name("z", layer, "attn"), z)
        W_O = a.W_O(layer)  # [head, d_head, d_model]
        attn_out = z.reshape(b * m, -1) @ W_O.reshape(-1, a.d_model)
        b_O = a.b_O(layer)
        if b_O is not None:
            attn_out = attn_out + b_O
        post_attn = a.post_attn_norm(layer)
        if post_attn is not None:
            attn_out, _ = post_attn(attn_out)
        attn_out = attn_out.reshape(b, m, d)
        if edit is not None:
            attn_out = edit(act_name("attn_out", layer), attn_out)

        ln2 = a.ln2(layer)
        if a.parallel_block:  # the MLP reads the block's input: through attention's norm (Cohere) or its own (NeoX)
            resid_mid = resid
            x2 = x1 if ln2 is None else ln2(flat)[0]
        else:
            assert ln2 is not None, "a sequential block has a norm (or an identity) before its MLP"
            resid_mid = resid + attn_out
            x2, _ = ln2(resid_mid.reshape(b * m, d))
        mlp = a.mlp(layer, x2)
        mlp_out = mlp.out
        if edit is not None:
            post = mlp.post.reshape(b, m, -1)
            edited = edit(act_name("post", layer, "mlp"), post)
            if edited is not post:  # the output projection is linear: add what the edit changed
                mlp_out = mlp_out + (edited - post).reshape(b * m, -1) @ a.W_out(layer)
        post_mlp = a.post_mlp_norm(layer)
        if post_mlp is not None:
            mlp_out, _ = post_mlp(mlp_out)
        mlp_out = mlp_out.reshape(b, m, d)
        if edit is not None:
            mlp_out = edit(act_name("mlp_out", layer), mlp_out)
        resid = resid + attn_out + mlp_out if a.parallel_block else resid_mid + mlp_out
        if a.d_ple or a.layer_scalar(layer) is not None:  # Gemma 4: the per-layer input's step, the layer scalar
            inputs = None
            if per_layer is not None:
                rows = per_layer.expand(b, *per_layer.shape[-3:]) if per_layer.dim() == 3 else per_layer
                inputs = rows.reshape(b * m, *rows.shape[-2:])
            resid = per_layer_and_scalar(a, layer, resid.reshape(b * m, d), inputs).reshape(b, m, d)
    return resid


def per_layer_inputs(model: LoadedModel, ids: Sequence[int], tok: torch.Tensor) -> torch.Tensor | None:
    """Every layer's per-layer input (Gemma 4) for token ``ids`` [pos] whose embeddings are ``tok`` [..., pos,
    d_model]: ``[..., pos, layer, d_ple]``; None for models without them. The token part is looked up from the ids,
    the context part projected from ``tok`` — so when attribution scales the embeddings, the context part follows
    and the token part (a table lookup, as HF's forward reads it from the ids) does not."""
    a = model.adapter
    if not a.d_ple:
        return None
    lead = tok.shape[:-2]
    ids_t = torch.tensor(list(ids), dtype=torch.long, device=tok.device)
    rows = tok.reshape(-1, *tok.shape[-2:])
    flat_ids = ids_t.repeat(rows.shape[0])
    inputs = a.per_layer_inputs(flat_ids, rows.reshape(-1, tok.shape[-1]))
    assert inputs is not None
    return inputs.combined.reshape(*lead, len(ids_t), a.n_layers, a.d_ple)


def final_logits(model: LoadedModel, resid: torch.Tensor) -> torch.Tensor:
    """The unembedding of a final residual ``[..., d_model]`` through the model's final norm: ``[..., d_vocab]``."""
    a = model.adapter
    shape = resid.shape
    x, _ = a.ln_final()(resid.reshape(-1, shape[-1]))
    logits: torch.Tensor = a.unembed(x)
    return logits.reshape(*shape[:-1], -1)


def embed_parts(model: LoadedModel, ids: Sequence[int]) -> tuple[torch.Tensor, torch.Tensor | None]:
    """The token embeddings ``hook_embed`` [pos, d_model] of ``ids`` and the position embeddings
    ``hook_pos_embed`` [pos, d_model] (None for rotary models), as the traced forward computes them."""
    a = model.adapter
    ids_t = torch.tensor(list(ids), dtype=torch.long, device=model.device)
    tok = a.embed(ids_t)
    pos = a.pos_embed(torch.arange(len(ids), device=model.device))
    return tok, pos
