"""Models side by side: ``POST /api/compare`` sends one prompt through two to four of the served models.

Each model's side is cut by the detailed view's :meth:`Tracer.slice` (the prompt encoded and traced, or found in the
trace cache, under that model's lock: opening that model's detailed view on the same prompt next costs nothing); the
sides are then set beside each other by :func:`glassbox.analysis.model_compare.combine`.
"""

from __future__ import annotations

from functools import partial

from fastapi import APIRouter

from glassbox.analysis.model_compare import Side, combine, side_of
from glassbox.errors import InvalidInputError
from glassbox.schema.api_compare import ModelCompareRequest, ModelComparison
from glassbox.schema.api_detail import DetailRequest
from glassbox.server.routes import ERRORS
from glassbox.server.routes_detail import TracerDep
from glassbox.tracing import Trace

router = APIRouter(prefix="/api", responses=ERRORS, tags=["compare"])


@router.post("/compare", summary="one prompt through two to four served models: tokens, next tokens, logit lens")
def compare(req: ModelCompareRequest, tracer: TracerDep) -> ModelComparison:
    if len(set(req.models)) != len(req.models):
        raise InvalidInputError("a comparison needs different models: each may be named once")
    for model_id in req.models:  # an unknown id is refused before any work
        tracer.registry.get(model_id)
    sides = [tracer.slice(DetailRequest(model=m, prompt=req.prompt), partial(_side, m, req.top_k)) for m in req.models]
    return combine(sides)


def _side(model_id: str, top_k: int, trace: Trace) -> Side:
    return side_of(trace, model_id, top_k)
