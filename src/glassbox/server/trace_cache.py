"""The server's cache of full traces: the activations stay here, the browser asks for slices.

A detailed view opens one head, then another, then the MLP of some layer — each a new request for the same
text. Tracing once and keeping the whole cache for the few most recent texts makes those requests cost only
the slicing. Keyed by model id and the exact token ids; least recently used entries are dropped.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from glassbox.tracing import Trace, trace

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel


class TraceCache:
    """At most ``size`` full traces, least recently used dropped first. Thread-safe."""

    def __init__(self, size: int = 4) -> None:
        self._size = size
        self._traces: OrderedDict[tuple[str, tuple[int, ...]], Trace] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._traces)

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
        with self._lock:
            self.misses += 1
            self._traces[key] = result
            self._traces.move_to_end(key)
            while len(self._traces) > self._size:
                self._traces.popitem(last=False)
        return result
