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


class Calibration(Strict):
    """Is the model as sure as it is right? Over every predicted token of some text."""

    tokens: int = Field(ge=0, description="predicted tokens measured")
    mean_top1_prob: float = Field(description="mean probability of the model's top-1 token")
    top1_accuracy: float = Field(description="share of tokens where the top-1 token was the actual next token")


class CopyLoss(Strict):
    """Loss on a random token sequence's first copy and on its repetition (each copy's first token excluded)."""

    first_copy_loss: float
    second_copy_loss: float
    ratio: float = Field(description="second ÷ first: 1 = no copying, near 0 = perfect copying")


class HeadAblation(Strict):
    """The copying measure with one attention head's output zeroed."""

    layer: int = Field(ge=0)
    head: int = Field(ge=0)
    second_copy_loss: float = Field(description="loss on the repeated copy with this head ablated")
    ratio: float = Field(description="second ÷ first copy loss with this head ablated")


class TopToken(Strict):
    """One of the top next tokens (readable text, as everywhere in glassbox)."""

    token: str
    prob: float = Field(ge=0, le=1)


class SensibleGuess(Strict):
    """The top-5 next tokens after one of the "sensible guess" prompts."""

    language: str
    index: int = Field(ge=0, description="the prompt's index in the 30-prompt set (same meaning in every language)")
    prompt: str
    top: list[TopToken]


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
    # glassbox-tiny v2's measures; None in reports written before them.
    heldout_loss: dict[str, float] | None = Field(
        default=None, description="per language: loss (nats/token) on everyday text in held-out phrasings"
    )
    general_loss: dict[str, float] | None = Field(
        default=None, description="per language: loss (nats/token) on hand-written sentences outside the templates"
    )
    calibration: dict[str, Calibration] | None = Field(
        default=None, description="per language and 'all': confidence vs accuracy on the hand-written sentences"
    )
    induction_tokens: CopyLoss | None = Field(
        default=None, description="20 random token ids repeated once: loss on the 2nd copy vs the 1st"
    )
    induction_heads: list[HeadAblation] | None = Field(
        default=None, description="every head's ablation effect on the repeated copy's loss, largest first"
    )
    sensible: list[SensibleGuess] | None = Field(default=None, description="top-5 after each 'sensible guess' prompt")


EVALUATION_MODELS: list[type[BaseModel]] = [
    Accuracy,
    Calibration,
    CopyLoss,
    HeadAblation,
    TopToken,
    SensibleGuess,
    EvalReport,
]
