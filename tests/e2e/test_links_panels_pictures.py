"""Links to the training view's explained step and the overview's open block; pictures of the remaining charts
(issue 19, items 2 and 3).

A step run in the training view and stopped at a stage comes back — the same checkpoint, sentence, stage and
numbers — from its link in a fresh browser; so does the detailed view's open block. The Why view's heatmaps
(across a generation, activation patching), the tokenizer lab's token-tax chart and the random-start-vs-trained
comparison download as SVG files holding the values the page shows, with the panel's title and a caption naming
the model and the prompt.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import pytest
from e2e_support import SCREENSHOTS, embedded_available, fresh_visitors
from playwright.sync_api import Browser, Download, Page, expect

Shot = Callable[[Page, str], None]

pytestmark = pytest.mark.e2e

if not embedded_available():
    pytest.fail("the embedded model glassbox-tiny is not in this checkout")

MODEL = "glassbox-tiny"
PROMPT = "If a < b & b < c, then a"
LOAD = 30_000


def wait_url(page: Page, **want: str) -> None:
    page.wait_for_function(
        "want => Object.entries(want).every(([k, v]) => new URLSearchParams(location.search).get(k) === v)",
        arg=want,
    )


def save_svg(page: Page, panel: str, tmp: Path) -> tuple[Path, ET.Element, str]:
    """Press the panel's SVG button; the file, its root and its text."""
    with page.expect_download() as info:
        page.locator(f'[data-testid=export-svg][data-panel="{panel}"]').click()
    download: Download = info.value
    path = tmp / download.suggested_filename
    download.save_as(path)
    root = ET.parse(path).getroot()  # raises on a malformed file
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return path, root, "".join(root.itertext())


def attrs(root: ET.Element, name: str) -> list[str]:
    """Every value of attribute ``name`` in the file, in document order."""
    return [e.attrib[name] for e in root.iter() if name in e.attrib]


def page_attrs(page: Page, testid: str, name: str) -> list[str]:
    return page.get_by_test_id(testid).evaluate_all(f"els => els.map(e => e.getAttribute('{name}'))")


def open_app(page: Page, server: str, **params: str) -> None:
    page.goto(f"{server}?{urlencode({'model': MODEL, 'prompt': PROMPT, 'lang': 'en', 'tour': '0', **params})}")


def test_links_reopen_the_explained_step_and_the_open_block(browser: Browser, server: str) -> None:
    with fresh_visitors(browser) as visitor:
        page = visitor()
        open_app(page, server, view="training")
        page.get_by_test_id("train-step-text").fill("The cat sat on the mat.")
        options = page.get_by_test_id("train-step-checkpoint").locator("option")
        expect(options.first).to_be_attached(timeout=LOAD)
        checkpoint = options.nth(options.count() - 1).get_attribute("value") or ""
        page.get_by_test_id("train-step-checkpoint").select_option(value=checkpoint)
        page.get_by_test_id("train-step-run").click()
        page.get_by_test_id("train-step-play").click()  # pause the stages' play: the reader moves on by hand
        page.get_by_test_id("train-step-next").click()
        expect(page.get_by_test_id("mean-loss")).to_be_visible(timeout=LOAD)
        stages = page.get_by_test_id("train-step-stage").evaluate_all("els => els.map(e => e.dataset.stage)")
        wait_url(page, view="training", step=checkpoint, stext="The cat sat on the mat.", stage=stages[-1])
        loss = page.get_by_test_id("mean-loss").get_attribute("data-value")

        # the link in a fresh profile: the step is run again and shown up to the same stage, with the same numbers
        other = visitor(width=375, scheme="dark")
        other.goto(page.url)
        expect(other.get_by_test_id("mean-loss")).to_have_attribute("data-value", loss or "", timeout=LOAD)
        again = other.get_by_test_id("train-step-stage").evaluate_all("els => els.map(e => e.dataset.stage)")
        assert again == stages
        expect(other.get_by_test_id("train-step-checkpoint")).to_have_value(checkpoint)
        expect(other.get_by_test_id("train-step-text")).to_have_value("The cat sat on the mat.")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        other.get_by_test_id("training-step").screenshot(path=str(SCREENSHOTS / "links-step-panel-phone-dark.png"))

        # the overview's open block: the last layer's, read from the model's shape
        open_app(page, server, view="detail")
        layers = page.get_by_test_id("layer-select").locator("option")
        expect(layers.first).to_be_attached(timeout=LOAD)
        last = str(layers.count() - 1)
        page.get_by_test_id("layer-select").select_option(value=last)
        page.get_by_test_id("block-node").and_(page.locator(f'[data-layer="{last}"]')).click()
        expect(page.get_by_test_id("block-inside")).to_have_attribute("data-layer", last)
        wait_url(page, view="detail", layer=last, block=last)
        third = visitor()
        third.goto(page.url)
        expect(third.get_by_test_id("block-inside")).to_have_attribute("data-layer", last, timeout=LOAD)
        # a hand-edited block past the last layer opens the last one
        open_app(third, server, view="detail", layer="999", block="999")
        expect(third.get_by_test_id("block-inside")).to_have_attribute("data-layer", last, timeout=LOAD)
        expect(third.get_by_test_id("error")).to_have_count(0)


