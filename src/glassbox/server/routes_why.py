"""Routes of the "Why?" view: attribution, direct logit attribution, ablation, activation patching, logprobs.

``POST /api/why/{attribute,attribution_matrix,dla,ablate,patch,patch_cell,score}``. Each route validates its request,
encodes the text under the server's ``max_prompt_tokens``, calls one glassbox function under the model's lock
and returns its payload with the model id the client named.
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from glassbox.analysis.attribution import attribute, attribute_generation
from glassbox.analysis.patching import patch, patch_cell
from glassbox.analysis.scoring import score_text
from glassbox.interventions import ablation_summary
from glassbox.models.tokens import check_ids, encode_prompt
from glassbox.schema.attribution import DirectLogitAttribution
from glassbox.schema.why import (
    AblateRequest,
    Ablation,
    AttributeRequest,
    Attribution,
    AttributionMatrix,
    AttributionMatrixRequest,
    DlaRequest,
    PatchCellRequest,
    PatchedCell,
    Patching,
    PatchRequest,
    ScoreRequest,
    TextScore,
)
from glassbox.server.limits import check_new_tokens
from glassbox.server.routes import ERRORS, LimitsDep, RegistryDep
from glassbox.server.trace_cache import TraceCache

router = APIRouter(prefix="/api/why", responses=ERRORS, tags=["why"])


@router.post("/attribute", summary="how much each prompt token contributes to the next token's log-probability")
def attribute_route(req: AttributeRequest, reg: RegistryDep, lim: LimitsDep) -> Attribution:
    entry = reg.get(req.model)
    with entry.model.lock:
        ids = encode_prompt(entry.model, req.prompt, lim.max_prompt_tokens)
        out = attribute(
            entry.model,
            ids,
            target=req.target,
            foil=req.foil,
            method=req.method,
            n_steps=req.n_steps,
            n_samples=req.n_samples,
            seed=req.seed,
        )
    return out.model_copy(update={"model": entry.id})


@router.post("/attribution_matrix", summary="every generated token attributed to every earlier token")
def attribution_matrix_route(req: AttributionMatrixRequest, reg: RegistryDep, lim: LimitsDep) -> AttributionMatrix:
    entry = reg.get(req.model)
    check_new_tokens(lim, len(req.generated_ids) or req.max_new_tokens)
    with entry.model.lock:
        ids = encode_prompt(entry.model, req.prompt, lim.max_prompt_tokens)
        out = attribute_generation(
            entry.model,
            ids,
            list(req.generated_ids) or None,
            max_new_tokens=req.max_new_tokens,
            method=req.method,
            n_steps=req.n_steps,
            n_samples=req.n_samples,
            seed=req.seed,
        )
    return out.model_copy(update={"model": entry.id})


@router.post("/dla", summary="each head's and MLP's direct contribution to one token's logit at the last position")
def dla_route(req: DlaRequest, request: Request, reg: RegistryDep, lim: LimitsDep) -> DirectLogitAttribution:
    entry = reg.get(req.model)
    check_new_tokens(lim, len(req.generated_ids))
    cache: TraceCache = request.app.state.trace_cache
    with entry.model.lock:
        prompt_ids = encode_prompt(entry.model, req.prompt, lim.max_prompt_tokens)
        ids = check_ids(entry.model, prompt_ids + list(req.generated_ids))
        t = cache.get(entry.id, entry.model, ids)
        target = req.target if req.target is not None else t.top_next(1)[0].token.id
        return t.direct_logit_attribution(target)


@router.post("/ablate", summary="the next-token distribution before and after switching heads and neurons off")
def ablate_route(req: AblateRequest, reg: RegistryDep, lim: LimitsDep) -> Ablation:
    entry = reg.get(req.model)
    check_new_tokens(lim, len(req.generated_ids))
    with entry.model.lock:
        ids = encode_prompt(entry.model, req.prompt, lim.max_prompt_tokens)
        out = ablation_summary(
            entry.model,
            ids,
            heads=[(h.layer, h.head) for h in req.heads],
            neurons=[(n.layer, n.neuron) for n in req.neurons],
            mode=req.mode,
            k=req.k,
            generated_ids=req.generated_ids,
        )
    return out.model_copy(update={"model": entry.id})


@router.post("/patch", summary="activation patching: every layer × position (× head) of the clean run put back")
def patch_route(req: PatchRequest, reg: RegistryDep, lim: LimitsDep) -> Patching:
    entry = reg.get(req.model)
    with entry.model.lock:
        clean = encode_prompt(entry.model, req.clean, lim.max_prompt_tokens)
        corrupted = encode_prompt(entry.model, req.corrupted, lim.max_prompt_tokens)
        out = patch(entry.model, clean, corrupted, req.answer, req.wrong, site=req.site)
    return out.model_copy(update={"model": entry.id})


@router.post("/patch_cell", summary="one patching cell opened: the next-token distribution after that one patch")
def patch_cell_route(req: PatchCellRequest, reg: RegistryDep, lim: LimitsDep) -> PatchedCell:
    entry = reg.get(req.model)
    with entry.model.lock:
        clean = encode_prompt(entry.model, req.clean, lim.max_prompt_tokens)
        corrupted = encode_prompt(entry.model, req.corrupted, lim.max_prompt_tokens)
        out = patch_cell(
            entry.model,
            clean,
            corrupted,
            req.answer,
            req.wrong,
            site=req.site,
            layer=req.layer,
            pos=req.pos,
            head=req.head,
            k=req.k,
        )
    return out.model_copy(update={"model": entry.id})


@router.post("/score", summary="the log-probability and rank of every token of a text, and its perplexity")
def score_route(req: ScoreRequest, reg: RegistryDep, lim: LimitsDep) -> TextScore:
    entry = reg.get(req.model)
    with entry.model.lock:
        ids = encode_prompt(entry.model, req.text, lim.max_prompt_tokens)
        out = score_text(entry.model, ids, k=req.k)
    return out.model_copy(update={"model": entry.id})
