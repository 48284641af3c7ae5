"""Browser tests: a real ``glassbox serve`` subprocess on tiny local models, driven by headless Chromium.

Debian's chromium is used (``make browser`` installs it); Playwright's own browser downloads are not needed.
Screenshots of the main states go to ``artifacts/screenshots/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_support import (  # noqa: F401 (re-exported for the fixtures below and older imports)
    CHROMIUM_ARGS,
    EMBEDDED,
    MAX_PROMPT_TOKENS,
    ROOT,
    SCREENSHOTS,
    STATIC_INDEX,
    chromium_path,
    embedded_available,
    glassbox_command,
    serve_glassbox,
    wait_for_health,
)
from playwright.sync_api import expect

# `expect(...)` waits 5 s by default, whatever a page's own default timeout says; on CI's two shared cores the first
# answer of a freshly opened page has taken longer than that (the glossary test failed once waiting for the first
# candidate). A failing assertion still fails — it only waits longer before saying so.
expect.set_options(timeout=20_000)


@pytest.fixture(scope="session")
def e2e_models(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from glassbox.testing import make_tiny_model

    root = tmp_path_factory.mktemp("e2e-models")
    return [make_tiny_model(root / "tiny-gpt2", "gpt2"), make_tiny_model(root / "tiny-llama", "llama")]


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
