"""Routes of a served model's training checkpoints (``glassbox serve --model NAME --checkpoints rev1,rev2,…``).

The checkpoint sets are fixed when the app is made (``create_app_for(..., checkpoints=…)``, on
``app.state.checkpoints``, model id → :class:`~glassbox.training.checkpoint_replay.CheckpointSet`): a page names a
checkpoint by its label, never a path or a revision to fetch. Each route calls one method of the set.
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from glassbox.errors import NotFoundError
from glassbox.models.tokens import encode_prompt
from glassbox.schema.api_checkpoints import CheckpointCompare, CheckpointCompareRequest, CheckpointReplay
from glassbox.server.routes import ERRORS, LimitsDep, RegistryDep
from glassbox.training.checkpoint_replay import CheckpointSet

router = APIRouter(prefix="/api/training", responses=ERRORS, tags=["training"])


def checkpoint_sets(request: Request) -> dict[str, CheckpointSet]:
    """The app's checkpoint sets by model id (empty when the server was started without --checkpoints)."""
    sets: dict[str, CheckpointSet] = getattr(request.app.state, "checkpoints", None) or {}
    return sets


def _set_of(request: Request, model_id: str) -> CheckpointSet:
    found = checkpoint_sets(request).get(model_id)
    if found is None:
        raise NotFoundError(
            f"model {model_id!r} was served without checkpoints: start the server with"
            " glassbox serve --model NAME --checkpoints rev1,rev2 (Hub revisions in the local cache, or folders)"
        )
    return found


@router.get(
    "/{model:path}/checkpoints", summary="the probe prompts' predictions across the model's training checkpoints"
)
def checkpoints(model: str, reg: RegistryDep, request: Request) -> CheckpointReplay:
    entry = reg.get(model)
    return _set_of(request, entry.id).replay()


@router.post("/checkpoints/compare", summary="the same prompt through two of the model's training checkpoints")
def compare(req: CheckpointCompareRequest, reg: RegistryDep, lim: LimitsDep, request: Request) -> CheckpointCompare:
    entry = reg.get(req.model)
    found = _set_of(request, entry.id)
    found.ref(req.a), found.ref(req.b)  # an unknown label is refused before any tokenizing
    with entry.model.lock:
        ids = encode_prompt(entry.model, req.prompt, lim.max_prompt_tokens)
    return found.compare(ids, req.a, req.b, score=req.score, top_k=req.top_k)
