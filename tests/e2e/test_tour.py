"""The beginner mode and the guided tour's generation track in headless Chromium against a real ``glassbox serve``.

A first visit is a beginner's: the tour opens (``?tour=0`` skips it) and the header's mode toggle says so; the
choice of mode survives a reload. Next walks every generation stage in order, and each stage shows this prompt's
real values: the page's own tokens and ids, the server's embedding, attention weights, MLP activations and residual
norms (read back over HTTP and compared), the next-token view's probabilities, and the sampled token — which Next on
``append`` really generates. Back returns, Escape closes, the keys meant for the tour do not drive the view under
it, "show me the real numbers" opens the detailed view at the tour's head, and the other views' controls stay
visible and usable beside the open tour. Screenshots: ``artifacts/screenshots/tour-*.png`` (desktop and 375-px
phone, light and dark, English and Japanese).
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlencode

import numpy as np
import pytest
from e2e_support import SCREENSHOTS, embedded_available, fresh_visitors
from e2e_support import api_json as api
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.e2e

Shot = Callable[[Page, str], None]
GENERATION = [
    *("text", "tokens", "ids", "embedding", "attention", "mlp", "residual", "probabilities", "sampling", "append")
]
MODEL = "glassbox-tiny"
PROMPT = "The capital of France is"

if not embedded_available():
    pytest.skip("the embedded model glassbox-tiny is not in this checkout", allow_module_level=True)


def tensor(payload: dict[str, Any]) -> np.ndarray:
    raw = base64.b64decode(payload["data"])
    dtype = np.float32 if payload["dtype"] == "float32" else np.float16
    return np.frombuffer(raw, dtype=dtype).astype(np.float64).reshape(payload["shape"])


@pytest.fixture
def visitor(browser: Browser) -> Iterator[Callable[..., Page]]:
    """A page in a fresh browser profile (nothing remembered: a first visit) at a given width and colour scheme."""
    with fresh_visitors(browser) as make:
        yield make


def url(server: str, **extra: str) -> str:
    return f"{server}?{urlencode({'model': MODEL, 'prompt': PROMPT, 'lang': 'en', **extra})}"


def stage(page: Page) -> str | None:
    return page.get_by_test_id("tour-stage").get_attribute("data-stage")


def next_stage(page: Page, expected: str) -> None:
    page.get_by_test_id("tour-next").click()
    expect(page.get_by_test_id("tour-stage")).to_have_attribute("data-stage", expected)


def ids(page: Page, testid: str, attr: str = "token-id") -> list[int]:
    got: list[str] = page.get_by_test_id(testid).evaluate_all(f"els => els.map(e => e.getAttribute('data-{attr}'))")
    return [int(x) for x in got]


def ready(page: Page) -> None:
    """The page has predicted its prompt (the next-token view's bars are there)."""
    expect(page.get_by_test_id("candidate").first).to_be_visible()


def test_first_visit_is_a_beginner_with_the_tour_and_tour0_skips_it(visitor: Callable[..., Page], server: str) -> None:
    page = visitor()
    page.goto(url(server))
    expect(page.get_by_test_id("tour")).to_be_visible()
    expect(page.get_by_test_id("mode-toggle")).to_have_attribute("data-mode", "beginner")
    expect(page.get_by_test_id("tour-stage")).to_have_attribute("data-stage", "text")
    expect(page.get_by_test_id("tour-back")).to_be_disabled()

    skipped = visitor()
    skipped.goto(url(server, tour="0"))
    ready(skipped)
    expect(skipped.get_by_test_id("mode-toggle")).to_have_attribute("data-mode", "beginner")
    expect(skipped.get_by_test_id("tour")).to_have_count(0)
    # still a beginner: the tour is one click away
    skipped.get_by_test_id("tour-open").click()
    expect(skipped.get_by_test_id("tour")).to_be_visible()


def test_next_walks_every_generation_stage_with_this_prompts_real_values(
    visitor: Callable[..., Page], server: str
) -> None:
    page = visitor()
    page.goto(url(server))
    ready(page)
    assert stage(page) == "text"
    expect(page.get_by_test_id("tour-text")).to_contain_text(PROMPT)

    next_stage(page, "tokens")
    page_tokens = ids(page, "token")
    assert page_tokens, "the page shows its tokens"
    assert ids(page, "tour-token") == page_tokens  # exactly the page's token split, in order
    tour_texts = page.get_by_test_id("tour-token").evaluate_all(
        "els => els.map(e => e.querySelector('[data-text]').dataset.text)"
    )
    page_texts = page.get_by_test_id("token").evaluate_all(
        "els => els.map(e => e.querySelector('[data-text]').dataset.text)"
    )
    assert tour_texts == page_texts

    next_stage(page, "ids")
    shown_ids = [int(x) for x in page.get_by_test_id("tour-id").all_inner_texts()]
    assert shown_ids == page_tokens

    overview = api(server, "api/detail/overview", {"model": MODEL, "prompt": PROMPT, "truncate": "left"})
    last = len(overview["tokens"]) - 1
    info = overview["info"]

    next_stage(page, "embedding")
    vector = page.get_by_test_id("tour-vector")
    expect(vector).to_be_visible()
    embedding = api(server, "api/detail/embedding", {"model": MODEL, "prompt": PROMPT, "truncate": "left", "pos": last})
    assert int(vector.get_attribute("data-length") or 0) == info["d_model"]
    assert float(vector.get_attribute("data-norm") or "nan") == pytest.approx(embedding["total_norm"], rel=1e-6)
    expect(page.get_by_test_id("tour-tensor")).to_contain_text(f"pos {last}")

    next_stage(page, "attention")
    figure = page.get_by_test_id("tour-attention")
    expect(figure).to_be_visible()
    layer, head = int(figure.get_attribute("data-layer") or -1), int(figure.get_attribute("data-head") or -1)
    assert int(figure.get_attribute("data-query") or -1) == last
    expect(page.get_by_test_id("tour-tensor")).to_contain_text(f"blocks.{layer}.attn.hook_pattern")
    expect(page.get_by_test_id("tour-tensor")).to_contain_text(f"head {head}")
    real = tensor(
        api(
            server,
            "api/detail/attention_head",
            {"model": MODEL, "prompt": PROMPT, "truncate": "left", "layer": layer, "head": head, "query_pos": last},
        )["weights"]
    )
    lines = page.get_by_test_id("tour-attention-line").evaluate_all(
        "els => els.map(e => [Number(e.dataset.pos), Number(e.dataset.weight)])"
    )
    assert lines, "the head's lines are drawn"
    for pos, weight in lines:
        assert weight == pytest.approx(real[pos], rel=1e-5, abs=1e-7)
    # the strongest position of the real head is among the lines drawn
    assert int(np.argmax(real)) in {p for p, _ in lines}

    next_stage(page, "mlp")
    expect(page.get_by_test_id("tour-mlp")).to_be_visible()
    request = {"model": MODEL, "prompt": PROMPT, "truncate": "left", "layer": layer, "pos": last, "k": 8}
    mlp = api(server, "api/detail/mlp", request)
    assert ids(page, "tour-neuron", "index") == [n["index"] for n in mlp["top"]]

    next_stage(page, "residual")
    norms = page.get_by_test_id("tour-resid").evaluate_all("els => els.map(e => Number(e.dataset.value))")
    assert norms == pytest.approx([row[last] for row in overview["residual"]["resid_norm"]], rel=1e-6)

    next_stage(page, "probabilities")
    # predict, then reveal: the learner's pick, then the real distribution
    guesses = page.get_by_test_id("tour-guess")
    expect(guesses.first).to_be_visible()
    guessed = int(guesses.first.get_attribute("data-token-id") or -1)
    guesses.first.click()
    top_id = int(page.get_by_test_id("candidate").first.get_attribute("data-token-id") or -1)
    expect(page.get_by_test_id("tour-verdict")).to_have_attribute("data-right", str(guessed == top_id).lower())
    first = page.get_by_test_id("tour-candidate").first
    assert int(first.get_attribute("data-token-id") or -1) == top_id
    page_prob = float(page.get_by_test_id("candidate").first.get_attribute("data-prob") or "nan")
    assert float(first.get_attribute("data-prob") or "nan") == page_prob

    next_stage(page, "sampling")
    sampled = page.get_by_test_id("tour-sampled")
    sampled_id = int(sampled.get_attribute("data-token-id") or -1)
    # the page's sampler with its default settings: the same token its pipeline marks as chosen
    candidate = page.locator(f'[data-testid="candidate"][data-token-id="{sampled_id}"]')
    chosen_prob = float(candidate.get_attribute("data-prob") or "nan")
    assert float(sampled.get_attribute("data-prob") or "nan") == chosen_prob

    next_stage(page, "append")
    expect(page.get_by_test_id("tour-appended")).to_have_attribute("data-token-id", str(sampled_id))
    assert page.get_by_test_id("generated-token").count() == 0
    # Next on append generates that token through the page's real generation, and the loop starts again
    next_stage(page, "tokens")
    expect(page.get_by_test_id("generated-token")).to_have_count(1)
    expect(page.get_by_test_id("generated-token").first).to_have_attribute("data-token-id", str(sampled_id))
    assert ids(page, "tour-token") == [*page_tokens, sampled_id]

    # Back returns, stage by stage
    page.get_by_test_id("tour-back").click()
    expect(page.get_by_test_id("tour-stage")).to_have_attribute("data-stage", "text")


def test_keys_back_escape_and_the_remembered_mode(visitor: Callable[..., Page], server: str) -> None:
    page = visitor()
    page.goto(url(server))
    ready(page)
    # the arrow keys inside the tour move the tour, and do not step the generation under it
    page.get_by_test_id("tour-next").focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_test_id("tour-stage")).to_have_attribute("data-stage", "tokens")
    page.keyboard.press("ArrowRight")
    expect(page.get_by_test_id("tour-stage")).to_have_attribute("data-stage", "ids")
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_test_id("tour-stage")).to_have_attribute("data-stage", "tokens")
    assert page.get_by_test_id("generated-token").count() == 0
    # any other key finishes the stage's animation at once
    page.keyboard.press("x")
    expect(page.get_by_test_id("tour-stage")).to_have_attribute("data-skipped", "true")
    page.get_by_test_id("tour-back").click()
    expect(page.get_by_test_id("tour-stage")).to_have_attribute("data-stage", "text")

    page.keyboard.press("Escape")
    expect(page.get_by_test_id("tour")).to_have_count(0)
    expect(page.get_by_test_id("mode-toggle")).to_have_attribute("data-mode", "beginner")

    # expert is remembered: after a reload there is no tour
    page.get_by_test_id("mode-toggle").click()
    expect(page.get_by_test_id("mode-toggle")).to_have_attribute("data-mode", "expert")
    expect(page.get_by_test_id("tour-open")).to_have_count(0)
    page.reload()
    ready(page)
    expect(page.get_by_test_id("mode-toggle")).to_have_attribute("data-mode", "expert")
    expect(page.get_by_test_id("tour")).to_have_count(0)
    # and so is beginner: the tour opens at once, and again after a reload
    page.get_by_test_id("mode-toggle").click()
    expect(page.get_by_test_id("tour")).to_be_visible()
    page.reload()
    expect(page.get_by_test_id("mode-toggle")).to_have_attribute("data-mode", "beginner")
    expect(page.get_by_test_id("tour")).to_be_visible()


