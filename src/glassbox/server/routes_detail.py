"""Routes of the detailed view: each traces the text once (cached) and answers with one slice of it.

``POST /api/detail/{overview,attention_head,attention_grid,embedding,mlp,residual,logit_lens,token}``; the
whole activation cache stays on the server (:class:`~glassbox.server.trace_cache.TraceCache`). Every route is
one :meth:`Tracer.slice` call: find or run the trace of the request's text, then cut the view's slice from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import APIRouter, Depends, Request

from glassbox.analysis import detail, linear_attention
from glassbox.models.tokens import check_ids, encode_prompt
from glassbox.models.truncation import encode_truncated
from glassbox.schema.api import Limits
from glassbox.schema.api_detail import (
    AttentionHeadRequest,
    DetailOverview,
    DetailRequest,
    EmbeddingRequest,
    LogitLensRequest,
    MlpRequest,
    TokenAcrossLayersRequest,
)
from glassbox.schema.detail import (
    AttentionGrid,
    AttentionHead,
    EmbeddingDetail,
    MlpDetail,
    ResidualStream,
    TokenAcrossLayers,
)
from glassbox.schema.linear_attention import LinearAttentionHead
from glassbox.schema.models import LogitLens
from glassbox.server.limits import check_new_tokens
from glassbox.server.registry import Registry
from glassbox.server.routes import ERRORS, limits, registry
from glassbox.server.trace_cache import TraceCache
from glassbox.tracing import Trace

router = APIRouter(prefix="/api/detail", responses=ERRORS, tags=["detail"])

T = TypeVar("T")


@dataclass(frozen=True)
class Tracer:
    """The app's models, limits and trace cache, as one request of the detailed view needs them."""

    registry: Registry
    limits: Limits
    cache: TraceCache

    def slice(self, req: DetailRequest, view: Callable[[Trace], T]) -> T:
        """Trace (or find cached) the request's text, and cut ``view`` from it under the model's lock."""
        return self.slice_dropped(req, lambda trace, _dropped: view(trace))

    def slice_dropped(self, req: DetailRequest, view: Callable[[Trace, int], T]) -> T:
        """:meth:`slice`, with ``view`` also told how many prompt tokens ``truncate='left'`` dropped."""
        entry = self.registry.get(req.model)
        check_new_tokens(self.limits, len(req.generated_ids))
        with entry.model.lock:  # the forward pass and the tokenizer are not shared safely between threads
            dropped = 0
            if req.truncate is None:
                prompt_ids = encode_prompt(entry.model, req.prompt, self.limits.max_prompt_tokens)
            else:  # the same cut as /api/predict's, so both views show the same tokens
                prompt_ids, dropped = encode_truncated(
                    entry.model,
                    req.prompt,
                    req.truncate,
                    max_tokens=self.limits.max_prompt_tokens,
                    reserve=len(req.generated_ids),
                )
            ids = check_ids(entry.model, prompt_ids + list(req.generated_ids))
            return view(self.cache.get(entry.id, entry.model, ids), dropped)


def detail_tracer(request: Request) -> Tracer:
    cache: TraceCache = request.app.state.trace_cache
    return Tracer(registry(request), limits(request), cache)


TracerDep = Annotated[Tracer, Depends(detail_tracer)]


@router.post("/overview", summary="the model's shape, the tokens, residual-stream norms and the prediction")
def overview(req: DetailRequest, tracer: TracerDep) -> DetailOverview:
    def make(t: Trace, dropped: int) -> DetailOverview:
        return DetailOverview(
            model=req.model,
            info=t.model.info,
            tokens=t.tokens,
            residual=detail.residual_stream(t),
            next_token=t.top_next(5),
            dropped_tokens=dropped,
        )

    return tracer.slice_dropped(req, make)


@router.post("/attention_head", summary="one head at one query position, every step of the computation")
def attention_head(req: AttentionHeadRequest, tracer: TracerDep) -> AttentionHead:
    return tracer.slice(req, lambda t: detail.attention_head(t, req.layer, req.head, req.query_pos))


@router.post(
    "/linear_attention_head",
    summary="one head of a linear-attention layer: its gates, its state's size and change, its exact token mixing",
)
def linear_attention_head(req: AttentionHeadRequest, tracer: TracerDep) -> LinearAttentionHead:
    return tracer.slice(req, lambda t: linear_attention.linear_attention_head(t, req.layer, req.head, req.query_pos))


@router.post("/attention_grid", summary="every layer × head attention pattern (float16)")
def attention_grid(req: DetailRequest, tracer: TracerDep) -> AttentionGrid:
    return tracer.slice(req, detail.attention_grid)


@router.post("/embedding", summary="token and position embedding of one position (and RoPE's rotation)")
def embedding(req: EmbeddingRequest, tracer: TracerDep) -> EmbeddingDetail:
    return tracer.slice(req, lambda t: detail.embedding(t, req.pos))


@router.post("/mlp", summary="one MLP at one position: activations, top neurons and the tokens they promote")
def mlp(req: MlpRequest, tracer: TracerDep) -> MlpDetail:
    return tracer.slice(req, lambda t: detail.mlp(t, req.layer, req.pos, req.k))


@router.post("/residual", summary="residual-stream norms after every sublayer and every norm's statistics")
def residual(req: DetailRequest, tracer: TracerDep) -> ResidualStream:
    return tracer.slice(req, detail.residual_stream)


@router.post("/logit_lens", summary="what each layer would predict at each position (top-k per cell)")
def logit_lens(req: LogitLensRequest, tracer: TracerDep) -> LogitLens:
    def view(t: Trace) -> LogitLens:
        for pos in req.positions or []:
            detail.check_position(t, pos)
        return t.logit_lens(req.positions, req.k)

    return tracer.slice(req, view)


@router.post("/token", summary="one token's probability and rank at every layer of the logit lens")
def token_across_layers(req: TokenAcrossLayersRequest, tracer: TracerDep) -> TokenAcrossLayers:
    return tracer.slice(req, lambda t: detail.token_across_layers(t, req.token_id, req.pos))
