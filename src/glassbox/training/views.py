"""What the pre-training view shows, as schema payloads built from a served model and its training files.

Each function answers one route of :mod:`glassbox.server.routes_training` (which only translates HTTP), and
raises :mod:`glassbox.errors` classes for what a request got wrong. Every computation works on a copy of
the weights: the served model never changes. Calls into the served model or its tokenizer hold its lock.
"""

from __future__ import annotations

import copy
import math
from typing import Any, Literal

import numpy as np

from glassbox.errors import InvalidInputError, NotFoundError
from glassbox.models.loading import LoadedModel
from glassbox.models.tokens import encode_prompt, readable_text, token_infos
from glassbox.schema.api_training import (
    InitVsTrained,
    InitVsTrainedRequest,
    LiveHistory,
    ParamGroupStep,
    PositionStep,
    TrainingInfo,
    TrainStepRequest,
    TrainStepResult,
    WeightsView,
)
from glassbox.schema.history import TrainingHistory
from glassbox.schema.models import TopToken, tensor_payload
from glassbox.training.config import TrainConfig
from glassbox.training.explain import history_of, init_model, load_checkpoint, look, real_step, step_checkpoints


def training_info(model: LoadedModel, model_id: str, live: LiveHistory | None = None) -> TrainingInfo:
    """What the view can show for ``model``: only models glassbox trained have a history and checkpoints; a micro
    model trained live on the server has its run's record instead (``live``)."""
    history = history_of(model.path)
    return TrainingInfo(
        model=model_id,
        has_history=history is not None,
        step_checkpoints=step_checkpoints(history) if history else [],
        init_available=history is not None,
        live=live,
    )


def _recorded(model: LoadedModel, model_id: str) -> TrainingHistory:
    history = history_of(model.path)
    if history is None:
        raise NotFoundError(f"model {model_id!r} has no training history (only models glassbox trained have one)")
    return history


def served_history(model: LoadedModel, model_id: str) -> TrainingHistory:
    """The recorded history of ``model``, its predicted tokens shown as the page shows tokens elsewhere.

    Incomplete UTF-8 appears as its bytes, not U+FFFD (histories written before this rule stored the
    tokenizer's own decoding).
    """
    history = _recorded(model, model_id)
    with model.lock:
        for snap in history.snapshots:
            for pred in snap.predictions:
                for tp in pred.top:
                    tp.token = readable_text(model.tokenizer, [tp.token_id])
    return history


def _nats(p: float) -> float:
    """−log p, finite even where a probability underflowed to 0."""
    return -math.log(max(p, 1e-45))


def explained_step(model: LoadedModel, model_id: str, req: TrainStepRequest, max_tokens: int) -> TrainStepResult:
    """One real training step on ``req.text`` from checkpoint ``req.checkpoint_step``, stage by stage."""
    history = _recorded(model, model_id)
    assert model.path is not None  # a model with a history has a folder
    config = TrainConfig.from_dict(history.config)
    with model.lock:
        ids = encode_prompt(model, req.text, max_tokens)[: config.n_ctx]
        weights = load_checkpoint(model.path, history, req.checkpoint_step, model.hf)
    result = real_step(weights, ids, config, req.checkpoint_step)
    with model.lock:
        infos = token_infos(model.tokenizer, ids)
        top_ids = sorted({i for p in result.positions for i in p.top_ids})
        by_id = {t.id: t for t in token_infos(model.tokenizer, top_ids)}
    positions = [
        PositionStep(
            pos=p.pos,
            input=infos[p.pos],
            target=infos[p.pos + 1],
            top=[TopToken(token=by_id[i], prob=v) for i, v in zip(p.top_ids, p.top_probs, strict=True)],
            prob_before=p.prob_before,
            prob_after=p.prob_after,
            loss_before=_nats(p.prob_before),
            loss_after=_nats(p.prob_after),
        )
        for p in result.positions
    ]
    groups = [
        ParamGroupStep(
            site=g.site, numel=g.numel, grad_norm=g.grad_norm, update_norm=g.update_norm, weight_norm=g.weight_norm
        )
        for g in result.groups
    ]
    return TrainStepResult(
        model=model_id,
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
        groups=groups,
    )


def init_vs_trained(model: LoadedModel, model_id: str, req: InitVsTrainedRequest, max_tokens: int) -> InitVsTrained:
    """The same prompt through the run's initial weights (rebuilt from its seed) and the trained ones."""
    history = _recorded(model, model_id)
    info = model.info
    if req.layer >= info.n_layers or req.head >= info.n_heads:
        raise InvalidInputError(f"the model has {info.n_layers} layers of {info.n_heads} heads")
    config = TrainConfig.from_dict(history.config)
    with model.lock:
        ids = encode_prompt(model, req.prompt, max_tokens)[: config.n_ctx]
        trained = copy.deepcopy(model.hf)
        tokens = token_infos(model.tokenizer, ids)

    def view(label: Literal["init", "trained"], weights: Any) -> WeightsView:
        side = look(weights, ids, req.layer, req.head)
        with model.lock:
            tops = token_infos(model.tokenizer, side.top_ids)
        return WeightsView(
            label=label,
            loss=side.loss,
            top=[TopToken(token=t, prob=p) for t, p in zip(tops, side.top_probs, strict=True)],
            attention=tensor_payload(np.asarray(side.attention, dtype="float32"), ["query_pos", "key_pos"]),
        )

    init = view("init", init_model(history))
    return InitVsTrained(
        model=model_id, tokens=tokens, layer=req.layer, head=req.head, init=init, trained=view("trained", trained)
    )
