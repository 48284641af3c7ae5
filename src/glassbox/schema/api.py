"""Request and response models of the HTTP API that ``glassbox serve`` offers the browser.

Every route in :mod:`glassbox.server` takes and returns one of these; ``/openapi.json`` documents them and
the committed JSON Schema (``schema/glassbox.schema.json``) includes them through :data:`API_MODELS`, so the
TypeScript types of the web app are generated from the same definitions.

Errors are always ``{"error": {"code": ..., "message": ...}}`` (:class:`glassbox.schema.errors.ErrorResponse`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from glassbox.schema.base import Payload, Request, Strict
from glassbox.schema.models import (
    Generation,
    ModelInfo,
    SamplingSettings,
    TensorPayload,
    TokenInfo,
    TopToken,
)


class Limits(Strict):
    """What one request may ask of the server; the operator sets them with `glassbox serve` options."""

    max_prompt_tokens: int = Field(512, ge=1, description="tokens in a prompt, after tokenization")
    max_new_tokens: int = Field(256, ge=1, description="tokens generated after a prompt")
    max_top_k: int = Field(1000, ge=1, description="the largest top-k a client may ask for")


class TraceCacheStats(Strict):
    """The server's cache of full traces (``glassbox serve --trace-cache-mb``): what it holds now."""

    entries: int = Field(description="traces kept")
    bytes: int = Field(description="bytes those traces hold now, tensors computed on access included")
    max_bytes: int = Field(description="the budget; least recently used traces are dropped beyond it")
    hits: int = Field(description="requests answered from a kept trace since the server started")
    misses: int = Field(description="requests that had to trace since the server started")


class Health(Payload):
    kind: Literal["health"] = "health"
    status: Literal["ok"] = "ok"
    version: str
    models: list[str] = Field(description="ids of the models this server offers")
    trace_cache: TraceCacheStats | None = Field(default=None, description="the trace cache's size and budget")


class MicroModelNote(Strict):
    """What the model picker says about a micro model trained live on this server (its loss curve and samples are
    in ``GET /api/training/{model}/info``'s ``live``)."""

    steps: int = Field(description="training steps the micro model has taken")
    source: Literal["corpus", "text"] = Field(description="trained on the glassbox corpus or on pasted text")
    final_loss: float | None = Field(description="training loss of its last step, in nats (None before any step)")
    kept: int = Field(description="how many micro models this server keeps: older ones are forgotten")


class ModelCard(Strict):
    """One model offered by the server: the id a client names it by, and its shape."""

    id: str = Field(description="the id to send as `model`; a client can name no other model")
    info: ModelInfo
    eos_token_ids: list[int] = Field(description="ids that end a generation")
    micro: MicroModelNote | None = Field(
        None, description="set for a micro model trained live on this server, None for the operator's models"
    )


class ModelList(Payload):
    kind: Literal["model_list"] = "model_list"
    models: list[ModelCard]
    default_model: str
    limits: Limits


class Vocab(Payload):
    """The display text of every token of a model, indexed by id, so the browser can label any candidate."""

    kind: Literal["vocab"] = "vocab"
    model: str
    texts: list[str] = Field(description="texts[id] is the readable text of token id")
    special_ids: list[int]


class _Sequenced(Request):
    client_id: str | None = Field(
        None,
        max_length=64,
        description="a page's id; with `seq`, a newer request supersedes an older one",
    )
    seq: int | None = Field(None, ge=0, description="increases with every request of one client")


class PredictRequest(_Sequenced):
    """The next-token prediction after a prompt, optionally continued by already generated tokens."""

    model: str
    prompt: str = Field(max_length=100_000)
    generated_ids: list[int] = Field(
        default_factory=list, description="tokens appended after the prompt (a generation in progress)"
    )
    top_n: int = Field(20, ge=1, le=100, description="how many top candidates to list in `top`")
    truncate: Literal["left"] | None = Field(
        None,
        description="a prompt longer than the model or the server allows is refused (413) unless 'left': then "
        "its first tokens are dropped so that it and `generated_ids` fit",
    )


class PredictResponse(Payload):
    kind: Literal["prediction"] = "prediction"
    model: str
    tokens: list[TokenInfo] = Field(description="the prompt's tokens")
    generated: list[TokenInfo] = Field(description="the tokens of `generated_ids`")
    logits: TensorPayload = Field(description="full-vocabulary logits for the next token [d_vocab], float32")
    top: list[TopToken] = Field(description="the top-N candidates under softmax(logits) at temperature 1")
    forward_ms: float = Field(description="time spent in the model's forward pass, in milliseconds")
    dropped_tokens: int = Field(
        0, ge=0, description="tokens dropped from the prompt's start to fit (request `truncate`='left')"
    )


class GenerateRequest(_Sequenced):
    """A whole generation on the server (the browser steps by itself; this is for scripts and checks)."""

    model: str
    prompt: str = Field(max_length=100_000)
    max_new_tokens: int = Field(16, ge=1)
    settings: SamplingSettings = Field(default_factory=SamplingSettings)
    # JSON object keys are strings: the step index alone is read leniently ("3" → 3)
    force_tokens: dict[Annotated[int, Field(strict=False)], int] = Field(
        default_factory=dict, description="step index → token id to force at that step (a branch)"
    )
    stop_at_eos: bool = True
    truncate: Literal["left"] | None = Field(
        None,
        description="a prompt longer than the model or the server allows is refused (413) unless 'left': then "
        "its first tokens are dropped so that it and `max_new_tokens` new tokens fit",
    )


API_MODELS: list[type[BaseModel]] = [
    Limits,
    Health,
    ModelCard,
    ModelList,
    Vocab,
    PredictRequest,
    PredictResponse,
    GenerateRequest,
    Generation,
    TensorPayload,
    TokenInfo,
    TopToken,
]
