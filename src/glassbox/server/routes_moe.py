"""The routing panel's route: ``POST /api/detail/routing`` — one MoE layer's router and, at one position, what
each chosen expert wrote (:func:`glassbox.analysis.routing.routing`); a dense model answers 400 ``invalid_input``."""

from __future__ import annotations

from fastapi import APIRouter

from glassbox.analysis.routing import routing as routing_slice
from glassbox.schema.moe import Routing, RoutingRequest
from glassbox.server.routes import ERRORS
from glassbox.server.routes_detail import TracerDep

router = APIRouter(prefix="/api/detail", responses=ERRORS, tags=["detail"])


@router.post("/routing", summary="a mixture of experts' router over the text, and the chosen experts at one position")
def routing(req: RoutingRequest, tracer: TracerDep) -> Routing:
    return tracer.slice(req, lambda t: routing_slice(t, req.layer, req.pos))
