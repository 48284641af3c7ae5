"""Routes of the pre-training view: the recorded history, one real step, init vs trained, live micro-training.

Every computation works on a copy of the weights; the served models never change. Live runs are driven by
:class:`~glassbox.training.live.LiveManager` (one per app, made on first use); their events stream as
server-sent events, and a stream's disconnection (the page was closed) stops its run.
"""

from __future__ import annotations

import asyncio
import copy
import json
import math
import os
import threading
import time
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

import numpy as np
from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from glassbox.schema.api_training import (
    InitVsTrained,
    InitVsTrainedRequest,
    LiveEnd,
    LiveReady,
    LiveRunStatus,
    LiveSample,
    LiveStartRequest,
    LiveStep,
    ParamGroupStep,
    PositionStep,
    TrainingInfo,
    TrainStepRequest,
    TrainStepResult,
    WeightsView,
)
from glassbox.schema.models import TopToken, tensor_payload
from glassbox.server.limits import ApiProblem
from glassbox.server.routes import ERRORS, LimitsDep, RegistryDep, _encode_prompt
from glassbox.training.history import TrainingHistory

if TYPE_CHECKING:
    from glassbox.server.registry import Entry
    from glassbox.training.live import LiveManager, LiveRun

router = APIRouter(prefix="/api/training", responses=ERRORS, tags=["training"])

_live_lock = threading.Lock()
_EVENT_MODELS: dict[str, Any] = {"ready": LiveReady, "step": LiveStep, "sample": LiveSample, "end": LiveEnd}


def live_manager(request: Request) -> LiveManager:
    """The app's live-run manager, made on first use; ``GLASSBOX_LIVE_MAX_RUNS`` sets concurrent runs (1)."""
    from glassbox.training.live import LiveLimits, LiveManager

    state = request.app.state
    with _live_lock:
        manager = getattr(state, "live_manager", None)
        if manager is None:
            manager = LiveManager(LiveLimits(max_runs=int(os.environ.get("GLASSBOX_LIVE_MAX_RUNS", "1"))))
            state.live_manager = manager
    assert isinstance(manager, LiveManager)
    return manager


def _history(entry: Entry) -> TrainingHistory:
    from glassbox.training.explain import history_of

    history = history_of(entry.model.path)
    if history is None:
        raise ApiProblem(
            404, "not_found", f"model {entry.id!r} has no training history (only models glassbox trained have one)"
        )
    # Show every predicted token as the page shows tokens elsewhere: incomplete UTF-8 as its bytes, not U+FFFD
    # (histories written before this rule stored the tokenizer's own decoding).
    from glassbox.models.tokens import readable_text

    history = history.model_copy(deep=True)
    for snap in history.snapshots:
        for pred in snap.predictions:
            for tp in pred.top:
                tp.token = readable_text(entry.model.tokenizer, [tp.token_id])
    return history


def _tokens(entry: Entry, ids: list[int]) -> list[Any]:
    from glassbox.models.tokens import token_infos

    return token_infos(entry.model.tokenizer, ids)


@router.get("/{model}/info", summary="what the pre-training view can show for this model")
def info(model: str, reg: RegistryDep) -> TrainingInfo:
    from glassbox.training.explain import history_of, step_checkpoints

    entry = reg.get(model)
    history = history_of(entry.model.path)
    return TrainingInfo(
        model=entry.id,
        has_history=history is not None,
        step_checkpoints=step_checkpoints(history) if history else [],
        init_available=history is not None,
    )


@router.get("/{model}/history", summary="the recorded training history: losses, checkpoints, probe predictions")
def history(model: str, reg: RegistryDep) -> TrainingHistory:
    return _history(reg.get(model))


@router.post("/step", summary="one real training step on a copy of a checkpoint, stage by stage")
def train_step(req: TrainStepRequest, reg: RegistryDep, lim: LimitsDep) -> TrainStepResult:
    from glassbox.training.config import TrainConfig
    from glassbox.training.explain import load_checkpoint, real_step

    entry = reg.get(req.model)
    history = _history(entry)
    assert entry.model.path is not None
    config = TrainConfig.from_dict(history.config)
    with entry.model.lock:
        ids = _encode_prompt(entry, req.text, lim)
        try:
            weights = load_checkpoint(entry.model.path, history, req.checkpoint_step, entry.model.hf)
        except ValueError as exc:
            raise ApiProblem(400, "invalid_input", str(exc)) from None
    if len(ids) < 2:
        raise ApiProblem(400, "invalid_input", "a training step needs at least two tokens: type a longer sentence")
    ids = ids[: config.n_positions]
    result = real_step(weights, ids, config, req.checkpoint_step)
    with entry.model.lock:
        infos = _tokens(entry, ids)
        top_infos = _tokens(entry, sorted({i for p in result.positions for i in p.top_ids}))
    by_id = {t.id: t for t in top_infos}
    positions = [
        PositionStep(
            pos=p.pos,
            input=infos[p.pos],
            target=infos[p.pos + 1],
            top=[TopToken(token=by_id[i], prob=v) for i, v in zip(p.top_ids, p.top_probs, strict=True)],
            prob_before=p.prob_before,
            prob_after=p.prob_after,
            loss_before=-_log(p.prob_before),
            loss_after=-_log(p.prob_after),
        )
        for p in result.positions
    ]
    return TrainStepResult(
        model=entry.id,
        checkpoint_step=req.checkpoint_step,
        tokens=infos,
        positions=positions,
        loss_before=result.loss_before,
        loss_after=result.loss_after,
        grad_norm_total=result.grad_norm_total,
        grad_clip=config.grad_clip,
        clip_scale=result.clip_scale,
        lr=result.lr,
        beta1=config.beta1,
        beta2=config.beta2,
        weight_decay=config.weight_decay,
        groups=[
            ParamGroupStep(
                param=g.param,
                numel=g.numel,
                grad_norm=g.grad_norm,
                update_norm=g.update_norm,
                weight_norm=g.weight_norm,
            )
            for g in result.groups
        ],
    )


