"""Prompts the model cannot take as given (issue 17, item 4), in Chromium against a real ``glassbox serve``.

A prompt longer than the server allows is cut from the left by the page, which shows ``truncation-notice`` with the
real number of dropped tokens (counted here with the model's own tokenizer) and still predicts; "Inside the model"
has its own prompt box and says what to do for an empty prompt instead of "Loading…" forever; a negative top-k is
refused with a message. Screenshots: desktop 1280 px and phone 375 px, light and dark.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from glassbox.models.loading import load_model
from glassbox.models.tokens import _tokenize

Shot = Callable[[Page, str], None]

pytestmark = pytest.mark.e2e

MODEL = "tiny-gpt2"


def _open(page: Page, server: str, **params: str) -> None:
    query = {"model": MODEL, "lang": "en", "tour": "0", **params}
    page.goto(f"{server}?{urlencode(query)}")


def test_a_long_prompt_is_cut_from_the_left_with_a_notice(
    page: Page, server: str, shot: Shot, max_prompt_tokens: int, e2e_models: list[Path]
) -> None:
    model = load_model(str(next(m for m in e2e_models if m.name == MODEL)), device="cpu")
    text = " ".join(f"word{i % 7}" for i in range(max_prompt_tokens * 3))
    ids = _tokenize(model, text, None)
    limit = min(model.info.n_ctx, max_prompt_tokens)
    assert len(ids) > limit
    _open(page, server, prompt="Hello")
    expect(page.get_by_test_id("candidate").first).to_be_visible()
    page.get_by_test_id("prompt-input").fill(text)
    notice = page.get_by_test_id("truncation-notice")
    expect(notice).to_be_visible()
    expect(notice).to_have_attribute("data-dropped", str(len(ids) - limit))
    expect(notice).to_contain_text(str(len(ids) - limit))
    chips = page.get_by_test_id("token")
    expect(chips).to_have_count(limit)
    kept = [int(x) for x in chips.evaluate_all("els => els.map(e => e.dataset.tokenId)")]
    assert kept == ids[-limit:]  # exactly the last tokens that fit
    expect(page.get_by_test_id("candidate").first).to_be_visible()  # and it predicts
    expect(page.get_by_test_id("error")).to_have_count(0)
    shot(page, "a-truncation-desktop-light")
    page.emulate_media(color_scheme="dark")
    shot(page, "a-truncation-desktop-dark")
    page.set_viewport_size({"width": 375, "height": 800})
    expect(notice).to_be_visible()
    shot(page, "a-truncation-phone-dark")
    page.emulate_media(color_scheme="light")
    shot(page, "a-truncation-phone-light")
    # translated: the notice follows the language
    page.get_by_test_id("language-select").select_option("fr")
    expect(notice).to_contain_text("tokens")
    expect(notice).to_contain_text("retirés")  # the French catalog's words
    page.get_by_test_id("prompt-input").fill("Short again")
    expect(notice).to_have_count(0)


def test_inside_the_model_has_a_prompt_box_and_no_endless_loading(page: Page, server: str, shot: Shot) -> None:
    _open(page, server, view="detail", prompt="")
    view = page.get_by_test_id("detail-view")
    expect(view.get_by_test_id("detail-empty")).to_be_visible()
    expect(view).not_to_contain_text("Loading")
    shot(page, "a-detail-empty")
    view.get_by_test_id("prompt-input").fill("The cat sat")
    expect(view.get_by_test_id("pos-select")).to_be_visible()
    expect(view.get_by_test_id("detail-empty")).to_have_count(0)


def test_a_negative_top_k_is_refused(page: Page, server: str, shot: Shot) -> None:
    _open(page, server, prompt="Hello")
    expect(page.get_by_test_id("candidate").first).to_be_visible()
    top_k = page.get_by_test_id("top-k")
    top_k.fill("-3")
    error = page.get_by_test_id("top-k-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("negative")
    expect(top_k).to_have_attribute("aria-invalid", "true")
    shot(page, "a-top-k-negative")
    top_k.fill("5")
    expect(error).to_have_count(0)
    expect(page.locator("output[for=ctl-top-k]")).to_have_text("5")


def test_inside_the_model_traces_the_same_cut_of_a_long_prompt(
    page: Page, server: str, shot: Shot, max_prompt_tokens: int, e2e_models: list[Path]
) -> None:
    """The detailed view asks for truncate='left' too: its positions are the next-token view's kept tokens."""
    model = load_model(str(next(m for m in e2e_models if m.name == MODEL)), device="cpu")
    text = " ".join(f"word{i % 5}" for i in range(max_prompt_tokens * 3))
    ids = _tokenize(model, text, None)
    limit = min(model.info.n_ctx, max_prompt_tokens)
    _open(page, server, view="detail", prompt="Hello")
    view = page.get_by_test_id("detail-view")
    expect(view.get_by_test_id("pos-select")).to_be_visible()
    view.get_by_test_id("prompt-input").fill(text)
    notice = view.get_by_test_id("truncation-notice")
    expect(notice).to_have_attribute("data-dropped", str(len(ids) - limit))
    options = view.get_by_test_id("pos-select").locator("option")
    expect(options).to_have_count(limit)
    expect(view.get_by_test_id("detail-error")).to_have_count(0)
    shot(page, "a-detail-truncated")
