"""The per-layer input panel's route: ``POST /api/detail/per_layer_input`` — one Gemma 4 layer's own input at one
position and what it adds (:func:`glassbox.analysis.per_layer.per_layer_input`); a model without per-layer inputs
answers 400 ``invalid_input``."""

from __future__ import annotations

from fastapi import APIRouter

from glassbox.analysis.per_layer import per_layer_input as per_layer_slice
from glassbox.schema.per_layer import PerLayerInput, PerLayerInputRequest
from glassbox.server.routes import ERRORS
from glassbox.server.routes_detail import TracerDep

router = APIRouter(prefix="/api/detail", responses=ERRORS, tags=["detail"])


@router.post("/per_layer_input", summary="a Gemma 4 layer's per-layer input at one position, its gate, what it adds")
def per_layer_input(req: PerLayerInputRequest, tracer: TracerDep) -> PerLayerInput:
    return tracer.slice(req, lambda t: per_layer_slice(t, req.layer, req.pos))
