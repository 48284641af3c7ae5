"""Help per view and per panel, the glossary and the sense of scale (issue 17, item 3), in headless Chromium.

The help's text follows the view; a panel's "?" is reached with Tab and opened with Enter; the glossary opens from the
header, filters, and opens at an entry from a ``Term`` link, whose "see it in" link opens that view (and panel); the
scale panel's figures for the served model equal what the HTTP API says about that model. Screenshots of the help
and the glossary at 1280 and 375 px, light and dark, English and French, go to ``artifacts/screenshots/help-*``.
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from e2e_support import SCREENSHOTS, embedded_available
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.e2e

PROMPT = "The capital of France is"
PHONE = 375


def model_id() -> str:
    return "glassbox-tiny" if embedded_available() else "tiny-gpt2"


def api(server: str, path: str) -> Any:
    with urllib.request.urlopen(server + path, timeout=30) as r:
        return json.load(r)


def open_app(page: Page, server: str, lang: str = "en", **params: str) -> None:
    # the machine running the tests may be busy (two cores shared): wait longer than the default 15 s for the page
    page.set_default_timeout(30_000)
    query = {"model": model_id(), "prompt": PROMPT, "lang": lang, "tour": "0", **params}
    page.goto(f"{server}?{urlencode(query)}")
    if "view" in params:
        expect(page.get_by_test_id(f"view-{params['view']}")).to_have_attribute("aria-pressed", "true")
    else:
        expect(page.get_by_test_id("candidate").first).to_be_visible()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": PHONE, "height": 812}, locale="en-US")
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert errors == [], f"uncaught errors in the page: {errors}"


def shots(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.screenshot(path=str(SCREENSHOTS / f"help-{name}-{scheme}.png"), full_page=True)
    page.emulate_media(color_scheme="light")


def test_the_help_text_belongs_to_the_view(page: Page, server: str) -> None:
    open_app(page, server)
    page.get_by_test_id("help-button").click()
    help_panel = page.get_by_test_id("help")
    expect(help_panel).to_have_attribute("data-view", "next")
    next_text = [page.get_by_test_id(f"help-{part}").inner_text() for part in ("shows", "read", "try")]
    assert all(next_text), next_text
    page.get_by_test_id("view-training").click()
    expect(help_panel).to_have_attribute("data-view", "training")
    training_text = [page.get_by_test_id(f"help-{part}").inner_text() for part in ("shows", "read", "try")]
    assert all(training_text), training_text
    assert set(next_text).isdisjoint(training_text), (next_text, training_text)
    page.get_by_test_id("view-detail").click()
    expect(help_panel).to_have_attribute("data-view", "detail")
    assert page.get_by_test_id("help-shows").inner_text() not in (next_text[0], training_text[0])


def test_a_panel_question_mark_is_reached_by_keyboard_and_explains_the_panel(page: Page, server: str) -> None:
    open_app(page, server)
    target = page.locator("[data-testid=panel-help][data-topic=distribution]")
    expect(target).to_have_attribute("aria-expanded", "false")
    # Tab from the top of the page until the distribution panel's "?" has the focus
    page.locator("body").focus()
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement?.dataset?.topic") == "distribution":
            break
    else:
        pytest.fail("the distribution panel's ? was not reached with Tab")
    assert target.get_attribute("aria-label"), "the ? button has no accessible name"
    page.keyboard.press("Enter")
    expect(target).to_have_attribute("aria-expanded", "true")
    note = page.locator("[data-testid=panel-help-text][data-topic=distribution]")
    expect(note).to_be_visible()
    assert target.get_attribute("aria-controls") == note.get_attribute("id")
    text = note.inner_text()
    # a different panel explains something different
    page.locator("[data-testid=panel-help][data-topic=controls]").click()
    other = page.locator("[data-testid=panel-help-text][data-topic=controls]")
    expect(other).to_be_visible()
    assert other.inner_text() and other.inner_text() != text
    # Space on the first "?" closes its explanation again
    target.focus()
    page.keyboard.press(" ")
    expect(note).to_have_count(0)
    expect(target).to_have_attribute("aria-expanded", "false")


def test_every_view_has_panel_help(page: Page, server: str) -> None:
    open_app(page, server, view="detail", panel="lens")
    expect(page.locator("[data-testid=panel-help][data-topic=overview]")).to_be_visible()
    expect(page.locator("[data-testid=panel-help][data-topic=lens]")).to_be_visible()
    page.locator("[data-testid=panel-help][data-topic=lens]").click()
    expect(page.locator("[data-testid=panel-help-text][data-topic=lens]")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "help-panel-detail-lens.png"))
    page.get_by_test_id("view-training").click()
    expect(page.locator("[data-testid=panel-help][data-topic=live]")).to_be_visible()
    if embedded_available():
        expect(page.locator("[data-testid=panel-help][data-topic=replay]")).to_be_visible()
        expect(page.locator("[data-testid=panel-help][data-topic=lossChart]")).to_be_visible()
    page.locator("[data-testid=panel-help][data-topic=live]").click()
    page.locator("[data-testid=panel-help][data-topic=live]").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "help-panel-training-live.png"))
    page.get_by_test_id("view-why").click()
    expect(page.locator("[data-testid=panel-help][data-topic=attribution]")).to_be_visible()
    page.get_by_test_id("view-tokenizers").click()
    expect(page.locator("[data-testid=panel-help][data-topic=tokTax]")).to_be_visible()
    # let the lab's first request (it loads five tokenizers) finish here, not while the next test waits for its page
    expect(page.get_by_test_id("tax-cell")).not_to_have_count(0, timeout=60_000)


def test_the_glossary_opens_filters_and_opens_at_a_term(page: Page, server: str) -> None:
    open_app(page, server)
    page.get_by_test_id("glossary-button").click()
    glossary = page.get_by_test_id("glossary")
    expect(glossary).to_be_visible()
    entries = page.get_by_test_id("glossary-entry")
    total = entries.count()
    assert total >= 31, total
    expect(page.get_by_test_id("glossary-filter")).to_be_focused()
    page.get_by_test_id("glossary-filter").fill("softmax")
    expect(entries).not_to_have_count(total)
    shown = [e.get_attribute("data-term") for e in entries.all()]
    assert "softmax" in shown and "checkpoint" not in shown, shown
    page.keyboard.press("Escape")
    expect(glossary).to_have_count(0)
    expect(page.get_by_test_id("glossary-button")).to_be_focused()  # the focus goes back to what opened it

    # a Term link (here in the help's "terms used here") opens the glossary at its entry, filter cleared
    page.get_by_test_id("help-button").click()
    page.locator("[data-testid=help] [data-term-link=logit]").click()
    entry = page.locator("[data-testid=glossary-entry][data-term=logit]")
    expect(entry).to_be_focused()
    expect(entry).to_have_class(re.compile(r"\bcurrent\b"))
    expect(entry).to_be_in_viewport()
    expect(entries).to_have_count(total)
    # its "see it in" link opens that view; a term of the detailed view opens its panel there
    page.keyboard.press("Escape")
    page.get_by_test_id("view-detail").click()
    expect(page.get_by_test_id("help")).to_have_attribute("data-view", "detail")
    page.locator("[data-testid=help] [data-term-link=logitLens]").click()
    page.locator("[data-term=logitLens] [data-testid=glossary-link]").click()
    expect(glossary).to_have_count(0)
    expect(page.get_by_test_id("view-detail")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("[data-testid=panel-tab][data-panel=lens]")).to_have_attribute("aria-selected", "true")
    page.get_by_test_id("glossary-button").click()
    page.locator("[data-term=loss] [data-testid=glossary-link]").click()
    expect(page.get_by_test_id("view-training")).to_have_attribute("aria-pressed", "true")


def test_the_scale_panel_shows_the_served_model_as_the_api_describes_it(page: Page, server: str) -> None:
    model = model_id()
    card = next(m for m in api(server, "api/models")["models"] if m["id"] == model)
    info = card["info"]
    training = api(server, f"api/training/{quote(model)}/info")
    tokens = ""
    if training["has_history"]:
        steps = api(server, f"api/training/{quote(model)}/history")["steps"]
        tokens = str(steps[-1]["tokens_seen"])
    open_app(page, server)
    page.get_by_test_id("help-button").click()
    served = page.get_by_test_id("scale-served")
    expect(served).to_have_attribute("data-loaded", "true")
    expect(served).to_have_attribute("data-params", str(info["n_params"]))
    expect(served).to_have_attribute("data-layers", str(info["n_layers"]))
    expect(served).to_have_attribute("data-context", str(info["n_ctx"]))
    expect(served).to_have_attribute("data-tokens", tokens)
    assert info["name"] in served.inner_text()
    big = page.locator('[data-testid=scale-ratio][data-model="llama-3.1-405b"]')
    factor = float(big.get_attribute("data-factor") or "nan")
    assert factor == pytest.approx(405e9 / info["n_params"], rel=1e-9)
    if factor >= 1000:  # shown with three significant digits and thousands separators, e.g. "205,000×"
        assert f"{float(f'{factor:.3g}'):,.0f}×" in big.inner_text(), big.inner_text()
    # the bars are in size order: the served model's is the shortest for a model smaller than GPT-2
    styles = page.get_by_test_id("scale-bar").evaluate_all("els => els.map(e => e.style.width)")
    widths = [float(w.rstrip("%")) for w in styles]
    assert len(widths) == 4
    if info["n_params"] < 124e6:
        assert widths == sorted(widths), widths
    sources = page.get_by_test_id("scale-sources").inner_text()
    cited = (
        "https://arxiv.org/abs/2407.21783",
        "https://huggingface.co/meta-llama/Llama-3.2-1B",
        "openai-community/gpt2",
    )
    for url in cited:
        assert url in sources
    expect(page.locator("[data-testid=scale-published-gpt2-tokens]")).to_have_text("not published")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_help_and_glossary_screenshots(page: Page, phone: Page, server: str, lang: str) -> None:
    for pg, width in ((page, 1280), (phone, PHONE)):
        open_app(pg, server, lang=lang)
        pg.get_by_test_id("help-button").click()
        expect(pg.get_by_test_id("scale-served")).to_have_attribute("data-loaded", "true")
        pg.locator("[data-testid=panel-help][data-topic=distribution]").click()
        pg.wait_for_load_state("networkidle")
        assert pg.evaluate("document.documentElement.scrollWidth") <= width, f"{lang} {width}px: sideways overflow"
        shots(pg, f"{lang}-{width}")
        pg.locator("[data-testid=help] [data-term-link=softmax]").click()
        expect(pg.locator("[data-testid=glossary-entry][data-term=softmax]")).to_be_focused()
        assert pg.evaluate("document.documentElement.scrollWidth") <= width, f"{lang} {width}px glossary: overflow"
        pg.screenshot(path=str(SCREENSHOTS / f"help-glossary-{lang}-{width}.png"))
