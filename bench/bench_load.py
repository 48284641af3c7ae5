"""Many readers at once: ``glassbox serve`` on the embedded model under 1, 10 and 50 concurrent clients.

Starts the real command (a subprocess on a free loopback port), then for each level runs that many client
threads, each with its own keep-alive connection, sending ``--requests`` predictions (``POST /api/predict``,
every prompt distinct so nothing is answered from a cache), and stops early at ``--seconds`` per level. It
reports throughput (successful requests per second), p50 and p99 latency and the errors, and the ratios
against the 1-client baseline measured in the same run.

    .venv/bin/python bench/bench_load.py            # print the table
    .venv/bin/python bench/bench_load.py --write    # and rewrite the "## Load" section of docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from _common import write_section
from glassbox.testing import free_port, stop_process

ROOT = Path(__file__).resolve().parents[1]
LEVELS = (1, 10, 50)
WORDS = ["the", "cat", "sat", "on", "a", "warm", "mat", "and", "then", "it", "slept", "until", "noon"]


@dataclass
class Level:
    """What one concurrency level measured."""

    clients: int
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)  # seconds, successful requests only
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile_ms(self, q: float) -> float:
        """Nearest-rank percentile: the smallest latency with at least ``q`` of them at or below it."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        rank = max(1, -(-len(ordered) * q // 1))  # ceil(n * q), at least the first
        return 1000 * ordered[int(rank) - 1]


def start_server(port: int) -> subprocess.Popen[bytes]:
    """``glassbox serve`` on the embedded model, as an operator starts it; returns once it answers."""
    cmd = [sys.executable, "-m", "glassbox.cli", "serve", "--port", str(port), "--no-browser"]
    server = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            err = server.stderr.read().decode(errors="replace") if server.stderr else ""
            raise SystemExit(f"glassbox serve exited ({server.returncode}): {err.strip()}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.kill()
    raise SystemExit("glassbox serve did not answer /api/health within 120 s")


def prompt_for(level: int, client: int, i: int) -> str:
    """A distinct, natural-ish prompt of 6-13 words for every request of the run."""
    n = 6 + (client + i) % 8
    words = [WORDS[(level * 7 + client * 3 + i + k) % len(WORDS)] for k in range(n)]
    return f"{' '.join(words)} ({level}.{client}.{i})"


def run_level(base: str, clients: int, requests: int, seconds: float) -> Level:
    level = Level(clients)
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)
    deadline = [0.0]

    def client(c: int) -> None:
        with httpx.Client(base_url=base, timeout=max(30.0, seconds)) as http:
            start.wait()
            for i in range(requests):
                if time.perf_counter() > deadline[0]:
                    break
                body = {"model": "glassbox-tiny", "prompt": prompt_for(clients, c, i)}
                t0 = time.perf_counter()
                try:
                    r = http.post("/api/predict", json=body)
                    kind = None if r.status_code == 200 else f"HTTP {r.status_code}"
                except httpx.HTTPError as exc:
                    kind = type(exc).__name__
                elapsed = time.perf_counter() - t0
                with lock:
                    if kind is None:
                        level.latencies.append(elapsed)
                    else:
                        level.errors += 1
                        level.error_kinds[kind] = level.error_kinds.get(kind, 0) + 1

    threads = [threading.Thread(target=client, args=(c,), daemon=True) for c in range(clients)]
    for t in threads:
        t.start()
    t0 = time.perf_counter()
    deadline[0] = t0 + seconds
    start.wait()
    for t in threads:
        t.join(seconds + 60)
    level.seconds = time.perf_counter() - t0
    return level


def measure(requests: int, seconds: float) -> list[Level]:
    port = free_port()
    server = start_server(port)
    base = f"http://127.0.0.1:{port}"
    try:
        run_level(base, 1, 10, seconds)  # warm-up: first forward passes, allocator, JIT-free paths
        return [run_level(base, c, requests, seconds) for c in LEVELS]
    finally:
        stop_process(server)


def table(levels: list[Level]) -> str:
    base = levels[0]
    rows = [
        "| clients | requests | errors | throughput | × 1 client | p50 | p99 | p50 × 1 client |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for lv in levels:
        p50, p99 = lv.percentile_ms(0.5), lv.percentile_ms(0.99)
        rows.append(
            f"| {lv.clients} | {len(lv.latencies) + lv.errors} | {lv.errors} | {lv.throughput:.1f} req/s "
            f"| {lv.throughput / base.throughput:.2f}× | {p50:.0f} ms | {p99:.0f} ms "
            f"| {p50 / base.percentile_ms(0.5):.1f}× |"
        )
    return "\n".join(rows)


def report(levels: list[Level], requests: int, seconds: float) -> str:
    cores = os.cpu_count()
    return f"""Measured by `bench/bench_load.py`: `glassbox serve` on the embedded glassbox-tiny model (one process,
CPU, {cores} cores, {platform.python_implementation()} {platform.python_version()}), loopback HTTP, each client
a thread with its own keep-alive connection sending up to {requests} distinct `POST /api/predict` requests
(at most {seconds:.0f} s per level). Clients run on the same machine as the server, so the absolute figures
are pessimistic; the ratios against 1 client are the figures to compare.

{table(levels)}

A model's forward passes run one at a time (the model's lock), so throughput stays near the 1-client
figure while latency grows with the queue: serve a class with one process per model and bound the queue
with the request limits (see docs/serving.md).
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=40, help="predictions per client per level")
    parser.add_argument("--seconds", type=float, default=60.0, help="time limit of each level")
    parser.add_argument("--write", action="store_true", help="rewrite the Load section of docs/benchmarks.md")
    args = parser.parse_args()
    levels = measure(args.requests, args.seconds)
    print(table(levels))
    for lv in levels:
        if lv.error_kinds:
            print(f"{lv.clients} clients, errors: {lv.error_kinds}")
    if args.write:
        write_section("Load", report(levels, args.requests, args.seconds))
        print("wrote the Load section of docs/benchmarks.md")


if __name__ == "__main__":
    main()
