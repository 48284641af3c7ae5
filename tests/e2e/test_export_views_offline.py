"""The Why and Circuits views of a static export (issue 19 item 1), opened from ``file://`` in headless Chromium with
every network request blocked: the Why view shows the numbers the live app's API answers for the same prompt; the
Circuits view draws the node ids and the edge count of ``glassbox.attribution_graph(...).prune(...)`` at the
defaults and again after moving the node threshold (pruned in the page); selection, cards and supernodes work;
what needs a model is disabled with its reason; no console errors. Screenshots:
``artifacts/screenshots/export-why-*.png`` and ``export-circuits-*.png`` (1,280 px and a 375-px phone, light and
dark, English, Japanese and French). Figures of this export: ``artifacts/export-views-figures.json``."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from e2e_support import ROOT, SCREENSHOTS, api_json, embedded_available
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.e2e

PROMPTS = ["The capital of France is", "1, 2, 3, 4,"]
MODEL = "glassbox-tiny"
FIGURES = ROOT / "artifacts" / "export-views-figures.json"

if not embedded_available():
    pytest.skip("the embedded model glassbox-tiny is not in this checkout", allow_module_level=True)


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The site exported with its Why and Circuits files, and the engine's graphs of its prompts."""
    import glassbox
    from glassbox.export_site import export_site

    model = glassbox.load_model()
    out = tmp_path_factory.mktemp("export-views") / "site"
    start = time.perf_counter()
    report = export_site(model, PROMPTS, out, max_new_tokens=2)
    seconds = time.perf_counter() - start
    data = out / "data"
    FIGURES.parent.mkdir(parents=True, exist_ok=True)
    FIGURES.write_text(
        json.dumps(
            {
                "export_seconds": round(seconds, 2),
                "total_bytes": report.total_bytes,
                "files": {p.name: p.stat().st_size for p in sorted(data.iterdir())},
            },
            indent=1,
        ),
        encoding="utf-8",
    )
    graphs = {p: glassbox.attribution_graph(model, p) for p in PROMPTS}
    return {"index": out / "index.html", "graphs": graphs}


@pytest.fixture
def offline(browser: Browser) -> Iterator[Callable[..., Page]]:
    """Pages that may read file:// only (anything else is aborted and recorded); console errors and uncaught
    exceptions are collected; on leaving, none may have happened."""
    contexts: list[Any] = []
    problems: list[str] = []
    blocked: list[str] = []

    def make(width: int = 1280, scheme: str = "light") -> Page:
        context = browser.new_context(
            viewport={"width": width, "height": 900}, locale="en-US", color_scheme=scheme, service_workers="block"
        )
        contexts.append(context)

        def gate(route: Any) -> None:
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                blocked.append(route.request.url)
                route.abort()

        context.route("**/*", gate)
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.on("pageerror", lambda exc: problems.append(f"uncaught: {exc}"))
        page.on("console", lambda msg: problems.append(f"console: {msg.text}") if msg.type == "error" else None)
        page.on(
            "request",
            lambda req: None if req.url.startswith(("file://", "data:", "blob:")) else blocked.append(req.url),
        )
        return page

    yield make
    for context in contexts:
        context.close()
    assert problems == [], problems
    assert blocked == [], f"the export asked the network for {blocked}"


def open_export(page: Page, index: Path, **params: str) -> None:
    page.goto(f"{index.as_uri()}?{urlencode({'tour': '0', **params})}")


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def attributed(page: Page) -> tuple[int, float, list[float]]:
    """The attribution on screen: its target id, f, and every token's score."""
    result = page.get_by_test_id("attribution")
    target = int(result.get_attribute("data-target-id") or -1)
    f = float(result.get_attribute("data-f") or "nan")
    scores = page.get_by_test_id("attribution-token").evaluate_all("els => els.map(e => Number(e.dataset.score))")
    return target, f, scores


def run_attribution(page: Page) -> None:
    page.get_by_test_id("attribute-run").click()
    expect(page.get_by_test_id("attribute-run")).to_be_enabled()


