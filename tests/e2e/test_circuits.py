"""The Circuits view's graph in headless Chromium against a real ``glassbox serve`` on the embedded model.

The nodes and the number of edges drawn equal the engine's own pruning (``AttributionGraph.prune``, computed here in
Python with the same model, transcoders and prompt) at the default thresholds and again after moving both sliders
(no new request: the page prunes itself); a node is selected and pinned by mouse and by keyboard, with its strongest
edges lit; the logit picker traces a typed token (a new job, one logit node: the engine's graph for that token) and
back to all the top predictions; a model without transcoders says so and names the ones that have them; an
over-long prompt gets a clear error; axe-core finds no serious or critical violation with a graph drawn, a node
selected and a tooltip open (light and dark); no page errors and no console errors. Screenshots:
``artifacts/screenshots/circuits-*.png`` (1,280 px and 375-px phone, light and dark, English, Japanese, French).

The transcoders are the embedded model's own when the checkout ships them; otherwise small seeded random ones
written by this test (served with ``glassbox serve --transcoders``): the comparison holds for any transcoders.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from e2e_support import EMBEDDED, SCREENSHOTS, embedded_available, fresh_visitors, serve_glassbox
from e2e_support import api_json as api
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.e2e

MODEL = "glassbox-tiny"
PROMPT = "The capital of France is"

if not embedded_available():
    pytest.skip("the embedded model glassbox-tiny is not in this checkout", allow_module_level=True)


@pytest.fixture(scope="module")
def transcoders(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """None: the embedded model's own transcoders; else a folder of seeded random ones."""
    if (EMBEDDED / "transcoders" / "config.yaml").exists():
        return None
    import glassbox
    from glassbox.transcoders import random_transcoders, save_transcoders

    a = glassbox.load_model().adapter
    folder = tmp_path_factory.mktemp("circuits-tc") / "tc"
    save_transcoders(random_transcoders(a.n_layers, a.d_model, 96, seed=5, jumprelu=True, skip=True), folder)
    return folder


@pytest.fixture(scope="module")
def circuits_server(transcoders: Path | None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from glassbox.testing import make_tiny_model

    tiny = make_tiny_model(tmp_path_factory.mktemp("circuits-models") / "tiny-gpt2", "gpt2")
    args = ["--model", MODEL, "--model", str(tiny), "--max-prompt-tokens", "60"]
    if transcoders is not None:
        args += ["--transcoders", f"{MODEL}={transcoders}"]
    with serve_glassbox(args, tmp_path_factory.mktemp("circuits-serve") / "serve.log") as url:
        yield url


@pytest.fixture(scope="module")
def engine(transcoders: Path | None) -> Callable[..., Any]:
    """``engine(prompt, logit_token_id=None)``: the engine's AttributionGraph for the page's model and transcoders."""
    import glassbox
    from glassbox.transcoders import load_transcoders

    model = glassbox.load_model()
    ts = load_transcoders(transcoders) if transcoders is not None else None
    cache: dict[tuple[str, int | None], Any] = {}

    def get(prompt: str, logit_token_id: int | None = None) -> Any:
        key = (prompt, logit_token_id)
        if key not in cache:
            cache[key] = glassbox.attribution_graph(model, prompt, ts, logit_token_id=logit_token_id)
        return cache[key]

    return get


@pytest.fixture
def visitor(browser: Browser) -> Iterator[Callable[..., Page]]:
    with fresh_visitors(browser) as make:
        yield make


def url(server: str, model: str = MODEL, prompt: str = PROMPT, lang: str = "en") -> str:
    q = {"model": model, "prompt": prompt, "lang": lang, "view": "circuits", "tour": "0"}
    return f"{server}?{urlencode(q)}"


def hook_ids(graph: Any, mask: Any) -> set[str]:
    """The page's ``data-node-id`` of every node in ``mask``: circuit-tracer's ids, errors ``err_{layer}_{pos}``."""
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
    count = page.get_by_test_id("circuits-graph").get_attribute("data-edge-count")
    assert count is not None
    return set(ids), int(count)


def build(page: Page) -> None:
    page.get_by_test_id("circuits-build").click()
    expect(page.get_by_test_id("circuits-progress")).to_be_hidden(timeout=90_000)
    expect(page.get_by_test_id("circuits-graph")).to_be_visible()


def set_range(page: Page, testid: str, value: float) -> float:
    """Move a slider as a person would end up (value set, input event); the value the page really uses."""
    got: float = page.get_by_test_id(testid).evaluate(
        "(el, v) => { el.value = String(v); el.dispatchEvent(new Event('input', { bubbles: true })); "
        "return el.valueAsNumber; }",
        value,
    )
    return got


def console_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return errors


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_drawn_graph_is_the_engines_pruned_graph_before_and_after_the_sliders(
    visitor: Callable[..., Page], circuits_server: str, engine: Callable[..., Any]
) -> None:
    page = visitor()
    errors = console_errors(page)
    page.goto(url(circuits_server))
    expect(page.get_by_test_id("view-circuits")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_test_id("circuits-prompt")).to_have_value(PROMPT)
    build(page)
    graph = engine(PROMPT)

    defaults = graph.prune(0.8, 0.98)
    ids, edges = drawn(page)
    assert ids == hook_ids(graph, defaults.node_mask)
    assert edges == int(defaults.edge_mask.sum())
    kinds = set(page.get_by_test_id("graph-node").evaluate_all("els => els.map(e => e.dataset.kind)"))
    assert {"embedding", "logit", "feature"} <= kinds
    # the embeddings' and logits' layers as circuit-tracer writes them
    assert page.locator("[data-kind=embedding]").first.get_attribute("data-layer") == "E"
    assert page.locator("[data-kind=logit]").first.get_attribute("data-layer") == str(graph.n_layers + 1)
    # the scores are the engine's
    scores = page.get_by_test_id("circuits-scores")
    assert float(scores.get_attribute("data-replacement") or "nan") == pytest.approx(graph.replacement_score, 1e-6)
    assert float(scores.get_attribute("data-completeness") or "nan") == pytest.approx(graph.completeness_score, 1e-6)

    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if "/api/" in r.url else None)
    for want_node, want_edge in ((0.6, 0.9), (0.9, 0.995)):
        t_node = set_range(page, "node-threshold", want_node)
        t_edge = set_range(page, "edge-threshold", want_edge)
        assert (t_node, t_edge) == pytest.approx((want_node, want_edge))
        expected = graph.prune(t_node, t_edge)
        want_ids, want_edges = hook_ids(graph, expected.node_mask), int(expected.edge_mask.sum())
        expect(page.get_by_test_id("circuits-graph")).to_have_attribute("data-edge-count", str(want_edges))
        ids, edges = drawn(page)
        assert ids == want_ids
        assert edges == want_edges
    assert requests == [], "pruning must not ask the server"
    shot(page, "circuits-desktop-light-en")
    assert errors == []


