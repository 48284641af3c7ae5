"""Temperature calibration: one scalar fitted on held-out hand-written text and folded into the final weights.

A small model trained on generated text is over-confident on text unlike its corpus (glassbox-tiny v2 before
calibration: mean top-1 probability 0.42 where the top-1 token is right 19 % of the time, on hand-written
sentences). Temperature scaling divides every logit by one number T > 1; it changes no arg-max (greedy answers,
facts and accuracies stay exactly as they were) and only how sure the model says it is.

* **Fitted, not chosen.** T minimises the mean next-token loss on ``CALIBRATION_SENTENCES`` — hand-written
  sentences in each language that no generator produces, never trained on, and *not* the evaluation's
  ``GENERAL_SENTENCES`` (the calibration that ``glassbox eval`` reports is measured on those). The loss is convex
  in 1/T, so a ternary search finds the minimum.
* **Exact.** Dividing the logits by T equals dividing the final norm's weight (and bias) by T, because the
  unembedding is linear and has no bias (the norm is the one the model's adapter names, as for every view): the
  model stays a plain Hugging Face model, and every view — the logit lens included — reads the calibrated numbers.
  Families whose norm multiplies by ``1 + w`` (Gemma, Qwen3.5) or whose logits are soft-capped are refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import torch

from glassbox.errors import TrainingError
from glassbox.models.adapters import adapter_for
from glassbox.training.corpus import Document
from glassbox.training.evaluate import context_of

#: The search interval of 1/T: T from 0.25 to 4.
_BETA_RANGE = (0.25, 4.0)


@torch.no_grad()
def next_token_logits(model: Any, tokenizer: Any, docs: Sequence[Document]) -> tuple[torch.Tensor, torch.Tensor]:
    """Every next-token prediction in ``docs``, each read on its own: float32 logits ``[n, vocab]``, targets ``[n]``."""
    was_training = model.training
    model.eval()
    device = next(model.parameters()).device
    limit = context_of(model)
    logits, targets = [], []
    for d in docs:
        ids = tokenizer(d.text)["input_ids"][:limit]  # as the evaluation reads them: a text past the context is cut
        if len(ids) < 2:
            continue
        x = torch.tensor([ids], device=device)  # [1, pos]
        logits.append(model(input_ids=x).logits[0, :-1].float().cpu())
        targets.append(x[0, 1:].cpu())
    model.train(was_training)
    if not logits:
        raise TrainingError("no calibration text: every sentence is shorter than two tokens")
    return torch.cat(logits), torch.cat(targets)


def mean_loss(logits: torch.Tensor, targets: torch.Tensor, temperature: float) -> float:
    """Mean cross-entropy (nats) of ``logits / temperature`` against ``targets``."""
    return float(torch.nn.functional.cross_entropy(logits / temperature, targets))


def fit_temperature(logits: torch.Tensor, targets: torch.Tensor, iterations: int = 50) -> float:
    """The T in [0.25, 4] that minimises :func:`mean_loss`, to 4 decimals.

    With β = 1/T the loss is mean(logsumexp(β·z) − β·z_target): a convex function of β, so ternary search on β
    converges to the minimum (the interval shrinks by 1/3 per step).
    """
    lo, hi = _BETA_RANGE
    for _ in range(iterations):
        a, b = lo + (hi - lo) / 3, hi - (hi - lo) / 3
        if mean_loss(logits, targets, 1 / a) <= mean_loss(logits, targets, 1 / b):
            hi = b
        else:
            lo = a
    return round(2 / (lo + hi), 4)


def _final_norm_params(model: Any) -> list[torch.Tensor]:
    """The final norm's weight (and bias) as the model's own parameters, read through its adapter's ``ln_final``.

    Refused where dividing them by T would not divide the logits by T: no affine final norm, a weight the norm
    offsets (Gemma's ``1 + w``), a soft-capped output or an unembedding with a bias.
    """
    adapter = adapter_for(model)
    spec = adapter.ln_final()
    own = {id(p) for p in model.parameters()}
    params = [t for t in (spec.weight, spec.bias) if t is not None]
    head = model.get_output_embeddings()
    if (
        spec.kind == "identity"
        or spec.weight is None
        or any(id(t) not in own for t in params)
        or adapter.final_softcap is not None
        or head is None
        or getattr(head, "bias", None) is not None
    ):
        raise TrainingError(
            f"a temperature cannot be folded into a {model.config.model_type!r} model: it needs a final norm whose "
            "weight the logits are linear in, and a linear unembedding without a bias or soft-cap"
        )
    return params


@torch.no_grad()
def fold_temperature(model: Any, temperature: float) -> None:
    """Divide the model's logits by ``temperature`` for good: the final norm's weight (and bias) ÷ T, in place."""
    if not temperature > 0:
        raise TrainingError(f"a temperature must be positive, not {temperature}")
    for param in _final_norm_params(model):
        param.div_(temperature)