def test_real_numbers_at_attention_open_the_detail_view_at_that_head(visitor: Callable[..., Page], server: str) -> None:
    page = visitor()
    page.goto(url(server))
    ready(page)
    for s in GENERATION[1:5]:
        next_stage(page, s)
    expect(page.get_by_test_id("tour-attention")).to_be_visible()
    n_heads = page.get_by_test_id("tour-head").locator("option").count()
    n_layers = page.get_by_test_id("tour-layer").locator("option").count()
    head, layer = n_heads - 1, n_layers - 1  # not the default 0, so the hand-over is visible
    page.get_by_test_id("tour-head").select_option(str(head))
    page.get_by_test_id("tour-layer").select_option(str(layer))
    expect(page.get_by_test_id("tour-attention")).to_have_attribute("data-head", str(head))
    expect(page.get_by_test_id("tour-attention")).to_have_attribute("data-layer", str(layer))
    page.get_by_test_id("tour-expert").click()

    expect(page.get_by_test_id("mode-toggle")).to_have_attribute("data-mode", "expert")
    expect(page.get_by_test_id("tour")).to_have_count(0)
    expect(page.get_by_test_id("view-detail")).to_have_attribute("aria-pressed", "true")
    expect(page.locator('[data-testid="panel-tab"][data-panel="attention"]')).to_have_attribute("aria-selected", "true")
    expect(page.get_by_test_id("head-select")).to_have_value(str(head))
    expect(page.get_by_test_id("layer-select")).to_have_value(str(layer))
    n_pos = page.get_by_test_id("pos-select").locator("option").count()
    expect(page.get_by_test_id("pos-select")).to_have_value(str(n_pos - 1))


