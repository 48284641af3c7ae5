"""The JSON API. Each route validates its request, calls one glassbox function and shapes the answer."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Depends, Request

from glassbox import __version__
from glassbox.errors import InvalidInputError
from glassbox.schema.api import (
    ErrorResponse,
    GenerateRequest,
    Health,
    Limits,
    ModelList,
    PredictRequest,
    PredictResponse,
    Vocab,
)
from glassbox.schema.models import Generation, TopToken
from glassbox.server.limits import ApiProblem, check_new_tokens, check_top_k, prompt_too_long
from glassbox.server.registry import Entry, Registry
from glassbox.server.sequencing import Sequencer

ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorResponse, "description": text}
    for code, text in {
        400: "invalid input (empty prompt, token id outside the vocabulary, bad settings)",
        404: "no such model on this server",
        409: "superseded by a newer request of the same page; nothing was computed",
        413: "the prompt has more tokens than the server allows",
        422: "a limit or a field's constraint was exceeded",
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


def _superseded() -> ApiProblem:
    return ApiProblem(409, "superseded", "a newer request from this page replaced this one")


def _encode_prompt(entry: Entry, prompt: str, lim: Limits) -> list[int]:
    from glassbox.models.tokens import encode

    if prompt == "":
        raise InvalidInputError("the prompt is empty: type some text")
    try:
        return encode(entry.model, prompt, max_tokens=lim.max_prompt_tokens)
    except InvalidInputError as exc:  # a non-empty prompt fails only for its length
        raise prompt_too_long(str(exc)) from None


@router.get("/health", summary="is the server up, and which models does it offer")
def health(reg: RegistryDep) -> Health:
    return Health(version=__version__, models=reg.ids)


@router.get("/models", summary="the models this server offers, with their shapes, and the request limits")
def list_models(reg: RegistryDep, lim: LimitsDep) -> ModelList:
    return ModelList(models=reg.cards(), default_model=reg.default, limits=lim)


@router.get("/models/{model_id}/vocab", summary="the display text of every token of a model, by id")
def vocab(model_id: str, reg: RegistryDep) -> Vocab:
    return reg.get(model_id).get_vocab()


@router.post("/predict", summary="full-vocabulary next-token logits after a prompt (and generated tokens)")
def predict(req: PredictRequest, reg: RegistryDep, lim: LimitsDep, seqr: SequencerDep) -> PredictResponse:
    import torch

    from glassbox.capture.forward import next_token_logits
    from glassbox.models.tokens import check_ids, token_infos
    from glassbox.schema.models import tensor_payload

    seqr.observe(req.client_id, req.seq)
    entry = reg.get(req.model)
    check_new_tokens(lim, len(req.generated_ids))
    tokenizer = entry.model.tokenizer
    # Everything touching the model or its tokenizer holds the model's lock (fast tokenizers are not safe to
    # share between threads). The superseded check sits inside it too: a request that waited behind others
    # is dropped rather than run.
    with entry.model.lock:
        if seqr.superseded(req.client_id, req.seq):
            raise _superseded()
        prompt_ids = _encode_prompt(entry, req.prompt, lim)
        ids = check_ids(entry.model, prompt_ids + list(req.generated_ids))
        start = time.perf_counter()
        logits = next_token_logits(entry.model, ids)  # [d_vocab] float32
        forward_ms = (time.perf_counter() - start) * 1000
        probs = torch.softmax(logits.double(), dim=-1)
        top = torch.topk(probs, min(req.top_n, probs.numel()))
        top_ids = [int(i) for i in top.indices]
        top_infos = token_infos(tokenizer, top_ids)
        prompt_infos = token_infos(tokenizer, prompt_ids)
        generated_infos = token_infos(tokenizer, list(req.generated_ids))
    return PredictResponse(
        model=entry.id,
        tokens=prompt_infos,
        generated=generated_infos,
        logits=tensor_payload(logits, ["d_vocab"]),
        top=[
            TopToken(token=info, prob=float(probs[i]), logit=float(logits[i]))
            for i, info in zip(top_ids, top_infos, strict=True)
        ],
        forward_ms=round(forward_ms, 3),
    )


@router.post("/generate", summary="a whole seeded generation on the server (the tokens the page steps to)")
def generate(req: GenerateRequest, reg: RegistryDep, lim: LimitsDep, seqr: SequencerDep) -> Generation:
    from glassbox.capture.generation import generate as run_generation

    seqr.observe(req.client_id, req.seq)
    entry = reg.get(req.model)
    check_new_tokens(lim, req.max_new_tokens)
    check_top_k(lim, req.settings.top_k)
    s = req.settings
    with entry.model.lock:
        if seqr.superseded(req.client_id, req.seq):
            raise _superseded()
        _encode_prompt(entry, req.prompt, lim)
        # without the KV cache, every step is the same plain forward /api/predict runs, so the page's own
        # stepping and this answer agree token for token
        return run_generation(
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
        )
