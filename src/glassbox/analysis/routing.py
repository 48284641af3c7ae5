"""The routing panel's slice of a trace: an MoE layer's router over the text and its chosen experts at one position.

Everything is read from the trace (``capture/moe.py``'s hooks); the only arithmetic is the weighted sum of the
chosen experts' outputs (returned as ``sum_error`` against the captured MLP output, so the page can show that the
sum reproduces it) and each expert's direct effect on the logits at the position, with the final norm's 1/σ
frozen at its traced value — the convention of :mod:`glassbox.analysis.dla`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import torch

from glassbox.capture.names import act_name
from glassbox.errors import InvalidInputError
from glassbox.models.tokens import token_infos
from glassbox.schema.models import TopToken, tensor_payload
from glassbox.schema.moe import ExpertOutput, Routing

if TYPE_CHECKING:
    from glassbox.tracing import Trace


def _top_tokens(trace: Trace, logits: torch.Tensor, k: int, largest: bool) -> list[TopToken]:
    values, ids = torch.topk(logits, k, largest=largest)
    infos = token_infos(trace.model.tokenizer, ids.tolist())
    return [TopToken(token=i, prob=0.0, logit=float(v)) for i, v in zip(infos, values.tolist(), strict=True)]


def routing(trace: Trace, layer: int, pos: int, n_tokens: int = 5) -> Routing:
    """The router of MoE layer ``layer`` over the whole text, and the chosen experts' outputs at ``pos``."""
    info = trace.model.info
    rule = trace.model.adapter.weights_rule
    if info.n_experts == 0 or rule is None:
        raise InvalidInputError(f"model {info.name!r} has no mixture of experts: its MLPs are dense")
    if not 0 <= layer < info.n_layers:
        raise InvalidInputError(f"layer {layer} does not exist (0..{info.n_layers - 1})")
    if not 0 <= pos < trace.n_pos:
        raise InvalidInputError(f"position {pos} does not exist (0..{trace.n_pos - 1})")
    a = trace.model.adapter
    probs = trace[act_name("router_probs", layer, "mlp")]  # [pos, expert]
    index = trace[act_name("expert_index", layer, "mlp")]  # [pos, top_k]
    weight = trace[act_name("expert_weight", layer, "mlp")]  # [pos, top_k]
    expert_out = trace[act_name("expert_out", layer, "mlp")][pos]  # [top_k, d_model]
    mlp_out = trace[act_name("mlp_out", layer)][pos].float()
    post = trace[act_name("post", layer, "mlp")][pos].reshape(info.n_experts, info.d_expert)  # weighted
    contributions = expert_out.float() * weight[pos, :, None].float()  # [top_k, d_model]
    # the direct effect on this position's logits, through the final norm with its 1/σ frozen (dla.py's convention)
    ln_f = a.ln_final()
    scale = trace["ln_final.hook_scale"][pos].float()
    w_f = ln_f.weight.float() if ln_f.weight is not None else torch.ones_like(mlp_out)
    direct = (ln_f.center(contributions) * scale * w_f) @ a.W_U.float()  # [top_k, d_vocab]
    experts = []
    for slot, e in enumerate(index[pos].tolist()):
        w = float(weight[pos, slot])
        c = contributions[slot]
        experts.append(
            ExpertOutput(
                expert=e,
                slot=slot,
                prob=float(probs[pos, e]),
                weight=w,
                # hook_post holds weight × activation; a zero weight (never in practice) would hide them
                activations=tensor_payload(post[e].float() / w if w != 0 else post[e].float(), ["d_mlp"]),
                contribution_norm=float(c.norm()),
                cosine=float(torch.nn.functional.cosine_similarity(c, mlp_out, dim=0)),
                promotes=_top_tokens(trace, direct[slot], n_tokens, True),
                suppresses=_top_tokens(trace, direct[slot], n_tokens, False),
            )
        )
    load = torch.bincount(index.reshape(-1).cpu(), minlength=info.n_experts)
    return Routing(
        layer=layer,
        pos=pos,
        n_experts=info.n_experts,
        experts_per_token=info.experts_per_token,
        d_expert=info.d_expert,
        weights_rule=rule,
        probs=tensor_payload(probs, ["pos", "expert"]),
        chosen=index.tolist(),
        weights=tensor_payload(weight, ["pos", "top_k"]),
        load=load.tolist(),
        experts=experts,
        mlp_out_norm=float(mlp_out.norm()),
        sum_error=float((contributions.sum(0) - mlp_out).abs().max()),
    )