def test_the_views_controls_stay_usable_beside_the_open_tour(visitor: Callable[..., Page], server: str) -> None:
    page = visitor()
    page.goto(url(server))
    ready(page)
    next_stage(page, "tokens")
    expect(page.get_by_test_id("tour")).to_be_visible()
    for control in ("prompt-input", "view-next", "view-detail", "view-training", "temperature", "step-button"):
        expect(page.get_by_test_id(control)).to_be_visible()
    # the prompt box still takes typing, and the tour tells the new prompt
    before = ids(page, "tour-token")
    page.get_by_test_id("prompt-input").fill("Once upon a time")
    expect(page.get_by_test_id("token").first).to_be_visible()
    page.wait_for_function(
        "before => { const ids = (id) => [...document.querySelectorAll(`[data-testid=${id}]`)]"
        ".map(e => Number(e.dataset.tokenId)).join();"
        " return ids('tour-token') === ids('token') && ids('tour-token') !== before.join(); }",
        arg=before,
    )
    # the view tabs still switch views, and the tour stays open beside them
    page.get_by_test_id("view-detail").click()
    expect(page.get_by_test_id("detail-view")).to_be_visible()
    expect(page.get_by_test_id("tour")).to_be_visible()
    # the step button (under the tour) still generates
    page.get_by_test_id("view-next").click()
    page.get_by_test_id("step-button").click()
    expect(page.get_by_test_id("generated-token")).to_have_count(1)


