"""The detailed view's slice of one linear-attention head (Qwen3.5's gated DeltaNet), read from a trace.

Every number is a captured tensor (``capture/linear_attention.py``); the row sums are Σ_s M[t, s] of the captured
mixing matrix. A trace that kept fewer activations lacks them, and the view says which.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from glassbox.capture.names import act_name
from glassbox.errors import InvalidInputError
from glassbox.schema.linear_attention import LinearAttentionHead
from glassbox.schema.models import tensor_payload

if TYPE_CHECKING:
    from glassbox.tracing import Trace

#: bytes per number of the recurrent state: HF's delta rule keeps it in float32 whatever the weights' dtype
STATE_BYTES_PER_NUMBER = 4


def linear_attention_head(trace: Trace, layer: int, head: int, query_pos: int) -> LinearAttentionHead:
    info, a = trace.model.info, trace.model.adapter
    if not 0 <= layer < info.n_layers:
        raise InvalidInputError(f"layer {layer} does not exist (0..{info.n_layers - 1})")
    if a.layer_kind(layer) != "linear_attention":
        raise InvalidInputError(f"layer {layer} is a softmax-attention layer: ask for its attention head instead")
    mixing = trace[act_name("mixing", layer, "attn")]  # [head, query_pos, key_pos]
    n_heads = mixing.shape[0]
    if not 0 <= head < n_heads:
        raise InvalidInputError(f"head {head} does not exist in layer {layer} (0..{n_heads - 1})")
    if not 0 <= query_pos < trace.n_pos:
        raise InvalidInputError(f"position {query_pos} does not exist (0..{trace.n_pos - 1})")
    k = trace[act_name("k", layer, "attn")]  # [pos, k_head, d_k]
    v = trace[act_name("v", layer, "attn")]  # [pos, v_head, d_v]
    k_head = head // (n_heads // k.shape[1])
    d_k, d_v = int(k.shape[-1]), int(v.shape[-1])
    m = mixing[head]
    result = trace[act_name("result", layer, "attn")][query_pos, head]  # [d_model]
    return LinearAttentionHead(
        layer=layer,
        head=head,
        k_head=k_head,
        query_pos=query_pos,
        d_k=d_k,
        d_v=d_v,
        conv_kernel=int(a.delta_inputs(layer, trace[act_name("normalized", layer, "ln1")][:1]).conv_kernel),
        state_numbers=d_k * d_v,
        state_bytes=d_k * d_v * STATE_BYTES_PER_NUMBER,
        decay=tensor_payload(trace[act_name("decay", layer, "attn")][:, head], ["pos"]),
        beta=tensor_payload(trace[act_name("beta", layer, "attn")][:, head], ["pos"]),
        state_norm=tensor_payload(trace[act_name("state_norm", layer, "attn")][:, head], ["pos"]),
        state_change=tensor_payload(trace[act_name("state_change", layer, "attn")][:, head], ["pos"]),
        mixing=tensor_payload(m, ["query_pos", "key_pos"]),
        row_sums=tensor_payload(m.sum(-1), ["query_pos"]),
        values=tensor_payload(v[:, head], ["key_pos", "d_head"]),
        core=tensor_payload(trace[act_name("core", layer, "attn")][query_pos, head], ["d_head"]),
        gate=tensor_payload(trace[act_name("gate", layer, "attn")][query_pos, head], ["d_head"]),
        z=tensor_payload(trace[act_name("z", layer, "attn")][query_pos, head], ["d_head"]),
        output=tensor_payload(result, ["d_model"]),
        output_norm=float(result.float().norm()),
    )


__all__ = ["STATE_BYTES_PER_NUMBER", "linear_attention_head"]
