"""The wheel, as a user gets it: built from this tree, installed into a clean venv outside the repository, used.

It must carry the built web app and the embedded model, and the installed ``glassbox`` command must trace,
generate and serve with nothing from the source tree on its path. torch is installed first, pinned to the
version CI uses (pip takes it from the local wheel cache); the wheel then pulls its other dependencies from
the package registry. Slow (minutes): most of the time is pip.
"""

from __future__ import annotations

import base64
import json
import math
import os
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest

from glassbox.testing import free_port, stop_process

ROOT = Path(__file__).resolve().parents[2]
TORCH = "torch==2.13.0"  # the Makefile's TORCH_VERSION: the CPU build CI installs
STATIC_INDEX = ROOT / "src" / "glassbox" / "_static" / "index.html"
MUST_CONTAIN = (
    "glassbox/_static/index.html",
    "glassbox/_export/glassbox-export.js",  # `glassbox export` copies it into every static site
    "glassbox/_widget/widget.js",  # glassbox.widget's JavaScript (anywidget loads it from the package, no CDN)
    "glassbox/assets/glassbox-tiny/model.safetensors",
)

pytestmark = pytest.mark.slow


def clean_env(venv: Path) -> dict[str, str]:
    """The environment of a user who activated ``venv``: nothing of this checkout or of the test's venv on a path."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(venv)
    env.setdefault("HF_HUB_OFFLINE", "1")
    return env


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 900) -> str:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, (
        f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    )
    return done.stdout


def http(url: str, body: dict[str, object] | None = None, timeout: float = 30) -> tuple[int, bytes]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"} if data else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status), bytes(response.read())
    except urllib.error.HTTPError as err:
        return int(err.code), bytes(err.read())


def test_the_wheel_installs_and_runs_in_a_clean_venv(tmp_path: Path) -> None:
    if not STATIC_INDEX.is_file():
        pytest.fail("the web app is not built, so the wheel would ship without it: run `make web` first")
    phases: dict[str, float] = {}
    t0 = time.perf_counter()

    # 1. build the wheel (pip runs hatchling in an isolated build env: no new dependency here)
    dist = tmp_path / "dist"
    run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-w", str(dist), "-q"], cwd=tmp_path)
    wheels = list(dist.glob("glassbox-*.whl"))
    assert len(wheels) == 1, wheels
    wheel = wheels[0]
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    for required in MUST_CONTAIN:
        assert required in names, f"the wheel lacks {required}"
    assert not any(n.startswith(("tests/", "web/", "bench/")) for n in names), "the wheel ships development files"
    phases["build wheel"] = time.perf_counter() - t0

    # 2. a clean venv outside the repository (no --system-site-packages): torch pinned first, then the wheel
    t = time.perf_counter()
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
    env = clean_env(venv)
    run([*pip, TORCH], cwd=tmp_path, env=env)
    run([*pip, str(wheel)], cwd=tmp_path, env=env)
    phases["venv + install"] = time.perf_counter() - t
    where = run([str(venv / "bin" / "python"), "-c", "import glassbox; print(glassbox.__file__)"], tmp_path, env)
    assert Path(where.strip()).is_relative_to(venv), f"glassbox was imported from {where.strip()}, not the venv"

    # 3. the command line, from a folder that is not the checkout
    t = time.perf_counter()
    glassbox = str(venv / "bin" / "glassbox")
    out = run([glassbox, "trace", "--prompt", "Hello"], cwd=tmp_path, env=env, timeout=300)
    assert "next token" in out and "glassbox-tiny" in out, out
    out = run([glassbox, "generate", "--prompt", "Hello", "--max-new-tokens", "3", "--json"], tmp_path, env, 300)
    steps = json.loads(out)
    assert len(steps) == 3, steps
    phases["trace + generate"] = time.perf_counter() - t

    # 4. the server: health, the built page, one prediction
    t = time.perf_counter()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [glassbox, "serve", "--port", str(port), "--no-browser"], cwd=tmp_path, env=env, stdout=log, stderr=log
    )
    try:
        deadline = time.monotonic() + 180
        while True:
            assert server.poll() is None, f"glassbox serve exited: {(tmp_path / 'serve.log').read_text()}"
            try:
                status, body = http(f"{base}/api/health", timeout=2)
                if status == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "glassbox serve did not answer /api/health within 180 s"
            time.sleep(0.5)
        assert json.loads(body)["models"] == ["glassbox-tiny"]
        status, page = http(f"{base}/")
        assert status == 200 and b"<html" in page.lower(), page[:200]
        status, body = http(f"{base}/api/predict", {"model": "glassbox-tiny", "prompt": "Hello"})
        assert status == 200, body[:500]
        answer = json.loads(body)
        logits = answer["logits"]
        assert logits["dims"] == ["d_vocab"] and logits["dtype"] == "float32"
        raw = base64.b64decode(logits["data"])
        n_vocab = logits["shape"][0]
        assert n_vocab > 100 and len(raw) == 4 * n_vocab
        values = struct.unpack(f"<{n_vocab}f", raw)
        assert all(math.isfinite(v) for v in values)
        assert answer["top"] and answer["top"][0]["token"]["id"] == max(range(n_vocab), key=values.__getitem__)
    finally:
        stop_process(server)
        log.close()
    phases["serve + predict"] = time.perf_counter() - t
    phases["total"] = time.perf_counter() - t0
    print("wheel test, seconds per phase: " + ", ".join(f"{k} {v:.0f}" for k, v in phases.items()))
