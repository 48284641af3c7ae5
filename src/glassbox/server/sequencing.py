"""Drop requests that a newer one from the same page has superseded (fast typing must not queue work).

A page sends ``client_id`` and an increasing ``seq`` with each prediction. The server numbers requests in the
order they *arrive* (:meth:`Sequencer.observe` hands out that ticket) and remembers, per client, the request
that arrived last. A request that is about to run the model is answered ``409 superseded`` instead when a
request of the same client arrived after it **and** carries a higher ``seq`` (the page has already aborted the
older one and moved on).

Both conditions are needed. Arrival order alone would let a slow, already-aborted request that overtook its
successor on the wire drop the successor; ``seq`` alone would let one request claim ``seq=10**18`` and have
every later request of that ``client_id`` dropped forever. With both, a request can only ever be superseded by
one that came after it, so a huge ``seq`` supersedes nothing that has not already arrived.
"""

from __future__ import annotations

import itertools
import threading
from collections import OrderedDict
from dataclasses import dataclass


@dataclass(frozen=True)
class Ticket:
    """One request as the sequencer saw it: its client, its arrival number and the page's ``seq``."""

    client_id: str
    arrival: int
    seq: int


class Sequencer:
    """The last-arrived request per client (bounded: the least recently seen clients are forgotten)."""

    def __init__(self, max_clients: int = 4096) -> None:
        self._latest: OrderedDict[str, Ticket] = OrderedDict()
        self._arrivals = itertools.count()
        self._lock = threading.Lock()
        self._max = max_clients
        self.dropped = 0

    def observe(self, client_id: str | None, seq: int | None) -> Ticket | None:
        """Record a request's arrival; its ticket (None for a request that takes no part: no id or no seq)."""
        if client_id is None or seq is None:
            return None
        with self._lock:
            ticket = Ticket(client_id, next(self._arrivals), seq)
            self._latest[client_id] = ticket
            self._latest.move_to_end(client_id)
            while len(self._latest) > self._max:
                self._latest.popitem(last=False)
            return ticket

    def latest(self, client_id: str) -> Ticket | None:
        """The last request of ``client_id`` that arrived (tests wait on it)."""
        with self._lock:
            return self._latest.get(client_id)

    def superseded(self, ticket: Ticket | None) -> bool:
        """True when a request of the same client arrived later with a higher ``seq``; counts the drop."""
        if ticket is None:
            return False
        with self._lock:
            last = self._latest.get(ticket.client_id)
            stale = last is not None and last.arrival > ticket.arrival and last.seq > ticket.seq
            if stale:
                self.dropped += 1
            return stale