def _log(p: float) -> float:
    return math.log(max(p, 1e-45))


@router.post("/init_vs_trained", summary="the same prompt through the run's initial weights and the trained ones")
def init_vs_trained(req: InitVsTrainedRequest, reg: RegistryDep, lim: LimitsDep) -> InitVsTrained:
    from glassbox.training.explain import init_model, look

    entry = reg.get(req.model)
    history = _history(entry)
    info_ = entry.model.info
    if req.layer >= info_.n_layers or req.head >= info_.n_heads:
        raise ApiProblem(400, "invalid_input", f"the model has {info_.n_layers} layers of {info_.n_heads} heads")
    with entry.model.lock:
        ids = _encode_prompt(entry, req.prompt, lim)[: int(history.config["n_positions"])]
        trained = copy.deepcopy(entry.model.hf)
    views = []
    for label, model in (("init", init_model(history)), ("trained", trained)):
        model.set_attn_implementation("eager")  # SDPA does not return attention weights
        side = look(model, ids, req.layer, req.head)
        with entry.model.lock:
            tops = _tokens(entry, side.top_ids)
        views.append(
            WeightsView(
                label=label,
                loss=side.loss,
                top=[TopToken(token=t, prob=p) for t, p in zip(tops, side.top_probs, strict=True)],
                attention=tensor_payload(np.asarray(side.attention, dtype="float32"), ["query_pos", "key_pos"]),
            )
        )
    with entry.model.lock:
        tokens = _tokens(entry, ids)
    return InitVsTrained(model=entry.id, tokens=tokens, layer=req.layer, head=req.head, init=views[0], trained=views[1])


# --- live micro-training ------------------------------------------------------------------------------


def _status(run: LiveRun, request: Request) -> LiveRunStatus:
    registered = run.id in request.app.state.registry.ids
    return LiveRunStatus(
        run_id=run.id,
        state=run.state,
        reason=run.reason,
        step=run.step,
        max_steps=min(run.config.steps, run.limits.max_steps),
        max_seconds=run.limits.max_seconds,
        source=run.source_kind,
        model_id=run.id if registered else None,
        n_layer=run.config.n_layer,
        n_embd=run.config.n_embd,
        n_positions=run.config.n_positions,
        batch_size=run.config.batch_size,
    )


def _run(request: Request, run_id: str) -> LiveRun:
    run = live_manager(request).get(run_id)
    if run is None:
        raise ApiProblem(404, "not_found", f"no live run {run_id!r} on this server (it ended or was never started)")
    return run


def _register(request: Request) -> Any:
    registry = request.app.state.registry

    def register(run: LiveRun) -> None:
        from glassbox.models.loading import wrap_model

        registry.put(run.id, wrap_model(copy.deepcopy(run.model), run.tokenizer, run.id))

    return register


@router.post("/live/start", summary="start a live micro-training run (one at a time per server by default)")
def live_start(req: LiveStartRequest, request: Request) -> LiveRunStatus:
    from glassbox.training.live import LiveTextError, RunBusy

    manager = live_manager(request)
    if req.source == "text" and not req.text:
        raise ApiProblem(400, "invalid_input", "paste some text to train on, or choose the glassbox corpus")
    try:
        run = manager.create(req.text if req.source == "text" else None, on_pause=_register(request))
    except RunBusy as exc:
        raise ApiProblem(409, "busy", str(exc)) from None
    except LiveTextError as exc:
        too_long = "at most" in str(exc)
        raise ApiProblem(413 if too_long else 400, "text_too_long" if too_long else "invalid_input", str(exc)) from None
    return _status(run, request)


@router.get("/live/{run_id}", summary="a live run's state")
def live_status(run_id: str, request: Request) -> LiveRunStatus:
    return _status(_run(request, run_id), request)


@router.post("/live/{run_id}/stop", summary="stop a live run (the model trained so far is offered by its run id)")
def live_stop(run_id: str, request: Request) -> LiveRunStatus:
    run = _run(request, run_id)
    run.stop("stopped")
    run.join(10)
    return _status(run, request)


@router.post("/live/{run_id}/resume", summary="continue a stopped live run where it stopped")
def live_resume(run_id: str, request: Request) -> LiveRunStatus:
    from glassbox.training.live import RunBusy

    run = _run(request, run_id)
    try:
        live_manager(request).resume(run)
    except RunBusy as exc:
        raise ApiProblem(409, "busy", str(exc)) from None
    return _status(run, request)


@router.get("/live/{run_id}/events", summary="the run's events as server-sent events (closing the stream stops it)")
async def live_events(run_id: str, request: Request, since: int = 0) -> StreamingResponse:
    run = _run(request, run_id)

    async def stream() -> AsyncIterator[str]:
        index = max(0, since)
        run.listeners += 1
        try:
            while True:
                events = run.events_from(index)
                for event in events:
                    model = _EVENT_MODELS[event["type"]].model_validate(event)
                    yield f"event: {event['type']}\ndata: {json.dumps(model.model_dump(), ensure_ascii=False)}\n\n"
                index += len(events)
                if await request.is_disconnected():
                    break
                await asyncio.sleep(0.2)
        finally:
            run.listeners -= 1
            run.last_listener = time.monotonic()
            if run.listeners == 0:
                run.stop("abandoned")  # the page went away: nobody watches this run any more

    return StreamingResponse(
        stream(), media_type="text/event-stream", headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    )
