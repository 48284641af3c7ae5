"""The JSON API. Each route validates its request, calls one glassbox function and shapes the answer.

:data:`ERRORS` documents every error status a route can answer; :data:`RegistryDep`, :data:`LimitsDep` and
:data:`SequencerDep` hand a route the app's models, limits and request sequencer (the other route modules
import them from here).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from glassbox import __version__
from glassbox.analysis.prediction import next_token_prediction
from glassbox.errors import SupersededError
from glassbox.generation import generate as run_generation
from glassbox.models.tokens import encode_prompt
from glassbox.models.truncation import encode_truncated
from glassbox.schema.api import (
    GenerateRequest,
    Health,
    Limits,
    ModelList,
    PredictRequest,
    PredictResponse,
    TraceCacheStats,
    Vocab,
)
from glassbox.schema.errors import ErrorResponse
from glassbox.schema.models import Generation
from glassbox.server.limits import check_new_tokens, check_top_k
from glassbox.server.registry import Registry
from glassbox.server.sequencing import Sequencer, Ticket

ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorResponse, "description": text}
    for code, text in {
        400: "invalid input (empty prompt, token id outside the vocabulary, bad settings), or a Host this server "
        "does not answer to: invalid_input",
        403: "a state-changing request from a page of another site (its Origin is not this server): invalid_input",
        404: "no such model, route or resource on this server: unknown_model, not_found",
        409: "superseded by a newer request of the same page (nothing was computed), or busy: superseded, busy",
        413: "the prompt (or pasted text) has more tokens than the model or the server allows, or the request "
        "body is larger than the server accepts: prompt_too_long, text_too_long",
        415: "a state-changing request without a JSON body (Content-Type: application/json): invalid_input",
        422: "a limit or a field's constraint was exceeded: invalid_input, too_many_new_tokens, top_k_too_large, "
        "unsupported_architecture, corrupted_file",
        500: "a bug in glassbox (the server logged its traceback): internal",
    }.items()
}

router = APIRouter(prefix="/api", responses=ERRORS)


def registry(request: Request) -> Registry:
    reg: Registry = request.app.state.registry
    return reg


def limits(request: Request) -> Limits:
    lim: Limits = request.app.state.limits
    return lim


def sequencer(request: Request) -> Sequencer:
    seq: Sequencer = request.app.state.sequencer
    return seq


RegistryDep = Annotated[Registry, Depends(registry)]
LimitsDep = Annotated[Limits, Depends(limits)]
SequencerDep = Annotated[Sequencer, Depends(sequencer)]


def _refuse_if_superseded(seqr: Sequencer, ticket: Ticket | None) -> None:
    if seqr.superseded(ticket):
        raise SupersededError("a newer request from this page replaced this one")


@router.get("/health", summary="is the server up, and which models did its operator give it")
def health(reg: RegistryDep, request: Request) -> Health:
    # the operator's models only: never the ids of live runs (anyone who can reach /api/health would learn them)
    cache = getattr(request.app.state, "trace_cache", None)
    stats = TraceCacheStats(**cache.stats()) if cache is not None else None
    return Health(version=__version__, models=reg.operator_ids, trace_cache=stats)


@router.get("/models", summary="the models this server offers, with their shapes, and the request limits")
def list_models(reg: RegistryDep, lim: LimitsDep) -> ModelList:
    return ModelList(models=reg.cards(), default_model=reg.default, limits=lim)


@router.get("/models/{model_id:path}/vocab", summary="the display text of every token of a model, by id")
def vocab(model_id: str, reg: RegistryDep) -> Vocab:
    return reg.get(model_id).get_vocab()


@router.post("/predict", summary="full-vocabulary next-token logits after a prompt (and generated tokens)")
def predict(req: PredictRequest, reg: RegistryDep, lim: LimitsDep, seqr: SequencerDep) -> PredictResponse:
    ticket = seqr.observe(req.client_id, req.seq)
    entry = reg.get(req.model)
    check_new_tokens(lim, len(req.generated_ids))
    # Everything touching the model or its tokenizer holds the model's lock (fast tokenizers are not safe to
    # share between threads). The superseded check sits inside it too: a request that waited behind others
    # is dropped rather than run.
    with entry.model.lock:
        _refuse_if_superseded(seqr, ticket)
        dropped = 0
        if req.truncate is None:
            prompt_ids = encode_prompt(entry.model, req.prompt, lim.max_prompt_tokens)
        else:  # keep the prompt's last tokens that fit beside the generated ones; the answer says how many went
            prompt_ids, dropped = encode_truncated(
                entry.model, req.prompt, req.truncate, max_tokens=lim.max_prompt_tokens, reserve=len(req.generated_ids)
            )
        answer = next_token_prediction(entry.model, prompt_ids, list(req.generated_ids), req.top_n, model_id=entry.id)
        return answer.model_copy(update={"dropped_tokens": dropped})


@router.post("/generate", summary="a whole seeded generation on the server (the tokens the page steps to)")
def generate(req: GenerateRequest, reg: RegistryDep, lim: LimitsDep, seqr: SequencerDep) -> Generation:
    ticket = seqr.observe(req.client_id, req.seq)
    entry = reg.get(req.model)
    check_new_tokens(lim, req.max_new_tokens)
    check_top_k(lim, req.settings.top_k)
    s = req.settings
    with entry.model.lock:
        _refuse_if_superseded(seqr, ticket)
        if req.truncate is None:
            encode_prompt(entry.model, req.prompt, lim.max_prompt_tokens)  # the server's limits, before any work
        # without the KV cache, every step is the same plain forward /api/predict runs, so the page's own
        # stepping and this answer agree token for token
        generation = run_generation(
            entry.model,
            req.prompt,
            max_new_tokens=req.max_new_tokens,
            temperature=s.temperature,
            top_k=s.top_k,
            top_p=s.top_p,
            min_p=s.min_p,
            seed=s.seed,
            stop_at_eos=req.stop_at_eos,
            force_tokens=dict(req.force_tokens) or None,
            use_kv_cache=False,
            truncate=req.truncate,
            max_prompt_tokens=lim.max_prompt_tokens,
        )
    return generation.model_copy(update={"model": entry.id})  # the id the client named, as /api/predict does
