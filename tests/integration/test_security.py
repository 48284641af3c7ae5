"""HostOriginGuard on a tiny app of its own: foreign hosts, cross-site writes, non-JSON writes, oversized bodies.

The HTTP cases go through FastAPI's TestClient; the cases about *when* a body is read (never, or only up to the
limit) call the ASGI app directly, counting the ``receive`` calls the guard lets through.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Coroutine, Iterator
from typing import Any, TypeVar

import pytest
from fastapi import FastAPI, Request
from fastapi.responses import StreamingResponse
from fastapi.testclient import TestClient

from glassbox.schema.errors import ErrorCode, ErrorResponse
from glassbox.server.security import HostOriginGuard, split_host

T = TypeVar("T")

LIMIT = 1_000_000  # 1 MB
CHUNK = 64 * 1024


class Seen:
    """What the inner app was asked to do: a guard that refuses must leave this empty."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.body_bytes = 0


def run_async(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion in its own thread: a session-wide Playwright browser (the e2e tests) keeps an
    event loop running in the main thread, where ``asyncio.run`` refuses to start another."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def make_app(seen: Seen) -> FastAPI:
    app = FastAPI()

    @app.get("/ping")
    def ping() -> dict[str, str]:
        seen.calls.append("ping")
        return {"status": "ok"}

    @app.post("/echo")
    async def echo(request: Request) -> dict[str, int]:
        seen.calls.append("echo")
        body = await request.body()
        seen.body_bytes = len(body)
        return {"bytes": len(body)}

    @app.get("/stream")
    def stream() -> StreamingResponse:
        seen.calls.append("stream")
        return StreamingResponse((f"data: {i}\n\n" for i in range(3)), media_type="text/event-stream")

    return app


def guarded(seen: Seen, allowed: list[str] | None = None) -> HostOriginGuard:
    return HostOriginGuard(make_app(seen), allowed_hosts=allowed or [], max_body_bytes=LIMIT)


@pytest.fixture
def seen() -> Seen:
    return Seen()


@pytest.fixture
def client(seen: Seen) -> TestClient:
    return TestClient(guarded(seen), base_url="http://localhost:8000")


def assert_error(response: Any, status: int, code: ErrorCode) -> None:
    assert response.status_code == status, response.text
    body = ErrorResponse.model_validate(response.json())
    assert body.error.code == code and body.error.message


# ---- Host (DNS rebinding) --------------------------------------------------------------------------------------


def test_loopback_hosts_are_answered(client: TestClient, seen: Seen) -> None:
    for host in ("localhost:8000", "localhost", "127.0.0.1:8000", "[::1]:8000", "[::1]", "LOCALHOST.:8000"):
        r = client.get("/ping", headers={"Host": host})
        assert r.status_code == 200, (host, r.text)
    assert seen.calls == ["ping"] * 6


def test_a_foreign_host_is_refused_before_the_app(client: TestClient, seen: Seen) -> None:
    for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost:notaport", "[::1"):
        assert_error(client.get("/ping", headers={"Host": host}), 400, ErrorCode.INVALID_INPUT)
    r = client.get("/ping", headers={"Host": "evil.example"})
    assert "--allowed-host" in r.json()["error"]["message"]
    assert seen.calls == []


def test_the_operator_can_allow_more_hosts(seen: Seen) -> None:
    client = TestClient(guarded(seen, ["glassbox.lan", "[fd00::7]"]))
    assert client.get("/ping", headers={"Host": "glassbox.lan:8000"}).status_code == 200
    assert client.get("/ping", headers={"Host": "[fd00::7]:8000"}).status_code == 200
    assert client.get("/ping", headers={"Host": "localhost:8000"}).status_code == 200  # loopback stays allowed
    assert_error(client.get("/ping", headers={"Host": "other.lan"}), 400, ErrorCode.INVALID_INPUT)


def test_a_star_allows_any_host(seen: Seen) -> None:
    client = TestClient(guarded(seen, ["*"]))
    assert client.get("/ping", headers={"Host": "anything.example:1234"}).status_code == 200


def test_a_request_without_host_is_refused(seen: Seen) -> None:
    status, _, body = run_async(call(guarded(seen), "GET", "/ping", headers=[]))
    assert status == 400 and seen.calls == []
    assert ErrorResponse.model_validate_json(body).error.code == ErrorCode.INVALID_INPUT


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("localhost:8000", ("localhost", 8000)),
        ("[::1]:8000", ("::1", 8000)),
        ("[::1]", ("::1", None)),
        ("::1", ("::1", None)),
        ("Example.ORG.", ("example.org", None)),
        ("host:99999", ("", None)),
        ("[::1]x", ("", None)),
    ],
)
def test_split_host(value: str, expected: tuple[str, int | None]) -> None:
    assert split_host(value) == expected


