"""UI languages load on demand: only English ships with the page, each other language is one chunk fetched when chosen.

Headless Chromium against a real ``glassbox serve`` (see conftest.py). The starting language must be on screen at the
first paint (no English flash); the header's picker switches once the chunk arrives; a chunk that cannot be fetched
leaves the page working in the language it was in.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, Request, Route, expect

Shot = Callable[[Page, str], None]

pytestmark = pytest.mark.e2e

MODEL = "tiny-gpt2"

# Records every text the tagline ever shows, from the document's first mutation on (a MutationObserver's callback
# runs before the browser paints the change), so a transient English tagline would be caught.
RECORD_TAGLINES = """
window.__taglines = [];
new MutationObserver(() => {
  const el = document.querySelector('.tagline');
  const text = el ? el.textContent : null;
  if (text && window.__taglines[window.__taglines.length - 1] !== text) window.__taglines.push(text);
}).observe(document, { subtree: true, childList: true, characterData: true });
"""

EN_TAGLINE = "every number is real"
CS_TAGLINE = "každé číslo je skutečné"


def url(server: str, **params: str) -> str:
    return f"{server}?{urlencode({'model': MODEL, 'prompt': 'The capital of France is', **params})}"


def script_requests(page: Page) -> list[str]:
    seen: list[str] = []

    def on_request(req: Request) -> None:
        if req.resource_type == "script":
            seen.append(req.url.rsplit("/", 1)[-1])

    page.on("request", on_request)
    return seen


def slow_chunk(route: Route) -> None:
    """Hold a language chunk back a while: a page that painted before it arrived would show English meanwhile."""
    time.sleep(0.8)
    route.continue_()


def test_the_starting_language_is_on_screen_from_the_first_paint(page: Page, server: str, shot: Shot) -> None:
    page.add_init_script(RECORD_TAGLINES)
    scripts = script_requests(page)
    page.route(re.compile(r".*/assets/cs-[\w-]+\.js$"), slow_chunk)
    page.goto(url(server, lang="cs"))
    expect(page.get_by_test_id("step-button")).to_contain_text("Krok")
    expect(page.get_by_test_id("candidate").first).to_be_visible()
    taglines = page.evaluate("window.__taglines")
    assert taglines, "the observer saw no tagline"
    assert all(CS_TAGLINE in t for t in taglines), f"another language showed before Czech: {taglines}"
    expect(page.locator("html")).to_have_attribute("lang", "cs")
    # Czech came as its own chunk; no other language's chunk was fetched
    assert any(re.fullmatch(r"cs-[\w-]+\.js", s) for s in scripts), scripts
    assert not any(re.fullmatch(r"(fr|uk|zh|ru|ja)-[\w-]+\.js", s) for s in scripts), scripts
    page.set_viewport_size({"width": 375, "height": 800})
    page.emulate_media(color_scheme="dark")
    shot(page, "lang-02-czech-phone-dark")


def test_english_needs_no_language_chunk_and_a_pick_fetches_one(page: Page, server: str) -> None:
    scripts = script_requests(page)
    page.goto(url(server, lang="en"))
    expect(page.locator(".tagline")).to_contain_text(EN_TAGLINE)
    expect(page.get_by_test_id("candidate").first).to_be_visible()
    assert not any(re.fullmatch(r"(cs|fr|uk|zh|ru|ja)-[\w-]+\.js", s) for s in scripts), scripts
    page.get_by_test_id("language-select").select_option("ja")
    expect(page.get_by_test_id("step-button")).to_contain_text("ステップ")
    expect(page).to_have_url(re.compile(r"[?&]lang=ja"))
    assert any(re.fullmatch(r"ja-[\w-]+\.js", s) for s in scripts), scripts


def test_a_language_that_cannot_load_leaves_the_page_as_it_was(page: Page, server: str, shot: Shot) -> None:
    page.goto(url(server, lang="en"))
    expect(page.get_by_test_id("candidate").first).to_be_visible()
    warnings: list[str] = []
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    page.route(re.compile(r".*/assets/fr-[\w-]+\.js$"), lambda route: route.abort())
    page.get_by_test_id("language-select").select_option("fr")
    page.wait_for_function("() => document.querySelector('[data-testid=language-select]').value === 'en'")
    assert any("fr strings could not be loaded" in w for w in warnings), warnings
    expect(page.get_by_test_id("step-button")).to_contain_text("Step")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(re.compile(r"[?&]lang=en"))
    expect(page.get_by_test_id("error")).to_have_count(0)
    # the page still works, and another language still loads
    page.get_by_test_id("step-button").click()
    expect(page.get_by_test_id("generated-token")).to_have_count(1)
    page.get_by_test_id("language-select").select_option("uk")
    expect(page.get_by_test_id("step-button")).to_contain_text("Крок")
    shot(page, "lang-01-ukrainian-after-failed-french")
