"""Exact sampling over the full vocabulary, with every intermediate kept so a UI can draw the pipeline.

The pipeline (the browser's ``web/src/lib/sampling`` is a line-by-line port, tested for parity):

1. ``scaled = logits / T`` (float64; NaN counts as −∞, +∞ as the largest float32). ``T <``
   :data:`GREEDY_BELOW` (1e-4) means greedy, as ``T = 0`` does: the argmax (lowest id on ties) is chosen,
   ``probs = softmax(logits)`` is shown for reference and ``final_probs`` is one-hot. (Below 1e-4 the
   division can overflow float64 — ``1 / 1e-308`` — and the distribution is one-hot to print precision
   anyway.)
2. ``probs = softmax(scaled)``, computed as ``exp(scaled - max)`` so T = 1e-4 cannot overflow and T = 100
   cannot underflow to NaN.
3. top-k (0 = off): keep tokens whose probability is ≥ the k-th largest (ties at the boundary are kept).
4. top-p (1 = off): renormalise the survivors, sort by probability (descending, ties by ascending id) and keep
   the shortest prefix whose cumulative probability reaches ``top_p``.
5. min-p (0 = off): renormalise the survivors and keep those with ``p ≥ min_p · max p``.
6. ``final_probs = probs · keep / Σ``; draw ``u = uniform(seed, step)`` and pick the first id, in ascending id
   order, at which the running sum of ``final_probs`` exceeds ``u`` (the last kept id if rounding runs out).

Some token always survives, by construction: the most probable token (lowest id on ties) is kept by every
filter, and the draw can only land on a kept token. With ``T ≥ 1e-4`` and logits clamped to float32's range,
``scaled`` is finite, so no probability is NaN.

``uniform`` is a 32-bit integer hash (murmur3's finaliser) of ``seed`` and ``step``, so the same seed gives
the same tokens in Python and in the browser, and a step can be replayed without replaying the ones before.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from pydantic import ValidationError

from glassbox.errors import InvalidInputError
from glassbox.schema.models import SamplingSettings

_MASK32 = 0xFFFFFFFF

GREEDY_BELOW = 1e-4
"""Temperatures below this are greedy (exactly like ``T = 0``); the browser's ``GREEDY_BELOW`` is the same."""

_LARGEST_LOGIT = float(np.finfo(np.float32).max)  # +∞ logits scale as this, so logits / T stays finite


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
        s = SamplingSettings.model_validate(kwargs)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise InvalidInputError(f"invalid sampling settings ({problems})") from None
    check_finite(s)
    return s


def check_finite(s: SamplingSettings) -> None:
    """Refuse ``inf``/``NaN`` in any setting (Python's json reads ``Infinity`` and ``NaN``): InvalidInputError."""
    bad = [f"{name}: {value}" for name, value in s.model_dump().items() if not math.isfinite(value)]
    if bad:
        raise InvalidInputError(f"invalid sampling settings ({'; '.join(bad)}: must be a finite number)")


@dataclass(frozen=True)
class SamplingResult:
    """Every stage of one sampling step, over the full vocabulary ([d_vocab] numpy arrays each)."""

    logits: NDArray[np.float64]
    scaled_logits: NDArray[np.float64]  # logits / T (logits when greedy)
    probs: NDArray[np.float64]  # softmax(scaled_logits)
    keep_top_k: NDArray[np.bool_]  # survivors after top-k
    keep_top_p: NDArray[np.bool_]  # survivors after top-k and top-p
    keep_min_p: NDArray[np.bool_]  # survivors after all filters
    final_probs: NDArray[np.float64]  # renormalised over the survivors
    token_id: int
    u: float | None  # the uniform draw (None when greedy)
    greedy: bool


# numpy, not torch: these are single [d_vocab] vectors, too small to gain from torch's thread pool, and on a
# busy machine that pool's hand-offs made one step ~100x slower (measured: 300 ms vs 1.7 ms for 50k tokens).


def _softmax(x: NDArray[np.float64]) -> NDArray[np.float64]:
    z = np.exp(x - x.max())
    out: NDArray[np.float64] = z / z.sum()
    return out


def _renorm(probs: NDArray[np.float64], keep: NDArray[np.bool_]) -> NDArray[np.float64]:
    p = np.where(keep, probs, 0.0)
    out: NDArray[np.float64] = p / p.sum()
    return out


def _descending(p: NDArray[np.float64]) -> NDArray[np.intp]:
    """Ids by probability, descending, ties by ascending id."""
    return np.argsort(-p, kind="stable")


