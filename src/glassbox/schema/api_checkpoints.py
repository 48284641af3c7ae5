"""Payloads of a served model's training checkpoints (``glassbox serve --model NAME --checkpoints rev1,rev2,…``).

A model published with intermediate checkpoints (Pythia's ``step1000`` revisions, OLMo's ``stage1-step…``) or a
set of local folders is replayed in the pre-training view:

* ``GET /api/training/{model}/checkpoints`` — :class:`CheckpointReplay`: every checkpoint's top-k next tokens on
  the probe prompts, and each checkpoint's loss on the probe texts (computed by glassbox: a released checkpoint
  carries no recorded training loss, and none is invented);
* ``POST /api/training/checkpoints/compare`` — :class:`CheckpointCompare`: one prompt through two of the
  checkpoints side by side (next-token distribution, and the per-token loss when the prompt is scored as text).

The set of checkpoints is fixed when the server starts; a page names a checkpoint by its label, never a path.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from glassbox.schema.base import Payload, Request, Strict
from glassbox.schema.history import Probe, ProbePrediction
from glassbox.schema.models import TokenInfo, TopToken

CheckpointOrder = Literal["step", "given"]
"""How the checkpoints are ordered: by the training step their names say (``step(\\d+)``), or as given (when
some name says no step)."""


class CheckpointEntry(Strict):
    """One checkpoint of the served set."""

    label: str = Field(description="the revision name (Hub) or the folder's name (local): how a page names it")
    step: int | None = Field(description="the training step its name says (step(\\d+)); None when it says none")
    source: Literal["hub", "folder"] = Field(description="a revision from the local Hub cache, or a local folder")
    revision: str | None = Field(description="the Hub revision (None for a folder)")
    n_params: int
    probe_loss: float = Field(
        description="mean next-token cross-entropy (nats) over every token of the probe texts (each probe's prompt"
        " followed by its expected answer), computed by glassbox on this checkpoint: not a training or held-out loss"
    )
    probe_tokens: int = Field(description="tokens the probe loss averages over")


class CheckpointSnapshot(Strict):
    label: str = Field(description="the checkpoint (CheckpointEntry.label)")
    predictions: list[ProbePrediction] = Field(description="one per probe, in the probes' order")


class CheckpointReplay(Payload):
    """The probe prompts' predictions at every checkpoint, in training order (see ``ordered_by``)."""

    kind: Literal["checkpoint_replay"] = "checkpoint_replay"
    model: str = Field(description="the served model these checkpoints belong to")
    ordered_by: CheckpointOrder
    top_k: int
    checkpoints: list[CheckpointEntry]
    probes: list[Probe]
    snapshots: list[CheckpointSnapshot] = Field(description="one per checkpoint, in the checkpoints' order")
    peak_checkpoint_bytes: int = Field(
        description="bytes of the largest checkpoint's parameters: checkpoints are loaded one at a time and freed,"
        " so this is the most the replay holds beside the served model"
    )


class CheckpointCompareRequest(Request):
    model: str
    prompt: str = Field(max_length=100_000)
    a: str = Field(description="label of the first checkpoint (usually the earlier)")
    b: str = Field(description="label of the second checkpoint (usually the later)")
    score: bool = Field(False, description="also score the prompt as a text: the loss of every token after the first")
    top_k: int = Field(10, ge=1, le=50)


class TokenLoss(Strict):
    pos: int = Field(description="the position of the scored token (its prediction is read at pos - 1)")
    prob: float = Field(description="p(token at pos | tokens before it)")
    loss: float = Field(description="−log prob, in nats")


class CheckpointSide(Strict):
    label: str
    step: int | None
    top: list[TopToken] = Field(description="the top-k next tokens after the prompt, over the full vocabulary")
    entropy: float = Field(description="entropy of the full next-token distribution, in nats")
    token_losses: list[TokenLoss] | None = Field(description="per-token loss of the prompt (when scored)")
    mean_loss: float | None = Field(description="mean of token_losses' loss (when scored)")


class CheckpointCompare(Payload):
    kind: Literal["checkpoint_compare"] = "checkpoint_compare"
    model: str
    tokens: list[TokenInfo]
    a: CheckpointSide
    b: CheckpointSide


API_CHECKPOINT_MODELS: list[type[BaseModel]] = [
    CheckpointEntry,
    CheckpointSnapshot,
    CheckpointReplay,
    CheckpointCompareRequest,
    TokenLoss,
    CheckpointSide,
    CheckpointCompare,
]
