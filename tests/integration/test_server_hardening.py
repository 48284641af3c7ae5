"""The real app (``create_app_for``) under hostile or careless clients: wrong methods, foreign hosts, cross-site
writes, oversized bodies, leaked run ids, many live runs, half-sent requests."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient
from starlette.responses import PlainTextResponse
from uvicorn.protocols.http.h11_impl import H11Protocol

import glassbox
from glassbox.models.loading import LoadedModel
from glassbox.schema.api import Limits
from glassbox.server.app import MAX_BODY_BYTES, create_app_for
from glassbox.server.commands import exposure_warning
from glassbox.server.protocol import timed_h11
from glassbox.server.registry import Registry
from glassbox.training.live import LIVE_MODELS_KEPT, MAX_TEXT_CHARS, LiveManager

MODEL = "glassbox-tiny"
LIVE = "/api/training/live"


@pytest.fixture(scope="module")
def tiny() -> LoadedModel:
    return glassbox.load_model(MODEL, device="cpu")


@pytest.fixture(scope="module")
def app(tiny: LoadedModel, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    static = tmp_path_factory.mktemp("static")
    (static / "index.html").write_text("<!doctype html><title>glassbox</title>", encoding="utf-8")
    application = create_app_for(Registry([tiny]), Limits(), static_dir=static, allowed_hosts=["glassbox.lan"])
    yield application
    manager = getattr(application.state, "live_manager", None)
    if manager is not None:
        manager.stop_all()


@pytest.fixture(scope="module")
def client(app: FastAPI) -> TestClient:
    return TestClient(app, base_url="http://localhost:8000")


def api_routes(app: FastAPI) -> dict[str, set[str]]:
    """Every API path template the app documents → its methods."""
    return {path: {m.upper() for m in ops} for path, ops in app.openapi()["paths"].items()}


def template_regex(path: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$")


# ---- routing: 405 for a known path with the wrong method, 404 for an unknown one --------------------------------


def test_every_route_answers_the_other_method_with_405(app: FastAPI, client: TestClient) -> None:
    """Before, the web app mounted at / took every GET it did not know, so GET /api/predict answered 404."""
    by_path = api_routes(app)
    assert len(by_path) >= 15
    checked = 0
    for template, methods in by_path.items():
        path = re.sub(r"\{[^}]+\}", "x", template)
        for wrong in {"GET", "POST"} - methods:
            # GET /api/training/live/start is another route's (the status of a run called "start"): not a 405
            if any(wrong in m and template_regex(t).match(path) for t, m in by_path.items() if t != template):
                continue
            r = client.request(wrong, path, json={} if wrong == "POST" else None)
            assert r.status_code == 405, (wrong, path, r.text)
            assert r.json()["error"]["code"] == "method_not_allowed", (wrong, path)
            assert set(r.headers["allow"].replace(" ", "").split(",")) >= methods, (wrong, path)
            checked += 1
    assert checked >= len(by_path) - 1  # every path takes one of GET and POST; one is shadowed (above)


def test_an_unknown_api_path_is_a_json_404_and_the_web_app_still_answers(client: TestClient) -> None:
    for path in ("/api/nothing", "/api", "/api/training/live/x/nothing", "/api/models/x/vocab/extra"):
        r = client.get(path)
        assert r.status_code == 404, (path, r.text)
        assert r.json()["error"]["code"] == "not_found", path
    r = client.get("/")
    assert r.status_code == 200 and "glassbox" in r.text


# ---- Host, Origin, content type and size (the guard, wired in) -------------------------------------------------


def test_a_foreign_host_is_refused_and_allowed_hosts_are_answered(client: TestClient) -> None:
    r = client.get("/api/health", headers={"Host": "evil.example"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_input"
    assert "--allowed-host" in r.json()["error"]["message"]
    for host in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000", "glassbox.lan:8000"):
        assert client.get("/api/health", headers={"Host": host}).status_code == 200, host


def test_writes_need_json_and_the_same_origin(client: TestClient) -> None:
    body = {"model": MODEL, "prompt": "hi"}
    cross = client.post("/api/predict", json=body, headers={"Origin": "http://evil.example"})
    assert cross.status_code == 403 and cross.json()["error"]["code"] == "invalid_input"
    form = client.post(
        "/api/predict", content=b"model=x", headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert form.status_code == 415
    bare = client.post(f"{LIVE}/x/stop")  # what a form or a "simple" fetch of another site would send
    assert bare.status_code == 415
    same = client.post("/api/predict", json=body, headers={"Origin": "http://localhost:8000"})
    assert same.status_code == 200, same.text


def test_stop_and_resume_take_a_json_body(client: TestClient) -> None:
    assert client.post(f"{LIVE}/x/stop", json={}).json()["error"]["code"] == "not_found"
    assert client.post(f"{LIVE}/x/resume", json={}).json()["error"]["code"] == "not_found"
    assert client.post(f"{LIVE}/x/stop", json={"surprise": 1}).status_code == 422


def test_a_body_over_the_limit_is_refused_and_the_largest_live_text_passes(client: TestClient) -> None:
    r = client.post("/api/predict", content=b" " * (MAX_BODY_BYTES + 1), headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "text_too_long"
    # the largest schema-valid body: 200,000 emoji, each \\u-escaped as a surrogate pair by an ASCII-only encoder
    text = "😀" * MAX_TEXT_CHARS
    body = json.dumps({"source": "text", "text": text}).encode()
    assert MAX_BODY_BYTES > len(body) > 2_400_000
    # one character too many still reaches the route, which answers with its own message
    over = json.dumps({"source": "text", "text": text + "x"}).encode()
    r = client.post(f"{LIVE}/start", content=over, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and "at most 200,000" in r.json()["error"]["message"]


# ---- run ids are never handed out to others ---------------------------------------------------------------------


def test_errors_and_health_never_name_a_run(app: FastAPI, client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GLASSBOX_LIVE_TINY", "1")
    gone = client.get(f"{LIVE}/micro-abc123")
    assert gone.status_code == 404 and "micro-abc123" not in gone.json()["error"]["message"]
    start = client.post(f"{LIVE}/start", json={"source": "corpus"})
    assert start.status_code == 200, start.text
    run_id = start.json()["run_id"]
    try:
        busy = client.post(f"{LIVE}/start", json={"source": "corpus"})
        assert busy.status_code == 409 and run_id not in busy.text
    finally:
        stopped = client.post(f"{LIVE}/{run_id}/stop", json={})
    assert stopped.status_code == 200 and stopped.json()["model_id"] == run_id
    assert run_id in [m["id"] for m in client.get("/api/models").json()["models"]]  # the page opens it from there
    health = client.get("/api/health").json()
    assert health["models"] == [MODEL]  # the operator's models only
    unknown = client.post("/api/predict", json={"model": "nope", "prompt": "hi"})
    assert run_id not in unknown.json()["error"]["message"]


# ---- bounded memory: a few live models, not one per run ever started ---------------------------------------------


def test_only_the_latest_live_runs_and_models_are_kept(
    tiny: LoadedModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLASSBOX_LIVE_TINY", "1")
    app = create_app_for(Registry([tiny]), Limits(), static_dir=tmp_path)
    client = TestClient(app, base_url="http://localhost")
    ids = []
    for _ in range(LIVE_MODELS_KEPT + 6):
        r = client.post(f"{LIVE}/start", json={"source": "corpus"})
        assert r.status_code == 200, r.text
        ids.append(r.json()["run_id"])
        assert client.post(f"{LIVE}/{ids[-1]}/stop", json={}).status_code == 200
    registry: Registry = app.state.registry
    manager: LiveManager = app.state.live_manager
    assert registry.ids == [MODEL, *ids[-LIVE_MODELS_KEPT:]]  # before: all 10 runs' models stayed, forever
    assert manager.ids() == ids[-LIVE_MODELS_KEPT:]
    assert client.get(f"{LIVE}/{ids[0]}").status_code == 404
    assert client.post("/api/predict", json={"model": ids[0], "prompt": "a"}).status_code == 404
    assert client.post("/api/predict", json={"model": ids[-1], "prompt": "a"}).status_code == 200
    manager.stop_all()


# ---- a request must arrive whole within the deadline -----------------------------------------------------------


class Served:
    """A uvicorn server on a free loopback port, in a thread, with the given HTTP protocol."""

    def __init__(self, app: FastAPI, http: type[H11Protocol]) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, http=http, log_level="error")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Served:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def closed_after(port: int, sent: bytes, wait_s: float) -> float | None:
    """Send ``sent`` and wait up to ``wait_s`` for the server to close the connection: the seconds it took, or
    None if it was still open."""
    with socket.create_connection(("127.0.0.1", port)) as conn:
        conn.sendall(sent)
        conn.settimeout(wait_s)
        t0 = time.monotonic()
        try:
            while conn.recv(4096):
                pass
        except TimeoutError:
            return None
        return time.monotonic() - t0


def slow_app() -> FastAPI:
    app = FastAPI()

    @app.get("/slow")
    async def slow() -> PlainTextResponse:
        import asyncio

        await asyncio.sleep(1.5)  # an answer that takes longer than the deadline: never cut off
        return PlainTextResponse("done")

    @app.post("/echo")
    async def echo(request: Request) -> PlainTextResponse:
        return PlainTextResponse(str(len(await request.body())))  # waits for the whole body

    return app


@pytest.mark.parametrize(
    "sent",
    [
        b"GET /slow HT",
        b"GET /slow HTTP/1.1\r\nHost: localhost\r\n",
        b"POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 9\r\n\r\n1",
    ],
    ids=["half a request line", "half the headers", "half the body"],
)
def test_a_half_sent_request_is_cut_off(sent: bytes) -> None:
    with Served(slow_app(), timed_h11(0.5)) as served:
        took = closed_after(served.port, sent, wait_s=10)
    assert took is not None, "the connection was still open after 10 s"
    print(f"closed after {took:.2f} s (deadline 0.5 s)")
    assert took < 10


def test_uvicorn_alone_keeps_a_half_sent_request_open() -> None:
    """Why the deadline exists: the same half request line on plain uvicorn h11 is still open after 2 s."""
    with Served(slow_app(), H11Protocol) as served:
        assert closed_after(served.port, b"GET /slow HT", wait_s=2) is None
        assert closed_after(served.port, b"POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 9\r\n\r\n1", 2) is None


def test_a_whole_request_with_a_slow_answer_is_not_cut_off() -> None:
    with Served(slow_app(), timed_h11(0.5)) as served, socket.create_connection(("127.0.0.1", served.port)) as conn:
        conn.sendall(b"GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n")
        conn.settimeout(10)
        answer = b""
        while b"done" not in answer:
            chunk = conn.recv(4096)
            assert chunk, f"closed before the answer: {answer!r}"
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200")


def test_binding_beyond_loopback_without_an_allowed_host_warns() -> None:
    warning = exposure_warning("0.0.0.0", [])
    assert warning is not None and "--allowed-host" in warning
    assert exposure_warning("0.0.0.0", ["192.168.1.20"]) is None
    assert exposure_warning("127.0.0.1", []) is None
