"""The Circuits view's side panels in headless Chromium (issue 15 items 2–5 and 7): the feature card, supernodes,
interventions, graph files and pictures, on the embedded model.

The server gets transcoders from the operator (``--transcoders glassbox-tiny=DIR``): seeded random ones written in
circuit-tracer's format with their feature cards precomputed — the panels must show whatever numbers any
transcoders give, so nothing here depends on what trained ones would find. Every number the page shows is compared
with the server's API or with the Python API run in this process; the saved graph file is validated with the
Python schema (``CircuitTracerGraph``); a file written by ``glassbox graph --out`` and a hand-written sample
(``tests/fixtures/circuits/sample_ct_graph.json``) open in the page.
"""

from __future__ import annotations

import json
import struct
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlencode

import pytest
from e2e_support import SCREENSHOTS, api_json, embedded_available, serve_glassbox
from playwright.sync_api import Browser, ConsoleMessage, Locator, Page, expect

import glassbox
from glassbox.schema.graph import CircuitTracerGraph

pytestmark = pytest.mark.e2e

if not embedded_available():
    pytest.fail("the embedded model glassbox-tiny is not in this checkout")

MODEL = "glassbox-tiny"
PROMPT = "The capital of France is"
SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "circuits" / "sample_ct_graph.json"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def model() -> Any:
    return glassbox.load_model(MODEL, device="cpu")


