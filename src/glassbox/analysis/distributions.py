"""Two next-token distributions compared: what an intervention (an ablation, one patched activation) changed.

Used by the interventions panel (before / after switching components off) and by an opened patching cell
(corrupted / patched): the top ``k`` tokens of each side and the ``k`` tokens whose probability moved most, every
probability a full-vocabulary softmax of the logits given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import torch

from glassbox.models.tokens import token_infos
from glassbox.schema.models import TopToken
from glassbox.schema.why import TokenChange

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel


class Comparison(NamedTuple):
    top_before: list[TopToken]
    top_after: list[TopToken]
    changes: list[TokenChange]  # largest |Δp| first


def compare_next_token(model: LoadedModel, before: torch.Tensor, after: torch.Tensor, k: int) -> Comparison:
    """Compare two next-token logit vectors ``before`` and ``after`` (each [d_vocab]). Call it holding
    ``model.lock``: it reads the tokenizer."""
    before, after = before.float(), after.float()
    p0, p1 = torch.softmax(before, -1), torch.softmax(after, -1)
    kk = min(k, p0.numel())
    moved = torch.topk((p1 - p0).abs(), kk).indices.tolist()
    top0 = torch.topk(p0, kk).indices.tolist()
    top1 = torch.topk(p1, kk).indices.tolist()
    shown = sorted({*moved, *top0, *top1})
    info = dict(zip(shown, token_infos(model.tokenizer, shown), strict=True))

    def top(ids: list[int], p: torch.Tensor, logits: torch.Tensor) -> list[TopToken]:
        return [TopToken(token=info[i], prob=float(p[i]), logit=float(logits[i])) for i in ids]

    changes = [
        TokenChange(
            token=info[i],
            prob_before=float(p0[i]),
            prob_after=float(p1[i]),
            logit_before=float(before[i]),
            logit_after=float(after[i]),
        )
        for i in moved
    ]
    return Comparison(top(top0, p0, before), top(top1, p1, after), changes)
