"""``glassbox.compare_models``: one prompt through two or more models, side by side (the Compare view's numbers).

Each model is traced on its own tokens (residual stream only: the lens needs nothing more), then
:mod:`glassbox.analysis.model_compare` sets the sides beside each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from glassbox.analysis.model_compare import combine, side_of
from glassbox.errors import InvalidInputError
from glassbox.schema.api_compare import ModelComparison
from glassbox.tracing import trace

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel


def compare_models(
    models: Sequence[LoadedModel], prompt: str, top_k: int = 10, names: Sequence[str] | None = None
) -> ModelComparison:
    """``prompt`` through every model (each with its own tokenizer): their tokens, next-token distributions and
    logit lenses side by side, next tokens matched by bytes. ``names`` label the models (their ``name`` by
    default). Raises :class:`~glassbox.errors.InvalidInputError` for fewer than two models, and what
    :func:`glassbox.trace` raises for a prompt a model cannot take."""
    if len(models) < 2:
        raise InvalidInputError("a comparison needs at least two models")
    labels = list(names) if names is not None else [m.name for m in models]
    if len(labels) != len(models):
        raise InvalidInputError(f"{len(labels)} names for {len(models)} models")
    sides = [
        side_of(trace(m, prompt, capture="residual"), label, top_k) for m, label in zip(models, labels, strict=True)
    ]
    return combine(sides)
