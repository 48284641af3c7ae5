"""Routes of the Circuits view (attribution graphs): whether a model has transcoders, graph jobs, feature cards
and feature interventions.

- ``GET /api/circuits/{model}/info`` → :class:`CircuitsInfo` (``available: false`` with the reason, never an
  error, for a model without transcoders);
- ``POST /api/circuits/jobs`` → :class:`CircuitsJob`; ``GET /api/circuits/jobs/{job_id}`` → its progress;
  ``GET /api/circuits/jobs/{job_id}/graph`` → :class:`CircuitsGraph` (409 ``busy`` while it runs, 404 for an
  unknown or dropped job);
- ``GET /api/circuits/feature/{model}/{layer}/{feature}`` → :class:`FeatureCard` (422 out of range);
- ``POST /api/circuits/intervene`` → :class:`FeatureInterventionResult`.

Prompts are encoded under the server's ``max_prompt_tokens`` and the model's context (413 beyond). The
transcoders are the operator's (:class:`~glassbox.server.circuits_service.CircuitsService`), never a client's path.
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from glassbox.graph.feature_interventions import intervene_features
from glassbox.models.tokens import encode_prompt
from glassbox.schema.circuits import (
    CircuitsGraph,
    CircuitsGraphRequest,
    CircuitsInfo,
    CircuitsJob,
    FeatureCard,
    FeatureInterventionRequest,
    FeatureInterventionResult,
)
from glassbox.server.circuits_service import CircuitsService
from glassbox.server.limits import check_new_tokens, check_top_k
from glassbox.server.routes import ERRORS, LimitsDep, RegistryDep
from glassbox.transcoders.cards import check_feature

router = APIRouter(prefix="/api/circuits", responses=ERRORS, tags=["circuits"])


def service(request: Request) -> CircuitsService:
    """The app's service (made on first use when the app was built without one, e.g. by tests)."""
    state = request.app.state
    svc = getattr(state, "circuits", None)
    if svc is None:
        svc = CircuitsService()
        state.circuits = svc
    assert isinstance(svc, CircuitsService)
    return svc


@router.get("/{model:path}/info", summary="whether the Circuits view can run on a model: its transcoders, or why not")
def info_route(model: str, request: Request, reg: RegistryDep) -> CircuitsInfo:
    return service(request).info(reg.get(model))


@router.post("/jobs", summary="start building a prompt's attribution graph; poll the job for progress")
def start_job_route(req: CircuitsGraphRequest, request: Request, reg: RegistryDep, lim: LimitsDep) -> CircuitsJob:
    entry = reg.get(req.model)
    svc = service(request)
    svc.transcoders(entry)  # no transcoders: 422 before the prompt is even read
    with entry.model.lock:
        ids = encode_prompt(entry.model, req.prompt, lim.max_prompt_tokens)
    return svc.start(entry, ids, req.logit_token_id, req.node_threshold_max, prompt=req.prompt).public()


@router.get("/jobs/{job_id}", summary="a graph job's progress (attribution targets done of total)")
def job_route(job_id: str, request: Request) -> CircuitsJob:
    return service(request).job(job_id).public()


@router.get("/jobs/{job_id}/graph", summary="a finished job's graph (409 while it is still running)")
def graph_route(job_id: str, request: Request) -> CircuitsGraph:
    return service(request).graph(job_id)


@router.get("/feature/{model:path}/{layer}/{feature}", summary="one transcoder feature's card")
def feature_route(model: str, layer: int, feature: int, request: Request, reg: RegistryDep) -> FeatureCard:
    entry = reg.get(model)
    svc = service(request)
    t = svc.transcoders(entry)
    check_feature(t.ts, layer, feature)  # 422 before any card is computed
    t, cards = svc.cards(entry)
    with entry.model.lock:
        card = cards.card(entry.model, t.ts, layer, feature, name=t.name)
    return card.model_copy(update={"model": entry.id})


@router.post("/intervene", summary="set, scale or zero features: the new next-token distribution and continuation")
def intervene_route(
    req: FeatureInterventionRequest, request: Request, reg: RegistryDep, lim: LimitsDep
) -> FeatureInterventionResult:
    entry = reg.get(req.model)
    check_new_tokens(lim, req.max_new_tokens)
    check_top_k(lim, req.k)
    t = service(request).transcoders(entry)
    with entry.model.lock:
        ids = encode_prompt(entry.model, req.prompt, lim.max_prompt_tokens)
        out = intervene_features(
            entry.model, ids, t.ts, req.interventions, max_new_tokens=req.max_new_tokens, k=req.k, name=t.name
        )
    return out.model_copy(update={"model": entry.id, "prompt": req.prompt})
