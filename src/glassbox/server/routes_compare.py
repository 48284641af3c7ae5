"""Models side by side: ``POST /api/compare`` sends one prompt through two to four of the served models.

Each model's trace comes from the detailed view's trace cache (so opening that model's detailed view on the same
prompt afterwards costs nothing) and is read under that model's lock, one model at a time; the sides are then set
beside each other by :func:`glassbox.analysis.model_compare.combine`.
"""

from __future__ import annotations

from fastapi import APIRouter

from glassbox.analysis.model_compare import combine, side_of
from glassbox.errors import InvalidInputError
from glassbox.models.tokens import encode_prompt
from glassbox.schema.api_compare import ModelCompareRequest, ModelComparison
from glassbox.server.routes import ERRORS
from glassbox.server.routes_detail import TracerDep

router = APIRouter(prefix="/api", responses=ERRORS, tags=["compare"])


@router.post("/compare", summary="one prompt through two to four served models: tokens, next tokens, logit lens")
def compare(req: ModelCompareRequest, tracer: TracerDep) -> ModelComparison:
    if len(set(req.models)) != len(req.models):
        raise InvalidInputError("a comparison needs different models: each may be named once")
    entries = [tracer.registry.get(m) for m in req.models]  # an unknown id is refused before any work
    sides = []
    for entry in entries:
        with entry.model.lock:  # the forward pass and the tokenizer are not shared safely between threads
            ids = encode_prompt(entry.model, req.prompt, tracer.limits.max_prompt_tokens)
            sides.append(side_of(tracer.cache.get(entry.id, entry.model, ids), entry.id, req.top_k))
    return combine(sides, req.top_k)
