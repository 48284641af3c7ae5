"""The tokenizer lab in a real browser: five real tokenizers side by side, chips and tax cells equal to Python's,
13 languages in the token tax, BPE merges and a chat template; screenshots desktop and phone, light and dark."""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from glassbox.tokenizers import CATALOGUE_NAMES, compare, parallel_set, token_tax
from glassbox.tokenizers.merges import merge_trace

pytestmark = pytest.mark.e2e

Shot = Callable[[Page, str], None]
CHOSEN = ["gpt2", "o200k", "llama3", "qwen3", "gemma3"]
TEXT = "Ще не вмерла 你好 🎉 naïve café — tokenizers!"


def open_lab(browser: Browser, server: str, width: int, theme: str) -> Page:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="en-US", color_scheme=theme)  # type: ignore[arg-type]
    page = context.new_page()
    page.set_default_timeout(60_000)  # the first request loads five tokenizers
    page.goto(f"{server}?view=tokenizers")
    expect(page.get_by_test_id("view-tokenizers")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_test_id("tokenizer-column")).to_have_count(len(CHOSEN), timeout=60_000)
    expect(page.get_by_test_id("tax-cell")).to_have_count(13 * len(CHOSEN), timeout=60_000)
    return page


def test_side_by_side_and_the_tax_table_equal_python(browser: Browser, server: str, shot: Shot) -> None:
    page = open_lab(browser, server, 1280, "light")
    expected = compare(TEXT, CHOSEN)
    columns = page.get_by_test_id("tokenizer-column")
    assert [columns.nth(i).get_attribute("data-tokenizer") for i in range(len(CHOSEN))] == CHOSEN
    for i, result in enumerate(expected.results):
        chips = columns.nth(i).get_by_test_id("tok-chip")
        got = chips.evaluate_all("els => els.map(e => [Number(e.dataset.id), e.dataset.bytes])")
        want = [[t.id, " ".join(t.bytes_hex[j : j + 2] for j in range(0, len(t.bytes_hex), 2))] for t in result.tokens]
        assert got == want, result.tokenizer
    tax = token_tax(CHOSEN)
    cells = page.get_by_test_id("tax-cell").evaluate_all(
        "els => els.map(e => [e.dataset.lang, e.dataset.tokenizer, Number(e.dataset.count)])"
    )
    assert cells == [[c.lang, c.tokenizer, c.count] for c in tax.cells]
    assert len({c[0] for c in cells}) >= 10
    # BPE merges and a chat template, from the server's Python
    expect(page.get_by_test_id("merge-step").first).to_be_visible()
    expect(page.get_by_test_id("chat-text")).to_contain_text("<|im_start|>user")
    shot(page, "tokenizers-desktop-light")
    page.context.close()


def test_own_text_and_phone_dark(browser: Browser, server: str, shot: Shot) -> None:
    page = open_lab(browser, server, 375, "dark")
    page.get_by_test_id("tok-text").fill("مرحبا بالعالم नमस्ते สวัสดี")
    want = [t.id for t in compare("مرحبا بالعالم नमस्ते สวัสดี", ["gpt2"]).results[0].tokens]
    first = page.get_by_test_id("tokenizer-column").first
    expect(first.get_by_test_id("tok-chip")).to_have_count(len(want))
    assert first.get_by_test_id("tok-chip").evaluate_all("els => els.map(e => Number(e.dataset.id))") == want
    shot(page, "tokenizers-phone-dark")
    page.context.close()