def test_pictures_of_the_remaining_charts_hold_their_values(
    browser: Browser, server: str, tmp_path: Path, shot: Shot
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with fresh_visitors(browser) as visitor:
        page = visitor()
        # the Why view: attribution across a generation of 2 tokens — every cell's score is in the file
        open_app(page, server, view="why", why="generation")
        page.get_by_test_id("max-new").fill("2")
        page.get_by_test_id("generation-run").click()
        expect(page.get_by_test_id("attribution-cell").first).to_be_visible(timeout=LOAD)
        scores = page_attrs(page, "attribution-cell", "data-score")
        path, root, text = save_svg(page, "why-generation", tmp_path)
        assert path.name == f"glassbox-why-generation-{MODEL}.svg"
        assert attrs(root, "data-score") == scores and len(scores) > 0
        assert "Across a generation" in text and f"Model: {MODEL}" in text and f"Prompt: “{PROMPT}”" in text

        # activation patching: the cells' values as shown (numbers in the cells) and the two prompts
        page.get_by_test_id("why-tab").and_(page.locator("[data-section=patching]")).click()
        page.get_by_test_id("patch-run").click()
        expect(page.get_by_test_id("patch-cell").first).to_be_visible(timeout=LOAD)
        shown = page.get_by_test_id("patch-cell").all_inner_texts()
        clean = page.get_by_test_id("patch-clean").input_value()
        _, root, text = save_svg(page, "why-patching", tmp_path)
        with page.expect_download() as info:
            page.locator('[data-testid=export-png][data-panel="why-patching"]').click()
        info.value.save_as(SCREENSHOTS / "picture-why-patching.png")
        assert attrs(root, "data-value") == page_attrs(page, "patch-cell", "data-value")
        assert [s for s in shown if s.strip() and s.strip() not in text] == []
        assert "Activation patching" in text and f"Clean prompt: “{clean}”" in text
        shot(page, "pictures-why-patching")

        # the training view: random start vs trained — both losses and every guessed token's probability
        open_app(page, server, view="training")
        page.get_by_test_id("init-run").click()
        expect(page.get_by_test_id("init-side")).to_have_count(2, timeout=LOAD)
        losses = page_attrs(page, "init-side", "data-loss")
        probs = page.locator("[data-testid=init-side] .chip").evaluate_all("els => els.map(e => e.dataset.prob)")
        _, root, text = save_svg(page, "init-vs-trained", tmp_path)
        assert attrs(root, "data-loss") == losses
        assert attrs(root, "data-prob") == probs and len(probs) > 0
        for loss in losses:
            assert f"{float(loss):.3f}" in text
        assert [e for e in root.iter() if e.tag.endswith("img")]  # the two attention maps' pixels
        with page.expect_download() as info:
            page.locator('[data-testid=export-png][data-panel="init-vs-trained"]').click()
        png = tmp_path / "init.png"
        info.value.save_as(png)
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        shutil.copy(png, SCREENSHOTS / "picture-init-vs-trained.png")
        assert "Random start vs trained" in text and f"Model: {MODEL}" in text
        assert f"Prompt: “{page.get_by_test_id('init-prompt').input_value()}”" in text

        # the tokenizer lab's token tax: every count in the file, the tokenizers named in the caption
        open_app(page, server, view="tokenizers")
        expect(page.get_by_test_id("tax-cell").first).to_be_visible(timeout=60_000)
        counts = page_attrs(page, "tax-cell", "data-count")
        names = page.locator("[data-testid=tax-table] thead th").all_inner_texts()[1:]
        path, root, text = save_svg(page, "token-tax", tmp_path)
        assert path.name.startswith("glassbox-token-tax-")
        assert attrs(root, "data-count") == counts
        assert f"Tokenizers: {', '.join(names)}" in text
        shot(page, "pictures-token-tax")

        # a phone, dark, in Japanese: the buttons fit beside the charts
        phone = visitor(width=375, scheme="dark")
        open_app(phone, server, view="training", lang="ja")
        phone.get_by_test_id("init-run").click()
        expect(phone.get_by_test_id("init-side")).to_have_count(2, timeout=LOAD)
        buttons = phone.locator('[data-testid=export-buttons][data-panel="init-vs-trained"]')
        box = buttons.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 375
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        phone.get_by_test_id("training-init").screenshot(path=str(SCREENSHOTS / "pictures-init-phone-dark-ja.png"))
