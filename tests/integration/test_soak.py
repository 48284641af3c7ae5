"""Soak: a real ``glassbox serve`` takes many live runs and many requests without growing.

A subprocess on loopback (the embedded model; ``GLASSBOX_LIVE_TINY=1`` makes each live run prepare in ≈ 0.1 s)
gets 200 live-run start/stop cycles and 10,000 cheap requests (health, models, short predictions under 1,000
page ids), a finished run's event stream read to its end every 10 cycles. The server's resident memory
(``VmRSS`` of ``/proc/PID/status``) is read after a warm-up of the same mix and at the end: it must grow by
less than ``MAX_GROWTH_MIB``. Before the live models were bounded, each stopped run stayed registered
(≈ 3 MiB each: 200 runs ≈ 600 MiB).

About a minute in ``make test``; ``make soak`` runs it ten times longer (``GLASSBOX_SOAK_SCALE=10``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import httpx
import pytest

from glassbox.testing import free_port, stop_process
from glassbox.training.live import LIVE_MODELS_KEPT

ROOT = Path(__file__).resolve().parents[2]
STATIC_INDEX = ROOT / "src" / "glassbox" / "_static" / "index.html"
SCALE = int(os.environ.get("GLASSBOX_SOAK_SCALE", "1"))
CYCLES = 200 * SCALE
REQUESTS = 10_000 * SCALE
WARMUP_CYCLES = 20
MAX_GROWTH_MIB = 60.0
MODEL = "glassbox-tiny"

pytestmark = pytest.mark.skipif(not STATIC_INDEX.exists(), reason="the web app is not built: run `make web`")


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS in /proc/PID/status")


class Load:
    """The request mix, on one keep-alive connection: every 5th request a prediction, the rest health/models."""

    def __init__(self, url: str) -> None:
        self.client = httpx.Client(base_url=url, timeout=30)
        self.sent = 0
        self.statuses: dict[int, int] = {}

    def requests(self, n: int) -> None:
        for _ in range(n):
            i = self.sent
            if i % 5 == 0:
                body = {
                    "model": MODEL,
                    "prompt": f"soak {i % 97}",
                    "top_n": 5,
                    "client_id": f"page-{i % 1000}",
                    "seq": i,
                }
                r = self.client.post("/api/predict", json=body)
            elif i % 5 in (1, 3):
                r = self.client.get("/api/health")
            else:
                r = self.client.get("/api/models")
            self.statuses[r.status_code] = self.statuses.get(r.status_code, 0) + 1
            self.sent += 1

    def live_cycle(self, read_stream: bool) -> str:
        start = self.client.post("/api/training/live/start", json={"source": "corpus"})
        assert start.status_code == 200, start.text
        run_id: str = start.json()["run_id"]
        stop = self.client.post(f"/api/training/live/{run_id}/stop", json={})
        assert stop.status_code == 200 and stop.json()["state"] in ("stopped", "done"), stop.text
        if read_stream:  # a finished run's stream ends by itself after its end event
            with self.client.stream("GET", f"/api/training/live/{run_id}/events") as stream:
                last = [line for line in stream.iter_lines() if line.startswith("event: ")][-1]
            assert last == "event: end"
        return run_id


def test_soak_memory_stays_flat() -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    exe = Path(sys.executable).parent / "glassbox"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "glassbox.cli"]
    proc = subprocess.Popen(
        [*command, "serve", "--no-browser", "--port", str(port)],
        env={**os.environ, "GLASSBOX_LIVE_TINY": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, "glassbox serve exited"
            assert time.monotonic() < deadline, "glassbox serve did not answer within 90 s"
            try:
                with urllib.request.urlopen(url + "/api/health", timeout=2) as r:
                    if json.load(r)["status"] == "ok":
                        break
            except OSError:
                time.sleep(0.2)

        load = Load(url)
        per_cycle = REQUESTS // CYCLES
        t0 = time.monotonic()
        for i in range(WARMUP_CYCLES):
            load.live_cycle(read_stream=i % 10 == 0)
            load.requests(per_cycle)
        warm = rss_mib(proc.pid)
        t1 = time.monotonic()
        ids = []
        for i in range(CYCLES):
            ids.append(load.live_cycle(read_stream=i % 10 == 0))
            load.requests(per_cycle)
        load.requests(REQUESTS - per_cycle * CYCLES)
        end = rss_mib(proc.pid)
        t2 = time.monotonic()

        offered = [m["id"] for m in load.client.get("/api/models").json()["models"]]
        print(
            f"\nsoak ×{SCALE}: {CYCLES} live cycles + {load.sent - WARMUP_CYCLES * per_cycle} requests in "
            f"{t2 - t1:.1f} s (warm-up {t1 - t0:.1f} s); RSS after warm-up {warm:.1f} MiB, at the end "
            f"{end:.1f} MiB, growth {end - warm:+.1f} MiB; statuses {load.statuses}; models offered {len(offered)}"
        )
        assert set(load.statuses) == {200}, load.statuses
        assert offered == [MODEL, *ids[-LIVE_MODELS_KEPT:]]  # the latest runs' models only
        assert end - warm < MAX_GROWTH_MIB
    finally:
        stop_process(proc, timeout=15)
