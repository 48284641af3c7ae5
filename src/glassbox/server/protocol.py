"""How ``glassbox serve`` runs uvicorn: its connection limits, a request deadline, and a prompt shutdown.

uvicorn closes a connection that stays *idle* between requests (``timeout_keep_alive``), but one that has sent
half a request line or half its headers and then nothing more is kept open until the client goes away: its
keep-alive timer is cancelled by the first byte, and nothing re-arms it. Many such connections ("slowloris")
hold the server's file descriptors. :func:`timed_h11` is uvicorn's own h11 protocol with one more timer: a
request must arrive whole (head and body) within ``request_timeout_s`` of the connection opening or of the
previous answer, else the connection is closed. A request that has arrived whole is never cut off, however long
the answer takes (an event stream lasts as long as its run).

:class:`GlassboxServer` calls :func:`~glassbox.server.app.begin_shutdown` as soon as a signal arrives: uvicorn
waits for open connections *before* it runs the app's shutdown, so an open event stream would otherwise keep the
process up until ``timeout_graceful_shutdown``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from types import FrameType

import h11
import uvicorn
from fastapi import FastAPI
from uvicorn.protocols.http.h11_impl import H11Protocol

REQUEST_TIMEOUT_S = 10.0
"""Seconds a connection has to send a whole request (head and body), from opening or from the last answer."""

KEEP_ALIVE_S = 5
"""Seconds an idle connection between two requests stays open (uvicorn's default, stated)."""

GRACEFUL_SHUTDOWN_S = 3
"""Seconds uvicorn waits for open requests to finish on shutdown before it cancels them."""

MAX_CONNECTIONS = 500
"""Open connections (and running requests) beyond which a new request is answered 503 (uvicorn's
``limit_concurrency``): a class of 50 browsers keeps at most 6 connections each."""

MAX_HEAD_BYTES = 16 * 1024
"""The largest request line + headers h11 buffers before it refuses the request with 400 (h11's default, stated)."""


class _TimedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, closing a connection whose request has not arrived whole in time."""

    request_timeout_s: float = REQUEST_TIMEOUT_S
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_deadline()  # the next request on this connection gets its own time

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_deadline()
        super().connection_lost(exc)

    def _arm_deadline(self) -> None:
        self._cancel_deadline()
        if not self.transport.is_closing():
            self._deadline = self.loop.call_later(self.request_timeout_s, self._deadline_passed)

    def _cancel_deadline(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _deadline_passed(self) -> None:
        self._deadline = None
        # IDLE: no complete request head yet (nothing, or part of one); SEND_BODY: the head came, the body not all
        if self.conn.their_state in (h11.IDLE, h11.SEND_BODY) and not self.transport.is_closing():
            self.transport.close()


def timed_h11(request_timeout_s: float = REQUEST_TIMEOUT_S) -> type[H11Protocol]:
    """uvicorn's h11 protocol with a deadline of ``request_timeout_s`` for each whole request (see module)."""
    return type("TimedH11Protocol", (_TimedH11Protocol,), {"request_timeout_s": request_timeout_s})


class GlassboxServer(uvicorn.Server):
    """A uvicorn server that calls ``on_exit`` the moment SIGINT or SIGTERM arrives, then shuts down as usual."""

    def __init__(self, config: uvicorn.Config, on_exit: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_exit = on_exit

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self._on_exit()  # only sets flags: safe in a signal handler
        super().handle_exit(sig, frame)


def server_config(app: FastAPI, host: str, port: int) -> uvicorn.Config:
    """uvicorn's configuration for ``glassbox serve``: the limits above, stated rather than left to defaults."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        http=timed_h11(),
        timeout_keep_alive=KEEP_ALIVE_S,
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S,
        limit_concurrency=MAX_CONNECTIONS,
        h11_max_incomplete_event_size=MAX_HEAD_BYTES,
    )
