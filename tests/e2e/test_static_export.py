"""A static export of the embedded model opens from ``file://`` in headless Chromium with every network request
blocked, and shows the numbers the live app computes (issue 19, items 1 and 7)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from e2e_support import ROOT, embedded_available
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.e2e

Shot = Callable[[Page, str], None]

PROMPTS = ["The capital of France is", "Once upon a time, there was a", "1, 2, 3, 4,"]
FIGURES = ROOT / "artifacts" / "export-figures.json"


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The site exported by the Python API, the live app's predictions for comparison, and the figures."""
    if not embedded_available():
        pytest.fail("the embedded model is missing: run `make model`")
    import glassbox
    from glassbox.analysis.prediction import next_token_prediction
    from glassbox.export_site import export_site
    from glassbox.models.tokens import encode

    model = glassbox.load_model()
    out = tmp_path_factory.mktemp("export") / "site"
    start = time.perf_counter()
    # the Next token and detailed views only: the Why and Circuits files have their own test
    # (test_export_views_offline.py), and leaving them out keeps this export quick
    report = export_site(model, PROMPTS, out, max_new_tokens=8, why=False, circuits=False)
    seconds = time.perf_counter() - start
    live = {}
    for prompt in PROMPTS:
        pred = next_token_prediction(model, encode(model, prompt), [], 20)
        live[prompt] = {t.token.id: t.prob for t in pred.top}
    first = report.manifest.prompts[0]
    trace = json.loads((out / "data" / f"{first.key}.js").read_text(encoding="utf-8").split("]=", 1)[1].rstrip(";\n"))
    steps = [s["token"]["id"] for s in trace["steps"]]
    after_one = next_token_prediction(model, encode(model, PROMPTS[0]), steps[:1], 20)
    figures = {
        "model": model.name,
        "d_vocab": model.info.d_vocab,
        "max_new_tokens": 8,
        "export_seconds": round(seconds, 2),
        "total_bytes": report.total_bytes,
        "prompts": [p.model_dump() for p in report.manifest.prompts],
    }
    FIGURES.parent.mkdir(parents=True, exist_ok=True)
    FIGURES.write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")
    yield {
        "index": out / "index.html",
        "live": live,
        "steps": steps,
        "after_one": {t.token.id: t.prob for t in after_one.top},
    }


@pytest.fixture
def offline(browser: Browser) -> Iterator[Callable[..., tuple[Page, list[str]]]]:
    """Pages that may read file:// only: every other request is aborted and recorded; console errors and uncaught
    exceptions are collected; on leaving, none may have happened."""
    contexts: list[Any] = []
    problems: list[str] = []
    blocked: list[str] = []

    def make(width: int = 1280, scheme: str = "light") -> tuple[Page, list[str]]:
        context = browser.new_context(
            viewport={"width": width, "height": 900}, locale="en-US", color_scheme=scheme, service_workers="block"
        )
        contexts.append(context)

        def gate(route: Any) -> None:
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                blocked.append(route.request.url)
                route.abort()

        context.route("**/*", gate)
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.on("pageerror", lambda exc: problems.append(f"uncaught: {exc}"))
        page.on("console", lambda msg: problems.append(f"console: {msg.text}") if msg.type == "error" else None)
        page.on(
            "request",
            lambda req: None if req.url.startswith(("file://", "data:", "blob:")) else blocked.append(req.url),
        )
        return page, problems

    yield make
    for context in contexts:
        context.close()
    assert problems == [], problems
    assert blocked == [], f"the export asked the network for {blocked}"


def open_export(page: Page, index: Path, **params: str) -> None:
    page.goto(f"{index.as_uri()}?{urlencode({'tour': '0', **params})}")


def shown(page: Page) -> dict[int, float]:
    """Token id → probability of every candidate the Next token view lists."""
    rows = page.get_by_test_id("candidate").evaluate_all(
        "els => els.map(e => [Number(e.dataset.tokenId), Number(e.dataset.prob)])"
    )
    return {int(i): float(p) for i, p in rows}


