"""Request and response models of the pre-training view's routes (``/api/training/...``).

* ``GET /api/training/{model}/history`` — the :class:`~glassbox.schema.history.TrainingHistory` replayed by
  the page (only models trained by glassbox have one);
* ``POST /api/training/step`` — one real training step on a copy of a checkpoint (:class:`TrainStepResult`);
* ``POST /api/training/init_vs_trained`` — the same prompt through initial and trained weights;
* ``/api/training/live/...`` — live micro-training: start, a server-sent event stream of :data:`LiveEvent` s
  (each ``event: <type>`` with the event's JSON as ``data``), stop and resume.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from glassbox.schema.base import Payload, Request, Site, Strict
from glassbox.schema.models import TensorPayload, TokenInfo, TopToken


class TrainingInfo(Payload):
    """What the pre-training view can show for a model."""

    kind: Literal["training_info"] = "training_info"
    model: str
    has_history: bool
    step_checkpoints: list[int] = Field(description="checkpoint steps whose weights exist: where a step can start")
    init_available: bool = Field(description="the run's initial weights can be rebuilt (seeded)")
    live: LiveHistory | None = Field(
        None, description="a micro model trained live on this server: its run's loss curve and samples"
    )
    checkpoint_replay: bool = Field(
        False, description="the server was started with this model's checkpoints (glassbox serve --checkpoints)"
    )


class TrainStepRequest(Request):
    model: str
    text: str = Field(max_length=100_000, description="the sentence to train on (tokenized like a prompt)")
    checkpoint_step: int = Field(ge=0, description="start from the weights after this many steps")


class PositionStep(Strict):
    pos: int = Field(description="the position whose output predicts the next token")
    input: TokenInfo = Field(description="the token at pos")
    target: TokenInfo = Field(description="the token at pos + 1: what the model should have predicted")
    top: list[TopToken] = Field(description="the model's top predictions at pos before the step")
    prob_before: float = Field(description="p(target) before the step")
    prob_after: float = Field(description="p(target) after the step (same input, updated weights)")
    loss_before: float = Field(description="−log p(target) before the step, in nats")
    loss_after: float


class ParamGroupStep(Strict):
    site: Site = Field(
        description="the group of weights: embed (the token embedding, tied with the unembedding: one matrix),"
        " pos_embed, a block's attn, mlp, ln1 or ln2, or ln_final"
    )
    numel: int
    grad_norm: float = Field(description="L2 norm of the group's gradient, before clipping")
    update_norm: float = Field(description="L2 norm of the change AdamW made to the group's weights")
    weight_norm: float = Field(description="L2 norm of the group's weights after the update")


class TrainStepResult(Payload):
    kind: Literal["train_step"] = "train_step"
    model: str
    checkpoint_step: int
    tokens: list[TokenInfo]
    positions: list[PositionStep]
    loss_before: float = Field(description="mean of loss_before over positions: the number backward starts from")
    loss_after: float
    grad_norm_total: float = Field(description="global gradient norm before clipping")
    grad_clip: float
    clip_scale: float = Field(description="the factor clipping multiplied every gradient by (1 = not clipped)")
    lr: float = Field(description="the learning rate the run's schedule used at this step")
    beta1: float
    beta2: float
    weight_decay: float
    moments_fresh: bool = Field(True, description="AdamW's moment estimates start at zero (not the run's)")
    groups: list[ParamGroupStep]


class InitVsTrainedRequest(Request):
    model: str
    prompt: str = Field(max_length=100_000)
    layer: int = Field(0, ge=0)
    head: int = Field(0, ge=0)


class WeightsView(Strict):
    label: Literal["init", "trained"]
    loss: float = Field(description="mean next-token cross-entropy over the prompt, in nats")
    top: list[TopToken] = Field(description="top next-token predictions after the prompt")
    attention: TensorPayload = Field(description="the chosen head's pattern [query_pos, key_pos]")


class InitVsTrained(Payload):
    kind: Literal["init_vs_trained"] = "init_vs_trained"
    model: str
    tokens: list[TokenInfo]
    layer: int
    head: int
    init: WeightsView
    trained: WeightsView


class LiveStartRequest(Request):
    source: Literal["corpus", "text"] = "corpus"
    text: str | None = Field(None, description="pasted training text (source = text); at most 200,000 characters")


class LiveControl(Request):
    """The body of ``POST /api/training/live/{run_id}/stop`` and ``/resume``: nothing to say yet, but a JSON body
    (with its content type) is what marks a request as sent by a page of this server (see ``server/security.py``)."""


LiveState = Literal["preparing", "running", "stopped", "done", "error"]
"""A live run's life: preparing (tokenizer, batches, model) → running → stopped (resumable) | done | error."""

LiveStopReason = Literal["stopped", "abandoned", "time_limit", "step_limit", "shutdown", "error"]
"""Why a live run is not running: asked to stop, nobody listened any more, its wall-clock or step bound was
reached, the server shut down, or it failed (the message is in ``error``)."""


class LiveRunStatus(Payload):
    kind: Literal["live_run"] = "live_run"
    run_id: str
    state: LiveState
    reason: LiveStopReason | None = Field(description="why the run stopped; None while it runs")
    error: str | None = Field(None, description="what went wrong, when state is error")
    step: int
    max_steps: int
    max_seconds: float
    source: Literal["corpus", "text"]
    model_id: str | None = Field(description="the id the trained model is offered under once paused or done")
    n_layers: int
    d_model: int
    n_ctx: int
    batch_size: int


class LiveReady(Strict):
    type: Literal["ready"] = "ready"
    prepare_s: float
    tokens: int = Field(description="tokens in the training stream")


class LiveStep(Strict):
    type: Literal["step"] = "step"
    step: int
    loss: float
    lr: float
    tokens: int
    elapsed_s: float
    tokens_per_s: float


class LiveSample(Strict):
    type: Literal["sample"] = "sample"
    step: int
    samples: list[list[str]] = Field(description="[prompt, greedy continuation] pairs")


class LiveEnd(Strict):
    type: Literal["end"] = "end"
    state: Literal["stopped", "done", "error"]
    reason: LiveStopReason | None
    error: str | None = Field(None, description="what went wrong, when state is error")
    step: int


class LiveHistory(Strict):
    """The training of a micro model as its live run recorded it (it keeps no checkpoints or held-out loss)."""

    source: Literal["corpus", "text"]
    steps: list[LiveStep] = Field(description="every step's training loss, learning rate and tokens seen")
    samples: list[LiveSample] = Field(description="the greedy continuations written along the way, oldest first")


TrainingInfo.model_rebuild()  # its `live` field names LiveHistory, which is defined only here

LiveEvent = Annotated[LiveReady | LiveStep | LiveSample | LiveEnd, Field(discriminator="type")]
"""One event of a live run's stream; ``type`` is also the server-sent event's name."""


class LiveEventEnvelope(Strict):
    """Names :data:`LiveEvent` in the JSON Schema (the stream itself sends the bare events)."""

    event: LiveEvent


API_TRAINING_MODELS: list[type[BaseModel]] = [
    TrainingInfo,
    TrainStepRequest,
    PositionStep,
    ParamGroupStep,
    TrainStepResult,
    InitVsTrainedRequest,
    WeightsView,
    InitVsTrained,
    LiveStartRequest,
    LiveControl,
    LiveRunStatus,
    LiveReady,
    LiveStep,
    LiveSample,
    LiveEnd,
    LiveEventEnvelope,
]
