"""Request and response models of the detailed view's routes (``/api/detail/...``).

Every request names a model and a prompt (plus any generated tokens); the server traces it once, keeps the
whole activation cache (:mod:`glassbox.server.trace_cache`) and answers each view with only the slice it
shows — the payloads themselves are those of :mod:`glassbox.schema.detail`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from glassbox.schema.base import Payload, Request
from glassbox.schema.detail import ResidualStream
from glassbox.schema.models import ModelInfo, TokenInfo, TopToken


class DetailRequest(Request):
    """Which text to look inside: the prompt, then the tokens generated after it so far."""

    model: str
    prompt: str = Field(max_length=100_000)
    generated_ids: list[int] = Field(default_factory=list, description="tokens appended after the prompt")
    truncate: Literal["left"] | None = Field(
        None,
        description="a prompt longer than the model or the server allows is refused (413) unless 'left': then "
        "its first tokens are dropped so that it and `generated_ids` fit (as /api/predict does)",
    )


class AttentionHeadRequest(DetailRequest):
    layer: int = Field(ge=0)
    head: int = Field(ge=0)
    query_pos: int = Field(ge=0)


class EmbeddingRequest(DetailRequest):
    pos: int = Field(ge=0)


class MlpRequest(DetailRequest):
    layer: int = Field(ge=0)
    pos: int = Field(ge=0)
    k: int = Field(10, ge=1, le=100, description="how many top neurons")


#: the most positions one logit-lens request decodes (the app asks for a window of 64 on a long prompt)
LENS_MAX_POSITIONS = 256


class LogitLensRequest(DetailRequest):
    k: int = Field(5, ge=1, le=50, description="top tokens per cell")
    positions: list[Annotated[int, Field(ge=0)]] | None = Field(
        None,
        max_length=LENS_MAX_POSITIONS,
        description="the positions to decode (the columns shown); every position when absent. Each layer × position "
        "unembeds to the whole vocabulary: on a 1B model a 512-token prompt's every position takes a minute on a CPU",
    )


class TokenAcrossLayersRequest(DetailRequest):
    token_id: int = Field(ge=0)
    pos: int = Field(ge=0)


class DetailOverview(Payload):
    """What the overview diagram shows: the model's shape, the tokens, the residual stream's norms at every
    stage, and the model's own next-token prediction at the last position."""

    kind: Literal["detail_overview"] = "detail_overview"
    model: str
    info: ModelInfo
    tokens: list[TokenInfo] = Field(description="every position: the prompt's tokens, then the generated ones")
    residual: ResidualStream
    next_token: list[TopToken] = Field(description="top predictions after the last position")
    dropped_tokens: int = Field(
        0, ge=0, description="tokens dropped from the prompt's start to fit (request `truncate`='left')"
    )


API_DETAIL_MODELS: list[type[BaseModel]] = [
    DetailRequest,
    AttentionHeadRequest,
    EmbeddingRequest,
    MlpRequest,
    LogitLensRequest,
    TokenAcrossLayersRequest,
    DetailOverview,
]
