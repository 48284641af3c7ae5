"""A link carries the generation: generated and forced tokens are in the URL (``gen=``), and opening it — a
reload, or the link in a fresh browser — takes the same steps again (issue 17)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

Shot = Callable[[Page, str], None]

pytestmark = pytest.mark.e2e

MODEL = "tiny-gpt2"


def chips(page: Page) -> list[tuple[int, bool]]:
    """(token id, forced?) of every generated token on the page."""
    rows = page.get_by_test_id("generated-token").evaluate_all(
        "els => els.map(e => [Number(e.dataset.tokenId), e.classList.contains('forced')])"
    )
    return [(int(i), bool(f)) for i, f in rows]


def step_once(page: Page) -> None:
    before = len(chips(page))
    page.get_by_test_id("step-button").click()
    expect(page.get_by_test_id("generated-token")).to_have_count(before + 1)
    expect(page.get_by_test_id("step-button")).to_be_enabled()


def test_a_link_restores_sampled_and_forced_tokens(page: Page, server: str, browser: Browser, shot: Shot) -> None:
    query = {"model": MODEL, "prompt": "The capital of France is", "lang": "en", "t": "0.9", "seed": "4", "tour": "0"}
    page.goto(f"{server}?{urlencode(query)}")
    expect(page.get_by_test_id("candidate").first).to_be_visible()
    step_once(page)
    # force a candidate the sampler did not pick: the last of the list shown
    candidates = page.get_by_test_id("candidate")
    forced_id = int(candidates.last.get_attribute("data-token-id") or "-1")
    candidates.last.click()
    expect(page.get_by_test_id("generated-token")).to_have_count(2)
    expect(page.get_by_test_id("step-button")).to_be_enabled()
    step_once(page)
    made = chips(page)
    assert made[1] == (forced_id, True) and not made[0][1] and not made[2][1]

    # the URL follows (a quarter of a second later) and spells each token, forced ones marked
    wanted = ".".join(f"{i}{'f' if f else ''}" for i, f in made)
    page.wait_for_function("want => new URLSearchParams(location.search).get('gen') === want", arg=wanted)
    link = page.url
    assert parse_qs(urlparse(link).query)["gen"] == [wanted]

    page.reload()
    expect(page.get_by_test_id("generated-token")).to_have_count(3)
    assert chips(page) == made
    expect(page.get_by_test_id("step-button")).to_be_enabled()

    # the same link in another browser context (no storage shared): the same generation
    other = browser.new_context(viewport={"width": 375, "height": 800}, locale="en-US")
    try:
        phone = other.new_page()
        phone.goto(link)
        expect(phone.get_by_test_id("generated-token")).to_have_count(3)
        assert chips(phone) == made
        shot(phone, "url-generation-restored-phone")
    finally:
        other.close()

    # rewinding drops the last token from the URL too
    page.get_by_test_id("rewind-button").click()
    expect(page.get_by_test_id("generated-token")).to_have_count(2)
    short = ".".join(f"{i}{'f' if f else ''}" for i, f in made[:2])
    page.wait_for_function("want => new URLSearchParams(location.search).get('gen') === want", arg=short, timeout=5_000)
    shot(page, "url-generation-restored")
