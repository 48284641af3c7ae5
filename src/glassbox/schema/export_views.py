"""The static export's Why and Circuits files (``glassbox export``, issue 19 item 1): what those views show for
one exported prompt, computed ahead of time, since a static page has no model to ask.

- :class:`WhyExport` (``data/<key>-why.js``): the Why view's answers for the prompt's default forms and the
  choices a reader can make in them without typing — every attribution method at its default options, for each of
  the top next tokens as the target (no foil); the attribution across a generation, for every method, of the
  default greedy continuation and of the exported generation; the logprobs of the prompt's own text. Each is the
  payload the server's route answers, so the page shows it through the same components.
- :class:`CircuitsExport` (``data/<key>-circuits.js``): the prompt's attribution graph at its default logit target
  (every salient logit) as ``/api/circuits/jobs/…/graph`` answers it, and the feature card of every feature in it.

What a reader asks beyond these (another option, a foil, a typed token, another text, another logit, an
intervention) is not in the file, and the page says so: it needs ``glassbox serve``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from glassbox.schema.base import Payload, Strict
from glassbox.schema.circuits import CircuitsGraph, CircuitsInfo, FeatureCard
from glassbox.schema.models import TokenInfo
from glassbox.schema.why import AttributionMatrix, AttributionMethod, FloatArray, TextScore


class ExportedAttribution(Strict):
    """One input attribution of the prompt: an :class:`~glassbox.schema.why.Attribution` less the fields every one
    of the file shares (model, tokens, options), which :class:`WhyExport` holds once."""

    method: AttributionMethod
    target: TokenInfo
    scores: FloatArray = Field(description="one score per position of WhyExport.tokens")
    f: float
    f_baseline: float | None = None
    delta: float | None = None


class ExportedMatrix(Strict):
    """One attribution across a generation, with the request it answers."""

    generated_ids: list[int] = Field(description="the continuation asked for; empty: the greedy one")
    max_new_tokens: int = Field(description="the greedy continuation's length (read when generated_ids is empty)")
    matrix: AttributionMatrix


class WhyExport(Payload):
    """The Why view's answers for one exported prompt (see the module docstring)."""

    kind: Literal["why_export"] = "why_export"
    model: str
    prompt: str
    tokens: list[TokenInfo] = Field(description="the prompt's tokens, as every attribution's")
    top_id: int = Field(description="the model's top next token: the target when none is chosen")
    n_steps: int = Field(description="integration steps of every integrated-gradients answer")
    n_samples: int = Field(description="permutations of every Shapley answer")
    seed: int = Field(description="the Shapley permutations' seed")
    attributions: list[ExportedAttribution] = Field(description="every method × each exported target, no foil")
    matrices: list[ExportedMatrix]
    score: TextScore | None = Field(description="the logprobs of the prompt's text (top 5 alternatives)")


class CircuitsExport(Payload):
    """The Circuits view's graph of one exported prompt and its features' cards (see the module docstring)."""

    kind: Literal["circuits_export"] = "circuits_export"
    info: CircuitsInfo
    graph: CircuitsGraph
    cards: list[FeatureCard] = Field(description="the card of every feature node of the graph")


EXPORT_VIEW_MODELS: list[type[BaseModel]] = [ExportedAttribution, ExportedMatrix, WhyExport, CircuitsExport]