def top_k_mask(probs: NDArray[np.float64], k: int) -> NDArray[np.bool_]:
    if k <= 0 or k >= probs.size:
        return np.ones(probs.shape, dtype=bool)
    kth = np.partition(probs, probs.size - k)[probs.size - k]
    out: NDArray[np.bool_] = probs >= kth
    out[int(np.argmax(probs))] = True  # the top token survives every filter, whatever rounding does
    return out


def top_p_mask(probs: NDArray[np.float64], keep: NDArray[np.bool_], top_p: float) -> NDArray[np.bool_]:
    if top_p >= 1.0:
        return keep.copy()
    p = _renorm(probs, keep)
    order = _descending(p)
    cum = np.cumsum(p[order])
    # the shortest prefix reaching top_p: include every token whose preceding mass is still < top_p
    before = cum - p[order]
    n_keep = max(1, int((before < top_p).sum()))
    out = np.zeros(keep.shape, dtype=bool)
    out[order[:n_keep]] = True
    out[order[0]] = True  # the most probable survivor always stays
    result: NDArray[np.bool_] = out & keep
    return result


def min_p_mask(probs: NDArray[np.float64], keep: NDArray[np.bool_], min_p: float) -> NDArray[np.bool_]:
    if min_p <= 0.0:
        return keep.copy()
    p = _renorm(probs, keep)
    out: NDArray[np.bool_] = keep & (p >= min_p * p.max())
    out[int(np.argmax(p))] = True  # the most probable survivor always stays (min_p = 1 keeps the maxima)
    return out


def draw(final_probs: NDArray[np.float64], u: float, keep: NDArray[np.bool_] | None = None) -> int:
    """First id (ascending) where the running sum exceeds ``u``; never falls off the end: if rounding runs out,
    the last kept id with a non-zero probability (the last kept id if none has one)."""
    cum = np.cumsum(final_probs)
    hits = np.flatnonzero(cum > u)
    if hits.size:
        return int(hits[0])
    kept = np.ones(final_probs.shape, dtype=bool) if keep is None else keep
    positive = np.flatnonzero(kept & (final_probs > 0))
    return int(positive[-1] if positive.size else np.flatnonzero(kept)[-1])


def sampling_pipeline(logits: object, s: SamplingSettings, step: int = 0) -> SamplingResult:
    """Run the whole pipeline on one position's logits [d_vocab] (a torch tensor or a numpy array)."""
    if hasattr(logits, "detach"):
        x = logits.detach().to("cpu").double().numpy()
    else:
        x = np.asarray(logits, dtype=np.float64)
    if x.ndim != 1:
        raise InvalidInputError(f"expected one position's logits [d_vocab], got shape {list(x.shape)}")
    check_finite(s)
    if not np.isfinite(x).any():
        raise InvalidInputError("the logits are all non-finite: the model produced no usable prediction")
    x = np.where(np.isnan(x), -np.inf, x)
    finite_top = np.minimum(x, _LARGEST_LOGIT)
    if s.temperature < GREEDY_BELOW:
        probs = _softmax(finite_top)
        token = int(np.argmax(x))  # the first maximal index
        final = np.zeros_like(probs)
        final[token] = 1.0
        ones = np.ones(x.shape, dtype=bool)
        return SamplingResult(x, x, probs, ones, ones, ones, final, token, None, True)
    scaled = finite_top / s.temperature  # finite: |x| ≤ float32 max and T ≥ 1e-4
    probs = _softmax(scaled)
    keep_k = top_k_mask(probs, s.top_k)
    keep_p = top_p_mask(probs, keep_k, s.top_p)
    keep_m = min_p_mask(probs, keep_p, s.min_p)
    final = _renorm(probs, keep_m)
    u = uniform(s.seed, step)
    return SamplingResult(x, scaled, probs, keep_k, keep_p, keep_m, final, draw(final, u, keep_m), u, False)


def entropy(p: NDArray[np.float64]) -> float:
    """Entropy in nats (0 · log 0 = 0)."""
    nz = p[p > 0]
    return float(-(nz * np.log(nz)).sum())


def top_ids(p: NDArray[np.float64], n: int) -> NDArray[np.intp]:
    """Ids of the ``n`` largest entries, descending (ties by ascending id)."""
    n = min(n, p.size)
    part = np.argpartition(-p, n - 1)[:n] if n < p.size else np.arange(p.size)
    return part[np.lexsort((part, -p[part]))]
