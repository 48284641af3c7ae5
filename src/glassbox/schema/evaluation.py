"""The evaluation report of a glassbox-trained model: what ``glassbox eval`` prints and ``glassbox.json`` stores.

The measures themselves (and the held-out data they run on) are defined in :mod:`glassbox.training.evaluate`;
this module only fixes their shape. Keys of the ``dict`` fields are language codes (``en``, ``fr`` …) unless
a field says otherwise.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from glassbox.schema.base import Strict


class Accuracy(Strict):
    """How many of ``total`` completions the model got exactly right (greedy, every answer token)."""

    correct: int = Field(ge=0)
    total: int = Field(ge=0)

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0


class EvalReport(Strict):
    """Every held-out measure of one model."""

    facts: dict[str, Accuracy] = Field(description="per language: facts through the framed held-out phrasing")
    facts_paraphrase: dict[str, Accuracy] = Field(description="per language: through the held-out paraphrase")
    facts_by_relation: dict[str, Accuracy] = Field(description="per relation (capital, city_country, …)")
    two_hop_heldout: dict[str, Accuracy] = Field(description="per language: held-out city → country → capital")
    two_hop_trained: Accuracy = Field(description="the compositions that were trained, for reference")
    ioi: dict[str, Accuracy] = Field(description="per language: indirect-object identification, fresh names")
    induction_ratio: float = Field(description="loss on a sequence's 2nd copy ÷ loss on its 1st (lower = better)")
    induction_ratio_by_language: dict[str, float]
    tokens_per_char: dict[str, float] = Field(description="per language: tokens per character of held-out text")


EVALUATION_MODELS: list[type[BaseModel]] = [Accuracy, EvalReport]
