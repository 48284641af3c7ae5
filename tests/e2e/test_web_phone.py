"""No view scrolls sideways on a 375-px phone (issue 17: "17 px of sideways overflow"), in headless Chromium.

Each view is opened at 375 × 812 px and driven into the states that draw the most (a generation, every panel of
the detailed view, the "why?" sections with a result, the tokenizer lab's merges); after each,
``document.documentElement.scrollWidth`` must be at most 375. Wide content (tables, heatmaps, the logit lens) may
scroll inside its own box, never the page. A failure names the elements that stick out, with their right edge.
Screenshots of every view at 375 and 1280 px, light and dark, go to ``artifacts/screenshots/phone-*``.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from e2e_support import SCREENSHOTS, embedded_available
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.e2e


PHONE = 375
# whitespace-heavy on purpose: a newline and a double space make whitespace tokens the chips must draw
PROMPT = "The capital of France is Paris.\nThe  capital of Japan is"
PANELS = ("embedding", "attention", "heads", "mlp", "residual", "lens", "contributions")

# every element whose right edge passes the viewport and that no scrolling or clipping ancestor contains
OFFENDERS_JS = """() => {
  const w = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= w + 0.5) continue;
    let p = el.parentElement, contained = false;
    while (p && p !== document.body) {
      if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(p).overflowX)) { contained = true; break; }
      p = p.parentElement;
    }
    if (contained) continue;
    const id = el.getAttribute("data-testid");
    const name = `${el.tagName.toLowerCase()}${id ? `[${id}]` : ""}.${[...el.classList].join(".")}`;
    out.push(`${name} right=${Math.round(r.right)}`);
  }
  return out.slice(0, 12);
}"""


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": PHONE, "height": 812}, locale="en-US", color_scheme="light")
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert errors == [], f"uncaught errors in the page: {errors}"


def model_id() -> str:
    return "glassbox-tiny" if embedded_available() else "tiny-gpt2"


def open_view(page: Page, server: str, view: str, **params: str) -> None:
    query = {"model": model_id(), "prompt": PROMPT, "lang": "en", **({"view": view} if view != "next" else {})}
    page.goto(f"{server}?{urlencode({**query, **params})}")
    expect(page.get_by_test_id("view-next")).to_be_visible()


def assert_fits(page: Page, where: str) -> None:
    page.wait_for_load_state("networkidle")
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("window.innerWidth")
    assert viewport == PHONE
    assert width <= PHONE, f"{where}: the page is {width}px wide on a {PHONE}px phone: {page.evaluate(OFFENDERS_JS)}"


def shots(page: Page, name: str) -> None:
    """The view as it is now at 375 px, light and dark, then at 1280 px, light and dark."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (PHONE, 1280):
        page.set_viewport_size({"width": width, "height": 812})
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.screenshot(path=str(SCREENSHOTS / f"phone-{name}-{width}-{scheme}.png"), full_page=True)
    page.set_viewport_size({"width": PHONE, "height": 812})
    page.emulate_media(color_scheme="light")


def test_next_token_view_fits_a_phone(phone: Page, server: str) -> None:
    open_view(phone, server, "next")
    expect(phone.get_by_test_id("candidate").first).to_be_visible()
    assert_fits(phone, "next token")
    for i in range(3):
        phone.get_by_test_id("step-button").click()
        expect(phone.get_by_test_id("generated-token")).to_have_count(i + 1)
        expect(phone.get_by_test_id("step-button")).to_be_enabled()
    assert_fits(phone, "next token after three steps")
    # the prompt's whitespace tokens are drawn, never blank
    texts = phone.locator("[data-testid=token] .token-text").all_inner_texts()
    assert texts and all(t.strip() for t in texts), texts
    phone.get_by_test_id("help-button").click()
    expect(phone.get_by_test_id("help")).to_be_visible()
    assert_fits(phone, "next token with help open")
    phone.emulate_media(color_scheme="dark")
    assert_fits(phone, "next token, dark")
    phone.emulate_media(color_scheme="light")
    shots(phone, "next")


def test_inside_the_model_fits_a_phone(phone: Page, server: str) -> None:
    for panel in PANELS:
        open_view(phone, server, "detail", panel=panel)
        expect(phone.locator(f"[role=tabpanel][data-panel={panel}]")).to_be_visible()
        expect(phone.get_by_test_id("overview")).to_be_visible()
        assert_fits(phone, f"inside the model, {panel}")
        if panel in ("attention", "lens"):
            shots(phone, f"detail-{panel}")


def test_pre_training_view_fits_a_phone(phone: Page, server: str) -> None:
    open_view(phone, server, "training")
    expect(phone.get_by_test_id("training-view")).to_be_visible()
    expect(phone.get_by_test_id("training-view")).to_have_attribute("aria-busy", "false")
    if embedded_available():  # the embedded model has a recorded history: the loss curve and the probes
        expect(phone.get_by_test_id("loss-chart")).to_be_visible()
    assert_fits(phone, "pre-training")
    shots(phone, "training")


def test_why_view_fits_a_phone(phone: Page, server: str) -> None:
    for section, run, result in (
        ("attribution", "attribute-run", "attribution"),
        ("score", "score-run", "score-column"),
        ("generation", None, None),
        ("patching", None, None),
    ):
        open_view(phone, server, "why", why=section)
        expect(phone.get_by_test_id("why-view")).to_be_visible()
        assert_fits(phone, f"why, {section}")
        if run and result:
            phone.get_by_test_id(run).click()
            expect(phone.get_by_test_id(result).first).to_be_visible()
            assert_fits(phone, f"why, {section} with a result")
            shots(phone, f"why-{section}")


def test_tokenizer_lab_fits_a_phone(phone: Page, server: str) -> None:
    open_view(phone, server, "tokenizers")
    # the first request loads the lab's tokenizers: slow on a busy machine
    expect(phone.get_by_test_id("tokenizer-column").first).to_be_visible(timeout=90_000)
    expect(phone.get_by_test_id("tok-chip").first).to_be_visible()
    assert_fits(phone, "tokenizers")
    phone.get_by_test_id("tok-text").fill(PROMPT + "\n\tdone")
    expect(phone.locator("[data-testid=tok-chip] .ws").first).to_be_visible()
    assert_fits(phone, "tokenizers with whitespace tokens")
    # a space token is drawn as ·, never a blank chip
    texts = phone.locator("[data-testid=tok-chip] .piece").all_inner_texts()
    assert texts and all(t.strip() for t in texts), texts
    shots(phone, "tokenizers")
