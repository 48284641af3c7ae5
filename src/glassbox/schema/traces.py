"""The batch trace file (``glassbox trace --prompts``) and the static export's index (``glassbox export``).

A :class:`PromptTrace` is everything the views need for one prompt, computed ahead of time: the model's card,
the prompt's tokens, one generation with its sampling settings, the full-vocabulary next-token logits at every
position of that generation (:class:`EncodedLogits`: float16, compressed, so re-sampling in the browser with
other settings stays exact to float16 precision), and the detailed view's main slices. A static export writes
one per prompt beside a :class:`StaticManifest` that lists them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from glassbox.schema.api import ModelCard, ModelList
from glassbox.schema.api_detail import DetailOverview
from glassbox.schema.base import Payload, Strict
from glassbox.schema.detail import AttentionGrid, AttentionHead, EmbeddingDetail, MlpDetail
from glassbox.schema.linear_attention import LinearAttentionHead
from glassbox.schema.models import GenerationStep, LogitLens, SamplingSettings, TokenInfo, TopToken

LOGITS_ENCODING = "f16-shift-split-deflate"
"""How :class:`EncodedLogits` packs a logit vector: ``logits - shift`` (``shift`` = the largest logit) rounded to
float16, its little-endian bytes split into all low bytes then all high bytes, zlib-deflated, base64. Shifting
first puts the likeliest tokens next to 0, where float16 is finest; the split gives deflate runs of similar high
bytes (sign and exponent) to compress."""


class EncodedLogits(Strict):
    """A full-vocabulary logit vector, compact (see :data:`LOGITS_ENCODING`)."""

    encoding: Literal["f16-shift-split-deflate"] = "f16-shift-split-deflate"
    d_vocab: int = Field(ge=1)
    shift: float = Field(description="the largest logit (float32), subtracted before rounding to float16")
    data: str = Field(description="base64 of zlib(low bytes of every float16, then their high bytes)")


class PositionDistribution(Strict):
    """The next-token prediction after the prompt and the first ``generated`` tokens of the trace's generation."""

    generated: int = Field(ge=0, description="how many generated tokens come before this position")
    logits: EncodedLogits
    top: list[TopToken] = Field(description="the top candidates under softmax of the float32 logits, temperature 1")
    forward_ms: float = Field(description="the forward pass's time when it was traced, in milliseconds")


class DetailSlices(Strict):
    """The detailed view's slices of the prompt's own text (no generated token), as its routes answer them."""

    overview: DetailOverview
    attention_grid: AttentionGrid
    heads: list[AttentionHead] = Field(description="every softmax-attention layer × head at the last position")
    linear_heads: list[LinearAttentionHead] = Field(
        default_factory=list, description="every linear-attention layer × head at the last position (Qwen3.5)"
    )
    logit_lens: LogitLens = Field(description="top-5 per cell, as the view asks for")
    embeddings: list[EmbeddingDetail] = Field(description="the embedding of every position")
    mlps: list[MlpDetail] = Field(description="every layer's MLP at the last position (top 10 neurons)")


class PromptTrace(Payload):
    """One prompt traced ahead of time: what ``glassbox trace --prompts`` writes per prompt."""

    kind: Literal["prompt_trace"] = "prompt_trace"
    model: ModelCard
    prompt: str
    tokens: list[TokenInfo] = Field(description="the prompt's tokens")
    settings: SamplingSettings = Field(description="the sampling settings the generation was drawn with")
    steps: list[GenerationStep] = Field(description="the generated tokens, each with its sampling record")
    stop_reason: Literal["max_new_tokens", "eos", "context"]
    distributions: list[PositionDistribution] = Field(
        description="distributions[i] predicts the token after the prompt and steps[:i]: len(steps) + 1 of them, "
        "or len(steps) when the generation ended at the end of text or filled the context (the page stops there)"
    )
    detail: DetailSlices | None = Field(None, description="the detailed view's slices, None when not traced")


class ExportedPrompt(Strict):
    """One prompt of a static export, as its picker lists it."""

    key: str = Field(description="the data file's key: data/<key>.js registers the PromptTrace")
    prompt: str
    n_tokens: int
    n_generated: int
    bytes: int = Field(description="size of its data file")
    why: str | None = Field(None, description="data/<why>.js registers its WhyExport; None: not exported")
    circuits: str | None = Field(None, description="data/<circuits>.js registers its CircuitsExport; None: none")


class StaticManifest(Payload):
    """The index of a static export (``data/manifest.js``): the models, the prompts and what was left out."""

    kind: Literal["static_manifest"] = "static_manifest"
    glassbox_version: str
    models: ModelList
    prompts: list[ExportedPrompt]


TRACE_FILE_MODELS: list[type[BaseModel]] = [
    EncodedLogits,
    PositionDistribution,
    DetailSlices,
    PromptTrace,
    ExportedPrompt,
    StaticManifest,
]