def assert_same_numbers(page_probs: dict[int, float], live: dict[int, float]) -> None:
    top5 = sorted(live, key=lambda i: -live[i])[:5]
    assert top5 and all(i in page_probs for i in top5), (top5, page_probs)
    for i in top5:
        # float16 logits, shifted by the largest: the top candidates keep ~3 significant digits
        assert page_probs[i] == pytest.approx(live[i], rel=5e-3, abs=1e-5), (i, page_probs[i], live[i])


def test_export_opens_offline_and_shows_the_live_numbers(
    export: dict[str, Any], offline: Callable[..., tuple[Page, list[str]]], shot: Shot
) -> None:
    page, _ = offline()
    open_export(page, export["index"], lang="en")
    expect(page.get_by_test_id("candidate").first).to_be_visible()
    # the picker lists the exported prompts, in order, and the page opened on the first
    picker = page.get_by_test_id("export-prompt-picker")
    assert picker.locator("option").all_inner_texts() == PROMPTS
    assert picker.input_value() == PROMPTS[0]
    assert page.get_by_test_id("prompt-input").input_value() == PROMPTS[0]
    assert_same_numbers(shown(page), export["live"][PROMPTS[0]])
    shot(page, "export-next-desktop-en")

    # one step at the settings it was exported with: the exported token, then the distribution after it
    page.get_by_test_id("step-button").click()
    expect(page.get_by_test_id("generated-token")).to_have_count(1)
    assert int(page.get_by_test_id("generated-token").first.get_attribute("data-token-id") or -1) == export["steps"][0]
    page.wait_for_function("() => !document.querySelector('[data-testid=candidate][disabled]')")
    assert_same_numbers(shown(page), export["after_one"])

    # a token off the exported path (forced by a click): its distribution was not exported, and the page says so
    candidates = page.get_by_test_id("candidate")
    other = next(c for c in candidates.all() if int(c.get_attribute("data-token-id") or -1) != export["steps"][1])
    other.click()
    alert = page.get_by_test_id("error")
    expect(alert).to_have_attribute("data-code", "not_built")
    expect(alert).to_contain_text("exported generation")
    expect(page.get_by_test_id("generated-token")).to_have_count(1)  # the step was taken back
    shot(page, "export-off-path-desktop-en")
    alert.get_by_role("button").click()

    # another prompt from the picker: the page reopens on it, with its own numbers
    picker.select_option(PROMPTS[1])
    page.wait_for_function("p => new URLSearchParams(location.search).get('prompt') === p", arg=PROMPTS[1])
    expect(page.get_by_test_id("prompt-input")).to_have_value(PROMPTS[1])
    expect(page.get_by_test_id("candidate").first).to_be_visible()
    assert_same_numbers(shown(page), export["live"][PROMPTS[1]])

    # a prompt that was not exported cannot be computed here, and the page says so
    page.get_by_test_id("prompt-input").fill("A prompt nobody exported")
    alert = page.get_by_test_id("error")
    expect(alert).to_have_attribute("data-code", "not_built")
    expect(alert).to_contain_text("static export")


def test_export_detail_view_offline(
    export: dict[str, Any], offline: Callable[..., tuple[Page, list[str]]], shot: Shot
) -> None:
    page, _ = offline()
    open_export(page, export["index"], lang="en", view="detail", prompt=PROMPTS[2])
    expect(page.get_by_test_id("overview")).to_be_visible()
    # the overview's tokens are the prompt's: as many stage columns as the model has layers, a node per stage
    expect(page.get_by_test_id("stage-node").first).to_be_visible()
    shot(page, "export-detail-desktop-en")


def test_export_on_a_phone_in_czech_dark(
    export: dict[str, Any], offline: Callable[..., tuple[Page, list[str]]], shot: Shot
) -> None:
    page, _ = offline(width=375, scheme="dark")
    open_export(page, export["index"], lang="cs")
    expect(page.get_by_test_id("candidate").first).to_be_visible()
    expect(page.get_by_test_id("export-bar")).to_contain_text("Statický export")
    # nothing wider than the phone's screen
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
    shot(page, "export-next-phone-cs-dark")
