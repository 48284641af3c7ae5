"""The server's cache of full traces: the activations stay here, the browser asks for slices.

A detailed view opens one head, then another, then the MLP of some layer — each a new request for the same
text. Tracing once and keeping the whole cache for the most recent texts makes those requests cost only the
slicing. Keyed by model id and the exact token ids; least recently used entries are dropped.

The budget is in bytes, not entries: one 512-token trace of a 1B-parameter model holds about 5 GB, a trace of
the embedded tiny model a few MB, so a count would either exhaust memory or keep almost nothing. Sizes are
re-measured at every insertion because a trace grows after it is cached (derived tensors computed on access).
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from glassbox.tracing import Trace, trace

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel

log = logging.getLogger(__name__)

# 2 GiB: several full 512-token traces of a ~100M model, or a few short ones of a 1B model, while leaving the
# model weights and the request temporaries room on a 16 GB laptop. Servers with more memory raise it.
DEFAULT_TRACE_CACHE_MB = 2048


class TraceCache:
    """Full traces within ``max_bytes`` (and at most ``size`` entries, when given), least recently used dropped
    first. A trace larger than the whole budget is returned but not kept. Thread-safe."""

    def __init__(self, size: int | None = None, max_bytes: int = DEFAULT_TRACE_CACHE_MB * 2**20) -> None:
        if max_bytes < 0:
            raise ValueError("max_bytes must be >= 0")
        self._size = size
        self.max_bytes = max_bytes
        self._traces: OrderedDict[tuple[str, tuple[int, ...]], Trace] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._traces)

    @property
    def nbytes(self) -> int:
        """Bytes the cached traces hold now (measured, so it includes tensors derived since caching)."""
        with self._lock:
            return sum(t.nbytes for t in self._traces.values())

    def stats(self) -> dict[str, int]:
        """Entries, bytes, budget and hit counts, for /api/health."""
        with self._lock:
            used = sum(t.nbytes for t in self._traces.values())
            return {
                "entries": len(self._traces),
                "bytes": used,
                "max_bytes": self.max_bytes,
                "hits": self.hits,
                "misses": self.misses,
            }

    def get(self, model_id: str, model: LoadedModel, ids: list[int]) -> Trace:
        """The trace of ``ids`` on ``model``, run now unless a cached one exists. Call it holding
        ``model.lock`` (the forward pass and the tokenizer are not shared safely between threads)."""
        key = (model_id, tuple(ids))
        with self._lock:
            cached = self._traces.get(key)
            if cached is not None:
                self._traces.move_to_end(key)
                self.hits += 1
                return cached
        result = trace(model, token_ids=ids)
        size = result.nbytes
        with self._lock:
            self.misses += 1
            if size > self.max_bytes:
                log.info(
                    "trace of %d tokens is %d bytes, over the %d-byte trace cache: used once, not kept",
                    len(ids),
                    size,
                    self.max_bytes,
                )
                return result
            self._traces[key] = result
            self._traces.move_to_end(key)
            self._evict()
        return result

    def _evict(self) -> None:
        """Drop least recently used entries until within the budget; the newest entry fits by construction."""
        sizes = {k: t.nbytes for k, t in self._traces.items()}
        used = sum(sizes.values())
        while len(self._traces) > 1 and (
            used > self.max_bytes or (self._size is not None and len(self._traces) > self._size)
        ):
            key, _ = self._traces.popitem(last=False)
            used -= sizes[key]