# ---- Origin and content type (CSRF) ----------------------------------------------------------------------------


def test_a_cross_origin_post_is_refused(client: TestClient, seen: Seen) -> None:
    for origin in ("http://evil.example", "http://localhost:9999", "http://127.0.0.1:8000", "null"):
        r = client.post("/echo", json={"a": 1}, headers={"Origin": origin})
        assert_error(r, 403, ErrorCode.INVALID_INPUT)
    assert seen.calls == []


def test_a_same_origin_post_passes(client: TestClient, seen: Seen) -> None:
    r = client.post("/echo", json={"a": 1}, headers={"Origin": "http://localhost:8000"})
    assert r.status_code == 200, r.text
    r = client.post("/echo", json={"a": 1}, headers={"Host": "[::1]:8000", "Origin": "http://[::1]:8000"})
    assert r.status_code == 200, r.text
    # the default port is the same site whether it is written or not
    r = client.post("/echo", json={}, headers={"Host": "localhost", "Origin": "http://localhost:80"})
    assert r.status_code == 200, r.text
    assert seen.calls == ["echo"] * 3


def test_a_post_without_origin_passes(client: TestClient) -> None:
    # curl and scripts send no Origin; only browsers do, and they always do for a cross-site write
    assert client.post("/echo", json={"a": 1}).status_code == 200


def test_a_cross_origin_read_is_not_an_origin_matter(client: TestClient) -> None:
    # reads change nothing, and the browser keeps the answer from the other site (no CORS headers)
    assert client.get("/ping", headers={"Origin": "http://evil.example"}).status_code == 200


def test_a_post_without_a_json_content_type_is_refused(client: TestClient, seen: Seen) -> None:
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"):
        r = client.post("/echo", content=b'{"a": 1}', headers={"Content-Type": content_type})
        assert_error(r, 415, ErrorCode.INVALID_INPUT)
    assert_error(client.post("/echo", content=b"{}"), 415, ErrorCode.INVALID_INPUT)
    assert seen.calls == []
    r = client.post("/echo", content=b"{}", headers={"Content-Type": "Application/JSON; charset=utf-8"})
    assert r.status_code == 200, r.text


# ---- body size -------------------------------------------------------------------------------------------------


