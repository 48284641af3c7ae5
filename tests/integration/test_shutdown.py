"""``glassbox serve`` stops promptly: SIGTERM with a live run training and its event stream open, and a finished
run's event stream that ends by itself after its ``end`` event.

Each test starts a real ``glassbox serve`` subprocess on loopback (the embedded model, the built web app).
Before these fixes the first server stayed up ≈ 42 s after SIGTERM (the stream kept it open while the run
trained on) and the second stream never ended.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from glassbox.testing import free_port

ROOT = Path(__file__).resolve().parents[2]
STATIC_INDEX = ROOT / "src" / "glassbox" / "_static" / "index.html"
EXIT_WAIT_S = 15

pytestmark = pytest.mark.skipif(not STATIC_INDEX.exists(), reason="the web app is not built: run `make web`")


class Serve:
    """``glassbox serve`` in a subprocess on a free loopback port, stopped (killed if need be) on exit."""

    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        exe = Path(sys.executable).parent / "glassbox"
        command = [str(exe)] if exe.exists() else [sys.executable, "-m", "glassbox.cli"]
        self.proc = subprocess.Popen(
            [*command, "serve", "--no-browser", "--port", str(self.port), *args],
            env={**os.environ, **(env or {})},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 90
        while True:
            assert self.proc.poll() is None, f"glassbox serve exited: {self.stderr()}"
            assert time.monotonic() < deadline, "glassbox serve did not answer within 90 s"
            try:
                with urllib.request.urlopen(self.url + "/api/health", timeout=2) as r:
                    if json.load(r)["status"] == "ok":
                        break
            except OSError:
                time.sleep(0.2)

    def stderr(self) -> str:
        if self.proc.poll() is None or self.proc.stderr is None:
            return ""
        return self.proc.stderr.read().decode(errors="replace")[-3000:]

    def post(self, path: str, body: dict[str, object]) -> dict[str, object]:
        r = httpx.post(self.url + path, json=body, timeout=30)
        assert r.status_code == 200, r.text
        answer: dict[str, object] = r.json()
        return answer

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


@pytest.fixture
def tiny_server() -> Iterator[Serve]:
    server = Serve(env={"GLASSBOX_LIVE_TINY": "1"})
    yield server
    server.close()


def read_events(url: str, names: list[str], ended: threading.Event, started: threading.Event) -> None:
    """Follow a server-sent event stream, recording event names, until the server ends it."""
    try:
        with httpx.stream("GET", url, timeout=httpx.Timeout(5, read=60)) as stream:
            for line in stream.iter_lines():
                if line.startswith("event: "):
                    names.append(line[7:])
                    if line == "event: step":
                        started.set()
    except httpx.HTTPError:
        pass  # a cut connection also ends the stream; the test checks the process, not the manner
    ended.set()


def test_sigterm_with_an_open_event_stream_exits_within_seconds() -> None:
    # the real live config (600 steps, about a minute): the run would train on long after the signal
    server = Serve("--allowed-host", "glassbox.test")
    try:
        # --allowed-host is wired in: that name is answered, any other refused
        ok = httpx.get(server.url + "/api/health", headers={"Host": "glassbox.test"}, timeout=10)
        assert ok.status_code == 200
        evil = httpx.get(server.url + "/api/health", headers={"Host": "evil.example"}, timeout=10)
        assert evil.status_code == 400
        run_id = server.post("/api/training/live/start", {"source": "corpus"})["run_id"]
        names: list[str] = []
        ended, started = threading.Event(), threading.Event()
        reader = threading.Thread(
            target=read_events,
            args=(f"{server.url}/api/training/live/{run_id}/events", names, ended, started),
            daemon=True,
        )
        reader.start()
        assert started.wait(60), f"no step event within 60 s: {names}"
        t0 = time.monotonic()
        server.proc.send_signal(signal.SIGTERM)
        try:
            server.proc.wait(EXIT_WAIT_S)
        except subprocess.TimeoutExpired:
            pytest.fail(f"glassbox serve was still running {EXIT_WAIT_S} s after SIGTERM")
        took = time.monotonic() - t0
        print(f"\nglassbox serve exited {took:.2f} s after SIGTERM with an event stream open")
        assert ended.wait(5), "the event stream did not end"
    finally:
        server.close()


def test_a_finished_runs_stream_ends_by_itself(tiny_server: Serve) -> None:
    run_id = tiny_server.post("/api/training/live/start", {"source": "corpus"})["run_id"]
    stopped = tiny_server.post(f"/api/training/live/{run_id}/stop", {})
    assert stopped["state"] == "stopped"
    names: list[str] = []
    ended, started = threading.Event(), threading.Event()
    t0 = time.monotonic()
    reader = threading.Thread(
        target=read_events,
        args=(f"{tiny_server.url}/api/training/live/{run_id}/events", names, ended, started),
        daemon=True,
    )
    reader.start()
    assert ended.wait(15), f"the stream of a finished run was still open after 15 s: {names}"
    print(f"\nthe finished run's stream ended {time.monotonic() - t0:.2f} s after it was opened")
    assert names[0] == "ready" and names[-1] == "end"
    # a page that has seen everything (since = the number of events) is not kept waiting either
    ended.clear()
    since = len(names)
    reader = threading.Thread(
        target=read_events,
        args=(f"{tiny_server.url}/api/training/live/{run_id}/events?since={since}", [], ended, started),
        daemon=True,
    )
    reader.start()
    assert ended.wait(15), "the stream opened after the end was still open after 15 s"
