"""Routes of the pre-training view: the recorded history, one real step, init vs trained, live micro-training.

Each route calls one function of :mod:`glassbox.training.views` or :mod:`glassbox.training.live` and returns
its schema model; errors are :mod:`glassbox.errors` classes, answered by the app's one handler. Live runs are
driven by a :class:`~glassbox.training.live.LiveManager` (one per app, made on first use); their events stream
as server-sent events, and a stream's disconnection (the page was closed) stops its run. A stream ends by
itself once it has sent a finished run's ``end`` event, and when the server shuts down.

Environment knobs of the manager: ``GLASSBOX_LIVE_MAX_RUNS`` (concurrent runs, 1) and ``GLASSBOX_LIVE_TINY=1``
(every run uses :func:`~glassbox.training.live.tiny_live_config`: soak tests, slow machines).
"""

from __future__ import annotations

import asyncio
import copy
import os
import threading
from collections.abc import AsyncIterator, Callable
from typing import Annotated

from fastapi import APIRouter, Body, Request
from fastapi.responses import StreamingResponse

from glassbox.models.loading import wrap_model
from glassbox.schema.api_training import (
    InitVsTrained,
    InitVsTrainedRequest,
    LiveControl,
    LiveRunStatus,
    LiveStartRequest,
    TrainingInfo,
    TrainStepRequest,
    TrainStepResult,
)
from glassbox.schema.history import TrainingHistory
from glassbox.server.registry import Registry
from glassbox.server.routes import ERRORS, LimitsDep, RegistryDep
from glassbox.server.routes_checkpoints import checkpoint_sets
from glassbox.training import views
from glassbox.training.live import LiveLimits, LiveManager, LiveRun, sse_message, tiny_live_config

router = APIRouter(prefix="/api/training", responses=ERRORS, tags=["training"])

_live_lock = threading.Lock()
STREAM_POLL_S = 0.2
"""How often an event stream looks for new events, a disconnected page and the server's shutdown."""


def live_manager(request: Request) -> LiveManager:
    """The app's live-run manager, made on first use (see the module for its environment knobs).

    A run the manager forgets (beyond ``LIVE_MODELS_KEPT``) stops being offered as a model; a manager set on
    the app beforehand (tests) is used as it is, given the same hook when it has none.
    """
    state = request.app.state
    registry = _registry(request)
    with _live_lock:
        manager = getattr(state, "live_manager", None)
        if manager is None:
            tiny = os.environ.get("GLASSBOX_LIVE_TINY", "") not in ("", "0")
            manager = LiveManager(
                LiveLimits(max_runs=int(os.environ.get("GLASSBOX_LIVE_MAX_RUNS", "1"))),
                config=tiny_live_config() if tiny else None,
                on_forget=registry.remove,
            )
            state.live_manager = manager
        elif manager.on_forget is None:
            manager.on_forget = registry.remove
    assert isinstance(manager, LiveManager)
    return manager


def _shutting_down(request: Request) -> threading.Event:
    event = getattr(request.app.state, "shutting_down", None)
    return event if isinstance(event, threading.Event) else threading.Event()


def _registry(request: Request) -> Registry:
    registry: Registry = request.app.state.registry
    return registry


@router.get("/{model:path}/info", summary="what the pre-training view can show for this model")
def info(model: str, reg: RegistryDep, request: Request) -> TrainingInfo:
    entry = reg.get(model)
    run = live_manager(request).peek(entry.id) if entry.micro is not None else None
    found = views.training_info(entry.model, entry.id, live=None if run is None else run.history())
    found.checkpoint_replay = entry.id in checkpoint_sets(request)  # glassbox serve --checkpoints
    return found


@router.get("/{model:path}/history", summary="the recorded training history: losses, checkpoints, probe predictions")
def history(model: str, reg: RegistryDep) -> TrainingHistory:
    entry = reg.get(model)
    return views.served_history(entry.model, entry.id)


@router.post("/step", summary="one real training step on a copy of a checkpoint, stage by stage")
def train_step(req: TrainStepRequest, reg: RegistryDep, lim: LimitsDep) -> TrainStepResult:
    entry = reg.get(req.model)
    return views.explained_step(entry.model, entry.id, req, lim.max_prompt_tokens)


@router.post("/init_vs_trained", summary="the same prompt through the run's initial weights and the trained ones")
def init_vs_trained(req: InitVsTrainedRequest, reg: RegistryDep, lim: LimitsDep) -> InitVsTrained:
    entry = reg.get(req.model)
    return views.init_vs_trained(entry.model, entry.id, req, lim.max_prompt_tokens)


# --- live micro-training ------------------------------------------------------------------------------


def _status(run: LiveRun, request: Request) -> LiveRunStatus:
    return run.status(offered=run.id in _registry(request).ids)


def _offer_model(request: Request) -> Callable[[LiveRun], None]:
    """Called when a run stops: the server offers its model (a copy) under the run's id, labelled as a micro
    model with its steps and loss for the model picker."""
    registry = _registry(request)
    kept = live_manager(request).keep

    def offer(run: LiveRun) -> None:
        registry.put(run.id, wrap_model(copy.deepcopy(run.model), run.tokenizer, run.id), micro=run.note(kept))

    return offer


@router.post("/live/start", summary="start a live micro-training run (one at a time per server by default)")
def live_start(req: LiveStartRequest, request: Request) -> LiveRunStatus:
    return _status(live_manager(request).start(req, on_pause=_offer_model(request)), request)


@router.get("/live/{run_id}", summary="a live run's state")
def live_status(run_id: str, request: Request) -> LiveRunStatus:
    return _status(live_manager(request).get(run_id), request)


ControlBody = Annotated[LiveControl, Body()]


@router.post("/live/{run_id}/stop", summary="stop a live run (the model trained so far is offered by its run id)")
def live_stop(run_id: str, _: ControlBody, request: Request) -> LiveRunStatus:
    return _status(live_manager(request).stop(run_id), request)


@router.post("/live/{run_id}/resume", summary="continue a stopped live run where it stopped")
def live_resume(run_id: str, _: ControlBody, request: Request) -> LiveRunStatus:
    manager = live_manager(request)
    run = manager.get(run_id)
    manager.resume(run)
    return _status(run, request)


@router.get(
    "/live/{run_id}/events",
    summary="the run's events as server-sent events (closing the stream stops the run; the stream ends after the "
    "end event of a finished run, and when the server shuts down)",
)
async def live_events(run_id: str, request: Request, since: int = 0) -> StreamingResponse:
    run = live_manager(request).get(run_id)
    shutting_down = _shutting_down(request)

    async def stream() -> AsyncIterator[str]:
        index = max(0, since)
        run.attach()
        try:
            while True:
                events = run.events_from(index)
                for event in events:
                    yield sse_message(event)
                index += len(events)
                # a run that has ended (and was not resumed since) sends nothing more: end the stream, so that a
                # finished run holds no connection; a page that resumes it opens a new stream
                if run.ended_at(index):
                    break
                if shutting_down.is_set() or await request.is_disconnected():
                    break
                await asyncio.sleep(STREAM_POLL_S)
        finally:
            run.detach()  # the last page gone: nobody watches this run any more, it stops

    return StreamingResponse(
        stream(), media_type="text/event-stream", headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    )
