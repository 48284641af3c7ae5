"""Drop requests that a newer one from the same page has superseded (fast typing must not queue work).

A page sends ``client_id`` and an increasing ``seq`` with each prediction. The server remembers the newest
``seq`` it has *seen* per client; a request that is about to run the model after a newer one arrived is
answered ``409 superseded`` instead (the page has already aborted it and moved on).
"""

from __future__ import annotations

import threading
from collections import OrderedDict


class Sequencer:
    """The newest sequence number seen per client (bounded: the least recently seen clients are forgotten)."""

    def __init__(self, max_clients: int = 4096) -> None:
        self._latest: OrderedDict[str, int] = OrderedDict()
        self._lock = threading.Lock()
        self._max = max_clients
        self.dropped = 0

    def observe(self, client_id: str | None, seq: int | None) -> None:
        if client_id is None or seq is None:
            return
        with self._lock:
            if seq > self._latest.get(client_id, -1):
                self._latest[client_id] = seq
            self._latest.move_to_end(client_id)
            while len(self._latest) > self._max:
                self._latest.popitem(last=False)

    def superseded(self, client_id: str | None, seq: int | None) -> bool:
        """True when a newer request of the same client has arrived; counts the drop."""
        if client_id is None or seq is None:
            return False
        with self._lock:
            stale = seq < self._latest.get(client_id, -1)
            if stale:
                self.dropped += 1
            return stale