def test_why_view_shows_the_live_apis_numbers(
    export: dict[str, Any], offline: Callable[..., Page], server: str
) -> None:
    page = offline()
    prompt = PROMPTS[0]
    open_export(page, export["index"], lang="en", view="why", prompt=prompt)
    expect(page.get_by_test_id("why-export-note")).to_be_visible()

    # the default question (the model's top token, gradient × input), then integrated gradients
    for method in ("gradient_x_input", "integrated_gradients"):
        page.get_by_test_id("method-select").select_option(method)
        run_attribution(page)
        expect(page.get_by_test_id("attribution")).to_have_attribute("data-method", method)
        live = api_json(server, "api/why/attribute", {"model": MODEL, "prompt": prompt, "method": method})
        target, f, scores = attributed(page)
        assert target == live["target"]["id"]
        assert f == pytest.approx(live["f"], rel=1e-4, abs=1e-5)
        assert scores == pytest.approx(live["scores"], rel=1e-4, abs=1e-5)
        if method == "integrated_gradients":
            delta = float(page.get_by_test_id("ig-delta").get_attribute("data-delta") or "nan")
            assert delta == pytest.approx(live["delta"], rel=1e-4, abs=1e-5)
        shot(page, f"export-why-{method}-desktop-en")

    # another exported target: the second candidate the picker offers ("" is the top token, then the candidates)
    page.get_by_test_id("method-select").select_option("gradient_x_input")
    picker = page.get_by_test_id("target-select")
    second = picker.locator("option").evaluate_all("els => els.map(e => e.value)")[2]
    picker.select_option(second)
    run_attribution(page)
    expect(page.get_by_test_id("attribution")).to_have_attribute("data-target-id", second)
    live = api_json(server, "api/why/attribute", {"model": MODEL, "prompt": prompt, "target": int(second)})
    assert attributed(page)[2] == pytest.approx(live["scores"], rel=1e-4, abs=1e-5)

    # a foil was not exported: the page says so, in words, instead of showing a neighbouring answer
    picker.select_option("")
    page.get_by_test_id("foil-select").select_option(second)
    run_attribution(page)
    error = page.get_by_test_id("why-error")
    expect(error).to_have_attribute("data-code", "not_built")
    expect(error).to_contain_text("Not in this export")
    expect(page.get_by_test_id("attribution")).to_have_count(0)

    # across a generation: the greedy continuation the form asks for when nothing was generated
    page.locator("[data-testid=why-tab][data-section=generation]").click()
    page.get_by_test_id("generation-run").click()
    expect(page.get_by_test_id("attribution-matrix")).to_be_visible()
    max_new = int(page.get_by_test_id("max-new").input_value())
    live = api_json(server, "api/why/attribution_matrix", {"model": MODEL, "prompt": prompt, "max_new_tokens": max_new})
    cells = page.get_by_test_id("attribution-cell").evaluate_all(
        "els => els.filter(e => e.dataset.score !== 'NaN')"
        ".map(e => [Number(e.dataset.rowPos), Number(e.dataset.pos), Number(e.dataset.score)])"
    )
    want = [(row["pos"], c, s) for row in live["rows"] for c, s in enumerate(row["scores"])]
    assert len(cells) == len(want) > 0
    for (rp, c, s), (wrp, wc, ws) in zip(sorted(cells), sorted(want), strict=True):
        assert (rp, c) == (wrp, wc)
        assert s == pytest.approx(ws, rel=1e-4, abs=1e-5)

    # the logprobs of the prompt's own text
    page.locator("[data-testid=why-tab][data-section=score]").click()
    page.get_by_test_id("score-run").click()
    column = page.get_by_test_id("score-column")
    expect(column).to_be_visible()
    live = api_json(server, "api/why/score", {"model": MODEL, "text": prompt, "k": 5})
    assert float(column.get_attribute("data-perplexity") or "nan") == pytest.approx(live["perplexity"], rel=1e-6)
    shown = column.locator("[data-testid=logprob-token][data-scored]").count()
    logprobs = column.locator("[data-testid=logprob-token]:not([data-scored])").evaluate_all(
        "els => els.map(e => Number(e.dataset.logprob))"
    )
    assert shown == 1
    assert logprobs == pytest.approx([t["logprob"] for t in live["tokens"][1:]], rel=1e-4, abs=1e-5)

    # patching needs a model: its button is disabled, with the reason
    page.locator("[data-testid=why-tab][data-section=patching]").click()
    expect(page.get_by_test_id("patch-run")).to_be_disabled()
    expect(page.get_by_test_id("patch-locked")).to_contain_text("glassbox serve")


def test_why_view_on_a_phone_in_japanese_dark(export: dict[str, Any], offline: Callable[..., Page]) -> None:
    page = offline(width=375, scheme="dark")
    open_export(page, export["index"], lang="ja", view="why", prompt=PROMPTS[1])
    run_attribution(page)
    expect(page.get_by_test_id("attribution-token").first).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
    shot(page, "export-why-phone-ja-dark")


