"""Pydantic models of every payload glassbox hands to the outside (JSON files, HTTP, the browser).

These models are the contract between Python and the browser: the committed JSON Schema
(``schema/glassbox.schema.json``) is generated from them and the TypeScript types from that schema.
Keys are snake_case; every top-level payload carries ``schema_version`` and a ``kind`` literal.
"""

from __future__ import annotations

import base64
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TensorPayload(_Strict):
    """A tensor travelling compactly: little-endian bytes, base64-encoded, with named dimensions."""

    dtype: Literal["float32", "float16"]
    shape: list[int]
    dims: list[str] = Field(description="one name per axis, e.g. ['head', 'query_pos', 'key_pos']")
    data: str = Field(description="base64 of the little-endian bytes in C order")

    def to_numpy(self) -> np.ndarray:
        """Decode the payload back into a numpy array of its dtype and shape."""
        raw = base64.b64decode(self.data)
        return np.frombuffer(raw, dtype=np.dtype(self.dtype).newbyteorder("<")).reshape(self.shape)


class TokenInfo(_Strict):
    """One token as a person should see it."""

    id: int
    text: str = Field(description="readable text; an incomplete UTF-8 piece is shown as its bytes, e.g. '<e4 b8>'")
    bytes_hex: str = Field(description="the raw bytes the token stands for, as hex")
    is_special: bool = False
    partial_utf8: bool = Field(False, description="the bytes are not a complete UTF-8 sequence on their own")


class ModelInfo(_Strict):
    """The shape of a model: what the model card and the diagram show."""

    name: str
    architecture: str = Field(description="the transformers class, e.g. GPT2LMHeadModel")
    family: Literal["gpt2", "llama", "cohere"]
    model_type: str = Field(description="config.model_type, e.g. gpt2, llama, qwen3, olmo2, olmo3, mistral")
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
    activation: str
    gated_mlp: bool
    parallel_block: bool = Field(description="attention and MLP read the same norm and add in parallel (Cohere)")
    qk_norm: bool
    post_norm: bool = Field(description="norms applied to each sublayer's output before adding (OLMo 2/3)")
    n_params: int
    dtype: str
    device: str


class TopToken(_Strict):
    token: TokenInfo
    prob: float
    logit: float | None = None


class LogitLensCell(_Strict):
    layer: int = Field(description="the residual after block `layer` (0 = after the embeddings)")
    pos: int
    top: list[TopToken]


class LogitLens(_Strict):
    schema_version: str = SCHEMA_VERSION
    kind: Literal["logit_lens"] = "logit_lens"
    layers: list[str] = Field(description="label per row: 'embed', 'block 0', …")
    positions: list[int]
    cells: list[LogitLensCell]


class TraceSummary(_Strict):
    """What `glassbox trace -o` writes: the tokens, the model, the next-token prediction and the logit lens."""

    schema_version: str = SCHEMA_VERSION
    kind: Literal["trace"] = "trace"
    model: ModelInfo
    prompt: str | None
    tokens: list[TokenInfo]
    captured: list[str] = Field(description="canonical names of the activations kept on the server")
    next_token: list[TopToken] = Field(description="top predictions for the token after the last position")
    logit_lens: LogitLens
    last_logits: TensorPayload = Field(description="full-vocabulary logits at the last position [d_vocab]")


class SamplingSettings(_Strict):
    """How to pick the next token. Every filter is over the full vocabulary."""

    temperature: float = Field(1.0, ge=0.0, description="0 = greedy")
    top_k: int = Field(0, ge=0, description="0 = off")
    top_p: float = Field(1.0, gt=0.0, le=1.0, description="1 = off")
    min_p: float = Field(0.0, ge=0.0, le=1.0, description="0 = off")
    seed: int = Field(0, ge=0, lt=2**32)


class GenerationStep(_Strict):
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


class Generation(_Strict):
    schema_version: str = SCHEMA_VERSION
    kind: Literal["generation"] = "generation"
    model: str
    prompt: str
    prompt_tokens: list[TokenInfo]
    settings: SamplingSettings
    steps: list[GenerationStep]
    stop_reason: Literal["max_new_tokens", "eos", "context"]

    @property
    def text(self) -> str:
        """The generated continuation as text (bytes joined, then decoded once)."""
        raw = b"".join(bytes.fromhex(s.token.bytes_hex) for s in self.steps)
        return raw.decode("utf-8", errors="replace")


def tensor_payload(t: object, dims: list[str], dtype: Literal["float32", "float16"] = "float32") -> TensorPayload:
    """Pack a torch tensor or numpy array as a :class:`TensorPayload`."""
    arr = t.detach().cpu().float().numpy() if hasattr(t, "detach") else np.asarray(t)
    arr = np.ascontiguousarray(arr.astype(np.dtype(dtype).newbyteorder("<")))
    if arr.ndim != len(dims):
        raise ValueError(f"{len(dims)} dims {dims} for a tensor of shape {list(arr.shape)}")
    return TensorPayload(
        dtype=dtype, shape=list(arr.shape), dims=dims, data=base64.b64encode(arr.tobytes()).decode("ascii")
    )


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