SIZES = [(1280, "light", "en"), (1280, "dark", "ja"), (375, "light", "en"), (375, "dark", "ja")]


@pytest.mark.parametrize(("width", "scheme", "lang"), SIZES)
def test_screenshots_desktop_and_phone(
    visitor: Callable[..., Page], server: str, shot: Shot, width: int, scheme: str, lang: str
) -> None:
    page = visitor(width, scheme)
    page.goto(url(server, lang=lang))
    ready(page)
    for s in GENERATION[1:5]:
        next_stage(page, s)
    expect(page.get_by_test_id("tour-attention-line").first).to_be_visible()
    page.get_by_test_id("tour-stage").click(position={"x": 2, "y": 2})  # finish the animation for the picture
    expect(page.get_by_test_id("tour-stage")).to_have_attribute("data-skipped", "true")
    # the tour is inline: no sideways scrolling on a phone, and the prompt box and view tabs are still on the page
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{overflow}px of sideways overflow at {width}px"
    expect(page.get_by_test_id("view-next")).to_be_visible()
    expect(page.get_by_test_id("prompt-input")).to_be_visible()
    name = f"tour-{'phone' if width < 500 else 'desktop'}-{scheme}-{lang}"
    shot(page, name)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.get_by_test_id("tour").screenshot(path=str(SCREENSHOTS / f"{name}-attention.png"))
    for s in GENERATION[5:8]:
        next_stage(page, s)
    page.get_by_test_id("tour-reveal").click()
    expect(page.get_by_test_id("tour-candidate").first).to_be_visible()
    page.get_by_test_id("tour-stage").click(position={"x": 2, "y": 2})
    page.get_by_test_id("tour").screenshot(path=str(SCREENSHOTS / f"{name}-probabilities.png"))