@pytest.fixture(scope="module")
def tc_dir(model: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeded random transcoders in circuit-tracer's format (their feature cards are added by `panels_server`)."""
    from glassbox.transcoders import random_transcoders
    from glassbox.transcoders.format import save_transcoders

    folder = tmp_path_factory.mktemp("panels-tc") / "tc"
    a = model.adapter
    save_transcoders(random_transcoders(a.n_layers, a.d_model, 32, seed=3, jumprelu=True, skip=True), folder)
    return folder


@pytest.fixture(scope="module")
def panels_server(model: Any, tc_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from glassbox.training.feature_cards import feature_cards
    from glassbox.transcoders.cards import save_feature_cards
    from glassbox.transcoders.format import load_transcoders

    # the cards are computed here while the server starts (it reads them on the first card asked for)
    def cards() -> None:
        save_feature_cards(feature_cards(model, load_transcoders(tc_dir), n_tokens=256, name="e2e-random"), tc_dir)

    worker = threading.Thread(target=cards)
    worker.start()
    args = ["--model", MODEL, "--transcoders", f"{MODEL}={tc_dir}", "--max-prompt-tokens", "40"]
    try:
        with serve_glassbox(args, tmp_path_factory.mktemp("serve-panels") / "serve.log") as url:
            worker.join()
            assert (tc_dir / "features.json").exists()
            yield url
    finally:
        worker.join()


@pytest.fixture
def visit(browser: Browser) -> Iterator[Any]:
    """Fresh pages at a width, colour scheme and language; any console error or uncaught exception fails the test."""
    contexts: list[Any] = []
    errors: list[str] = []

    def make(width: int = 1280, scheme: Literal["light", "dark"] = "light") -> Page:
        context = browser.new_context(
            viewport={"width": width, "height": 900}, locale="en-US", color_scheme=scheme, accept_downloads=True
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.on("pageerror", lambda exc: errors.append(str(exc)))

        def on_console(msg: ConsoleMessage) -> None:
            if msg.type == "error":
                errors.append(msg.text)

        page.on("console", on_console)
        return page

    yield make
    for c in contexts:
        c.close()
    assert errors == [], f"errors in the page: {errors}"


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def open_view(page: Page, server: str, lang: str = "en") -> None:
    query = {"view": "circuits", "model": MODEL, "prompt": PROMPT, "lang": lang, "tour": "0"}
    page.goto(f"{server}?{urlencode(query)}")
    expect(page.get_by_test_id("circuits-view")).to_be_visible()


def build(page: Page) -> Locator:
    """Build the prompt's graph on the page; the graph container once it is drawn."""
    page.get_by_test_id("circuits-build").click()
    graph = page.get_by_test_id("circuits-graph")
    expect(graph).to_be_visible(timeout=60_000)
    return graph


def feature_nodes(page: Page) -> Locator:
    return page.locator("[data-testid='graph-node'][data-kind='feature']")


def download(page: Page, button: Locator, tmp: Path) -> Path:
    with page.expect_download() as info:
        button.click()
    d = info.value
    path = tmp / d.suggested_filename
    d.save_as(path)
    return path


def floats(loc: Locator, attr: str) -> list[float]:
    return [float(x) for x in loc.evaluate_all(f"els => els.map(e => e.getAttribute('{attr}'))")]


def test_feature_card_shows_the_apis_numbers(visit: Any, panels_server: str) -> None:
    page = visit()
    open_view(page, panels_server)
    build(page)
    node = feature_nodes(page).first
    layer, fid = int(node.get_attribute("data-layer") or "-1"), node.get_attribute("data-node-id") or ""
    feature = int(fid.split("_")[1])  # circuit-tracer's {layer}_{feature}_{pos}
    node.click()
    card = page.get_by_test_id("feature-card")
    expect(card).to_have_attribute("data-node-id", fid)
    expect(card.get_by_test_id("feature-label")).to_be_visible()

    api = api_json(panels_server, f"api/circuits/feature/{MODEL}/{layer}/{feature}")
    assert card.get_by_test_id("feature-label").locator("strong").inner_text() == api["label"]
    assert card.get_by_test_id("feature-label").get_attribute("data-derived") == "true"
    assert float(card.get_by_test_id("feature-density").get_attribute("data-value") or "nan") == api["density"]
    assert (
        float(card.get_by_test_id("feature-max-activation").get_attribute("data-value") or "nan")
        == api["max_activation"]
    )
    contexts = card.get_by_test_id("feature-context")
    n_top = len(api["top_contexts"])
    assert contexts.count() == n_top + len(api["quantile_examples"])
    for i, ctx in enumerate(api["top_contexts"]):
        toks = contexts.nth(i).locator(".ctx-tok")
        assert toks.count() == len(ctx["tokens"])
        assert floats(toks, "data-activation") == ctx["activations"]
    for side in ("promoted", "suppressed"):
        rows = card.get_by_test_id(f"feature-{side}").locator("li")
        assert [int(x) for x in rows.evaluate_all("els => els.map(e => e.dataset.tokenId)")] == [
            p["token_id"] for p in api[side]
        ]
        assert floats(rows, "data-weight") == [p["prob"] for p in api[side]]
    shot(page, "circuits-panels-card-desktop-light-en")

    # an error node's card says what an error node is, and its share
    err = page.locator("[data-testid='graph-node'][data-kind='error']")
    if err.count() > 0:
        err.first.click()
        expect(card).to_have_attribute("data-kind", "error")
        expect(card.get_by_test_id("card-error-share")).to_be_visible()
    # a logit's card: its token and probability, as the graph holds them
    logit = page.locator("[data-testid='graph-node'][data-kind='logit']").first
    logit.focus()  # by keyboard (a logit's rotated label makes its box's centre fall outside its circle)
    page.keyboard.press("Enter")
    expect(card).to_have_attribute("data-kind", "logit")
    p = float(card.get_by_test_id("card-probability").get_attribute("data-value") or "nan")
    assert 0 < p <= 1


def test_pin_group_rename_and_save_by_mouse_and_keyboard(visit: Any, panels_server: str, tmp_path: Path) -> None:
    page = visit()
    open_view(page, panels_server)
    build(page)
    feats = feature_nodes(page)
    assert feats.count() >= 3
    ids = [feats.nth(i).get_attribute("data-node-id") or "" for i in range(3)]
    # mouse: pin two features, name the group, group them
    feats.nth(0).click()
    feats.nth(1).click()
    expect(page.get_by_test_id("pinned-count")).to_have_attribute("data-count", "2")
    page.get_by_test_id("supernode-name").fill("first pair")
    page.get_by_test_id("supernode-group").click()
    first = page.get_by_test_id("supernode").first
    expect(first).to_have_attribute("data-name", "first pair")
    assert (first.get_attribute("data-members") or "").split() == ids[:2]
    # drawn in the graph as a labelled box around its members
    boxes = page.get_by_test_id("supernode-box")
    expect(boxes).to_have_count(1)
    expect(boxes.first).to_have_attribute("data-name", "first pair")
    box = boxes.first.locator("rect").bounding_box()
    for nid in ids[:2]:
        nb = page.locator(f"[data-testid='graph-node'][data-node-id='{nid}']").bounding_box()
        assert box is not None and nb is not None
        cx, cy = nb["x"] + nb["width"] / 2, nb["y"] + nb["height"] / 2
        assert box["x"] <= cx <= box["x"] + box["width"] and box["y"] <= cy <= box["y"] + box["height"]

    # keyboard: pin a third node with Enter, name the group and submit with Enter
    feats.nth(2).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("pinned-count")).to_have_attribute("data-count", "3")
    page.get_by_test_id("supernode-name").focus()
    page.keyboard.type("solo")
    page.keyboard.press("Enter")
    groups = page.get_by_test_id("supernode")
    expect(groups).to_have_count(2)
    expect(groups.nth(1)).to_have_attribute("data-name", "solo")
    assert (groups.nth(1).get_attribute("data-members") or "").split() == [ids[2]]
    # keyboard: rename the first
    groups.nth(0).get_by_test_id("supernode-rename").focus()
    page.keyboard.press("Enter")
    page.get_by_test_id("supernode-rename-input").focus()
    page.keyboard.press("Control+a")
    page.keyboard.type("Texas-like")
    page.keyboard.press("Enter")
    expect(groups.nth(0)).to_have_attribute("data-name", "Texas-like")
    expect(boxes.first).to_have_attribute("data-name", "Texas-like")

    # save: circuit-tracer's format, validated by the Python schema, pins and supernodes in qParams
    saved = download(page, page.get_by_test_id("graph-save"), tmp_path)
    data = json.loads(saved.read_text(encoding="utf-8"))
    CircuitTracerGraph.model_validate(data)
    assert data["qParams"]["pinnedIds"] == ids
    assert data["qParams"]["supernodes"] == [["Texas-like", *ids[:2]], ["solo", ids[2]]]
    drawn = page.get_by_test_id("circuits-graph")
    assert len(data["links"]) == int(drawn.get_attribute("data-edge-count") or "-1")

    # keyboard: ungroup the second
    groups.nth(1).get_by_test_id("supernode-ungroup").focus()
    page.keyboard.press("Enter")
    expect(groups).to_have_count(1)

    # the saved file opens again: the same drawn graph, pins and supernodes
    page.get_by_test_id("graph-file-input").set_input_files(str(saved))
    expect(page.get_by_test_id("graph-file-message")).to_have_attribute("data-ok", "true")
    expect(groups).to_have_count(2)
    expect(groups.nth(0)).to_have_attribute("data-name", "Texas-like")
    expect(page.get_by_test_id("pinned-count")).to_have_attribute("data-count", "3")
    assert int(drawn.get_attribute("data-edge-count") or "-1") == len(data["links"])
    shot(page, "circuits-panels-supernodes-desktop-light-en")


def test_an_interventions_distribution_equals_the_python_api(
    visit: Any, panels_server: str, model: Any, tc_dir: Path
) -> None:
    page = visit()
    open_view(page, panels_server)
    build(page)
    node = feature_nodes(page).first
    layer = int(node.get_attribute("data-layer") or "-1")
    pos = int(node.get_attribute("data-pos") or "-1")
    feature = int((node.get_attribute("data-node-id") or "").split("_")[1])
    node.click()
    expect(page.get_by_test_id("intervene-targets")).to_have_attribute("data-count", "1")
    page.get_by_test_id("intervene-mode-scale").check()
    page.get_by_test_id("intervene-scale").fill("3")
    with page.expect_request("**/api/circuits/intervene") as request:
        page.get_by_test_id("intervene-button").click()
    sent = json.loads(request.value.post_data or "{}")
    # the prompt the graph was built from, as typed (the server adds the beginning-of-text token itself)
    assert sent["prompt"] == PROMPT
    assert sent["interventions"] == [{"layer": layer, "pos": pos, "feature": feature, "scale": 3}]
    outcomes = page.get_by_test_id("intervene-outcome")
    expect(outcomes).to_have_count(3)
    shot(page, "circuits-panels-intervention-desktop-light-en")

    from glassbox.schema.circuits import FeatureInterventionSpec

    spec = FeatureInterventionSpec(layer=layer, pos=pos, feature=feature, scale=3.0)
    api = glassbox.intervene_features(model, PROMPT, tc_dir, [spec], max_new_tokens=8, k=10)
    assert [o.get_attribute("data-mode") for o in outcomes.all()] == [o.mode for o in api.outcomes]
    for shown, want in zip(outcomes.all(), api.outcomes, strict=True):
        rows = shown.get_by_test_id("intervene-prob")
        assert [int(x) for x in rows.evaluate_all("els => els.map(e => e.dataset.tokenId)")] == [
            t.token_id for t in want.top
        ]
        assert floats(rows, "data-prob") == pytest.approx([t.prob for t in want.top], rel=1e-5, abs=1e-7)
        cont = shown.get_by_test_id("intervene-continuation").locator(".cont-tok")
        assert [int(x) for x in cont.evaluate_all("els => els.map(e => e.dataset.tokenId)")] == [
            t.token_id for t in want.continuation
        ]


def test_circuit_tracer_files_open(visit: Any, panels_server: str, tc_dir: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from glassbox.cli import app

    out = tmp_path / "tiny-graph.json"
    result = CliRunner().invoke(
        app, ["graph", "--prompt", PROMPT, "--model", MODEL, "--transcoders", str(tc_dir), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    page = visit()
    open_view(page, panels_server)
    for path in (SAMPLE, out):
        data = json.loads(path.read_text(encoding="utf-8"))
        page.get_by_test_id("graph-file-input").set_input_files(str(path))
        message = page.get_by_test_id("graph-file-message")
        expect(message).to_have_attribute("data-ok", "true")
        file_ids = [n["node_id"] for n in data["nodes"]]
        # circuit-tracer's error id 0_{layer}_{pos} can equal a layer-0 feature's: the page says so, and may leave
        # out such an error node (its links are read as the feature's); every other node is drawn
        ambiguous = {i for i in file_ids if file_ids.count(i) > 1}
        expect(message).to_have_attribute("data-ambiguous", str(len(file_ids) - len(set(file_ids))))
        want = {
            f"err_{n['layer']}_{n['ctx_idx']}" if n["feature_type"] == "mlp reconstruction error" else n["node_id"]
            for n in data["nodes"]
        }
        may_miss = {
            f"err_{n['layer']}_{n['ctx_idx']}"
            for n in data["nodes"]
            if n["feature_type"] == "mlp reconstruction error" and n["node_id"] in ambiguous
        }
        expect(page.get_by_test_id("graph-node").first).to_be_visible()
        drawn = set(page.get_by_test_id("graph-node").evaluate_all("els => els.map(e => e.dataset.nodeId)"))
        assert drawn <= want and want - drawn <= may_miss, (want - drawn, drawn - want)
        layers = {n["node_id"]: n["layer"] for n in data["nodes"] if n["feature_type"] in ("embedding", "logit")}
        for nid, layer in layers.items():
            expect(page.locator(f"[data-testid='graph-node'][data-node-id='{nid}']")).to_have_attribute(
                "data-layer", layer
            )
    # the sample's qParams came in: its supernode is listed
    page.get_by_test_id("graph-file-input").set_input_files(str(SAMPLE))
    expect(page.get_by_test_id("supernode")).to_have_attribute("data-name", "cat-ness")
    # a file that is not a graph: a clear message, the graph unchanged
    bad = tmp_path / "not-a-graph.json"
    bad.write_text('{"hello": "world"}', encoding="utf-8")
    page.get_by_test_id("graph-file-input").set_input_files(str(bad))
    expect(page.get_by_test_id("graph-file-message")).to_have_attribute("data-ok", "false")
    expect(page.get_by_test_id("graph-file-message")).to_contain_text("not an attribution graph")
    expect(page.get_by_test_id("supernode")).to_have_count(1)


def test_svg_and_png_export(visit: Any, panels_server: str, tmp_path: Path) -> None:
    page = visit()
    open_view(page, panels_server)
    graph = build(page)
    feature_nodes(page).first.click()
    page.get_by_test_id("supernode-group").click()
    svg_path = download(page, page.get_by_test_id("export-svg"), tmp_path)
    root = ET.parse(svg_path).getroot()
    circles = [c for c in root.iter(f"{SVG}circle") if c.get("class") == "node"]
    assert len(circles) == int(graph.get_attribute("data-node-count") or "-1")
    drawn = sorted(page.get_by_test_id("graph-node").evaluate_all("els => els.map(e => e.dataset.nodeId)"))
    assert sorted(c.get("data-node-id") or "" for c in circles) == drawn
    edges = [e for e in root.iter(f"{SVG}line") if e.get("class") == "edge"]
    assert len(edges) == int(graph.get_attribute("data-edge-count") or "-1")
    assert [g.get("data-name") for g in root.iter(f"{SVG}g") if g.get("class") == "supernode"] == ["Group 1"]
    png = download(page, page.get_by_test_id("export-png"), tmp_path).read_bytes()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "circuits-panels-export.png").write_bytes(png)  # the exported picture itself, to look at
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (2 * int(root.get("width") or 0), 2 * int(root.get("height") or 0))
    caption = " ".join(t.text or "" for t in root.iter(f"{SVG}text") if t.get("class") == "caption")
    # the prompt as typed (quoted whole: no special-token text before it)
    assert caption == f"{MODEL} · “{PROMPT}” · node threshold 0.8, edge threshold 0.98"


@pytest.mark.parametrize(("scheme", "lang"), [("dark", "cs")])
def test_phone_layout_shows_the_card(
    visit: Any, panels_server: str, scheme: Literal["light", "dark"], lang: str
) -> None:
    page = visit(width=375, scheme=scheme)
    open_view(page, panels_server, lang)
    build(page)
    node = feature_nodes(page).first
    node.scroll_into_view_if_needed()
    node.click()
    card = page.get_by_test_id("feature-card")
    expect(card.get_by_test_id("feature-label")).to_be_visible()
    box = card.bounding_box()
    assert box is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375 + 0.5  # no sideways scrolling
    assert box["y"] + box["height"] <= 900 + 0.5  # a sheet inside the screen
    page.screenshot(path=str(SCREENSHOTS / f"circuits-panels-card-phone-{scheme}-{lang}.png"))
    page.get_by_test_id("feature-card-close").click()
    expect(card).to_have_count(0)
    # the explanation is there, in the page's language, and can be closed
    explainer = page.get_by_test_id("circuits-explainer")
    expect(explainer).to_have_attribute("open", "")
    page.get_by_test_id("circuits-explainer-toggle").click()
    expect(explainer).not_to_have_attribute("open", "")
    shot(page, f"circuits-panels-phone-{scheme}-{lang}")
