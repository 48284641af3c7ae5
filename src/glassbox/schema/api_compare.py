"""Payloads of models side by side: one prompt through two or more served models (``POST /api/compare``).

Each model tokenizes the prompt its own way and predicts over its own vocabulary, so the sides are compared where
they can honestly meet: a next token is matched across models by the *bytes* it stands for (a token with the same
bytes in two vocabularies is the same next text), and each model's logit lens is drawn against its relative depth
(row ÷ layers), since the models may have different numbers of layers.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from glassbox.schema.base import Payload, Request, Site, Strict
from glassbox.schema.models import ModelInfo, TokenInfo, TopToken


class ModelCompareRequest(Request):
    models: list[str] = Field(min_length=2, max_length=4, description="ids of served models, in the order shown")
    prompt: str = Field(max_length=100_000)
    top_k: int = Field(10, ge=1, le=50, description="how many of each model's next tokens to list")


class CompareLensRow(Strict):
    """One row of a model's logit lens at the prompt's last position."""

    site: Site = Field(description="{part: 'embed'} for row 0, then {layer: l, part: 'block'}: after block l")
    depth: float = Field(ge=0, le=1, description="row ÷ n_layers: 0 after the embeddings, 1 after the last block")
    top: TopToken = Field(description="the row's most likely next token")
    final_prob: float = Field(ge=0, le=1, description="this row's probability of the model's own final top token")
    final_rank: int = Field(ge=1, description="that token's rank in this row (1 = the row's top token)")


class ComparedModel(Strict):
    """One model's side: its tokens, its next-token distribution and its logit lens at the last position."""

    model: str = Field(description="the served model's id")
    info: ModelInfo
    tokens: list[TokenInfo] = Field(description="the prompt as this model's tokenizer splits it")
    top: list[TopToken] = Field(description="the top-k next tokens over the full vocabulary")
    entropy: float = Field(description="entropy of the full next-token distribution, in nats")
    lens: list[CompareLensRow] = Field(description="n_layers + 1 rows; the last is the model's own output")


class SharedNext(Strict):
    """A next token listed by at least one model, matched across models by its bytes."""

    text: str = Field(description="readable text of the bytes (as TokenInfo.text)")
    bytes_hex: str
    is_special: bool = Field(description="a special token (matched only with special tokens of the same text)")
    probs: list[float] = Field(
        description="per model, in the request's order: the probability that the next token is one with exactly "
        "these bytes (summed when several ids share them; 0 when the vocabulary has none)"
    )
    in_vocab: list[bool] = Field(description="per model: whether its vocabulary has a token with these bytes")


class ModelComparison(Payload):
    kind: Literal["model_comparison"] = "model_comparison"
    models: list[ComparedModel] = Field(description="one per requested model, in the request's order")
    same_tokenizer: bool = Field(description="every model maps every id to the same bytes (one shared vocabulary)")
    next: list[SharedNext] = Field(description="the union of the models' top-k next tokens, most likely first")
    total_variation: list[list[float]] = Field(
        description="[model, model]: total variation distance between two models' full next-token distributions, "
        "over next-token bytes (0 = the same distribution, 1 = no overlap)"
    )


API_COMPARE_MODELS: list[type[BaseModel]] = [
    ModelCompareRequest,
    CompareLensRow,
    ComparedModel,
    SharedNext,
    ModelComparison,
]
