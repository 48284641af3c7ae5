"""Direct logit attribution: how much each component writes *directly* into one token's logit.

The residual stream at the last block's output is a sum of components::

    resid_final = embed (+ pos_embed) + Σ_layers [ Σ_heads result_{l,h} + attn_bias_l + mlp_out_l ]

(``attn_bias_l`` is the attention output bias; for post-norm blocks it is its normed share, computed as
``attn_out − Σ_heads result``). The logit of token ``t`` is ``unembed(final_norm(resid_final))[t]``; a model
that soft-caps its logits (Gemma) passes that through ``c·tanh(·/c)``, which is not additive: the contributions
then sum to the logit before the cap, and the payload names ``c`` so the two can be told apart.

The convention, exactly: the final norm's ``1/σ`` (``ln_final.hook_scale``) is **frozen** at the value it
took in this forward pass — computed from the whole residual — so the norm becomes linear:
``final_norm(x) = center(x) · s · w + b`` (``center`` = subtract the mean, LayerNorm only: the norm's own
:meth:`~glassbox.models.adapters.base.NormSpec.center`). Each component ``c`` then contributes
``(center(c) · s · w) · W_U[:, t] · logit_scale`` and the norm's bias contributes ``b · W_U[:, t] · logit_scale``.
Gemma 4 adds a component per layer, ``ple`` (what its gated per-layer input adds, ``hook_ple_out``), and multiplies
the residual leaving each layer by a scalar: a component written at layer l is counted times the product of the
scalars of layers l onward (``hook_layer_scalar``), the embedding times all of them.
These terms sum to the model's actual logit for ``t`` (up to float rounding). This is "direct" attribution: what a
head writes into later heads' inputs is counted where it is finally read, not here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import torch

from glassbox.capture.names import act_name
from glassbox.errors import InvalidInputError
from glassbox.models.tokens import token_infos
from glassbox.schema.attribution import Contribution, DirectLogitAttribution

if TYPE_CHECKING:
    from glassbox.tracing import Trace


def _resolve_target(trace: Trace, target: int | str) -> int:
    if isinstance(target, int):
        if not 0 <= target < trace.model.info.d_vocab:
            raise InvalidInputError(f"token id {target} is outside the vocabulary")
        return target
    ids = trace.model.tokenizer(target, add_special_tokens=False)["input_ids"]
    if len(ids) != 1:
        raise InvalidInputError(f"{target!r} is {len(ids)} tokens; pass a single token or its id")
    return int(ids[0])


def direct_logit_attribution(trace: Trace, target: int | str, pos: int = -1) -> DirectLogitAttribution:
    """Each component's direct contribution to ``target``'s logit at ``pos`` (see the module docstring)."""
    a = trace.model.adapter
    tid = _resolve_target(trace, target)
    p = pos % trace.n_pos
    ln_f = a.ln_final()
    s = trace["ln_final.hook_scale"][p].float()
    w_u = a.W_U[:, tid].float()  # [d_model], logit_scale included
    w = ln_f.weight.float() if ln_f.weight is not None else torch.ones_like(w_u)
    direction = w * s * w_u  # what one unit of (centered) residual is worth in the target's logit

    # Gemma 4 multiplies the whole residual leaving each layer by a learned scalar: what a component writes at
    # layer l reaches the final norm times the product of the scalars of layers l, l+1, … (1 for other models)
    later = [1.0] * (a.n_layers + 1)
    for layer in reversed(range(a.n_layers)):
        scalar = a.layer_scalar(layer)
        later[layer] = later[layer + 1] * (1.0 if scalar is None else float(scalar.float().item()))

    def value(c: torch.Tensor, layer: int = 0) -> float:
        return float((ln_f.center(c) * direction).sum(-1).item()) * later[layer]

    out: list[Contribution] = [Contribution(kind="embed", value=value(trace["hook_embed"][p]))]
    if "hook_pos_embed" in trace:
        out.append(Contribution(kind="pos_embed", value=value(trace["hook_pos_embed"][p])))
    for layer in range(a.n_layers):
        result = trace[act_name("result", layer, "attn")][p]  # [head, d_model]
        per_head = (ln_f.center(result) * direction).sum(-1) * later[layer]  # [head]
        for head, v in enumerate(per_head.tolist()):
            out.append(Contribution(kind="head", layer=layer, head=head, value=v))
        if a.b_O(layer) is not None or a.post_norm:
            bias = trace[act_name("attn_out", layer)][p] - result.sum(0)
            out.append(Contribution(kind="attn_bias", layer=layer, value=value(bias, layer)))
        out.append(Contribution(kind="mlp", layer=layer, value=value(trace[act_name("mlp_out", layer)][p], layer)))
        if a.d_ple:  # Gemma 4: what the layer's gated per-layer input adds
            out.append(Contribution(kind="ple", layer=layer, value=value(trace[act_name("ple_out", layer)][p], layer)))
    if ln_f.bias is not None:
        out.append(Contribution(kind="norm_bias", value=float((ln_f.bias.float() * w_u).sum())))
    return DirectLogitAttribution(
        target=token_infos(trace.model.tokenizer, [tid])[0],
        pos=p,
        logit=float(trace.logits_at(p)[tid].item()),
        total=sum(c.value for c in out),
        contributions=out,
        softcap=a.final_softcap,  # the decomposition is of the logit before the cap: the cap is not additive
    )
