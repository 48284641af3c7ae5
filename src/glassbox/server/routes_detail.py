"""Routes of the detailed view: each traces the text once (cached) and answers with one slice of it.

``POST /api/detail/{overview,attention_head,attention_grid,embedding,mlp,residual,logit_lens,token}``; the
whole activation cache stays on the server (:class:`~glassbox.server.trace_cache.TraceCache`).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, TypeVar

from fastapi import APIRouter, Request

from glassbox.analysis import detail
from glassbox.schema.api_detail import (
    AttentionHeadRequest,
    DetailOverview,
    DetailRequest,
    EmbeddingRequest,
    LogitLensRequest,
    MlpRequest,
    TokenAcrossLayersRequest,
)
from glassbox.schema.detail import AttentionGrid, AttentionHead, EmbeddingDetail, MlpDetail, ResidualStream
from glassbox.schema.detail import TokenAcrossLayers as TokenAcrossLayersPayload
from glassbox.schema.models import LogitLens
from glassbox.server.limits import check_new_tokens
from glassbox.server.routes import ERRORS, LimitsDep, RegistryDep, _encode_prompt
from glassbox.server.trace_cache import TraceCache

if TYPE_CHECKING:
    from collections.abc import Callable

    from glassbox.capture.trace import Trace
    from glassbox.schema.api import Limits
    from glassbox.server.registry import Registry

router = APIRouter(prefix="/api/detail", responses=ERRORS, tags=["detail"])

TRACE_CACHE_SIZE = 4
T = TypeVar("T")
_cache_lock = threading.Lock()


def trace_cache(request: Request) -> TraceCache:
    """The app's trace cache, made on first use (so the app factory needs no knowledge of it)."""
    state = request.app.state
    with _cache_lock:
        cache = getattr(state, "trace_cache", None)
        if cache is None:
            cache = TraceCache(TRACE_CACHE_SIZE)
            state.trace_cache = cache
    assert isinstance(cache, TraceCache)
    return cache


def _with_trace(req: DetailRequest, request: Request, reg: Registry, lim: Limits, fn: Callable[[Trace], T]) -> T:
    """Trace (or find cached) the request's text, and slice it with ``fn`` under the model's lock."""
    from glassbox.models.tokens import check_ids

    entry = reg.get(req.model)
    check_new_tokens(lim, len(req.generated_ids))
    with entry.model.lock:
        ids = check_ids(entry.model, _encode_prompt(entry, req.prompt, lim) + list(req.generated_ids))
        t = trace_cache(request).get(entry.id, entry.model, ids)
        return fn(t)


@router.post("/overview", summary="the model's shape, the tokens, residual-stream norms and the prediction")
def overview(req: DetailRequest, request: Request, reg: RegistryDep, lim: LimitsDep) -> DetailOverview:
    def make(t: Trace) -> DetailOverview:
        return DetailOverview(
            model=req.model,
            info=t.model.info,
            tokens=t.tokens,
            residual=detail.residual_stream(t),
            next_token=t.top_next(5),
        )

    return _with_trace(req, request, reg, lim, make)


@router.post("/attention_head", summary="one head at one query position, every step of the computation")
def attention_head(req: AttentionHeadRequest, request: Request, reg: RegistryDep, lim: LimitsDep) -> AttentionHead:
    return _with_trace(req, request, reg, lim, lambda t: detail.attention_head(t, req.layer, req.head, req.query_pos))


@router.post("/attention_grid", summary="every layer × head attention pattern (float16)")
def attention_grid(req: DetailRequest, request: Request, reg: RegistryDep, lim: LimitsDep) -> AttentionGrid:
    return _with_trace(req, request, reg, lim, detail.attention_grid)


@router.post("/embedding", summary="token and position embedding of one position (and RoPE's rotation)")
def embedding(req: EmbeddingRequest, request: Request, reg: RegistryDep, lim: LimitsDep) -> EmbeddingDetail:
    return _with_trace(req, request, reg, lim, lambda t: detail.embedding(t, req.pos))


@router.post("/mlp", summary="one MLP at one position: activations, top neurons and the tokens they promote")
def mlp(req: MlpRequest, request: Request, reg: RegistryDep, lim: LimitsDep) -> MlpDetail:
    return _with_trace(req, request, reg, lim, lambda t: detail.mlp(t, req.layer, req.pos, req.k))


@router.post("/residual", summary="residual-stream norms after every sublayer and every norm's statistics")
def residual(req: DetailRequest, request: Request, reg: RegistryDep, lim: LimitsDep) -> ResidualStream:
    return _with_trace(req, request, reg, lim, detail.residual_stream)


@router.post("/logit_lens", summary="what each layer would predict at each position (top-k per cell)")
def logit_lens(req: LogitLensRequest, request: Request, reg: RegistryDep, lim: LimitsDep) -> LogitLens:
    return _with_trace(req, request, reg, lim, lambda t: t.logit_lens(None, req.k))


@router.post("/token", summary="one token's probability and rank at every layer of the logit lens")
def token_across_layers(
    req: TokenAcrossLayersRequest, request: Request, reg: RegistryDep, lim: LimitsDep
) -> TokenAcrossLayersPayload:
    return _with_trace(req, request, reg, lim, lambda t: detail.token_across_layers(t, req.token_id, req.pos))