def hook_ids(graph: Any, mask: Any) -> set[str]:
    """The page's ``data-node-id`` of every node in ``mask`` (circuit-tracer's ids, errors ``err_{layer}_{pos}``)."""
    from glassbox.graph.circuits import node_ids

    out = set()
    for i in mask.nonzero(as_tuple=True)[0].tolist():
        gid, ct_id, _ = node_ids(graph, i)
        if gid.startswith("e"):
            layer, pos = gid[1:].split(".")
            ct_id = f"err_{layer}_{pos}"
        out.add(ct_id)
    return out


def drawn(page: Page) -> tuple[set[str], int]:
    ids: list[str] = page.get_by_test_id("graph-node").evaluate_all("els => els.map(e => e.dataset.nodeId)")
    assert len(ids) == len(set(ids)), "node ids on the page must be unique"
    return set(ids), int(page.get_by_test_id("circuits-graph").get_attribute("data-edge-count") or "-1")


def test_circuits_view_draws_the_engines_pruned_graph_offline(
    export: dict[str, Any], offline: Callable[..., Page]
) -> None:
    page = offline()
    prompt = PROMPTS[1]
    open_export(page, export["index"], lang="en", view="circuits", prompt=prompt)
    # the exported graph opens by itself: no server, no Build press
    expect(page.get_by_test_id("circuits-graph")).to_be_visible()
    expect(page.get_by_test_id("circuits-export-note")).to_be_visible()
    graph = export["graphs"][prompt]
    defaults = graph.prune(0.8, 0.98)
    ids, edges = drawn(page)
    assert ids == hook_ids(graph, defaults.node_mask)
    assert edges == int(defaults.edge_mask.sum())

    # a looser node threshold: pruned in the page, equal to the engine's pruning there
    slider = page.get_by_test_id("node-threshold")
    got = slider.evaluate(
        "(el) => { el.value = String(Number(el.max)); el.dispatchEvent(new Event('input', { bubbles: true }));"
        " return el.valueAsNumber; }"
    )
    expected = graph.prune(float(got), 0.98)
    expect(page.get_by_test_id("circuits-graph")).to_have_attribute(
        "data-edge-count", str(int(expected.edge_mask.sum()))
    )
    assert drawn(page)[0] == hook_ids(graph, expected.node_mask)

    # selection and a feature's card (from the export's cards), pins and a supernode
    feats = page.locator("[data-testid=graph-node][data-kind=feature]")
    assert feats.count() >= 2
    members = [feats.nth(i).get_attribute("data-node-id") or "" for i in range(2)]
    feats.nth(0).click()
    card = page.get_by_test_id("feature-card")
    expect(card.get_by_test_id("feature-label")).to_be_visible()
    assert float(card.get_by_test_id("feature-density").get_attribute("data-value") or "nan") >= 0
    feats.nth(1).click()
    expect(page.get_by_test_id("pinned-count")).to_have_attribute("data-count", "2")
    page.get_by_test_id("supernode-name").fill("pair")
    page.get_by_test_id("supernode-group").click()
    group = page.get_by_test_id("supernode").first
    expect(group).to_have_attribute("data-name", "pair")
    assert (group.get_attribute("data-members") or "").split() == members

    # what needs a model is disabled, with the reason
    expect(page.get_by_test_id("logit-picker")).to_be_disabled()
    expect(page.get_by_test_id("logit-trace")).to_be_disabled()
    expect(page.get_by_test_id("logit-locked")).to_contain_text("glassbox serve")
    expect(page.get_by_test_id("intervene-button")).to_be_disabled()
    expect(page.get_by_test_id("intervene-locked")).to_contain_text("glassbox serve")
    shot(page, "export-circuits-desktop-en")


@pytest.mark.parametrize(("width", "scheme", "lang"), [(1280, "dark", "fr"), (375, "light", "fr")])
def test_circuits_view_in_french(
    export: dict[str, Any], offline: Callable[..., Page], width: int, scheme: str, lang: str
) -> None:
    page = offline(width=width, scheme=scheme)
    open_export(page, export["index"], lang=lang, view="circuits", prompt=PROMPTS[0])
    expect(page.get_by_test_id("circuits-graph")).to_be_visible()
    expect(page.get_by_test_id("circuits-export-note")).to_contain_text("Export statique")
    page.locator("[data-testid=graph-node][data-kind=feature]").first.click()
    expect(page.get_by_test_id("feature-card").get_by_test_id("feature-label")).to_be_visible()
    # nothing wider than the window, the card's long French terms included
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    shot(page, f"export-circuits-{'phone' if width == 375 else 'desktop'}-{lang}-{scheme}")
