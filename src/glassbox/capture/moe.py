"""What the traced forward pass records for mixtures of experts and attention sinks (gpt-oss, Qwen3-MoE, OLMoE).

Names (``capture/names.py`` holds their dims):

- ``blocks.{l}.mlp.hook_router_logits`` [pos, expert] — the router's logits;
- ``blocks.{l}.mlp.hook_router_probs`` [pos, expert] — their softmax over all experts (float32);
- ``blocks.{l}.mlp.hook_expert_index`` [pos, top_k] — the chosen experts, largest first;
- ``blocks.{l}.mlp.hook_expert_weight`` [pos, top_k] — the weight each chosen expert's output is multiplied by;
- ``blocks.{l}.mlp.hook_expert_out`` [pos, top_k, d_model] — each chosen expert's output before its weight, so
  ``Σ_k weight · expert_out`` is the MLP's output;
- ``blocks.{l}.attn.hook_sink`` [head, query_pos] — the share of each query's softmax taken by the head's sink
  (gpt-oss): ``hook_pattern``'s row sums to ``1 − hook_sink``.
"""

from __future__ import annotations

from collections.abc import Callable

import torch

from glassbox.capture.names import act_name
from glassbox.models.adapters.base import MlpOut
from glassbox.models.adapters.moe import MoeMlpOut

ROUTING_HOOKS = ("router_logits", "router_probs", "expert_index", "expert_weight", "expert_out")


def put_routing(put: Callable[[str, torch.Tensor], None], layer: int, m: MlpOut) -> None:
    """Record an MoE layer's routing (nothing for a dense MLP)."""
    if isinstance(m, MoeMlpOut):
        for hook in ROUTING_HOOKS:
            put(act_name(hook, layer, "mlp"), getattr(m, hook))


def softmax_with_sinks(scores: torch.Tensor, sinks: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Softmax of scores [..., head, query_pos, key_pos] with one more logit per head, the sink [head], in every row.

    Returns ``(pattern, sink_share)``: the keys' probabilities [..., head, query_pos, key_pos] and the sink's
    [..., head, query_pos]. Like HF, the row maximum is subtracted first (it changes nothing but rounding)."""
    sink_col = sinks.float().reshape(-1, 1, 1).expand(*scores.shape[:-1], 1)
    combined = torch.cat([scores.float(), sink_col], dim=-1)
    combined = combined - combined.max(dim=-1, keepdim=True).values
    probs = torch.softmax(combined, dim=-1)
    return probs[..., :-1].to(scores.dtype), probs[..., -1].to(scores.dtype)
