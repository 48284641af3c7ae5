"""The Circuits view on a tiny model of every supported family (issue 15, item 8).

One server offers a tiny model of each family in ``glassbox.testing.MODEL_TYPES``, each given seeded random
transcoders with ``--transcoders MODEL=DIR`` (what an operator does for a model without its own). For every family
the page builds the prompt's graph with no console or page error, draws the tokens and the logit targets the
server sent, and a feature's card opens with the server's numbers — the same view, whatever the architecture.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from e2e_support import api_json as api
from e2e_support import serve_glassbox
from playwright.sync_api import Browser, expect

from glassbox.testing import GRAPH_MODEL_TYPES, MODEL_TYPES

pytestmark = pytest.mark.e2e

PROMPT = "the cat sat on the"


@pytest.fixture(scope="module")
def families_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import glassbox
    from glassbox.testing import make_tiny_model
    from glassbox.transcoders import random_transcoders, save_transcoders

    root = tmp_path_factory.mktemp("circuits-families")
    args: list[str] = ["--max-prompt-tokens", "32"]
    for i, family in enumerate(MODEL_TYPES):
        folder = make_tiny_model(root / f"tiny-{family}", family)
        a = glassbox.load_model(str(folder)).adapter
        tc = root / f"tc-{family}"
        save_transcoders(random_transcoders(a.n_layers, a.d_model, 64, seed=i, jumprelu=True, skip=True), tc)
        args += ["--model", str(folder), "--transcoders", f"tiny-{family}={tc}"]
    with serve_glassbox(args, root / "serve.log") as url:
        yield url


@pytest.mark.parametrize("family", GRAPH_MODEL_TYPES)
def test_the_circuits_view_works_on_every_family(browser: Browser, families_server: str, family: str) -> None:
    model = f"tiny-{family}"
    info = api(families_server, f"api/circuits/{model}/info")
    assert info["available"], info
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    q = {"model": model, "prompt": PROMPT, "lang": "en", "view": "circuits", "tour": "0"}
    page.goto(f"{families_server}?{urlencode(q)}")
    page.get_by_test_id("circuits-build").click()
    expect(page.get_by_test_id("circuits-progress")).to_be_hidden(timeout=90_000)
    graph = page.get_by_test_id("circuits-graph")
    expect(graph).to_be_visible()
    tokens = page.locator("[data-testid=graph-node][data-kind=embedding]")
    logits = page.locator("[data-testid=graph-node][data-kind=logit]")
    assert tokens.count() >= len(PROMPT.split())  # every input token is a node (tokens are never pruned)
    assert logits.count() >= 1
    assert int(graph.get_attribute("data-edge-count") or "0") > 0
    features = page.locator("[data-testid=graph-node][data-kind=feature]")
    if features.count():  # random transcoders may leave none after pruning; when one is drawn its card opens
        node = features.first
        layer, feature = node.get_attribute("data-layer"), node.get_attribute("data-node-id")
        node.click()
        card = page.get_by_test_id("feature-card")
        expect(card).to_be_visible(timeout=60_000)
        want = api(families_server, f"api/circuits/feature/{model}/{layer}/{(feature or '').split('_')[1]}")
        density = page.get_by_test_id("feature-density")
        expect(density).to_have_attribute("data-value", re.compile(r"\d"))
        assert float(density.get_attribute("data-value") or "nan") == pytest.approx(want["density"], rel=1e-6)
    assert problems == [], problems
    context.close()


def test_the_circuits_view_says_why_it_skips_linear_attention(browser: Browser, families_server: str) -> None:
    """A family the graphs do not cover (Qwen3.5's linear attention) is refused with its reason, before any build."""
    missing = set(MODEL_TYPES) - set(GRAPH_MODEL_TYPES)
    assert missing == {"qwen3_5_text"}
    info = api(families_server, "api/circuits/tiny-qwen3_5_text/info")
    assert info["available"] is False and "linear-attention layers" in info["reason"]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    q = {"model": "tiny-qwen3_5_text", "prompt": PROMPT, "lang": "en", "view": "circuits", "tour": "0"}
    page.goto(f"{families_server}?{urlencode(q)}")
    expect(page.get_by_test_id("circuits-unavailable")).to_contain_text("linear-attention layers")
    context.close()