def test_select_and_pin_by_mouse_and_keyboard_lights_the_strongest_edges(
    visitor: Callable[..., Page], circuits_server: str, engine: Callable[..., Any]
) -> None:
    from glassbox.graph.circuits import node_ids

    page = visitor()
    errors = console_errors(page)
    page.goto(url(circuits_server))
    build(page)
    container = page.get_by_test_id("circuits-graph")
    first = page.locator("[data-testid=graph-node][data-kind=feature]").first
    second = page.locator("[data-testid=graph-node][data-kind=embedding]").last  # a token: any node takes focus

    first.hover()
    tip = page.get_by_test_id("graph-tooltip")
    expect(tip).to_be_visible()
    layer, pos = first.get_attribute("data-layer"), first.get_attribute("data-pos")
    expect(tip).to_contain_text(f"layer {layer} · position {pos}")
    shown = page.evaluate("x => Number(x).toPrecision(3)", first.get_attribute("data-activation"))
    expect(tip).to_contain_text(f"activation {shown}")

    first.click()
    expect(first).to_have_attribute("aria-pressed", "true")
    expect(first).to_have_class(re.compile("pinned"))
    node_id = first.get_attribute("data-node-id")
    expect(container).to_have_attribute("data-selected", node_id or "")
    # lit: the selected node's strongest drawn edges, at most 5 in and 5 out — as many as the engine's pruned
    # graph gives that node
    graph = engine(PROMPT)
    pruned = graph.prune(0.8, 0.98)
    index = next(i for i in range(graph.n_nodes) if node_ids(graph, i)[1] == node_id)
    kept_t, kept_s = graph.targets[pruned.edge_mask], graph.sources[pruned.edge_mask]
    n_in, n_out = int((kept_t == index).sum()), int((kept_s == index).sum())
    expect(container).to_have_attribute("data-lit-edges", str(min(5, n_in) + min(5, n_out)))

    second.focus()
    page.keyboard.press("Enter")
    expect(second).to_have_attribute("aria-pressed", "true")
    expect(first).to_have_attribute("aria-pressed", "false")
    expect(first).to_have_class(re.compile("pinned"))  # pins stay when the selection moves
    expect(second).to_have_class(re.compile("pinned"))
    page.keyboard.press("Enter")  # again: unselect, still pinned
    expect(second).to_have_attribute("aria-pressed", "false")
    expect(container).to_have_attribute("data-lit-edges", "0")
    assert errors == []


