"""Exact sampling over the full vocabulary, with every intermediate kept so a UI can draw the pipeline.

The pipeline (the browser's ``web/src/lib/sampling`` is a line-by-line port, tested for parity):

1. ``scaled = logits / T`` (float64). ``T = 0`` means greedy: the argmax (lowest id on ties) is chosen,
   ``probs = softmax(logits)`` is shown for reference and ``final_probs`` is one-hot.
2. ``probs = softmax(scaled)``, computed as ``exp(scaled - max)`` so T = 1e-4 cannot overflow and T = 100
   cannot underflow to NaN.
3. top-k (0 = off): keep tokens whose probability is ≥ the k-th largest (ties at the boundary are kept).
4. top-p (1 = off): renormalise the survivors, sort by probability (descending, ties by ascending id) and keep
   the shortest prefix whose cumulative probability reaches ``top_p``.
5. min-p (0 = off): renormalise the survivors and keep those with ``p ≥ min_p · max p``.
6. ``final_probs = probs · keep / Σ``; draw ``u = uniform(seed, step)`` and pick the first id, in ascending id
   order, at which the running sum of ``final_probs`` exceeds ``u``.

``uniform`` is a 32-bit integer hash (murmur3's finaliser) of ``seed`` and ``step``, so the same seed gives
the same tokens in Python and in the browser, and a step can be replayed without replaying the ones before.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from pydantic import ValidationError

from glassbox.errors import InvalidInputError
from glassbox.schema.models import SamplingSettings

_MASK32 = 0xFFFFFFFF


def uniform(seed: int, step: int) -> float:
    """A uniform number in [0, 1) from (seed, step); the same function as the browser's."""
    h = (seed + 0x9E3779B9 * (step + 1)) & _MASK32
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & _MASK32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & _MASK32
    h ^= h >> 16
    return h / 2**32


def settings(**kwargs: object) -> SamplingSettings:
    """Validated :class:`SamplingSettings`; bad values raise :class:`InvalidInputError` that says which."""
    try:
        return SamplingSettings.model_validate(kwargs)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise InvalidInputError(f"invalid sampling settings ({problems})") from None


@dataclass(frozen=True)
class SamplingResult:
    """Every stage of one sampling step, over the full vocabulary ([d_vocab] each)."""

    logits: torch.Tensor  # float64
    scaled_logits: torch.Tensor  # float64, logits / T (logits when greedy)
    probs: torch.Tensor  # float64, softmax(scaled_logits)
    keep_top_k: torch.Tensor  # bool, survivors after top-k
    keep_top_p: torch.Tensor  # bool, survivors after top-k and top-p
    keep_min_p: torch.Tensor  # bool, survivors after all filters
    final_probs: torch.Tensor  # float64, renormalised over the survivors
    token_id: int
    u: float | None  # the uniform draw (None when greedy)
    greedy: bool


def _softmax(x: torch.Tensor) -> torch.Tensor:
    z = torch.exp(x - x.max())
    return z / z.sum()


def _renorm(probs: torch.Tensor, keep: torch.Tensor) -> torch.Tensor:
    p = torch.where(keep, probs, torch.zeros_like(probs))
    return p / p.sum()


def top_k_mask(probs: torch.Tensor, k: int) -> torch.Tensor:
    if k <= 0 or k >= probs.numel():
        return torch.ones_like(probs, dtype=torch.bool)
    kth = torch.topk(probs, k).values[-1]
    return probs >= kth


def top_p_mask(probs: torch.Tensor, keep: torch.Tensor, top_p: float) -> torch.Tensor:
    if top_p >= 1.0:
        return keep.clone()
    p = _renorm(probs, keep)
    ids = torch.arange(p.numel(), device=p.device)
    # stable sort by id first, then by probability descending: ties end up in ascending id order
    order = ids[torch.sort(-p, stable=True).indices]
    cum = torch.cumsum(p[order], dim=0)
    # the shortest prefix reaching top_p: include every token whose preceding mass is still < top_p
    before = cum - p[order]
    n_keep = max(1, int((before < top_p).sum().item()))
    out = torch.zeros_like(keep)
    out[order[:n_keep]] = True
    return out & keep


def min_p_mask(probs: torch.Tensor, keep: torch.Tensor, min_p: float) -> torch.Tensor:
    if min_p <= 0.0:
        return keep.clone()
    p = _renorm(probs, keep)
    return keep & (p >= min_p * p.max())


def draw(final_probs: torch.Tensor, u: float) -> int:
    """First id (ascending) where the running sum exceeds ``u``; the last non-zero id if rounding runs out."""
    cum = torch.cumsum(final_probs, dim=0)
    hits = torch.nonzero(cum > u)
    if hits.numel():
        return int(hits[0].item())
    return int(torch.nonzero(final_probs > 0)[-1].item())


def sampling_pipeline(logits: torch.Tensor, s: SamplingSettings, step: int = 0) -> SamplingResult:
    """Run the whole pipeline on one position's logits [d_vocab]. See the module docstring."""
    if logits.ndim != 1:
        raise InvalidInputError(f"expected one position's logits [d_vocab], got shape {list(logits.shape)}")
    x = logits.detach().to("cpu", torch.float64)
    if not torch.isfinite(x).any():
        raise InvalidInputError("the logits are all non-finite: the model produced no usable prediction")
    x = torch.nan_to_num(x, nan=float("-inf"))
    if s.temperature == 0.0:
        probs = _softmax(x)
        token = int(torch.argmax(x).item())  # torch.argmax returns the first maximal index
        final = torch.zeros_like(probs)
        final[token] = 1.0
        ones = torch.ones_like(probs, dtype=torch.bool)
        return SamplingResult(x, x, probs, ones, ones, ones, final, token, None, True)
    scaled = x / s.temperature
    probs = _softmax(scaled)
    keep_k = top_k_mask(probs, s.top_k)
    keep_p = top_p_mask(probs, keep_k, s.top_p)
    keep_m = min_p_mask(probs, keep_p, s.min_p)
    final = _renorm(probs, keep_m)
    u = uniform(s.seed, step)
    return SamplingResult(x, scaled, probs, keep_k, keep_p, keep_m, final, draw(final, u), u, False)


def entropy(p: torch.Tensor) -> float:
    """Entropy in nats (0 · log 0 = 0)."""
    nz = p[p > 0]
    return float(-(nz * nz.log()).sum().item())
