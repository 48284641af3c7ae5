"""Helpers of the browser tests (server start-up, paths), importable from any test file of this folder.

``pyproject.toml`` puts ``tests/e2e`` on ``sys.path`` for pytest (``pythonpath``), so a test file writes
``from e2e_support import serve_glassbox`` instead of loading ``conftest.py`` by path.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from glassbox.testing import free_port, stop_process

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
STATIC_INDEX = ROOT / "src" / "glassbox" / "_static" / "index.html"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MAX_PROMPT_TOKENS = 40
EMBEDDED = ROOT / "src" / "glassbox" / "assets" / "glassbox-tiny"


def embedded_available() -> bool:
    return (EMBEDDED / "config.json").exists()


def chromium_path() -> str | None:
    for candidate in (os.environ.get("GLASSBOX_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def glassbox_command() -> list[str]:
    exe = Path(sys.executable).parent / "glassbox"
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-c", "from glassbox.cli import main; main()"]


def wait_for_health(url: str, proc: subprocess.Popen[bytes], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"glassbox serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "api/health", timeout=2) as r:
                if json.load(r)["status"] == "ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("glassbox serve did not become healthy in time")


@contextlib.contextmanager
def serve_glassbox(args: list[str], log: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """A ``glassbox serve`` subprocess on a free local port with ``args`` (its output in ``log``); yields its URL."""
    if not STATIC_INDEX.exists():
        pytest.fail("the web app is not built: run `make web` before the browser tests")
    port = free_port()
    cmd = [*glassbox_command(), "serve", "--no-browser", "--port", str(port), "--device", "cpu", *args]
    full_env = {**os.environ, "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false", **(env or {})}
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=full_env)
        url = f"http://127.0.0.1:{port}/"
        try:
            wait_for_health(url, proc)
        except RuntimeError as exc:
            proc.kill()
            pytest.fail(f"{exc}\n{log.read_text(errors='replace')}")
        try:
            yield url
        finally:
            stop_process(proc, timeout=10)


def api_json(server: str, path: str, body: dict[str, Any] | None = None) -> Any:
    """The JSON answer of the test server's ``path`` (POST ``body`` when given, else GET)."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(f"{server}{path}", data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)


@contextlib.contextmanager
def fresh_visitors(browser: Any) -> Iterator[Callable[..., Any]]:
    """Pages in fresh browser profiles (nothing remembered: a first visit) at a width, colour scheme and motion
    setting; on leaving, every profile closes and an uncaught error in any page fails the test."""
    contexts: list[Any] = []
    errors: list[str] = []

    def make(width: int = 1280, scheme: str = "light", reduced: bool = False) -> Any:
        context = browser.new_context(
            viewport={"width": width, "height": 900},
            locale="en-US",
            color_scheme=scheme,
            reduced_motion="reduce" if reduced else "no-preference",
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        return page

    yield make
    for c in contexts:
        c.close()
    assert errors == [], f"uncaught errors in the page: {errors}"


def detail_page(browser: Any, width: int, height: int, scheme: str = "light") -> Any:
    """A fresh page of the given size and colour scheme (English locale, 15 s default timeout)."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US", color_scheme=scheme)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def open_detail(page: Any, server: str, model: str, prompt: str, lang: str = "en", **params: str) -> list[str]:
    """Open the detailed view of ``model`` on ``prompt`` (tour off) and wait for its overview; returns the list the
    page's uncaught errors are collected into."""
    from urllib.parse import urlencode

    from playwright.sync_api import expect

    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    query = {"model": model, "prompt": prompt, "lang": lang, "view": "detail", "tour": "0", **params}
    page.goto(f"{server}?{urlencode(query)}")
    expect(page.get_by_test_id("overview")).to_be_visible()
    return errors
