"""The "Inside the model" view as a new user meets it (issue 17, item 4), in Chromium against `glassbox serve`.

Each test holds one defect fixed: row labels in the reader's language; attention maps with their tokens on both axes
and a labelled colour scale; One head's stages in the order computed, a masked key marked "masked" (never a −∞
number); the logit lens opening at the selected position; and One head's height bounded for a long prompt, with the
selected row kept in view. Values are compared with a trace of the same text in this process. Screenshots (desktop
1280 px and phone 375 px, light and dark, English and two other languages) go to ``artifacts/screenshots/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlencode

import numpy as np
import pytest
from e2e_support import SCREENSHOTS, embedded_available, serve_glassbox
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

import glassbox
from glassbox.capture.names import act_name
from glassbox.errors import PromptTooLongError
from glassbox.models.tokens import encode

pytestmark = pytest.mark.e2e


SHORT = "The cat sat on\nthe mat"
# long enough for well over 127 tokens on any of the test tokenizers; cut to 127 by `long_prompt`
FILLER = (
    "When Mary and John went to the shop, John gave a book to Mary, and then they walked home along the river. "
    "The weather was cold, so they stopped at a small cafe and ordered two cups of tea and a piece of cake. "
) * 6
TARGET = 127
OTHER_LANGUAGES = ("cs", "fr", "uk", "zh", "ru", "ja")


def visible(text: str) -> str:
    """The page's visibleWhitespace for ordinary text: space ·, tab →, newline ↵."""
    return text.replace(" ", "·").replace("\t", "→").replace("\r\n", "↵").replace("\n", "↵")


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from glassbox.testing import make_tiny_model

    root = tmp_path_factory.mktemp("inside-models")
    return {f: make_tiny_model(root / f"tiny-{f}", f) for f in ("gpt2", "mistral")}


