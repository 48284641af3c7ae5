"""Precomputed trace files: AnimatedLLM's inference and training traces, and the server's list of trace files.

AnimatedLLM (a static site that plays precomputed traces of real models) publishes two JSON shapes. These
models are those shapes exactly as glassbox *writes* them (no unknown keys, every field present); files from
elsewhere are read by the tolerant :func:`glassbox.animatedllm.normalise`, which fills what is missing, drops
what it cannot use and hands back these strict models. A token is kept as the file spells it (AnimatedLLM
writes a space as ``Ġ`` and an incomplete UTF-8 piece as ``�``); the page words it for display.

The two file shapes carry no ``schema_version`` and no ``kind``: they are AnimatedLLM's format, not glassbox's,
and a file glassbox writes must open in AnimatedLLM unchanged. :class:`TraceFile` and :class:`TraceList` are
glassbox's own payloads around them (``GET /api/traces``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from glassbox.schema.base import Payload, Strict

TraceFormat = Literal[
    "animatedllm_inference", "animatedllm_training", "glassbox_generation", "glassbox_prompt_trace", "glassbox_trace"
]
"""What a trace file is: AnimatedLLM's two shapes, a glassbox ``Generation`` (the API's answer, or
``glassbox.generate(...).model_dump_json()``), a glassbox ``PromptTrace`` (``glassbox trace --prompts``) or a
glassbox ``TraceSummary`` (``glassbox trace -o``); glassbox's three are shown through the inference shape."""


class AnimatedModelInfo(Strict):
    """The model a trace was computed with, as far as the file says (``None``: the file does not say)."""

    name: str
    num_layers: int | None = None
    hidden_size: int | None = None
    num_attention_heads: int | None = None
    vocab_size: int | None = None
    architecture: str | None = Field(None, description="training traces only, e.g. gpt2")
    total_parameters: int | None = Field(None, description="training traces only")
    pretrained: bool | None = Field(None, description="training traces only: a trained model or a fresh one")


class AnimatedCandidate(Strict):
    """One candidate next token with the probability the file stores for it."""

    token: str = Field(description="the token as the file spells it (Ġ = a space, � = an incomplete UTF-8 piece)")
    token_id: int | None = None
    logprob: float | None = Field(None, description="natural log of prob; None where the file has none (prob 0)")
    prob: float


class AnimatedDistribution(Strict):
    top_k: int = Field(description="how many candidates the file keeps (the rest of the vocabulary is not stored)")
    candidates: list[AnimatedCandidate]


class AnimatedSelectedToken(Strict):
    token: str
    token_id: int | None = None
    selection_method: str = Field(description="greedy, sampling, random or forced (files may name others)")
    special: bool = False


class AnimatedGenerationStep(Strict):
    step: int
    input_text: str = Field(description="the text the model saw before this step (chat template included)")
    tokens: list[str]
    token_ids: list[int]
    special_idx: list[int] = Field(description="positions in `tokens` of special or chat-template tokens")
    output_distribution: AnimatedDistribution
    selected_token: AnimatedSelectedToken | None = None


class AnimatedInferenceTrace(Strict):
    """AnimatedLLM's inference trace: a prompt and, per generated token, the stored top-k and the chosen token."""

    id: str
    prompt: str
    language: str | None = None
    temperature: float | None = None
    top_k: int | None = Field(None, description="how many candidates each step keeps")
    model_info: AnimatedModelInfo
    generation_steps: list[AnimatedGenerationStep]


class AnimatedTrainingStep(Strict):
    step: int
    input_tokens: list[str]
    input_token_ids: list[int]
    target_token: str
    target_token_id: int | None = None
    predictions: list[AnimatedCandidate]
    target_token_prediction: AnimatedCandidate | None = None
    target_prob: float | None = None
    target_logprob: float | None = None
    loss: float | None = Field(None, description="cross-entropy of the target token in nats (= −target_logprob)")


class AnimatedTrainingTrace(Strict):
    """AnimatedLLM's training trace: a text and, per position, the model's top predictions and its loss there."""

    id: str
    type: str = "training"
    text: str
    source: str | None = None
    tokens: list[str]
    token_ids: list[int]
    special_idx: list[int]
    num_tokens: int
    model_info: AnimatedModelInfo
    training_steps: list[AnimatedTrainingStep]


class TraceListEntry(Strict):
    """One file of the operator's trace folder: what it holds, or why it cannot be read."""

    name: str = Field(description="the file's path inside the folder, with '/'; the only way to ask for it")
    format: TraceFormat | None = None
    model: str | None = None
    prompt: str | None = Field(None, description="the prompt (inference) or the text (training)")
    steps: int | None = None
    language: str | None = None
    bytes: int
    error: str | None = Field(None, description="why the file cannot be read (None: it can)")


class TraceList(Payload):
    kind: Literal["trace_list"] = "trace_list"
    enabled: bool = Field(description="did the operator start the server with --traces")
    traces: list[TraceListEntry]


class TraceFile(Payload):
    """A trace file, normalised: exactly one of ``inference`` and ``training`` is set."""

    kind: Literal["trace_file"] = "trace_file"
    name: str
    format: TraceFormat
    inference: AnimatedInferenceTrace | None = None
    training: AnimatedTrainingTrace | None = None


ANIMATEDLLM_MODELS: list[type[BaseModel]] = [
    AnimatedModelInfo,
    AnimatedCandidate,
    AnimatedDistribution,
    AnimatedSelectedToken,
    AnimatedGenerationStep,
    AnimatedInferenceTrace,
    AnimatedTrainingStep,
    AnimatedTrainingTrace,
    TraceListEntry,
    TraceList,
    TraceFile,
]
