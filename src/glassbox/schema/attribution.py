"""Wire shapes of direct logit attribution (computed by :mod:`glassbox.analysis.dla`).

A contribution says *where* it comes from as structure (``kind``, ``layer``, ``head``), never as a label to
parse; :attr:`Contribution.label` is a Python-side convenience for printing and is not serialised.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from glassbox.schema.base import Payload, Strict
from glassbox.schema.models import TokenInfo

ComponentKind = Literal["embed", "pos_embed", "head", "attn_bias", "mlp", "norm_bias", "ple"]
"""What writes into the final residual: the embeddings, one attention head, a layer's attention output bias (or,
for post-norm blocks, its normed share), a layer's MLP, the final norm's bias, or (``ple``) what a Gemma 4 layer's
gated per-layer input adds."""


class Contribution(Strict):
    """One component's direct contribution to the target's logit (``layer``/``head`` where they apply)."""

    kind: ComponentKind
    layer: int | None = None
    head: int | None = None
    value: float

    @property
    def label(self) -> str:
        """A short human label for printing (``"L3H2"``, ``"L3 MLP"``); the browser renders its own from structure."""
        if self.kind == "head":
            return f"L{self.layer}H{self.head}"
        if self.kind == "attn_bias":
            return f"L{self.layer} attn bias"
        if self.kind == "mlp":
            return f"L{self.layer} MLP"
        if self.kind == "norm_bias":
            return "ln_final bias"
        if self.kind == "ple":
            return f"L{self.layer} per-layer input"
        return self.kind

    def __str__(self) -> str:
        return f"{self.label}: {self.value:+.4f}"


class DirectLogitAttribution(Payload):
    """Every component's direct contribution to one token's logit at one position; they sum to ``logit``."""

    kind: Literal["direct_logit_attribution"] = "direct_logit_attribution"
    target: TokenInfo
    pos: int
    logit: float  # the model's actual logit for the target at this position
    total: float  # Σ contributions (equals `logit` up to rounding; with a soft-cap, the logit before it)
    contributions: list[Contribution]
    softcap: float | None = Field(
        None,
        description="the model's final logit soft-cap c (Gemma), null if none: then the contributions sum to the "
        "logit before the cap, and logit = c·tanh(total / c)",
    )

    def top(self, k: int = 10) -> list[Contribution]:
        """The ``k`` contributions of largest magnitude, largest first."""
        return sorted(self.contributions, key=lambda c: abs(c.value), reverse=True)[:k]


ATTRIBUTION_MODELS: list[type[BaseModel]] = [Contribution, DirectLogitAttribution]
