"""Slices of a trace for the detailed view, each small enough to send on demand.

Everything here reads tensors the traced forward already computed; the few values that are recomputed
(dot products before scaling, scaled scores before the mask, a norm's mean and variance, q before RoPE) are exact
functions of captured tensors and are tested against them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import torch
from pydantic import BaseModel

from glassbox.analysis.logit_lens import lens_rows
from glassbox.capture.names import act_name
from glassbox.errors import InvalidInputError
from glassbox.models.tokens import token_infos
from glassbox.schema.base import Site
from glassbox.schema.detail import (
    AttentionGrid,
    AttentionHead,
    EmbeddingDetail,
    MlpDetail,
    Neuron,
    NormStat,
    ResidualStream,
    Rotation,
    TokenAcrossLayers,
)
from glassbox.schema.models import TopToken, tensor_payload

if TYPE_CHECKING:
    from glassbox.tracing import Trace


def _check(trace: Trace, layer: int | None = None, head: int | None = None, pos: int | None = None) -> None:
    info = trace.model.info
    if layer is not None and not 0 <= layer < info.n_layers:
        raise InvalidInputError(f"layer {layer} does not exist (0..{info.n_layers - 1})")
    heads = trace.model.adapter.heads_in(layer) if layer is not None and 0 <= layer < info.n_layers else info.n_heads
    if head is not None and not 0 <= head < heads:
        raise InvalidInputError(f"head {head} does not exist (0..{heads - 1})")
    if pos is not None and not 0 <= pos < trace.n_pos:
        raise InvalidInputError(f"position {pos} does not exist (0..{trace.n_pos - 1})")


def check_position(trace: Trace, pos: int) -> None:
    """A clear error for a position the trace does not have."""
    _check(trace, pos=pos)


def attention_head(trace: Trace, layer: int, head: int, query_pos: int) -> AttentionHead:
    _check(trace, layer, head, query_pos)
    a = trace.model.adapter
    if a.layer_kind(layer) == "linear_attention":
        raise InvalidInputError(
            f"layer {layer} is a linear-attention layer: it has no attention pattern; ask for its token mixing "
            "(/api/detail/linear_attention_head)"
        )
    gate_name = act_name("gate", layer, "attn")
    kv = a.kv_head_of(head, layer)
    q = trace[act_name("q", layer, "attn")][query_pos, head]  # [d_head]
    keys = trace[act_name("k", layer, "attn")][:, kv]  # [key_pos, d_head]
    values = trace[act_name("v", layer, "attn")][:, kv]
    scores = trace[act_name("attn_scores", layer, "attn")][head, query_pos]  # [key_pos]
    pattern = trace[act_name("pattern", layer, "attn")][head]  # [query_pos, key_pos]
    result = trace[act_name("result", layer, "attn")][query_pos, head]  # [d_model]
    dots = keys @ q
    # the forward scales q·kᵀ for every key and only then fills the masked ones with -inf: the scaled score of a
    # masked key is a real number the mask discards, so the view can show each stage as the model computes it
    scale = a.attn_scale(layer)
    scaled = dots * scale
    cap = a.attn_softcap(layer)
    capped = torch.tanh(scaled / cap) * cap if cap is not None else None  # what the mask is applied to (Gemma 2)
    sinks = a.attn_sinks(layer)  # gpt-oss: the rows of the pattern sum to 1 − the sink's share
    return AttentionHead(
        layer=layer,
        head=head,
        kv_head=kv,
        query_pos=query_pos,
        scale=scale,
        window=a.sliding_window(layer),
        q=tensor_payload(q, ["d_head"]),
        keys=tensor_payload(keys, ["key_pos", "d_head"]),
        values=tensor_payload(values, ["key_pos", "d_head"]),
        dots=tensor_payload(dots, ["key_pos"]),
        scaled=tensor_payload(scaled, ["key_pos"]),
        softcap=cap,
        capped=None if capped is None else tensor_payload(capped, ["key_pos"]),
        scores=tensor_payload(scores, ["key_pos"]),
        allowed=torch.isfinite(scores).tolist(),
        weights=tensor_payload(pattern[query_pos], ["key_pos"]),
        # a gated head's hook_z is Σ weights · values × gate: the payload's z is the sum before the gate
        z=tensor_payload(
            pattern[query_pos] @ values if gate_name in trace else trace[act_name("z", layer, "attn")][query_pos, head],
            ["d_head"],
        ),
        output=tensor_payload(result, ["d_model"]),
        output_norm=float(result.float().norm()),
        pattern=tensor_payload(pattern, ["query_pos", "key_pos"]),
        gate=tensor_payload(trace[gate_name][query_pos, head], ["d_head"]) if gate_name in trace else None,
        sink_logit=None if sinks is None else float(sinks[head]),
        sink=None if sinks is None else tensor_payload(trace[act_name("sink", layer, "attn")][head], ["query_pos"]),
    )


#: the all-heads grid's thumbnails are at most this many cells a side: a longer prompt's maps are pooled into
#: blocks of positions (at 2,048 tokens on a 16-layer, 32-head model, the full maps would be 4.3 GB of float16)
GRID_MAX_CELLS = 64


def pool_map(m: torch.Tensor, block: int, signed: bool) -> torch.Tensor:
    """[head, q, k] → [head, ⌈q/block⌉, ⌈k/block⌉]: each cell the entry of its block×block block with the largest
    magnitude (the largest weight of a softmax pattern), its sign kept — a value the map really holds."""
    if block == 1:
        return m
    h, n = m.shape[0], m.shape[1]
    g = -(-n // block)
    padded = torch.zeros(h, g * block, g * block, dtype=m.dtype, device=m.device)
    padded[:, :n, :n] = torch.nan_to_num(m, neginf=0.0)
    blocks = padded.reshape(h, g, block, g, block).permute(0, 1, 3, 2, 4).reshape(h, g, g, block * block)
    if not signed:
        return blocks.amax(-1)
    idx = blocks.abs().argmax(-1, keepdim=True)
    return blocks.gather(-1, idx).squeeze(-1)


def attention_grid(trace: Trace) -> AttentionGrid:
    n, a = trace.model.info.n_layers, trace.model.adapter
    block = -(-trace.n_pos // GRID_MAX_CELLS)  # 1 up to GRID_MAX_CELLS positions: every weight as it is
    maps: list[torch.Tensor] = []
    for layer in range(n):  # pooled one layer at a time: a trace holds one layer's derived pattern at once
        linear = a.layer_kind(layer) == "linear_attention"
        # a linear-attention layer has no pattern: its thumbnail is its exact token-mixing matrix (layer_kinds)
        m = trace[act_name("mixing" if linear else "pattern", layer, "attn")]
        maps.append(pool_map(m, block, signed=linear))
    heads = [m.shape[0] for m in maps]
    width = max(heads)
    if min(heads) < width:  # Qwen3.5's released models: more value heads than attention's heads; the rest is padding
        maps = [torch.cat([m, m.new_zeros(width - m.shape[0], *m.shape[1:])]) for m in maps]
    stacked = torch.stack(maps)
    return AttentionGrid(
        patterns=tensor_payload(stacked, ["layer", "head", "query_pos", "key_pos"], "float16"),
        block=block,
        heads=heads if min(heads) < width else [],
    )


def _rotation(trace: Trace, pos: int) -> Rotation | None:
    a = trace.model.adapter
    # the first softmax-attention layer (layer 0, except in hybrids whose first layers are linear attention)
    layer = next((i for i in range(a.n_layers) if a.layer_kind(i) == "attention"), None)
    # learned positions, or a first attention layer without positional encoding (SmolLM3 NoPE)
    if layer is None or not a.rope_layer(layer):
        return None
    positions = torch.arange(trace.n_pos, device=trace.model.device)
    x = trace[act_name("resid_pre", layer)]
    cos, sin = a.rotary(layer, x, positions)  # [pos, d_head]
    interleaved = a.rotary_pairing == "interleaved"
    half = cos.shape[-1] // 2
    # cos/sin cover the rotated dimensions only: d_head, or fewer with partial rotary
    c, s = (cos[pos, ::2], sin[pos, ::2]) if interleaved else (cos[pos, :half], sin[pos, :half])
    q_after = trace[act_name("q", layer, "attn")][pos : pos + 1, :1]  # [1, 1, d_head]
    # undo the rotation: R(θ)⁻¹ = R(-θ)
    q_before = a.apply_rotary(q_after, cos[pos : pos + 1], -sin[pos : pos + 1])
    return Rotation(
        layer=layer,
        pairing="interleaved" if interleaved else "half",
        angles=tensor_payload(torch.atan2(s.float(), c.float()), ["pair"]),
        q_before=tensor_payload(q_before[0, 0], ["d_head"]),
        q_after=tensor_payload(q_after[0, 0], ["d_head"]),
        rotated_dims=cos.shape[-1] if cos.shape[-1] < q_after.shape[-1] else None,
    )


def embedding(trace: Trace, pos: int) -> EmbeddingDetail:
    _check(trace, pos=pos)
    tok = trace["hook_embed"][pos]
    pe = trace["hook_pos_embed"][pos] if "hook_pos_embed" in trace else None
    total = trace[act_name("resid_pre", 0)][pos]
    return EmbeddingDetail(
        pos=pos,
        token=trace.tokens[pos],
        token_embedding=tensor_payload(tok, ["d_model"]),
        position_embedding=None if pe is None else tensor_payload(pe, ["d_model"]),
        total=tensor_payload(total, ["d_model"]),
        token_norm=float(tok.float().norm()),
        position_norm=None if pe is None else float(pe.float().norm()),
        total_norm=float(total.float().norm()),
        rotation=_rotation(trace, pos),
    )


def _top_tokens(trace: Trace, logits: torch.Tensor, k: int, largest: bool) -> list[TopToken]:
    values, ids = torch.topk(logits.float(), k, largest=largest)
    infos = token_infos(trace.model.tokenizer, ids.tolist())
    return [TopToken(token=i, prob=0.0, logit=float(v)) for i, v in zip(infos, values.tolist(), strict=True)]


def mlp(trace: Trace, layer: int, pos: int, k: int = 10, n_tokens: int = 5) -> MlpDetail:
    """The MLP at one position; for the top-``k`` neurons by |activation|, the tokens their output direction
    promotes and suppresses through the unembedding (``W_out[i] @ W_U``, the direct path; ``prob`` is 0 and
    ``logit`` holds that dot product)."""
    _check(trace, layer, pos=pos)
    a = trace.model.adapter
    pre = trace[act_name("pre", layer, "mlp")][pos]
    post = trace[act_name("post", layer, "mlp")][pos]
    top = torch.topk(post.float().abs(), min(k, post.numel())).indices.tolist()
    W_out = a.W_out(layer)
    W_U = a.W_U
    neurons = []
    for i in top:
        direct = W_out[i].float() @ W_U.float()  # [d_vocab]
        neurons.append(
            Neuron(
                index=i,
                pre=float(pre[i]),
                post=float(post[i]),
                promotes=_top_tokens(trace, direct, n_tokens, True),
                suppresses=_top_tokens(trace, direct, n_tokens, False),
            )
        )
    return MlpDetail(
        layer=layer,
        pos=pos,
        activation=a.activation,
        gated=a.gated_mlp,
        pre=tensor_payload(pre, ["d_mlp"]),
        post=tensor_payload(post, ["d_mlp"]),
        top=neurons,
        out_norm=float(trace[act_name("mlp_out", layer)][pos].float().norm()),
    )


def _norm_stat(site: Site, kind: str, x: torch.Tensor, scale: torch.Tensor) -> NormStat:
    """The statistics a norm computed from its input ``x`` [pos, d_model], and the 1/σ it applied [pos]."""
    xf = x.float()
    mean = xf.mean(-1)
    var = xf.var(-1, unbiased=False) if kind == "layernorm" else xf.pow(2).mean(-1)
    return NormStat(site=site, kind=kind, mean=mean.tolist(), var=var.tolist(), scale=scale.float().tolist())


def residual_stream(trace: Trace) -> ResidualStream:
    """The residual stream's norm after the embeddings and after each sublayer, what each added, and the
    statistics of every norm that reads it (a post-norm block's sublayer norms read no residual: not listed).
    A Gemma 4 block has a third stage, ``ple``: its per-layer input's step adds ``hook_ple_out``, and the residual
    after it is the block's output, after the layer scalar too."""
    a = trace.model.adapter
    stages = [Site(part="embed")]
    resid = [trace[act_name("resid_pre", 0)]]
    added = [trace[act_name("resid_pre", 0)]]
    norms: list[NormStat] = []
    for layer in range(a.n_layers):
        pre = trace[act_name("resid_pre", layer)]
        if act_name("scale", layer, "ln1") in trace:
            ln1 = trace[act_name("scale", layer, "ln1")]
            norms.append(_norm_stat(Site(layer=layer, part="ln1"), a.norm_kind, pre, ln1))
        attn = trace[act_name("attn_out", layer)]
        mlp_out = trace[act_name("mlp_out", layer)]
        if act_name("ple_out", layer) in trace:  # Gemma 4: after the MLP, the per-layer input, then the layer scalar
            mid = trace[act_name("resid_mid", layer)]
            stages += [Site(layer=layer, part=part) for part in ("attn", "mlp", "ple")]
            resid += [mid, mid + mlp_out, trace[act_name("resid_post", layer)]]
            added += [attn, mlp_out, trace[act_name("ple_out", layer)]]
            if act_name("scale", layer, "ln2") in trace:
                ln2 = trace[act_name("scale", layer, "ln2")]
                norms.append(_norm_stat(Site(layer=layer, part="ln2"), a.norm_kind, mid, ln2))
        elif act_name("resid_mid", layer) in trace:
            mid = trace[act_name("resid_mid", layer)]
            stages += [Site(layer=layer, part="attn"), Site(layer=layer, part="mlp")]
            resid += [mid, trace[act_name("resid_post", layer)]]
            added += [attn, mlp_out]
            if act_name("scale", layer, "ln2") in trace:
                ln2 = trace[act_name("scale", layer, "ln2")]
                norms.append(_norm_stat(Site(layer=layer, part="ln2"), a.norm_kind, mid, ln2))
        else:  # parallel block: attention and MLP add at once
            if act_name("scale", layer, "ln2") in trace:  # GPT-NeoX: the MLP's own norm, of the block's input too
                ln2 = trace[act_name("scale", layer, "ln2")]
                norms.append(_norm_stat(Site(layer=layer, part="ln2"), a.norm_kind, pre, ln2))
            stages.append(Site(layer=layer, part="attn_mlp"))
            resid.append(trace[act_name("resid_post", layer)])
            added.append(attn + mlp_out)
    final_in = trace[act_name("resid_post", a.n_layers - 1)]
    norms.append(_norm_stat(Site(part="ln_final"), a.norm_kind, final_in, trace["ln_final.hook_scale"]))
    return ResidualStream(
        stages=stages,
        resid_norm=[r.float().norm(dim=-1).tolist() for r in resid],
        added_norm=[d.float().norm(dim=-1).tolist() for d in added],
        norms=norms,
    )


def token_across_layers(trace: Trace, token_id: int, pos: int) -> TokenAcrossLayers:
    _check(trace, pos=pos)
    if not 0 <= token_id < trace.model.info.d_vocab:
        raise InvalidInputError(f"token id {token_id} is outside the vocabulary")
    probs = trace.logit_lens_probs([pos])[:, 0]  # [layer, d_vocab]
    p = probs[:, token_id]
    ranks = (probs > p[:, None]).sum(-1)
    return TokenAcrossLayers(
        token=token_infos(trace.model.tokenizer, [token_id])[0],
        pos=pos,
        layers=lens_rows(trace.model.info.n_layers),
        probs=p.tolist(),
        ranks=ranks.tolist(),
    )


def payload_kib(model: BaseModel) -> float:
    """Size of a payload's JSON in KiB (what the browser downloads before compression)."""
    return len(model.model_dump_json()) / 1024


__all__ = [
    "attention_grid",
    "attention_head",
    "embedding",
    "mlp",
    "payload_kib",
    "residual_stream",
    "token_across_layers",
]
