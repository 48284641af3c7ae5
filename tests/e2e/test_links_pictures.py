"""Links are state and every panel makes a picture (issue 19, items 2, 3 and 7).

A state set by hand in the live app (view, layer, head, position, tab, sampling settings) comes back — the same
selection and the same numbers — when its URL is opened in a fresh browser; a hand-edited link with values the
model does not have falls back without an error. The picture buttons download SVG files that parse as SVG and
hold the panel's values as shown and a caption with the model and the prompt, and PNG files at twice the size.
"""

from __future__ import annotations

import shutil
import struct
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from e2e_support import SCREENSHOTS, embedded_available, fresh_visitors
from playwright.sync_api import Browser, Download, Locator, Page, expect

Shot = Callable[[Page, str], None]

pytestmark = pytest.mark.e2e

if not embedded_available():
    pytest.fail("the embedded model glassbox-tiny is not in this checkout")

MODEL = "glassbox-tiny"
SVG = "{http://www.w3.org/2000/svg}"
# a prompt with the characters that break a hand-written SVG: it must come back whole in the caption
PROMPT = "If a < b & b < c, then a"
# the CI machine runs several browsers at once: a panel that waits for the server may take longer than 5 s
LOAD = 20_000


def url_params(page: Page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def wait_url(page: Page, **want: str) -> None:
    """Until the URL (which follows the page a quarter of a second later) holds every wanted parameter."""
    page.wait_for_function(
        "want => Object.entries(want).every(([k, v]) => new URLSearchParams(location.search).get(k) === v)",
        arg=want,
    )


def weights(page: Page) -> list[str]:
    values = page.get_by_test_id("attention-weight").evaluate_all("els => els.map(e => e.dataset.weight)")
    return [str(v) for v in values]


def save(page: Page, button: Locator, tmp: Path) -> Path:
    with page.expect_download() as info:
        button.click()
    download: Download = info.value
    path = tmp / download.suggested_filename
    download.save_as(path)
    return path


def svg_texts(path: Path) -> tuple[ET.Element, str]:
    root = ET.parse(path).getroot()  # raises on a malformed file
    assert root.tag == f"{SVG}svg"
    return root, "".join(root.itertext())


def test_a_link_reopens_the_same_selection(browser: Browser, server: str, shot: Shot) -> None:
    with fresh_visitors(browser) as visitor:
        page = visitor()
        page.goto(f"{server}?{urlencode({'model': MODEL, 'prompt': PROMPT, 'lang': 'en', 'tour': '0'})}")
        expect(page.get_by_test_id("candidate").first).to_be_visible(timeout=LOAD)
        # sampling settings, set with the controls
        page.get_by_test_id("temperature").fill("0.65")
        page.get_by_test_id("top-k").fill("7")
        wait_url(page, t="0.65", k="7")
        # inside the model: a layer, a head and a position that are not the defaults, read from the model's shape
        page.get_by_test_id("view-detail").click()
        expect(page.get_by_test_id("attention-head")).to_be_visible(timeout=LOAD)
        layers = page.get_by_test_id("layer-select").locator("option").count()
        heads = page.get_by_test_id("head-select").locator("option").count()
        positions = page.get_by_test_id("pos-select").locator("option").count()
        layer, head, pos = str(layers - 1), str(heads - 1), str(max(0, positions - 3))
        page.get_by_test_id("layer-select").select_option(value=layer)
        page.get_by_test_id("head-select").select_option(value=head)
        page.get_by_test_id("pos-select").select_option(value=pos)
        head_view = page.get_by_test_id("attention-head")
        expect(head_view).to_have_attribute("data-layer", layer, timeout=LOAD)
        expect(head_view).to_have_attribute("data-head", head, timeout=LOAD)
        expect(head_view).to_have_attribute("data-query", pos, timeout=LOAD)
        wait_url(page, view="detail", panel="attention", layer=layer, head=head, pos=pos)
        shown = weights(page)
        assert len(shown) == positions and float(shown[int(pos) + 1]) == 0  # a key after the query: masked
        link = page.url

        # the link in a fresh browser profile: the same head, the same numbers, the same settings
        other = visitor(width=375)
        other.goto(link)
        again = other.get_by_test_id("attention-head")
        expect(again).to_have_attribute("data-layer", layer, timeout=LOAD)
        expect(again).to_have_attribute("data-head", head, timeout=LOAD)
        expect(again).to_have_attribute("data-query", pos, timeout=LOAD)
        assert weights(other) == shown
        other.get_by_test_id("view-next").click()
        expect(other.get_by_test_id("temperature")).to_have_value("0.65", timeout=LOAD)
        expect(other.get_by_test_id("top-k")).to_have_value("7", timeout=LOAD)

        # another tab of the same view: the logit lens, and its cells again from the link
        page.get_by_test_id("panel-tab").and_(page.locator('[data-panel="lens"]')).click()
        wait_url(page, panel="lens")
        cells = page.get_by_test_id("logit-lens-cell")
        expect(cells.first).to_be_visible(timeout=LOAD)
        lens = cells.evaluate_all("els => els.map(e => e.textContent.trim())")
        third = visitor()
        third.goto(page.url)
        expect(third.get_by_test_id("logit-lens-cell").first).to_be_visible(timeout=LOAD)
        assert third.get_by_test_id("logit-lens-cell").evaluate_all("els => els.map(e => e.textContent.trim())") == lens

        # a hand-edited link: a layer past the model's last, a negative head, junk position and tab, junk settings
        bad = {
            "model": MODEL,
            "prompt": PROMPT,
            "view": "detail",
            "layer": "999",
            "head": "-3",
            "pos": "x",
            "panel": "evil",
            "t": "hot",
            "k": "-5",
            "tour": "0",
        }
        fourth = visitor()
        fourth.goto(f"{server}?{urlencode(bad)}")
        fallback = fourth.get_by_test_id("attention-head")
        expect(fallback).to_have_attribute("data-layer", str(layers - 1), timeout=LOAD)  # clamped to the last layer
        expect(fallback).to_have_attribute("data-head", "0", timeout=LOAD)
        expect(fourth.get_by_test_id("error")).to_have_count(0, timeout=LOAD)

        # training: the replay's checkpoint; why: the section and its method
        steps = _history_checkpoints(fourth, server)
        assert len(steps) >= 2
        fifth = visitor()
        fifth.goto(f"{server}?{urlencode({'model': MODEL, 'view': 'training', 'ckpt': steps[1], 'tour': '0'})}")
        expect(fifth.get_by_test_id("checkpoint-step")).to_have_attribute("data-step", str(steps[1]), timeout=LOAD)
        fifth.get_by_test_id("checkpoint-slider").fill("0")
        wait_url(fifth, ckpt=str(steps[0]))
        why = {
            "model": MODEL,
            "prompt": PROMPT,
            "view": "why",
            "why": "attribution",
            "method": "occlusion",
            "target": "99999999",  # no such candidate: the picker keeps its default
            "tour": "0",
        }
        fifth.goto(f"{server}?{urlencode(why)}")
        expect(fifth.get_by_test_id("method-select").first).to_have_value("occlusion", timeout=LOAD)
        expect(fifth.get_by_test_id("target-select")).to_have_value("", timeout=LOAD)
        expect(fifth.get_by_test_id("why-error")).to_have_count(0)
        fifth.get_by_test_id("method-select").first.select_option("shapley")
        wait_url(fifth, why="attribution", method="shapley")
        # the tokenizer lab: the chosen tokenizers (a name the catalogue lacks is dropped) and the text
        lab = {
            "model": MODEL,
            "view": "tokenizers",
            "toks": "llama3,nonesuch,gpt2",
            "ttext": "a < b & 你好",
            "tour": "0",
        }
        fifth.goto(f"{server}?{urlencode(lab)}")
        expect(fifth.get_by_test_id("tok-text")).to_have_value("a < b & 你好", timeout=LOAD)
        checked = fifth.locator('[data-testid="tok-choose"]:checked')
        expect(checked).to_have_count(2, timeout=LOAD)
        assert sorted(checked.evaluate_all("els => els.map(e => e.dataset.tokenizer)")) == ["gpt2", "llama3"]
        wait_url(fifth, toks="llama3,gpt2", ttext="a < b & 你好")
        shot(other, "links-restored-phone")


def _history_checkpoints(page: Page, server: str) -> list[int]:
    """The steps of the embedded model's recorded checkpoints, from the server's own history."""
    checkpoints = page.evaluate(
        "async (u) => (await (await fetch(u)).json()).checkpoints",
        f"{server}api/training/{MODEL}/history",
    )
    return [int(c["step"]) for c in checkpoints]


def test_pictures_hold_the_panels_values_and_caption(browser: Browser, server: str, tmp_path: Path, shot: Shot) -> None:
    with fresh_visitors(browser) as visitor:
        page = visitor()
        page.goto(f"{server}?{urlencode({'model': MODEL, 'prompt': PROMPT, 'lang': 'en', 'tour': '0'})}")
        top = page.get_by_test_id("candidate").first
        expect(top).to_be_visible(timeout=LOAD)
        top_prob = top.locator(".value").inner_text().strip()

        dist = page.get_by_test_id("distribution-panel")
        svg_file = save(page, dist.get_by_test_id("export-svg"), tmp_path)
        assert svg_file.name == f"glassbox-distribution-{MODEL}.svg"
        root, text = svg_texts(svg_file)
        assert top_prob in text  # the top token's probability as the page shows it
        assert f"Model: {MODEL}" in text
        assert PROMPT in text  # `<` and `&` came through as text
        expect(dist.get_by_test_id("export-status")).to_contain_text(svg_file.name, timeout=LOAD)
        width, height = float(root.attrib["width"]), float(root.attrib["height"])

        png_file = save(page, dist.get_by_test_id("export-png"), tmp_path)
        assert png_file.name == f"glassbox-distribution-{MODEL}.png"
        data = png_file.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        png_w, png_h = struct.unpack(">II", data[16:24])
        assert (png_w, png_h) == (round(width * 2), round(height * 2))
        assert len(data) > 5_000  # drawn, not blank
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(png_file, SCREENSHOTS / "picture-distribution.png")

        pipe = page.get_by_test_id("pipeline-panel")
        _, ptext = svg_texts(save(page, pipe.get_by_test_id("export-svg"), tmp_path))
        assert page.get_by_test_id("chosen").inner_text().split()[0] in ptext

        # the copy-link button copies the state as it is now
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
        page.get_by_test_id("copy-link").click()
        expect(page.get_by_test_id("copy-link-status")).not_to_be_empty(timeout=LOAD)
        copied = page.evaluate("navigator.clipboard.readText()")
        assert parse_qs(urlparse(copied).query)["prompt"] == [PROMPT]
        shot(page, "pictures-buttons-next")

        # the attention head: the caption names layer, head and position; the weights are in the file as shown
        page.get_by_test_id("view-detail").click()
        head_view = page.get_by_test_id("attention-head")
        expect(head_view).to_be_visible(timeout=LOAD)
        layer, head, query = (head_view.get_attribute(a) for a in ("data-layer", "data-head", "data-query"))
        shown = page.get_by_test_id("attention-weight").locator(".num").all_inner_texts()
        svg_head = save(page, page.get_by_test_id("export-svg"), tmp_path)
        assert svg_head.name == f"glassbox-attention-head-{MODEL}.svg"
        _, htext = svg_texts(svg_head)
        assert f"Layer {layer}, head {head}, query position {query}" in htext
        assert PROMPT in htext and f"Model: {MODEL}" in htext
        for w in shown:
            assert w in htext
        png_head = save(page, page.get_by_test_id("export-png"), tmp_path)
        assert png_head.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        shutil.copy(png_head, SCREENSHOTS / "picture-attention-head.png")
        shot(page, "pictures-buttons-detail")

        # all heads (canvas thumbnails, embedded as images) and the logit lens (a table): their values are in the file
        page.get_by_test_id("panel-tab").and_(page.locator('[data-panel="heads"]')).click()
        expect(page.get_by_test_id("head-thumb").first).to_be_visible(timeout=LOAD)
        thumbs = page.get_by_test_id("head-thumb").count()
        expect(page.locator('[data-testid="head-thumb"] canvas')).to_have_count(
            thumbs, timeout=LOAD
        )  # all drawn (progressive)
        grid_file = save(page, page.get_by_test_id("export-svg"), tmp_path)
        assert grid_file.name == f"glassbox-all-heads-{MODEL}.svg"
        grid_root, _ = svg_texts(grid_file)
        images = [e for e in grid_root.iter() if e.tag.endswith("img")]
        assert len(images) == thumbs
        assert all(e.attrib.get("src", "").startswith("data:image/png") for e in images)
        page.get_by_test_id("panel-tab").and_(page.locator('[data-panel="lens"]')).click()
        expect(page.get_by_test_id("logit-lens-cell").first).to_be_visible(timeout=LOAD)
        cells = page.get_by_test_id("logit-lens-cell").all_inner_texts()
        _, lens_text = svg_texts(save(page, page.get_by_test_id("export-svg"), tmp_path))
        missing = [part for c in cells for part in c.split() if part not in lens_text]
        assert missing == []

        # the training loss curve: pure SVG, its caption names the checkpoint shown
        page.get_by_test_id("view-training").click()
        step = page.get_by_test_id("checkpoint-step").get_attribute("data-step")
        loss_file = save(
            page, page.get_by_test_id("export-svg").and_(page.locator('[data-panel="loss-chart"]')), tmp_path
        )
        assert loss_file.name == f"glassbox-loss-chart-{MODEL}.svg"
        loss_root, loss_text = svg_texts(loss_file)
        assert f"Checkpoint: step {step}" in loss_text
        assert not [e for e in loss_root.iter() if e.tag.endswith("foreignObject")]
        assert [e for e in loss_root.iter() if e.tag == f"{SVG}path"]

        # the phone: the buttons fit beside the headings, in dark and in another language
        phone = visitor(width=375, scheme="dark")
        phone.goto(f"{server}?{urlencode({'model': MODEL, 'prompt': PROMPT, 'lang': 'uk', 'tour': '0'})}")
        expect(phone.get_by_test_id("candidate").first).to_be_visible(timeout=LOAD)
        buttons = phone.get_by_test_id("distribution-panel").get_by_test_id("export-buttons")
        box = buttons.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 375
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375
        shot(phone, "pictures-buttons-phone-dark-uk")
        phone.get_by_test_id("distribution-panel").screenshot(
            path=str(SCREENSHOTS / "pictures-buttons-phone-panel.png")
        )
        phone.locator("header").screenshot(path=str(SCREENSHOTS / "links-copy-phone-header.png"))