@pytest.fixture(scope="module")
def inside_server(models: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    args = [a for folder in models.values() for a in ("--model", str(folder))]
    if embedded_available():
        args += ["--model", "glassbox-tiny"]
    with serve_glassbox(args, tmp_path_factory.mktemp("serve-inside") / "serve.log") as url:
        yield url


@pytest.fixture(scope="module")
def gpt2(models: dict[str, Path]) -> Any:
    return glassbox.load_model(str(models["gpt2"]), device="cpu")


def n_tokens(model: Any, text: str) -> int:
    """How many tokens the model reads ``text`` as (as the page does: a BOS where the model wants one); past the
    model's context, one more than the context."""
    try:
        return len(encode(model, text))
    except PromptTooLongError:
        return model.info.n_ctx + 1


def long_prompt(model: Any, target: int = TARGET) -> str:
    """The longest prefix of FILLER that the model reads as at most ``target`` tokens (its context permitting)."""
    target = min(target, model.info.n_ctx - 1)
    lo, hi = 1, len(FILLER)
    while lo < hi:  # token counts grow with the prefix: binary search the longest prefix that fits
        mid = (lo + hi + 1) // 2
        if n_tokens(model, FILLER[:mid]) <= target:
            lo = mid
        else:
            hi = mid - 1
    text = FILLER[:lo]
    assert glassbox.trace(model, text).n_pos >= target - 3
    return text


Scheme = Literal["light", "dark"]


def new_page(
    browser: Browser, width: int = 1280, height: int = 900, scheme: Scheme = "light"
) -> tuple[Page, list[str]]:
    context = browser.new_context(
        viewport={"width": width, "height": height},
        locale="en-US",
        color_scheme=scheme,
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error":
            errors.append(msg.text)

    page.on("console", on_console)
    return page, errors


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    pg, errors = new_page(browser)
    yield pg
    pg.context.close()
    assert errors == [], f"errors in the page: {errors}"


def open_detail(page: Page, server: str, model: str, prompt: str, lang: str = "en", **params: str) -> None:
    query = {"model": model, "prompt": prompt, "lang": lang, "view": "detail", **params}
    page.goto(f"{server}?{urlencode(query)}")
    expect(page.get_by_test_id("overview")).to_be_visible()


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def values(page: Page, testid: str, *attrs: str) -> list[dict[str, str | None]]:
    js = "(els, attrs) => els.map(e => Object.fromEntries(attrs.map(a => [a, e.getAttribute('data-' + a)])))"
    rows: list[dict[str, str | None]] = page.get_by_test_id(testid).evaluate_all(js, list(attrs))
    return rows


def wait_inside(page: Page, element: str, box: str, axis: str = "y") -> None:
    """Wait until ``element`` (a selector) lies inside the visible part of ``box`` (a selector) along ``axis``
    ("y": rows, "x": columns); fail if it does not within the page's timeout (the page scrolls it there by itself,
    a frame or two after it mounts)."""
    js = """([el, box, axis]) => {
      const a = document.querySelector(el)?.getBoundingClientRect();
      const b = document.querySelector(box)?.getBoundingClientRect();
      if (!a || !b) return false;
      if (axis === "y") return a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
      return a.left >= b.left - 1 && a.right <= b.right + 1;
    }"""
    page.wait_for_function(js, arg=[element, box, axis])


def test_stages_in_computed_order_and_masked_keys_marked(page: Page, inside_server: str, gpt2: Any) -> None:
    t = glassbox.trace(gpt2, SHORT)
    layer, head_i, query = 1, 2, 2  # an early query: every key after it is masked
    open_detail(
        page, inside_server, "tiny-gpt2", SHORT, panel="attention", layer=str(layer), head=str(head_i), pos=str(query)
    )
    head = page.get_by_test_id("attention-head")
    expect(head).to_have_attribute("data-query", str(query))
    expect(page.get_by_test_id("attention-scaled")).to_have_count(t.n_pos)
    # the columns in the order the model computes them
    headers = page.locator("table.keys thead th").all_inner_texts()
    assert headers[2] == "q·k" and "scaled" in headers[3]
    assert headers[4] == "after the mask" and headers[5] == "softmax = weight"
    # q·k × scale for every key — a masked key's too — is exactly q·k from the trace's own q and k, scaled
    q = t[act_name("q", layer, "attn")][query, head_i].double().numpy()
    k = t[act_name("k", layer, "attn")][:, head_i].double().numpy()
    scale = gpt2.adapter.attn_scale(layer)
    expected = k @ q * scale
    scaled = values(page, "attention-scaled", "key", "value")
    assert [float(r["value"] or "nan") for r in scaled] == pytest.approx(expected.tolist(), abs=1e-5)
    assert all("∞" not in text for text in page.get_by_test_id("attention-scaled").all_inner_texts())
    # after the mask: the model's hook_attn_scores where the key was kept, the word "masked" where it was not
    hook = t[act_name("attn_scores", layer, "attn")][head_i, query].double().numpy()
    cells = values(page, "attention-masked", "key", "masked", "value")
    texts = page.get_by_test_id("attention-masked").all_inner_texts()
    for cell, text in zip(cells, texts, strict=True):
        key = int(cell["key"] or -1)
        if key > query:
            assert cell["masked"] == "true" and text.strip() == "masked" and np.isneginf(hook[key])
        else:
            assert cell["masked"] == "false" and float(cell["value"] or "nan") == pytest.approx(hook[key], abs=1e-5)
        assert "∞" not in text
    expect(page.get_by_test_id("mask-legend")).to_contain_text("masked")
    # weights, the head view and the map only once softmax has run
    page.locator("[data-testid=attention-step][data-step=mask]").click()
    expect(page.get_by_test_id("weights-views")).to_be_hidden()  # the head view's lines and the map
    expect(page.get_by_test_id("attention-map")).to_be_hidden()
    expect(page.get_by_test_id("weights-later")).to_be_visible()
    expect(page.get_by_test_id("attention-weight").first).to_be_hidden()
    page.locator("[data-testid=attention-step][data-step=softmax]").click()
    expect(page.get_by_test_id("attention-map")).to_be_visible()
    expect(page.get_by_test_id("attention-cell")).to_have_count(query + 1)
    # the marker is translated
    open_detail(page, inside_server, "tiny-gpt2", SHORT, lang="cs", panel="attention", pos=str(query))
    expect(page.locator("[data-testid=attention-masked][data-masked=true]").first).to_have_text("zamaskováno")


def test_sliding_window_masks_the_far_past_and_says_so(page: Page, inside_server: str, models: dict[str, Path]) -> None:
    model = glassbox.load_model(str(models["mistral"]), device="cpu")
    text = "When Mary and John went to the shop, John gave a book to Mary."
    t = glassbox.trace(model, text)
    last = t.n_pos - 1
    window = model.adapter.sliding_window(1)
    assert window is not None and last >= window  # keys before the window are masked too
    open_detail(page, inside_server, "tiny-mistral", text, panel="attention", layer="1", pos=str(last))
    expect(page.get_by_test_id("attention-scaled")).to_have_count(t.n_pos)
    masked = [r["key"] for r in values(page, "attention-masked", "key", "masked") if r["masked"] == "true"]
    assert masked == [str(k) for k in range(last - window + 1)]
    assert all("∞" not in s for s in page.get_by_test_id("attention-scaled").all_inner_texts())
    expect(page.get_by_test_id("mask-legend")).to_contain_text(f"{window} or more positions before it")


def test_attention_maps_have_tokens_on_both_axes_and_a_colour_scale(page: Page, inside_server: str, gpt2: Any) -> None:
    t = glassbox.trace(gpt2, SHORT)
    open_detail(page, inside_server, "tiny-gpt2", SHORT, panel="attention")
    amap = page.get_by_test_id("attention-map")
    expect(amap).to_be_visible()
    expected = [visible(tok.text) for tok in t.tokens]
    assert "↵" in "".join(expected)  # the newline token is visible, not blank
    keys = page.get_by_test_id("map-key-label")
    queries = page.locator("[data-testid=map-query-label] .tok")
    expect(keys).to_have_count(t.n_pos)
    assert keys.all_inner_texts() == expected
    assert queries.all_inner_texts() == expected
    # readable: real text at a legible size, each label no taller/wider than its row/column of cells
    size = keys.first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 10
    row = page.locator("[data-testid=map-query-label]").first.bounding_box()
    col = keys.first.bounding_box()
    assert row is not None and col is not None and row["height"] >= 14 and col["width"] >= 14
    # the colour scale: viridis, from 0 to 1, labelled
    scale = amap.get_by_test_id("weight-scale")
    expect(scale).to_be_visible()
    expect(scale).to_have_attribute("data-scale", "viridis")
    assert scale.get_by_test_id("weight-tick").all_inner_texts() == ["0", "0.25", "0.5", "0.75", "1"]
    expect(scale).to_contain_text("attention weight")
    # a row's token selects that position
    page.locator("[data-testid=map-query-label][data-query='1']").click()
    expect(page.get_by_test_id("attention-head")).to_have_attribute("data-query", "1")
    expect(page.locator("[data-testid=map-query-label][data-query='1']")).to_have_attribute("aria-current", "true")
    # the heads grid carries the same scale
    page.locator("[data-testid=panel-tab][data-panel=heads]").click()
    expect(page.get_by_test_id("weight-scale")).to_be_visible()


def test_one_head_height_is_bounded_for_a_long_prompt(browser: Browser, inside_server: str, gpt2: Any) -> None:
    prompt = long_prompt(gpt2)
    n = glassbox.trace(gpt2, prompt).n_pos
    query = n // 2
    heights = {}
    views: tuple[tuple[str, int, Scheme], ...] = (
        ("desktop", 1280, "light"),
        ("desktop-dark", 1280, "dark"),
        ("phone", 375, "light"),
        ("phone-dark", 375, "dark"),
    )
    for name, width, scheme in views:
        page, errors = new_page(browser, width, 812 if width < 500 else 900, scheme)
        open_detail(page, inside_server, "tiny-gpt2", prompt, panel="attention", pos=str(query))
        head = page.get_by_test_id("attention-head")
        expect(head).to_have_attribute("data-query", str(query))
        expect(page.get_by_test_id("attention-weight")).to_have_count(n)
        expect(page.get_by_test_id("map-key-label")).to_have_count(n)
        page.wait_for_load_state("networkidle")
        box = head.bounding_box()
        assert box is not None
        heights[name] = box["height"]
        # the query's row is in view in the keys table and in the map, without scrolling by hand
        wait_inside(page, f"[data-testid=keys-box] tr[data-key='{query}']", "[data-testid=keys-box]")
        wait_inside(page, f"[data-testid=map-query-label][data-query='{query}']", "[data-testid=attention-map] .box")
        # and the query's own key (the diagonal) is in view along the map's columns
        wait_inside(page, f"[data-testid=map-key-label][data-key='{query}']", "[data-testid=attention-map] .box", "x")
        width_now = page.evaluate("document.documentElement.scrollWidth")
        assert width_now <= width + 1, f"{name}: the page scrolls sideways ({width_now}px)"
        shot(page, f"inside-onehead-{n}tok-{name}")
        page.context.close()
        assert errors == [], errors
    # 5,751 px before; now bounded boxes: the desktop view fits in about two screens, the phone in about four
    assert heights["desktop"] < 1900, heights
    assert heights["phone"] < 3400, heights


def test_logit_lens_opens_at_the_selected_position(page: Page, inside_server: str, gpt2: Any) -> None:
    prompt = long_prompt(gpt2, 60)
    n = glassbox.trace(gpt2, prompt).n_pos
    pos = n - 4
    open_detail(page, inside_server, "tiny-gpt2", prompt, panel="lens", pos=str(pos))
    expect(page.get_by_test_id("logit-lens-cell").first).to_be_visible()
    selected = page.locator("[data-testid=logit-lens] thead th[data-selected=true]")
    expect(selected).to_have_count(1)
    expect(selected).to_have_attribute("data-pos", str(pos))
    # its column is scrolled into view, and its top-k is the one open
    expect(page.get_by_test_id("lens-topk")).to_have_attribute("data-pos", str(pos))
    page.wait_for_function(
        """pos => {
          const th = document.querySelector(`[data-testid=logit-lens] thead th[data-pos="${pos}"]`);
          const box = document.querySelector("[data-testid=logit-lens-scroll]").getBoundingClientRect();
          const a = th.getBoundingClientRect();
          return a.left >= box.left - 1 && a.right <= box.right + 1;
        }""",
        arg=pos,
    )
    scroll_left = page.get_by_test_id("logit-lens-scroll").evaluate("e => e.scrollLeft")
    assert scroll_left > 0  # not left at position 0
    # another position from the picker: the lens follows
    page.get_by_test_id("pos-select").select_option(str(pos - 30))
    expect(page.get_by_test_id("lens-topk")).to_have_attribute("data-pos", str(pos - 30))
    expect(selected).to_have_attribute("data-pos", str(pos - 30))
    column = f"[data-testid=logit-lens] thead th[data-pos='{pos - 30}']"
    wait_inside(page, column, "[data-testid=logit-lens-scroll]", "x")


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_row_labels_are_translated(page: Page, inside_server: str, lang: str) -> None:
    # picked live in the header, on an open logit lens: its rows change language with the rest of the page
    open_detail(page, inside_server, "tiny-gpt2", SHORT, panel="lens")
    expect(page.get_by_test_id("logit-lens-cell").first).to_be_visible()
    english = page.locator("[data-testid=logit-lens] tbody th").all_inner_texts()
    assert english[:2] == ["embed", "block 0"], english
    page.get_by_test_id("language-select").select_option(lang)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("[data-testid=logit-lens] tbody th").first).not_to_have_text("embed")
    lens_rows = page.locator("[data-testid=logit-lens] tbody th").all_inner_texts()
    assert len(lens_rows) == len(english) and not set(lens_rows) & set(english), lens_rows
    if lang in ("cs", "ja"):
        shot(page, f"inside-lens-{lang}")
    # opened in that language from the URL: the residual stream's stages and the norms
    open_detail(page, inside_server, "tiny-gpt2", SHORT, lang=lang, panel="residual")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    rows = page.locator("[data-testid=resid-norm] td:first-child").all_inner_texts()
    assert rows and rows[0] != "embed" and "L0 attn" not in rows and "L0 mlp" not in rows, rows
    norms = page.locator("[data-testid=norm-stat] td:first-child").all_inner_texts()
    assert "blocks.0.ln1" not in norms and "ln_final" not in norms, norms


def test_screenshots_of_the_default_model(browser: Browser, inside_server: str, models: dict[str, Path]) -> None:
    """The embedded model where it is built (the one a new user meets), else the tiny GPT-2: never skipped."""
    name_or_folder = "glassbox-tiny" if embedded_available() else str(models["gpt2"])
    served = "glassbox-tiny" if embedded_available() else "tiny-gpt2"
    model = glassbox.load_model(name_or_folder, device="cpu")
    prompt = long_prompt(model)
    n = glassbox.trace(model, prompt).n_pos
    shots: tuple[tuple[str, int, Scheme, str], ...] = (
        ("desktop", 1280, "light", "en"),
        ("phone-dark", 375, "dark", "uk"),
    )
    for name, width, scheme, lang in shots:
        page, errors = new_page(browser, width, 812 if width < 500 else 900, scheme)
        for panel in ("attention", "lens", "heads"):
            open_detail(page, inside_server, served, prompt, lang=lang, panel=panel, pos=str(n - 10))
            expect(page.locator(f"[role=tabpanel][data-panel={panel}]")).to_be_visible()
            page.wait_for_load_state("networkidle")
            if panel == "attention":
                expect(page.get_by_test_id("map-key-label")).to_have_count(n)
            shot(page, f"inside-embedded-{panel}-{name}")
        width_now = page.evaluate("document.documentElement.scrollWidth")
        assert width_now <= width + 1, f"{name}: the page scrolls sideways ({width_now}px)"
        page.context.close()
        assert errors == [], errors


def test_a_long_prompts_lens_comes_a_window_at_a_time_and_its_grid_pooled(
    page: Page, inside_server: str, gpt2: Any
) -> None:
    prompt = long_prompt(gpt2, 110)
    t = glassbox.trace(gpt2, prompt)
    n = t.n_pos
    assert n > 64
    open_detail(page, inside_server, "tiny-gpt2", prompt, panel="lens", pos=str(n - 4))
    note = page.get_by_test_id("lens-window")
    expect(note).to_have_attribute("data-from", "64")
    expect(note).to_have_attribute("data-to", str(n - 1))
    expect(page.locator("[data-testid=logit-lens] thead th[data-pos]")).to_have_count(n - 64)
    expect(page.get_by_test_id("lens-topk")).to_have_attribute("data-pos", str(n - 4))
    page.get_by_test_id("pos-select").select_option("10")  # outside the window: the lens moves to 0-63
    expect(note).to_have_attribute("data-from", "0")
    expect(note).to_have_attribute("data-to", "63")
    expect(page.locator("[data-testid=logit-lens] thead th[data-pos]")).to_have_count(64)
    expect(page.get_by_test_id("lens-topk")).to_have_attribute("data-pos", "10")
    # the all-heads grid of the same prompt: thumbnails of 2 × 2 blocks, and a note that says so
    open_detail(page, inside_server, "tiny-gpt2", prompt, panel="heads")
    expect(page.get_by_test_id("grid-pooled")).to_have_attribute("data-block", "2")
    expect(page.get_by_test_id("head-thumb")).to_have_count(gpt2.info.n_layers * gpt2.info.n_heads)