def test_a_declared_5_mb_body_is_refused_unread(seen: Seen) -> None:
    body = Chunks(5_000_000 // CHUNK)
    headers = [(b"host", b"localhost:8000"), (b"content-type", b"application/json"), (b"content-length", b"5000000")]
    status, _, answer = run_async(call(guarded(seen), "POST", "/echo", headers=headers, chunks=body))
    assert status == 413
    assert ErrorResponse.model_validate_json(answer).error.code == ErrorCode.TEXT_TOO_LONG
    assert body.read == 0 and seen.calls == []


def test_a_5_mb_body_over_http_gets_413(client: TestClient, seen: Seen) -> None:
    r = client.post("/echo", content=b"x" * 5_000_000, headers={"Content-Type": "application/json"})
    assert_error(r, 413, ErrorCode.TEXT_TOO_LONG)
    assert seen.calls == []


def test_a_chunked_body_is_cut_off_at_the_limit(seen: Seen) -> None:
    """200 MB offered in chunks without a length: the guard stops reading just past 1 MB and answers 413."""
    body = Chunks(200_000_000 // CHUNK)
    headers = [(b"host", b"localhost:8000"), (b"content-type", b"application/json")]
    status, sent, answer = run_async(call(guarded(seen), "POST", "/echo", headers=headers, chunks=body))
    assert status == 413, answer
    assert ErrorResponse.model_validate_json(answer).error.code == ErrorCode.TEXT_TOO_LONG
    assert body.read == LIMIT // CHUNK + 1  # the chunk that passed the limit is the last one read
    assert seen.body_bytes == 0  # the endpoint never got a body
    assert [m["type"] for m in sent] == ["http.response.start", "http.response.body"]  # one answer, ours


def test_a_body_longer_than_declared_is_cut_off_too(seen: Seen) -> None:
    body = Chunks(100)  # 6.5 MB behind a Content-Length that claims 10 bytes
    headers = [(b"host", b"localhost"), (b"content-type", b"application/json"), (b"content-length", b"10")]
    status, _, _ = run_async(call(guarded(seen), "POST", "/echo", headers=headers, chunks=body))
    assert status == 413 and body.read == LIMIT // CHUNK + 1 and seen.body_bytes == 0


def test_a_chunked_body_over_http_gets_413(client: TestClient, seen: Seen) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b"x" * CHUNK

    r = client.post("/echo", content=chunks(), headers={"Content-Type": "application/json"})
    assert_error(r, 413, ErrorCode.TEXT_TOO_LONG)
    assert seen.body_bytes == 0


def test_a_chunked_body_under_the_limit_reaches_the_app_whole(seen: Seen) -> None:
    body = Chunks(10)
    headers = [(b"host", b"localhost:8000"), (b"content-type", b"application/json")]
    status, _, answer = run_async(call(guarded(seen), "POST", "/echo", headers=headers, chunks=body))
    assert status == 200, answer
    assert seen.body_bytes == 10 * CHUNK and body.read == 10


def test_a_bad_content_length_is_refused(seen: Seen) -> None:
    headers = [(b"host", b"localhost"), (b"content-type", b"application/json"), (b"content-length", b"-1")]
    status, _, _ = run_async(call(guarded(seen), "POST", "/echo", headers=headers))
    assert status == 400 and seen.calls == []


def test_a_stream_passes_message_by_message(seen: Seen) -> None:
    """The guard does not buffer: the server-sent events leave as the app sends them, one message each."""
    status, sent, body = run_async(call(guarded(seen), "GET", "/stream", headers=[(b"host", b"localhost")]))
    assert status == 200
    chunks = [m for m in sent if m["type"] == "http.response.body" and m.get("body")]
    assert len(chunks) == 3 and body == b"data: 0\n\ndata: 1\n\ndata: 2\n\n"


def test_websocket_from_another_site_is_closed(seen: Seen) -> None:
    scope = {
        "type": "websocket",
        "path": "/ws",
        "headers": [(b"host", b"localhost:8000"), (b"origin", b"http://evil.example")],
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "websocket.connect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    run_async(guarded(seen)(scope, receive, send))
    assert sent[0]["type"] == "websocket.close" and seen.calls == []


def test_the_lifespan_passes_through() -> None:
    inner: list[str] = []

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        inner.append(scope["type"])

    run_async(HostOriginGuard(app, [], LIMIT)({"type": "lifespan"}, _never, _ignore))
    assert inner == ["lifespan"]


# ---- raw ASGI calls --------------------------------------------------------------------------------------------


async def _never() -> dict[str, Any]:
    raise AssertionError("receive() must not be called")


async def _ignore(message: dict[str, Any]) -> None:
    return None


class Chunks:
    """``n`` body chunks of 64 KB, made only when the app asks for them; ``read`` counts those it asked for."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.read = 0

    def next(self) -> tuple[bytes, bool]:
        """The next chunk, and whether more follow."""
        assert self.read < self.n, "read past the end of the body"
        self.read += 1
        return b"x" * CHUNK, self.read < self.n


async def call(
    app: HostOriginGuard,
    method: str,
    path: str,
    *,
    headers: list[tuple[bytes, bytes]],
    chunks: Chunks | None = None,
) -> tuple[int, list[dict[str, Any]], bytes]:
    """One HTTP request straight into the ASGI app: (status, every message sent, the body).

    ``receive`` hands out the body chunk by chunk, then (like a real server) blocks until the answer is
    complete and reports the disconnect.
    """
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    body = chunks or Chunks(0)
    body_done = False
    answered = asyncio.Event()
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal body_done
        if body_done:
            await answered.wait()
            return {"type": "http.disconnect"}
        chunk, more = body.next() if body.n else (b"", False)
        body_done = not more
        return {"type": "http.request", "body": chunk, "more_body": more}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)
        if message["type"] == "http.response.body" and not message.get("more_body", False):
            answered.set()

    await app(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    answer = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return int(start["status"]), sent, answer
