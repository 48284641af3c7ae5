"""Pydantic models of the core payloads glassbox hands to the outside (JSON files, HTTP, the browser).

These models are the contract between Python and the browser: the committed JSON Schema
(``schema/glassbox.schema.json``) is generated from them and the TypeScript types from that schema.
Keys are snake_case; every top-level payload carries ``schema_version`` and a ``kind`` literal.

:func:`load_trace_summary` reads a file ``glassbox trace -o`` wrote, including one written with an older
schema version (migrated on reading).
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, Field, ValidationError

from glassbox.schema.base import SCHEMA_VERSION, Dim, Payload, Request, Site, Strict

__all__ = [
    "CORE_MODELS",
    "SCHEMA_VERSION",
    "Generation",
    "GenerationStep",
    "LogitLens",
    "LogitLensCell",
    "ModelInfo",
    "SamplingSettings",
    "TensorPayload",
    "TokenInfo",
    "TopToken",
    "TraceSummary",
    "load_trace_summary",
    "tensor_payload",
]


class TensorPayload(Strict):
    """A tensor travelling compactly: little-endian bytes, base64-encoded, with named dimensions."""

    dtype: Literal["float32", "float16"]
    shape: list[int]
    dims: list[Dim] = Field(description="one name per axis, e.g. ['head', 'query_pos', 'key_pos']")
    data: str = Field(description="base64 of the little-endian bytes in C order")

    def to_numpy(self) -> np.ndarray:
        """Decode the payload back into a numpy array of its dtype and shape."""
        raw = base64.b64decode(self.data)
        return np.frombuffer(raw, dtype=np.dtype(self.dtype).newbyteorder("<")).reshape(self.shape)


class TokenInfo(Strict):
    """One token as a person should see it."""

    id: int
    text: str = Field(description="readable text; an incomplete UTF-8 piece is shown as its bytes, e.g. '<e4 b8>'")
    bytes_hex: str = Field(description="the raw bytes the token stands for, as hex")
    is_special: bool = False
    partial_utf8: bool = Field(False, description="the bytes are not a complete UTF-8 sequence on their own")


class ModelInfo(Strict):
    """The shape of a model: what the model card and the diagram show.

    ``architecture``, ``model_type``, ``activation``, ``dtype`` and ``device`` are the names the model's own
    config and torch give (an open set: any Hugging Face checkpoint of a supported family), shown as they are.
    """

    name: str
    architecture: str = Field(description="the transformers class, e.g. GPT2LMHeadModel")
    family: Literal["gpt2", "llama", "cohere", "gpt_neox", "gemma", "phi3", "smollm3", "moe", "gpt_oss", "qwen3_5"]
    model_type: str = Field(
        description="config.model_type, e.g. gpt2, llama, qwen3, olmo2, olmo3, mistral, gpt_neox, gemma2, phi3"
    )
    n_layers: int
    n_heads: int
    n_kv_heads: int
    d_model: int
    d_head: int
    d_mlp: int
    d_vocab: int
    n_ctx: int = Field(description="context length in tokens")
    positional: Literal["learned", "rotary"]
    norm: Literal["layernorm", "rmsnorm"]
    activation: str = Field(description="the MLP's activation as the config names it, e.g. gelu_new, silu")
    gated_mlp: bool
    parallel_block: bool = Field(
        description="attention and MLP both read the block's input and add in parallel (Cohere, GPT-NeoX)"
    )
    parallel_mlp_norm: bool = Field(
        False, description="a parallel block's MLP reads its own norm of the block's input (GPT-NeoX), not attention's"
    )
    qk_norm: bool
    post_norm: bool = Field(description="norms applied to each sublayer's output before adding (OLMo 2/3, Gemma)")
    pre_norm: bool = Field(
        True, description="a norm before each sublayer; with post_norm, a sandwich (Gemma); false for OLMo 2/3"
    )
    nope_layers: list[int] = Field(
        default_factory=list, description="rotary models' layers that rotate nothing: no positional encoding (SmolLM3)"
    )
    attn_softcap: float | None = Field(
        None, description="attention scores become c·tanh(score/c) before the mask (Gemma 2); null: no cap"
    )
    final_softcap: float | None = Field(
        None, description="logits become c·tanh(logit/c) (Gemma 2; Gemma 3 when its config sets it); null: no cap"
    )
    embed_scale: float | None = Field(
        None, description="token embeddings are multiplied by this (Gemma: √d_model) before block 0; null: 1"
    )
    n_experts: int = Field(
        0, description="a mixture of experts' experts per MLP layer (Qwen3-MoE, OLMoE, gpt-oss); 0: a dense MLP"
    )
    experts_per_token: int = Field(0, description="experts the router chooses for each token (top-k); 0: dense")
    d_expert: int = Field(
        0, description="neurons per expert; d_mlp = n_experts · d_expert, neuron e·d_expert + i is expert e's i-th"
    )
    attn_sinks: bool = Field(
        False, description="each head has a learned sink logit in its softmax (gpt-oss): pattern rows sum to < 1"
    )
    layer_kinds: list[Literal["attention", "linear_attention"]] = Field(
        default_factory=list,
        description="how each layer mixes tokens: softmax attention, or linear attention (Qwen3.5's gated DeltaNet: "
        "a recurrent state, no pattern); empty: every layer is attention",
    )
    devices: list[str] = Field(
        default_factory=list,
        description="every device the weights are on, when a device map spread them over several (glassbox serve "
        "--device-map); empty: all on `device`",
    )
    layer_heads: list[int] = Field(
        default_factory=list,
        description="per layer, its head count where layers differ (Qwen3.5's released models: a linear-attention "
        "layer has one head per value head, more than its attention layers' n_heads); empty: n_heads in every layer",
    )
    d_ple: int = Field(
        0, description="numbers per token in each layer's own per-layer input (Gemma 4's per-layer embeddings); 0: none"
    )
    kv_sources: list[int | None] = Field(
        default_factory=list,
        description="per layer, the earlier layer whose keys and values it reuses (Gemma 4's KV sharing), null: its "
        "own; empty: no layer shares",
    )
    n_params: int
    dtype: str = Field(description="the weights' torch dtype, e.g. float32, bfloat16")
    device: str = Field(description="the torch device the model runs on, e.g. cpu, cuda:0")


class TopToken(Strict):
    token: TokenInfo
    prob: float
    logit: float | None = None


class LogitLensCell(Strict):
    layer: int = Field(description="row index into `LogitLens.layers` (0 = after the embeddings)")
    pos: int
    top: list[TopToken]


class LogitLens(Payload):
    kind: Literal["logit_lens"] = "logit_lens"
    layers: list[Site] = Field(
        description="where each row reads the residual stream: {part: 'embed'}, then {layer: l, part: 'block'} "
        "(the residual after block l)"
    )
    positions: list[int]
    cells: list[LogitLensCell]


class TraceSummary(Payload):
    """What `glassbox trace -o` writes: the tokens, the model, the next-token prediction and the logit lens."""

    kind: Literal["trace"] = "trace"
    model: ModelInfo
    prompt: str | None
    tokens: list[TokenInfo]
    captured: list[str] = Field(description="canonical names of the activations kept on the server")
    next_token: list[TopToken] = Field(description="top predictions for the token after the last position")
    logit_lens: LogitLens
    last_logits: TensorPayload = Field(description="full-vocabulary logits at the last position [d_vocab]")


class SamplingSettings(Request):
    """How to pick the next token. Every filter is over the full vocabulary."""

    temperature: float = Field(1.0, ge=0.0, description="0 = greedy")
    top_k: int = Field(0, ge=0, description="0 = off")
    top_p: float = Field(1.0, gt=0.0, le=1.0, description="1 = off")
    min_p: float = Field(0.0, ge=0.0, le=1.0, description="0 = off")
    seed: int = Field(0, ge=0, lt=2**32)


class GenerationStep(Strict):
    step: int
    token: TokenInfo
    prob: float = Field(description="probability of the chosen token under the final (filtered) distribution")
    raw_prob: float = Field(description="its probability under softmax(logits) at temperature 1")
    rank: int = Field(description="0-based rank of the chosen token by logit")
    forced: bool = False
    top: list[TopToken] = Field(
        description="top-N candidates of softmax(logits / T) before the filters (softmax(logits) when greedy)"
    )
    other_mass: float = Field(description="probability mass of that distribution outside the top-N")
    entropy: float = Field(description="entropy in nats of that distribution")
    u: float | None = Field(None, description="the uniform draw used to sample (None when greedy or forced)")


class Generation(Payload):
    kind: Literal["generation"] = "generation"
    model: str
    prompt: str
    prompt_tokens: list[TokenInfo]
    settings: SamplingSettings
    steps: list[GenerationStep]
    stop_reason: Literal["max_new_tokens", "eos", "context"]
    dropped_tokens: int = Field(
        0, ge=0, description="tokens dropped from the prompt's start to fit the context (truncate='left')"
    )

    @property
    def text(self) -> str:
        """The generated continuation as text (bytes joined, then decoded once)."""
        raw = b"".join(bytes.fromhex(s.token.bytes_hex) for s in self.steps)
        return raw.decode("utf-8", errors="replace")


def tensor_payload(t: object, dims: list[Dim], dtype: Literal["float32", "float16"] = "float32") -> TensorPayload:
    """Pack a torch tensor or numpy array as a :class:`TensorPayload` (one name in ``dims`` per axis)."""
    arr = t.detach().cpu().float().numpy() if hasattr(t, "detach") else np.asarray(t)
    # reshape back: ascontiguousarray makes a 0-d array (one number, e.g. Gemma 4's layer scalar) 1-d
    arr = np.ascontiguousarray(arr.astype(np.dtype(dtype).newbyteorder("<"))).reshape(arr.shape)
    if arr.ndim != len(dims):
        raise ValueError(f"{len(dims)} dims {dims} for a tensor of shape {list(arr.shape)}")
    return TensorPayload(
        dtype=dtype, shape=list(arr.shape), dims=dims, data=base64.b64encode(arr.tobytes()).decode("ascii")
    )


# --- reading trace files, old ones included -------------------------------------------------------------------

READABLE_TRACE_VERSIONS = ("1.0", SCHEMA_VERSION)
"""The schema versions :func:`load_trace_summary` reads (older ones are migrated to the current one)."""

_BLOCK_LABEL = re.compile(r"^block (\d+)$")


def _site_of_v1_lens_label(label: object) -> dict[str, Any]:
    """A 1.0 logit-lens row label ('embed', 'block 3') as the structure 2.0 writes instead."""
    if label == "embed":
        return {"layer": None, "part": "embed"}
    match = _BLOCK_LABEL.match(label) if isinstance(label, str) else None
    if match is None:
        raise ValueError(f"logit_lens.layers holds {label!r}, not 'embed' or 'block N'")
    return {"layer": int(match.group(1)), "part": "block"}


def _migrate_v1_trace(doc: dict[str, Any]) -> dict[str, Any]:
    """1.0 → 2.0: the logit lens names its rows by structure; every payload carries the new version."""
    lens = dict(doc.get("logit_lens") or {})
    lens["layers"] = [_site_of_v1_lens_label(label) for label in lens.get("layers", [])]
    lens["schema_version"] = SCHEMA_VERSION
    return {**doc, "schema_version": SCHEMA_VERSION, "logit_lens": lens}


def load_trace_summary(source: Path | str) -> TraceSummary:
    """Read a :class:`TraceSummary` that ``glassbox trace -o`` wrote, with any version in
    :data:`READABLE_TRACE_VERSIONS` (an older one is migrated), from a path or from the JSON text itself
    (a string whose first non-blank character is ``{``).

    Raises :class:`~glassbox.errors.CorruptedModelError` for a file that is not a readable trace (not JSON,
    an unknown version, a missing or malformed field) and :class:`~glassbox.errors.NotFoundError` for a path
    that does not exist.
    """
    # glassbox.errors imports glassbox.schema.errors, which runs this package's __init__ (which imports this
    # module): importing the error classes at the top would be circular
    from glassbox.errors import CorruptedModelError, NotFoundError

    if isinstance(source, str) and source.lstrip().startswith("{"):
        where, text = "the trace text", source
    else:
        path = Path(source)
        if not path.is_file():
            raise NotFoundError(f"no trace file at {path}: write one with `glassbox trace -o {path}`")
        where, text = str(path), path.read_text(encoding="utf-8")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorruptedModelError(f"{where} is not JSON ({exc}): write it again with `glassbox trace -o`") from None
    if not isinstance(doc, dict):
        raise CorruptedModelError(f"{where} is not a glassbox trace (a JSON object is expected)")
    if doc.get("kind") != "trace":
        raise CorruptedModelError(f"{where} is not a glassbox trace (its kind is {doc.get('kind')!r})")
    version = doc.get("schema_version")
    if version not in READABLE_TRACE_VERSIONS:
        raise CorruptedModelError(
            f"{where} has schema_version {version!r}; this glassbox reads {', '.join(READABLE_TRACE_VERSIONS)}: "
            "write it again with this version's `glassbox trace -o`"
        )
    try:
        if version == "1.0":
            doc = _migrate_v1_trace(doc)
        return TraceSummary.model_validate(doc)
    except (ValueError, ValidationError) as exc:  # a bad 1.0 label raises ValueError before validation
        raise CorruptedModelError(f"{where} is not a valid schema {version} trace: {exc}") from None


CORE_MODELS: list[type[BaseModel]] = [
    TensorPayload,
    TokenInfo,
    ModelInfo,
    TopToken,
    LogitLensCell,
    LogitLens,
    TraceSummary,
    SamplingSettings,
    GenerationStep,
    Generation,
]
