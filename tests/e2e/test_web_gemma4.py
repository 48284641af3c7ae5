"""Gemma 4 (text) in the detailed view, in headless Chromium against a real ``glassbox serve`` of a tiny model.

The layer diagram must show what Gemma 4 adds — the per-layer input stage after the MLP and, on a KV-sharing layer,
whose keys and values its attention reads — and the per-layer input panel must carry the trace's own numbers (the
parts of the input, the gate, what the step adds per token, the layer scalar), compared with a trace of the same
text in this process. The attention and DLA panels must work on it, DLA listing the per-layer inputs' share.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from e2e_support import serve_glassbox
from playwright.sync_api import Browser, Page, expect
from test_a11y import run_axe

import glassbox
from glassbox.capture.names import act_name

pytestmark = pytest.mark.e2e

Shot = Callable[[Page, str], None]
PROMPT = "The capital of France is"
MODEL = "tiny-gemma4_text"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from glassbox.testing import make_tiny_model

    return make_tiny_model(tmp_path_factory.mktemp("g4-models") / MODEL, "gemma4_text")


@pytest.fixture(scope="module")
def g4_server(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_glassbox(["--model", str(folder)], tmp_path_factory.mktemp("serve-g4") / "serve.log") as url:
        yield url


def _open(browser: Browser, server: str, width: int, height: int, scheme: str = "light", lang: str = "en",
          **params: str) -> tuple[Page, list[str]]:  # fmt: skip
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US", color_scheme=scheme)
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    query = {"model": MODEL, "prompt": PROMPT, "lang": lang, "view": "detail", "tour": "0", **params}
    page.goto(f"{server}?{urlencode(query)}")
    expect(page.get_by_test_id("overview")).to_be_visible()
    return page, errors


def test_diagram_and_per_layer_panel_carry_the_trace(
    browser: Browser, g4_server: str, folder: Path, shot: Shot
) -> None:
    model = glassbox.load_model(str(folder), device="cpu")
    t = glassbox.trace(model, PROMPT)
    layer, pos = 2, t.n_pos - 1
    source = model.adapter.kv_source(layer)
    assert source is not None  # layer 2 of the tiny model reuses an earlier layer's keys and values
    page, errors = _open(browser, g4_server, 1280, 1000, panel="mlp", layer=str(layer), pos=str(pos))
    # the diagram: sandwich norms, then the per-layer input after the MLP; the attention names its KV source
    page.get_by_test_id("block-node").click()
    inside = page.get_by_test_id("block-inside")
    stages = inside.get_by_test_id("stage-node").evaluate_all("els => els.map(e => e.dataset.stage)")
    sandwich = ["norm1", "attention", "post_attn_norm", "add1", "norm2", "mlp", "post_mlp_norm", "add2"]
    assert stages == [*sandwich, "per_layer"]
    expect(inside.locator("[data-stage=per_layer]")).to_contain_text(f"Per-layer input ({model.adapter.d_ple} numbers)")
    expect(inside.locator("[data-stage=attention]")).to_contain_text(f"keys/values of layer {source}")
    # the panel: the trace's numbers at this layer and position
    panel = page.get_by_test_id("ple-panel")
    expect(panel).to_have_attribute("data-pos", str(pos))
    expect(panel).to_have_attribute("data-layer", str(layer))
    expect(panel).to_have_attribute("data-kv-source", str(source))
    scalar = float(panel.get_attribute("data-scalar") or "nan")
    assert abs(scalar - float(t[act_name("layer_scalar", layer)])) <= 1e-6
    for key in ("token", "context", "input", "gate", "gated"):
        expect(page.get_by_test_id(f"ple-strip-{key}")).to_have_attribute("data-length", str(model.adapter.d_ple))
    norms = [float(v) for v in page.get_by_test_id("ple-token").evaluate_all("els => els.map(e => e.dataset.norm)")]
    expected = t[act_name("ple_out", layer)].norm(dim=-1).tolist()
    assert max(abs(a - b) for a, b in zip(norms, expected, strict=True)) <= 1e-5
    expect(page.get_by_test_id("ple-kv-source")).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 1280
    panel.scroll_into_view_if_needed()
    shot(page, "detail-gemma4-per-layer-desktop-light-en")
    # a click on a token moves the panel to that position
    page.get_by_test_id("ple-token").first.click()
    expect(panel).to_have_attribute("data-pos", "0")
    assert errors == []
    page.context.close()
    # attention on a KV-sharing layer: its weights (softmax of its own queries against layer 0's keys) are the trace's
    page, errors = _open(browser, g4_server, 1280, 1000, panel="attention", layer=str(layer), head="1", pos=str(pos))
    page.locator("[data-testid=attention-step][data-step=softmax]").click()
    weights = [
        float(w) for w in page.get_by_test_id("attention-weight").evaluate_all("els => els.map(e => e.dataset.weight)")
    ]
    row = t[act_name("pattern", layer, "attn")][1, pos, : pos + 1].tolist()  # keys outside the sliding window: 0
    assert max(abs(a - b) for a, b in zip(weights, row, strict=True)) <= 1e-5  # the server's own float32 forward
    assert sum(w == 0 for w in weights) == pos + 1 - model.adapter.sliding_window(layer)
    # the residual view: a third stage per block, the per-layer input's step, adding ‖hook_ple_out‖
    page.locator("[data-testid=panel-tab][data-panel=residual]").click()
    stage = page.locator(f"[data-testid=resid-norm][data-part=ple][data-layer='{layer}']")
    expect(stage).to_have_count(1)
    assert abs(float(stage.get_attribute("data-added") or "nan") - expected[pos]) <= 1e-4
    # DLA: the per-layer inputs are components of their own, one per layer
    page.locator("[data-testid=panel-tab][data-panel=contributions]").click()
    expect(page.get_by_test_id("dla-cell").first).to_be_visible()
    ple = page.locator("[data-testid=dla-rest][data-kind=ple]")
    expect(ple).to_have_count(model.info.n_layers)
    assert errors == []
    page.context.close()


def test_per_layer_panel_phone_dark_czech(browser: Browser, g4_server: str, shot: Shot) -> None:
    page, errors = _open(browser, g4_server, 375, 812, scheme="dark", lang="cs", panel="mlp", layer="1")
    panel = page.get_by_test_id("ple-panel")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Vstup vrstvy")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
    panel.scroll_into_view_if_needed()
    shot(page, "detail-gemma4-per-layer-phone-dark-cs")
    # axe-core (as tests/e2e/test_a11y.py runs it): no serious or critical violation on the page with the panel
    blocking = [(v["id"], n["target"]) for v in run_axe(page) if v["impact"] in ("serious", "critical")
                for n in v["nodes"]]  # fmt: skip
    assert blocking == []
    panel.screenshot(path="artifacts/screenshots/detail-gemma4-per-layer-phone-dark-cs-panel.png")
    assert errors == []
    page.context.close()
