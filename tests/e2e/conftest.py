"""Browser tests: a real ``glassbox serve`` subprocess on tiny local models, driven by headless Chromium.

Debian's chromium is used (``make browser`` installs it); Playwright's own browser downloads are not needed.
Screenshots of the main states go to ``artifacts/screenshots/``.
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
from collections.abc import Iterator
from pathlib import Path

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


@pytest.fixture(scope="session")
def e2e_models(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from glassbox.testing import make_tiny_model

    root = tmp_path_factory.mktemp("e2e-models")
    return [make_tiny_model(root / "tiny-gpt2", "gpt2"), make_tiny_model(root / "tiny-llama", "llama")]


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


@pytest.fixture(scope="session")
def server(e2e_models: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    args = [a for m in e2e_models for a in ("--model", str(m))]
    if embedded_available():  # the model `make serve` opens by default
        args += ["--model", "glassbox-tiny"]
    args += ["--max-prompt-tokens", str(MAX_PROMPT_TOKENS), "--max-new-tokens", "64"]
    with serve_glassbox(args, tmp_path_factory.mktemp("serve") / "serve.log") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    path = chromium_path()
    if path is None:
        pytest.skip("chromium is not installed: run `make browser`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: object, server: str) -> Iterator[object]:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    uncaught: list[str] = []
    pg.on("pageerror", lambda exc: uncaught.append(str(exc)))
    yield pg
    context.close()
    assert uncaught == [], f"uncaught errors in the page: {uncaught}"


def _shot(page: object, name: str) -> None:
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def shot() -> object:
    """``shot(page, name)`` saves a full-page screenshot to artifacts/screenshots/{name}.png."""
    return _shot


@pytest.fixture
def embedded() -> bool:
    return embedded_available()


@pytest.fixture
def max_prompt_tokens() -> int:
    return MAX_PROMPT_TOKENS