def test_logit_picker_traces_a_typed_token_then_all_predictions(
    visitor: Callable[..., Page], circuits_server: str, engine: Callable[..., Any]
) -> None:
    page = visitor()
    errors = console_errors(page)
    page.goto(url(circuits_server))
    build(page)
    full = engine(PROMPT)
    vocab: list[str] = api(circuits_server, f"api/models/{MODEL}/vocab")["texts"]
    # a token that is not among the graph's own targets, typed as it reads
    token_id = next(i for i, s in enumerate(vocab) if s.strip() and s.isalpha() and i not in full.logit_ids)

    page.get_by_test_id("logit-token").fill("zzqx-not-a-token")
    page.get_by_test_id("logit-trace").click()
    expect(page.get_by_test_id("logit-error")).to_be_visible()

    page.get_by_test_id("logit-token").fill(vocab[token_id])
    page.get_by_test_id("logit-trace").click()
    one = engine(PROMPT, token_id)
    pruned = one.prune(0.8, 0.98)
    logit = page.locator("[data-testid=graph-node][data-kind=logit]")
    expect(logit).to_have_count(1)
    expect(logit).to_have_attribute("data-node-id", f"{one.n_layers + 1}_{token_id}_{one.n_pos - 1}")
    ids, edges = drawn(page)
    assert ids == hook_ids(one, pruned.node_mask)
    assert edges == int(pruned.edge_mask.sum())
    expect(page.get_by_test_id("logit-picker")).to_have_value(str(token_id))

    page.get_by_test_id("logit-picker").select_option("")
    expect(page.locator("[data-testid=graph-node][data-kind=logit]")).to_have_count(len(full.logit_ids))
    for tok in full.logit_ids:  # the new graph's logits, not the traced token's
        expect(page.locator(f"[data-node-id='{full.n_layers + 1}_{tok}_{full.n_pos - 1}']")).to_have_count(1)
    ids, _ = drawn(page)
    assert ids == hook_ids(full, full.prune(0.8, 0.98).node_mask)
    assert errors == []


def test_a_model_without_transcoders_and_an_over_long_prompt_say_why(
    visitor: Callable[..., Page], circuits_server: str
) -> None:
    page = visitor()
    page.goto(url(circuits_server, model="tiny-gpt2"))
    note = page.get_by_test_id("circuits-unavailable")
    expect(note).to_be_visible()
    expect(note).to_contain_text("tiny-gpt2")
    expect(note).to_contain_text(f"Models with transcoders here: {MODEL}")
    expect(page.get_by_test_id("circuits-build")).to_be_disabled()

    page.goto(url(circuits_server, prompt="word " * 200))
    expect(page.get_by_test_id("circuits-build")).to_be_enabled()
    page.get_by_test_id("circuits-build").click()
    error = page.get_by_test_id("circuits-error")
    expect(error).to_be_visible()
    expect(error).to_have_attribute("data-code", "prompt_too_long")


def test_screenshots_phone_dark_and_other_languages(visitor: Callable[..., Page], circuits_server: str) -> None:
    page = visitor(scheme="dark")
    page.goto(url(circuits_server, lang="ja"))
    build(page)
    page.locator("[data-testid=graph-node][data-kind=feature]").first.click()
    expect(page.get_by_test_id("view-circuits")).to_have_text("回路")
    shot(page, "circuits-desktop-dark-ja")

    phone = visitor(width=375)
    phone.goto(url(circuits_server, lang="fr"))
    build(phone)
    node = phone.locator("[data-testid=graph-node][data-kind=feature]").first
    node.scroll_into_view_if_needed()
    node.click()
    expect(node).to_have_attribute("aria-pressed", "true")
    # the graph scrolls inside its frame; the page itself does not scroll sideways
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 375
    shot(phone, "circuits-phone-light-fr")

    dark_phone = visitor(width=375, scheme="dark")
    dark_phone.goto(url(circuits_server))
    build(dark_phone)
    shot(dark_phone, "circuits-phone-dark-en")


def test_no_serious_axe_violations_with_a_graph_and_a_selection(
    visitor: Callable[..., Page], circuits_server: str
) -> None:
    from test_a11y import BLOCKING, run_axe

    for scheme in ("light", "dark"):
        page = visitor(scheme=scheme)
        page.goto(url(circuits_server))
        build(page)
        page.locator("[data-testid=graph-node][data-kind=feature]").first.click()
        page.locator("[data-testid=graph-node][data-kind=embedding]").last.hover()
        expect(page.get_by_test_id("graph-tooltip")).to_be_visible()
        page.wait_for_load_state("networkidle")
        blocking = [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:5]]}" for v in run_axe(page)
                    if v["impact"] in BLOCKING]  # fmt: skip
        assert blocking == [], f"{scheme}: {blocking}"
