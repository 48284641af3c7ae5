"""The next-token prediction after a prompt (and any tokens generated after it): what ``/api/predict`` answers.

One plain forward pass gives the full-vocabulary logits at the last position; the browser samples from them
itself (so it needs every logit, not a top-k), and the top-N candidates under softmax at temperature 1 come
along for display. The forward pass is timed here, where it runs, so ``forward_ms`` is the model's time alone.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import torch

from glassbox.capture.forward import next_token_logits
from glassbox.models.tokens import check_ids, token_infos
from glassbox.schema.api import PredictResponse
from glassbox.schema.models import TopToken, tensor_payload

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel


def next_token_prediction(
    model: LoadedModel,
    prompt_ids: list[int],
    generated_ids: list[int],
    top_n: int,
    *,
    model_id: str | None = None,
) -> PredictResponse:
    """The logits for the token after ``prompt_ids + generated_ids`` and their top-``top_n`` candidates.

    ``model_id`` is the name the answer gives the model (a server's id for it; ``model.name`` by default).
    Call it holding ``model.lock`` when the model is shared between threads (the forward pass and the fast
    tokenizer are not thread-safe). Raises :class:`~glassbox.errors.InvalidInputError` for ids outside the
    vocabulary or beyond the context.
    """
    ids = check_ids(model, [*prompt_ids, *generated_ids])
    start = time.perf_counter()
    logits = next_token_logits(model, ids)  # [d_vocab] float32
    forward_ms = (time.perf_counter() - start) * 1000
    probs = torch.softmax(logits.double(), dim=-1)
    top = torch.topk(probs, min(top_n, probs.numel()))
    top_ids = [int(i) for i in top.indices]
    tokenizer = model.tokenizer
    return PredictResponse(
        model=model.name if model_id is None else model_id,
        tokens=token_infos(tokenizer, list(prompt_ids)),
        generated=token_infos(tokenizer, list(generated_ids)),
        logits=tensor_payload(logits, ["d_vocab"]),
        top=[
            TopToken(token=info, prob=float(probs[i]), logit=float(logits[i]))
            for i, info in zip(top_ids, token_infos(tokenizer, top_ids), strict=True)
        ],
        forward_ms=round(forward_ms, 3),
    )
