"""The guard in front of every request: who may talk to ``glassbox serve``, and how much they may send.

:class:`HostOriginGuard` is a pure ASGI middleware (it wraps ``receive``/``send`` and never buffers a body or a
stream, so server-sent events pass through untouched). It refuses, before the app sees anything:

- a ``Host`` that is not loopback (``127.0.0.1``, ``localhost``, ``::1``) or one the operator allowed with
  ``--allowed-host`` (``*`` allows any): 400. This defeats **DNS rebinding**: a page on ``evil.example`` can
  re-point its own name at 127.0.0.1, after which the browser lets it read answers from a local server as if
  it were same-origin. The browser still sends ``Host: evil.example``, so a server that answers only the
  names it is really called by gives that page nothing.
- a state-changing request (POST, PUT, PATCH, DELETE) whose body is not ``application/json`` (415) or whose
  ``Origin`` is another site than the ``Host`` it was sent to (403; no ``Origin`` at all is fine, as curl and
  scripts send none). This defeats **cross-site request forgery**: any page a user visits can make their
  browser send a form or a "simple" ``fetch`` to ``127.0.0.1`` without asking, and the server would do the
  work. A JSON content type forces the browser to ask the server first (a CORS preflight this server never
  grants), and a browser always states the ``Origin`` of a cross-site request, so both holes are closed.
- a body larger than ``max_body_bytes``: 413, from the declared ``Content-Length`` before a byte is read, or,
  for a body sent in chunks without a length, as soon as the running count passes the limit (so a 200 MB
  upload costs the server at most the limit plus one chunk of memory).

Every refusal is the house error body ``{"error": {"code", "message"}}`` with a code of
:class:`glassbox.schema.errors.ErrorCode`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from glassbox.schema.errors import ApiError, ErrorCode, ErrorResponse

log = logging.getLogger(__name__)

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
"""Names a local server is always reachable by (``[::1]`` is normalized to ``::1``)."""

STATE_CHANGING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


class _BodyTooLarge(Exception):
    """Raised into the app from ``receive`` when a streamed body passes the limit; the guard answers 413."""


def split_host(value: str) -> tuple[str, int | None]:
    """``"Example.org:8000"`` → ``("example.org", 8000)``; ``"[::1]:8000"`` → ``("::1", 8000)``.

    A port that is not a number yields ``("", None)`` so that the caller refuses the whole value.
    """
    value = value.strip().lower()
    if value.startswith("["):  # IPv6 literal: the brackets separate the address from the port
        end = value.find("]")
        if end == -1:
            return "", None
        name, rest = value[1:end], value[end + 1 :]
        port_text = rest[1:] if rest.startswith(":") else None
        if rest and port_text is None:
            return "", None
    elif value.count(":") == 1:
        name, port_text = value.split(":")
    else:  # no port, or a bare IPv6 address such as "::1" (only ever from --allowed-host)
        name, port_text = value, None
    name = name.rstrip(".")  # "localhost." is the same name as "localhost"
    if port_text is None:
        return name, None
    if not port_text.isdigit() or int(port_text) > 65535:
        return "", None
    return name, int(port_text)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


class HostOriginGuard:
    """Refuse requests to foreign hosts, cross-site writes, non-JSON writes and oversized bodies (see module)."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] = (), max_body_bytes: int = 1 << 20) -> None:
        if max_body_bytes < 0:
            raise ValueError(f"max_body_bytes must be ≥ 0, got {max_body_bytes}")
        self.app = app
        extra = [h.strip() for h in allowed_hosts if h.strip()]
        self.any_host = "*" in extra
        # an operator may write "[::1]", "example.org." or even "example.org:8000": only the name counts
        self.hosts = LOOPBACK_HOSTS | {split_host(h)[0] for h in extra if h != "*"}
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):  # lifespan: nothing to guard
            await self.app(scope, receive, send)
            return
        problem = self._refusal(scope)
        if problem is not None:
            status, code, message = problem
            log.warning("refused %s %s: %s", scope.get("method", "WEBSOCKET"), scope.get("path", ""), message)
            if scope["type"] == "websocket":
                # closing before accepting makes the server answer the handshake with 403
                await send({"type": "websocket.close", "code": 1008, "reason": message[:120]})
            else:
                await _send_error(send, status, code, message)
            return
        if scope["type"] == "http":
            await self._call_counting(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    def _refusal(self, scope: Scope) -> tuple[int, ErrorCode, str] | None:
        """The (status, code, message) to answer instead of the app, or None when the request may pass."""
        host_header = _header(scope, b"host")
        if host_header is None:
            return 400, ErrorCode.INVALID_INPUT, "the request has no Host header"
        name, _ = split_host(host_header)
        if not self.any_host and name not in self.hosts:
            return (
                400,
                ErrorCode.INVALID_INPUT,
                f"this server does not answer to the host {host_header!r}: open it as http://127.0.0.1 or "
                "http://localhost, or start it with --allowed-host NAME to add the name it is reached by",
            )
        method = scope.get("method", "GET")
        if scope["type"] == "http" and method in STATE_CHANGING:
            content_type = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
            if content_type != "application/json":
                return (
                    415,
                    ErrorCode.INVALID_INPUT,
                    f"a {method} request must send a JSON body with Content-Type: application/json "
                    f"(got {content_type or 'none'!r})",
                )
        if scope["type"] == "websocket" or method in STATE_CHANGING:
            origin = _header(scope, b"origin")
            if origin is not None and not _same_origin(origin, host_header):
                return (
                    403,
                    ErrorCode.INVALID_INPUT,
                    f"a page from {origin!r} may not send requests to {host_header!r}: only pages this server "
                    "serves may change anything",
                )
        if scope["type"] == "http":
            length = _header(scope, b"content-length")
            if length is not None:
                if not length.strip().isdigit():
                    return 400, ErrorCode.INVALID_INPUT, f"the Content-Length {length!r} is not a number"
                if int(length) > self.max_body_bytes:
                    return self._too_large(f"{int(length):,} bytes")
        return None

    def _too_large(self, size: str) -> tuple[int, ErrorCode, str]:
        return (
            413,
            ErrorCode.TEXT_TOO_LONG,
            f"the request body ({size}) is larger than this server accepts ({self.max_body_bytes:,} bytes)",
        )

    async def _call_counting(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the app with a ``receive`` that counts body bytes and stops the app once they pass the limit.

        The count also covers a declared length that the client then exceeds. Once the limit is passed the
        app's own answer (it may turn the exception into a 400 of its own) is dropped and 413 is sent instead,
        unless the app had already started answering, in which case the connection is simply cut short.
        """
        received = 0
        overflow = False
        app_started = False

        async def counting_receive() -> Message:
            nonlocal received, overflow
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    overflow = True
                    raise _BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal app_started
            if overflow and not app_started:
                return  # the app's answer to an aborted body is replaced by our 413 below
            if message["type"] == "http.response.start":
                app_started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not overflow:  # a real error of the app: not ours to hide
                raise
            # otherwise it is _BodyTooLarge, or what the app made of it: the 413 below is the answer
        if overflow and not app_started:
            status, code, message = self._too_large(f"more than {self.max_body_bytes:,} bytes, sent in chunks")
            log.warning("refused %s %s: %s", scope.get("method"), scope.get("path"), message)
            await _send_error(send, status, code, message)


def _same_origin(origin: str, host_header: str) -> bool:
    """Is ``origin`` (``scheme://host[:port]``) the site the request was addressed to (``Host``)?"""
    parts = urlsplit(origin.strip())
    default = DEFAULT_PORTS.get(parts.scheme.lower())
    if default is None or not parts.netloc:  # "null" (a sandboxed frame, a file:// page) or something odd
        return False
    origin_name, origin_port = split_host(parts.netloc)
    host_name, host_port = split_host(host_header)
    if not origin_name or not host_name:
        return False
    return (origin_name, origin_port or default) == (host_name, host_port or default)


async def _send_error(send: Send, status: int, code: ErrorCode, message: str) -> None:
    body = ErrorResponse(error=ApiError(code=code, message=message)).model_dump_json().encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                # the client may still be sending the body we refused: ask it to stop and reconnect
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
