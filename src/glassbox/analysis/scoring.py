"""Logprobs of any text: how likely the model found each token, given everything before it.

One forward pass over the text. Token ``i > 0`` gets ``logprob = log_softmax(logits[i − 1])[id_i]`` (full
vocabulary), its ``rank`` (0 = the model's top choice; ties counted as ahead of it only when strictly larger)
and the ``k`` most likely tokens there; the first token has nothing before it and gets ``None``. The
perplexity is ``exp(−mean logprob)`` over the scored tokens (all but the first). The beginning-of-text token is
the first token when the model prepends one, so the text's own first token is scored too.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import torch

from glassbox.analysis.inputs import prompt_ids
from glassbox.capture.batched import embed_parts, final_logits, per_layer_inputs, run_blocks
from glassbox.errors import InvalidInputError
from glassbox.models.tokens import token_infos
from glassbox.schema.why import ScoredAlternative, ScoredToken, TextScore

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel


def score_text(model: LoadedModel, text: str | Sequence[int], k: int = 5) -> TextScore:
    """The log-probability, rank and top-``k`` alternatives of every token of ``text`` (module docstring).

    ``text``: a text (tokenized as :func:`glassbox.trace` does) or exact token ids.
    """
    if not 1 <= k <= 1000:
        raise InvalidInputError(f"k must be between 1 and 1000, not {k}")
    with model.lock, torch.no_grad():
        ids = prompt_ids(model, text)
        if len(ids) < 2:
            raise InvalidInputError(
                "the text is a single token, which has nothing before it to be scored against: give a longer text"
            )
        tok, pos = embed_parts(model, ids[:-1])  # the last token is only ever predicted
        resid = tok if pos is None else tok + pos
        # the batched pass without a batch: no activation is kept, so this costs about one plain forward
        final = run_blocks(model, resid.unsqueeze(0), per_layer=per_layer_inputs(model, ids[:-1], tok))[0]
        logp = torch.log_softmax(final_logits(model, final).float(), dim=-1)
        nxt = torch.tensor(ids[1:], device=logp.device)
        chosen = logp.gather(1, nxt[:, None]).squeeze(1)  # [pos - 1]
        ranks = (logp > chosen[:, None]).sum(1)
        top_lp, top_ids = torch.topk(logp, min(k, logp.shape[-1]), dim=-1)
        infos = token_infos(model.tokenizer, ids)
        alt_ids = sorted(set(top_ids.flatten().tolist()))
        alt_info = dict(zip(alt_ids, token_infos(model.tokenizer, alt_ids), strict=True))
    chosen_l = chosen.tolist()
    ranks_l = ranks.tolist()
    tokens = [ScoredToken(**infos[0].model_dump(), pos=0, logprob=None, rank=None, top=None)]
    for i in range(1, len(ids)):
        top = [
            ScoredAlternative(**alt_info[t].model_dump(), logprob=lp)
            for t, lp in zip(top_ids[i - 1].tolist(), top_lp[i - 1].tolist(), strict=True)
        ]
        tokens.append(
            ScoredToken(**infos[i].model_dump(), pos=i, logprob=chosen_l[i - 1], rank=ranks_l[i - 1], top=top)
        )
    mean = sum(chosen_l) / len(chosen_l)
    return TextScore(
        model=model.name, tokens=tokens, perplexity=math.exp(-mean), mean_logprob=mean, n_scored=len(chosen_l)
    )
