"""The detailed view ("Inside the model") in headless Chromium against a real ``glassbox serve``.

One server offers a tiny model of every family (and the embedded model when present). The values the page
shows — attention weights, logit-lens probabilities, neuron activations, norms — are read from the data
attributes and compared with a trace of the same text in this process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import numpy as np
import pytest
from e2e_support import embedded_available, serve_glassbox
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

import glassbox
from glassbox.capture.names import act_name
from glassbox.testing import MODEL_TYPES

pytestmark = pytest.mark.e2e


Shot = Callable[[Page, str], None]
PROMPT = "The capital of France is"


@pytest.fixture(scope="module")
def family_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from glassbox.testing import make_tiny_model

    root = tmp_path_factory.mktemp("detail-models")
    return {f: make_tiny_model(root / f"tiny-{f}", f) for f in MODEL_TYPES}


@pytest.fixture(scope="module")
def detail_server(family_models: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    args = [a for folder in family_models.values() for a in ("--model", str(folder))]
    if embedded_available():
        args += ["--model", "glassbox-tiny"]
    with serve_glassbox(args, tmp_path_factory.mktemp("serve-detail") / "serve.log") as url:
        yield url


@pytest.fixture
def dpage(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page plus the console errors and uncaught exceptions it produced (asserted empty at the end)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error":
            errors.append(msg.text)

    pg.on("console", on_console)
    yield pg, errors
    context.close()
    assert errors == [], f"errors in the page: {errors}"


def open_detail(page: Page, server: str, model: str, **params: str) -> None:
    query = {"model": model, "prompt": PROMPT, "lang": "en", "view": "detail", **params}
    page.goto(f"{server}?{urlencode(query)}")
    expect(page.get_by_test_id("overview")).to_be_visible()


def data(page: Page, testid: str, *attrs: str) -> list[dict[str, str]]:
    js = "(els, attrs) => els.map(e => Object.fromEntries(attrs.map(a => [a, e.getAttribute('data-' + a)])))"
    rows: list[dict[str, str]] = page.get_by_test_id(testid).evaluate_all(js, list(attrs))
    return rows


@pytest.fixture(scope="module")
def gpt2_trace(family_models: dict[str, Path]) -> Any:
    model = glassbox.load_model(str(family_models["gpt2"]), device="cpu")
    return glassbox.trace(model, PROMPT)


def test_page_values_equal_the_trace(dpage: tuple[Page, list[str]], detail_server: str, gpt2_trace: Any) -> None:
    page, _ = dpage
    t = gpt2_trace
    last = t.n_pos - 1
    open_detail(page, detail_server, "tiny-gpt2", panel="attention", layer="1", head="2")
    expect(page.get_by_test_id("attention-head")).to_have_attribute("data-head", "2")
    # attention weights: the lines from the query to every key it may see, at three query positions
    pattern = t[act_name("pattern", 1, "attn")][2].numpy()
    page.locator("h1").click()
    for query in (last, last - 1, last - 2):
        expect(page.get_by_test_id("attention-head")).to_have_attribute("data-query", str(query))
        expect(page.get_by_test_id("attention-cell")).to_have_count(query + 1)
        cells = data(page, "attention-cell", "query", "key", "weight")
        for c in cells:
            assert int(c["query"]) == query
            assert float(c["weight"]) == pytest.approx(float(pattern[query, int(c["key"])]), abs=1e-6)
        expect(page.get_by_test_id("attention-weight")).to_have_count(t.n_pos)  # masked keys show weight 0
        weights = [float(r["weight"]) for r in data(page, "attention-weight", "weight")]
        assert weights == pytest.approx(pattern[query].tolist(), abs=1e-6)
        page.keyboard.press("[")

    # logit lens: top token and its probability in every cell
    page.get_by_test_id("panel-tab").and_(page.locator("[data-panel=lens]")).click()
    expect(page.get_by_test_id("logit-lens-cell").first).to_be_visible()
    lens = t.logit_lens_probs().numpy()  # [layer, pos, d_vocab]
    cells = data(page, "logit-lens-cell", "layer", "pos", "token-id", "prob")
    assert len(cells) == lens.shape[0] * lens.shape[1]
    for c in cells:
        row = lens[int(c["layer"]), int(c["pos"])]
        assert float(c["prob"]) == pytest.approx(float(row.max()), rel=1e-5)
        assert float(row[int(c["token-id"])]) == pytest.approx(float(row.max()), rel=1e-6)
    # a cell opens its top-k; a token is followed across layers
    page.locator(f"[data-testid=logit-lens-cell][data-layer='{lens.shape[0] - 1}'][data-pos='{last}']").click()
    page.get_by_test_id("lens-track").first.click()
    rows = data(page.get_by_test_id("token-track").page, "track-row", "prob", "rank")
    expect(page.get_by_test_id("track-row")).to_have_count(lens.shape[0])
    rows = data(page, "track-row", "prob", "rank")
    assert int(rows[-1]["rank"]) == 0

    # MLP neurons at the last position of layer 0
    page.locator("[data-testid=panel-tab][data-panel=mlp]").click()
    page.get_by_test_id("layer-select").select_option("0")
    page.get_by_test_id("pos-select").select_option(str(last))
    expect(page.get_by_test_id("mlp-view")).to_have_attribute("data-layer", "0")
    expect(page.get_by_test_id("mlp-view")).to_have_attribute("data-pos", str(last))
    post = t[act_name("post", 0, "mlp")][last].numpy()
    neurons = data(page, "neuron", "index", "value")
    assert len(neurons) == 10
    for n in neurons:
        assert float(n["value"]) == pytest.approx(float(post[int(n["index"])]), abs=1e-6)
    assert [abs(float(n["value"])) for n in neurons] == pytest.approx(sorted(np.abs(post).tolist(), reverse=True)[:10])

    # norms: the residual stream's size after every stage and each norm's 1/σ, at the last position
    page.locator("[data-testid=panel-tab][data-panel=residual]").click()
    # rows carry their site as structure (data-layer absent outside the blocks), never a label to parse
    resid = {(r["layer"], r["part"]): float(r["value"]) for r in data(page, "resid-norm", "layer", "part", "value")}
    n_layers = t.model.info.n_layers
    assert resid[(None, "embed")] == pytest.approx(float(t[act_name("resid_pre", 0)][last].norm()), rel=1e-5)
    for layer in range(n_layers):
        expected = float(t[act_name("resid_post", layer)][last].norm())
        assert resid[(str(layer), "mlp")] == pytest.approx(expected, rel=1e-5)
    scales = {(r["layer"], r["part"]): float(r["scale"]) for r in data(page, "norm-stat", "layer", "part", "scale")}
    expected_scale = float(t[act_name("scale", 0, "ln1")][last].squeeze())
    assert scales[("0", "ln1")] == pytest.approx(expected_scale, rel=1e-5)


def test_expand_collapse_and_navigation(dpage: tuple[Page, list[str]], detail_server: str, shot: Shot) -> None:
    page, _ = dpage
    open_detail(page, detail_server, "tiny-gpt2")
    blocks = page.get_by_test_id("block-node")
    expect(blocks).to_have_count(1)  # collapsed: the selected block stands for all of them
    page.get_by_test_id("blocks-toggle").click()
    expect(blocks).to_have_count(2)
    expect(page.locator("[data-testid=block-node][data-layer='1']")).to_be_visible()
    # a click opens block 1 (and selects it); another closes it
    block1 = page.locator("[data-testid=block-node][data-layer='1']")
    block1.click()
    expect(block1).to_have_attribute("aria-expanded", "true")
    expect(page.locator("[data-testid=block-inside][data-layer='1']")).to_be_visible()
    expect(page.get_by_test_id("layer-select")).to_have_value("1")
    block1.click()
    expect(block1).to_have_attribute("aria-expanded", "false")
    # by keyboard: Enter opens, Escape closes
    block1.focus()
    page.keyboard.press("Enter")
    expect(block1).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(block1).to_have_attribute("aria-expanded", "false")
    # a stage of an open block opens its panel
    block1.click()
    page.locator("[data-testid=block-inside][data-layer='1'] [data-stage=mlp]").click()
    expect(page.get_by_test_id("mlp-view")).to_have_attribute("data-layer", "1")
    page.locator("[data-testid=block-inside][data-layer='1'] [data-stage=attention]").click()
    head = page.get_by_test_id("attention-head")
    expect(head).to_have_attribute("data-layer", "1")
    # arrows move between layers and heads; the URL follows
    page.locator("h1").click()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_test_id("head-select")).to_have_value("1")
    expect(head).to_have_attribute("data-head", "1")
    page.keyboard.press("ArrowUp")
    expect(page.get_by_test_id("layer-select")).to_have_value("0")
    expect(head).to_have_attribute("data-layer", "0")
    page.keyboard.press("[")
    expect(head).to_have_attribute("data-query", str(int(page.get_by_test_id("pos-select").input_value())))
    expect(page).to_have_url(__import__("re").compile(r"view=detail&panel=attention&layer=0&head=1"))
    # the model view: every head as a thumbnail; a click opens that head
    page.locator("[data-testid=panel-tab][data-panel=heads]").click()
    expect(page.get_by_test_id("head-thumb")).to_have_count(2 * 4)
    page.locator("[data-testid=head-thumb][data-layer='1'][data-head='3']").click()
    expect(head).to_have_attribute("data-head", "3")
    expect(head).to_have_attribute("data-layer", "1")
    # step by step: pick a step, and the table reveals up to it
    page.locator("[data-testid=attention-step][data-step=dots]").click()
    expect(page.get_by_test_id("attention-weight").first).to_be_hidden()  # not yet computed at this step
    page.locator("[data-testid=attention-step][data-step=softmax]").click()
    expect(page.get_by_test_id("attention-weight").first).to_be_visible()
    # back to the next-token view and again
    page.get_by_test_id("view-next").click()
    expect(page.get_by_test_id("candidate").first).to_be_visible()
    page.get_by_test_id("view-detail").click()
    expect(page.get_by_test_id("overview")).to_be_visible()


@pytest.mark.parametrize("family", MODEL_TYPES)
def test_every_family_renders_its_diagram(
    dpage: tuple[Page, list[str]], detail_server: str, family: str, shot: Shot
) -> None:
    page, _ = dpage
    open_detail(page, detail_server, f"tiny-{family}", panel="embedding")
    overview = page.get_by_test_id("overview")
    expect(page.get_by_test_id("block-node")).to_have_count(1)
    page.get_by_test_id("block-node").click()
    inside = page.get_by_test_id("block-inside")
    expect(inside).to_be_visible()
    stages = inside.get_by_test_id("stage-node").evaluate_all("els => els.map(e => e.dataset.stage)")
    if family == "cohere":
        assert overview.get_attribute("data-parallel") == "true" and stages == ["norm1", "attention", "mlp", "add1"]
    elif family == "gpt_neox":  # parallel, but the MLP reads its own norm of the block's input
        assert overview.get_attribute("data-parallel") == "true"
        assert stages == ["norm1", "attention", "norm2", "mlp", "add1"]
    elif family in ("olmo2", "olmo3"):
        assert "post_attn_norm" in stages and "norm1" not in stages
    elif family in ("gemma2", "gemma3_text"):  # sandwich norms
        sandwich = ["norm1", "attention", "post_attn_norm", "add1", "norm2", "mlp", "post_mlp_norm", "add2"]
        assert stages == sandwich
    else:
        assert stages == ["norm1", "attention", "add1", "norm2", "mlp", "add2"]
    text = inside.inner_text()
    layer_norm = ("gpt2", "cohere", "gpt_neox")  # Cohere: LayerNorm without bias
    assert ("RMSNorm" in text) == (family not in layer_norm)
    assert ("Gated MLP" in text) == (family not in ("gpt2", "gpt_neox"))
    assert ("tanh(s/" in text) == (family == "gemma2")  # Gemma 2's attention soft-cap, as its formula
    if family != "gpt2":
        expect(page.get_by_test_id("rope-pair").first).to_be_visible()
        # partial rotary shows how many dimensions turn (a quarter of d_head 16 for GPT-NeoX and Qwen3.5, a half for
        # Phi-3)
        partial = {"gpt_neox": "4", "phi3": "8", "qwen3_5_text": "4"}.get(family)
        if partial is None:
            expect(page.get_by_test_id("rope-partial")).to_have_count(0)
        else:
            expect(page.get_by_test_id("rope-partial")).to_have_attribute("data-value", partial)
    else:
        expect(page.get_by_test_id("pos-strip")).to_be_visible()
    page.locator("[data-testid=panel-tab][data-panel=attention]").click()
    if family == "qwen3_5_text":  # its layer 0 is linear attention: the token-mixing view, not a pattern
        expect(page.get_by_test_id("mixing-cell").first).to_be_visible()
    else:
        expect(page.get_by_test_id("attention-cell").first).to_be_visible()
    if family in ("gpt2", "cohere", "llama", "gpt_neox", "gemma2"):
        shot(page, f"detail-family-{family}")


def test_embedded_model_phone_and_dark(browser: Browser, detail_server: str, shot: Shot) -> None:
    if not embedded_available():
        pytest.skip("the embedded model is not built")
    for name, viewport, scheme in (("desktop", (1280, 900), "light"), ("phone", (375, 812), "dark")):
        context = browser.new_context(
            viewport={"width": viewport[0], "height": viewport[1]}, locale="en-US", color_scheme=scheme
        )
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
        for panel in ("attention", "heads", "lens", "mlp", "residual", "embedding"):
            open_detail(page, detail_server, "glassbox-tiny", panel=panel)
            expect(page.locator(f"[role=tabpanel][data-panel={panel}]")).to_be_visible()
            page.wait_for_load_state("networkidle")
            if name == "desktop" or panel in ("attention", "lens"):
                shot(page, f"detail-{name}-{panel}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport[0] + 1, f"{name}: the page scrolls sideways ({width}px)"
        context.close()
        assert errors == []