def _multilingual() -> list[str]:
    """The multilingual set of tests/integration/test_tokenizers.py (one list, read from there, not copied)."""
    path = Path(__file__).resolve().parents[1] / "integration" / "test_tokenizers.py"
    spec = importlib.util.spec_from_file_location("_tokenizer_reference_tests", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    texts: list[str] = module.MULTILINGUAL
    return texts


def _ids_in_column(page: Page, name: str, want: list[int], text: str) -> list[int]:
    """The chips' ids of one column once it shows ``text`` (waits for the page's answer to this text)."""
    column = page.locator(f'[data-testid="tokenizer-column"][data-tokenizer="{name}"]')
    expect(column).to_have_attribute("data-chars", str(len(text)), timeout=60_000)
    got: list[int] = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # a column can still show a text of the same length: poll, then judge
        got = column.get_by_test_id("tok-chip").evaluate_all("els => els.map(e => Number(e.dataset.id))")
        if got == want:
            break
        page.wait_for_timeout(100)
    return got


def test_the_page_tokenizes_like_python_for_every_catalogue_entry(browser: Browser, server: str) -> None:
    """Every catalogue tokenizer runs in the page (data-engine="browser", its file fetched from beside the page) and
    gives Python's ids on the multilingual set, the 13-language parallel text and the whole README."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(60_000)
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(f"{server}?view=tokenizers")
    expect(page.get_by_test_id("tokenizer-column")).to_have_count(len(CHOSEN), timeout=60_000)
    for name in CATALOGUE_NAMES:
        if name not in CHOSEN:
            page.locator(f'[data-testid="tok-choose"][data-tokenizer="{name}"]').check()
    expect(page.get_by_test_id("tokenizer-column")).to_have_count(len(CATALOGUE_NAMES), timeout=60_000)
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    texts = [*_multilingual(), *(t.text for t in parallel_set().texts), readme + "\n".join(_multilingual())]
    for typed in texts:
        page.get_by_test_id("tok-text").fill(typed)
        # a textarea keeps line breaks as "\n" ("\r\n" arrives as "\n"): Python gets the text the page holds
        text = page.get_by_test_id("tok-text").input_value()
        for name in CATALOGUE_NAMES:
            want = [t.id for t in compare(text, [name]).results[0].tokens]
            assert _ids_in_column(page, name, want, text) == want, (name, text[:60])
    engines = page.get_by_test_id("tokenizer-column").evaluate_all("els => els.map(e => e.dataset.engine)")
    assert engines == ["browser"] * len(CATALOGUE_NAMES)
    # each file was fetched once, as a static file beside the page; no text went to the server's tokenize route
    assert sorted(u.rsplit("/", 1)[1] for u in fetched if "/tokenizers/" in u and u.endswith(".json.gz")) == sorted(
        f"{n}.json.gz" for n in CATALOGUE_NAMES
    )
    assert not [u for u in fetched if u.endswith("/api/tokenizers/tokenize")]
    context.close()


def test_a_served_models_tokenizer_runs_on_the_server_and_a_broken_file_falls_back(
    browser: Browser, server: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(60_000)
    # the page cannot read gpt2's file (as if a static copy lacked it): the server tokenizes gpt2 instead
    page.route("**/tokenizers/gpt2.json.gz", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(f"{server}?view=tokenizers")
    expect(page.get_by_test_id("tokenizer-column")).to_have_count(len(CHOSEN), timeout=60_000)
    served = page.locator('[data-testid="tok-choose"]').evaluate_all("els => els.map(e => e.dataset.tokenizer)")
    model = next(n for n in served if n not in CATALOGUE_NAMES)
    page.locator(f'[data-testid="tok-choose"][data-tokenizer="{model}"]').check()
    column = page.locator(f'[data-testid="tokenizer-column"][data-tokenizer="{model}"]')
    expect(column).to_have_attribute("data-engine", "server", timeout=60_000)
    expect(page.locator('[data-testid="tokenizer-column"][data-tokenizer="gpt2"]')).to_have_attribute(
        "data-engine", "server"
    )
    expect(page.locator('[data-testid="tokenizer-column"][data-tokenizer="o200k"]')).to_have_attribute(
        "data-engine", "browser"
    )
    want = [t.id for t in compare(TEXT, ["gpt2"]).results[0].tokens]
    assert _ids_in_column(page, "gpt2", want, TEXT) == want
    context.close()


def test_merges_play_step_by_step(browser: Browser, server: str, shot: Shot) -> None:
    page = open_lab(browser, server, 1280, "light")
    trace = merge_trace("o200k", "tokenization")
    total = max(len(p.steps) for p in trace.pieces)
    progress = page.get_by_test_id("merge-progress")
    expect(progress).to_have_attribute("data-total", str(total))
    expect(progress).to_have_attribute("data-shown", "0")
    stage = page.get_by_test_id("merge-stage").first
    start = trace.pieces[0].start
    expect(stage.locator(".sym")).to_have_count(len(start))
    page.get_by_test_id("merge-next").click()
    expect(progress).to_have_attribute("data-shown", "1")
    expect(stage.locator(".sym")).to_have_count(len(trace.pieces[0].steps[0].symbols))
    page.get_by_test_id("merge-play").click()
    expect(progress).to_have_attribute("data-shown", str(total), timeout=30_000)
    final = [t.text for t in trace.pieces[0].tokens]
    assert stage.locator(".sym").all_inner_texts() == final
    shot(page, "tokenizers-merges-desktop-light")
    page.context.close()


def test_merges_under_reduced_motion_jump_to_the_end_and_name_the_embedded_training(
    browser: Browser, server: str
) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 900}, locale="en-US", reduced_motion="reduce")
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{server}?view=tokenizers")
    progress = page.get_by_test_id("merge-progress")
    expect(progress).to_have_attribute("data-shown", "0")
    page.get_by_test_id("merge-play").click()
    total = progress.get_attribute("data-total")
    expect(progress).to_have_attribute("data-shown", str(total))  # at once: no timer under reduced motion
    assert page.get_by_test_id("merge-play").get_attribute("aria-pressed") == "false"
    served = page.locator("[data-testid=merge-tokenizer] option").evaluate_all("els => els.map(e => e.value)")
    # another served model's tokenizer gets no training story: glassbox did not train it
    page.get_by_test_id("merge-tokenizer").select_option(next(n for n in served if n.startswith("tiny-")))
    page.get_by_role("button", name="Show").first.click()
    expect(page.get_by_test_id("merge-step").first).to_be_visible()
    expect(page.get_by_test_id("merge-provenance")).to_have_count(0)
    if "glassbox-tiny" in served:  # the embedded model, served whenever its assets are built (conftest)
        page.get_by_test_id("merge-tokenizer").select_option("glassbox-tiny")
        expect(page.get_by_test_id("merge-provenance")).to_contain_text("order it learnt them")
    context.close()
