"""The "Why?" view and the detailed view's contributions and interventions, in headless Chromium.

A real ``glassbox serve`` on the embedded model (and a tiny GPT-2, so two models can score a text side by side).
Every number the page shows in a ``data-*`` attribute — attribution scores, logprobs, patching effects and an
opened cell's distribution, direct logit attribution, probabilities before and after an ablation — is compared
with the Python API run on the same text in this process (``glassbox.attribute``, ``score_text``, ``patch``,
``patch_cell``, ``trace(...).direct_logit_attribution``, ``ablate``). The page prints float32 values exactly, so
the tolerances only absorb the two processes' float rounding (the same code on the same CPU).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlencode

import numpy as np
import pytest
from e2e_support import SCREENSHOTS, serve_glassbox
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

import glassbox

pytestmark = pytest.mark.e2e


PROMPT = "The capital of France is"
CLEAN = "When Mary and John went to the shop, John gave a book to"
CORRUPTED = "When Mary and John went to the shop, Mary gave a book to"
SCORED = "Once upon a time, there was a little cat."
REL, ABS = 1e-5, 1e-6


def assert_scores_close(page_scores: Any, api_scores: Any) -> None:
    """Attribution scores equal up to float32 noise: relative 1e-5, and absolute 1e-5 of the largest score — a
    near-zero score is a sum of terms as large as the others, so its rounding is theirs, not its own."""
    api = np.asarray(api_scores, dtype=float)
    np.testing.assert_allclose(page_scores, api, rtol=REL, atol=max(ABS, 1e-5 * float(np.abs(api).max())))


@pytest.fixture(scope="module")
def tiny_gpt2(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from glassbox.testing import make_tiny_model

    return make_tiny_model(tmp_path_factory.mktemp("why-models") / "tiny-gpt2", "gpt2")


@pytest.fixture(scope="module")
def why_server(tiny_gpt2: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    args = ["--model", "glassbox-tiny", "--model", str(tiny_gpt2)]
    with serve_glassbox(args, tmp_path_factory.mktemp("serve-why") / "serve.log") as url:
        yield url


@pytest.fixture(scope="module")
def model() -> Any:
    return glassbox.load_model("glassbox-tiny", device="cpu")


@pytest.fixture
def wpage(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error":
            errors.append(msg.text)

    pg.on("console", on_console)
    yield pg
    context.close()
    assert errors == [], f"errors in the page: {errors}"


def open_page(page: Page, server: str, **params: str) -> None:
    query = {"model": "glassbox-tiny", "prompt": PROMPT, "lang": "en", **params}
    page.goto(f"{server}?{urlencode(query)}")


def data(page: Page, testid: str, *attrs: str) -> list[dict[str, str]]:
    js = "(els, attrs) => els.map(e => Object.fromEntries(attrs.map(a => [a, e.getAttribute('data-' + a)])))"
    rows: list[dict[str, str]] = page.get_by_test_id(testid).evaluate_all(js, list(attrs))
    return rows


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("method", ["gradient_x_input", "integrated_gradients", "occlusion", "shapley"])
def test_attribution_scores_equal_the_api(wpage: Page, why_server: str, model: Any, method: str) -> None:
    page = wpage
    open_page(page, why_server, view="why", why="attribution")
    expect(page.get_by_test_id("view-why")).to_have_attribute("aria-pressed", "true")
    page.get_by_test_id("method-select").select_option(method)
    expect(page.get_by_test_id("method-explain")).not_to_be_empty()
    page.get_by_test_id("attribute-run").click()
    expect(page.get_by_test_id("attribution")).to_have_attribute("data-method", method)

    api = glassbox.attribute(model, PROMPT, method=method)  # the server's defaults: 32 steps, 16 samples, seed 0
    rows = data(page, "attribution-token", "pos", "score", "token-id")
    assert [int(r["pos"]) for r in rows] == list(range(len(api.tokens)))
    assert [int(r["token-id"]) for r in rows] == [t.id for t in api.tokens]
    page_scores = np.array([float(r["score"]) for r in rows])
    assert_scores_close(page_scores, api.scores)
    assert page.get_by_test_id("attribution").get_attribute("data-target-id") == str(api.target_id)
    if method == "integrated_gradients":
        delta = float(page.get_by_test_id("ig-delta").get_attribute("data-delta") or "nan")
        assert delta == pytest.approx(api.delta, rel=1e-4, abs=1e-6)
    if method == "gradient_x_input":
        shot(page, "why-attribution")


def test_attribution_with_a_foil_and_a_generation(wpage: Page, why_server: str, model: Any) -> None:
    page = wpage
    open_page(page, why_server, view="why", why="attribution")
    top = glassbox.trace(model, PROMPT).top_next(3)
    target, foil = top[1].token.id, top[2].token.id
    page.get_by_test_id("target-select").select_option(str(target))
    page.get_by_test_id("foil-select").select_option(str(foil))
    page.get_by_test_id("attribute-run").click()
    expect(page.get_by_test_id("attribution")).to_have_attribute("data-target-id", str(target))
    api = glassbox.attribute(model, PROMPT, target=target, foil=foil)
    scores = np.array([float(r["score"]) for r in data(page, "attribution-token", "score")])
    assert_scores_close(scores, api.scores)

    # across a greedy generation of 4 tokens: one row per generated token, one cell per earlier position
    page.get_by_test_id("why-tab").and_(page.locator("[data-section=generation]")).click()
    page.get_by_test_id("max-new").fill("4")
    page.get_by_test_id("generation-run").click()
    expect(page.get_by_test_id("attribution-matrix")).to_be_visible()
    matrix = glassbox.attribute_generation(model, PROMPT, max_new_tokens=4)
    cells = data(page, "attribution-cell", "row-pos", "pos", "score")
    expected = {(row.pos, p): float(s) for row in matrix.rows for p, s in enumerate(row.scores)}
    assert {(int(c["row-pos"]), int(c["pos"])) for c in cells} == set(expected)
    for c in cells:
        assert float(c["score"]) == pytest.approx(expected[(int(c["row-pos"]), int(c["pos"]))], rel=REL, abs=ABS)
    shot(page, "why-generation")


@pytest.mark.parametrize("site", ["resid_pre", "head_result"])
def test_patching_effects_equal_the_api(wpage: Page, why_server: str, model: Any, site: str) -> None:
    page = wpage
    open_page(page, why_server, view="why", why="patching")
    page.get_by_test_id("patch-clean").fill(CLEAN)
    page.get_by_test_id("patch-corrupted").fill(CORRUPTED)
    page.get_by_test_id("patch-answer").fill(" Mary")
    page.get_by_test_id("patch-wrong").fill(" John")
    page.get_by_test_id("patch-site").select_option(site)
    page.get_by_test_id("patch-run").click()
    expect(page.get_by_test_id("patching")).to_have_attribute("data-site", site)

    api = glassbox.patch(model, CLEAN, CORRUPTED, " Mary", " John", site=site)
    box = page.get_by_test_id("patching")
    assert float(box.get_attribute("data-clean") or "nan") == pytest.approx(api.clean, rel=REL, abs=ABS)
    assert float(box.get_attribute("data-corrupted") or "nan") == pytest.approx(api.corrupted, rel=REL, abs=ABS)
    cells = data(page, "patch-cell", "layer", "pos", "head", "value")
    assert len(cells) == api.effect.size
    for c in cells:
        index = (int(c["layer"]), int(c["pos"])) + ((int(c["head"]),) if site == "head_result" else ())
        assert c["head"] is None or site == "head_result"
        assert float(c["value"]) == pytest.approx(float(api.effect[index]), rel=REL, abs=ABS)
    # a click reports that cell against the two unpatched runs, and opens its whole next-token distribution;
    # before the first differing token both runs carry the same values, so nothing moves there
    head = 2 if site == "head_result" else None
    d = next(i for i, (a, b) in enumerate(zip(api.clean_tokens, api.corrupted_tokens, strict=True)) if a.id != b.id)

    def open_cell(pos: int) -> tuple[str, Any]:
        sel = f"[data-testid=patch-cell][data-layer='1'][data-pos='{pos}']" + (f"[data-head='{head}']" if head else "")
        page.locator(sel).first.click()
        expect(page.get_by_test_id("patch-picked")).to_be_visible()
        expect(page.get_by_test_id("patch-dist")).to_have_attribute("data-pos", str(pos))
        return sel, glassbox.patch_cell(model, CLEAN, CORRUPTED, " Mary", " John", site, layer=1, pos=pos, head=head)

    _, still = open_cell(d - 1)
    assert all(abs(c.prob_before - c.prob_after) < 1e-6 for c in still.changes)  # float rounding only
    expect(page.get_by_test_id("patch-dist-unchanged")).to_be_visible()
    cell_sel, api_cell = open_cell(d)
    assert abs(api_cell.changes[0].prob_after - api_cell.changes[0].prob_before) > 1e-5  # the patch moves it
    expect(page.get_by_test_id("patch-dist-change").first).to_be_visible()
    dist = page.get_by_test_id("patch-dist")
    assert dist.get_attribute("data-layer") == "1" and dist.get_attribute("data-head") == (str(head) if head else None)
    # the opened cell is the map's cell, bit for bit (both exact float32 texts)
    assert dist.get_attribute("data-value") == page.locator(cell_sel).first.get_attribute("data-value")
    # the route and this process run the patch in separately shaped batches: equal to float32 rounding
    assert float(dist.get_attribute("data-value") or "nan") == pytest.approx(api_cell.value, rel=REL, abs=ABS)
    for side, top in (("corrupted", api_cell.top_corrupted), ("patched", api_cell.top_patched)):
        js = "els => els.map(e => [e.dataset.tokenId, e.dataset.prob])"
        rows = dist.get_by_test_id(f"patch-dist-{side}").get_by_test_id("patch-dist-top").evaluate_all(js)
        assert [int(i) for i, _ in rows] == [x.token.id for x in top]
        for (_, prob), x in zip(rows, top, strict=True):
            assert float(prob) == pytest.approx(x.prob, rel=REL, abs=ABS)
    changes = data(page, "patch-dist-change", "token-id", "prob-before", "prob-after")
    assert [int(c["token-id"]) for c in changes] == [c.token.id for c in api_cell.changes]
    for c, x in zip(changes, api_cell.changes, strict=True):
        assert float(c["prob-before"]) == pytest.approx(x.prob_before, rel=REL, abs=ABS)
        assert float(c["prob-after"]) == pytest.approx(x.prob_after, rel=REL, abs=ABS)
    if site == "resid_pre":
        shot(page, "why-patching")
        dist.scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / "why-patch-cell.png"))


def test_logprobs_equal_the_api_for_two_models(wpage: Page, why_server: str, model: Any, tiny_gpt2: Path) -> None:
    page = wpage
    open_page(page, why_server, view="why", why="score")
    page.get_by_test_id("score-text-input").fill(SCORED)
    page.locator(f"[data-testid=score-model][data-model='{tiny_gpt2.name}']").check()
    page.get_by_test_id("score-run").click()
    expect(page.get_by_test_id("score-column")).to_have_count(2)

    for model_id, m in (("glassbox-tiny", model), (tiny_gpt2.name, glassbox.load_model(str(tiny_gpt2), device="cpu"))):
        api = glassbox.score_text(m, SCORED)
        column = page.locator(f"[data-testid=score-column][data-model='{model_id}']")
        assert float(column.get_attribute("data-perplexity") or "nan") == pytest.approx(api.perplexity, rel=REL)
        js = "els => els.map(e => [e.dataset.pos, e.dataset.logprob ?? null])"
        rows = column.get_by_test_id("logprob-token").evaluate_all(js)
        assert [int(p) for p, _ in rows] == [t.pos for t in api.tokens]
        for (_, lp), tok in zip(rows, api.tokens, strict=True):
            if tok.logprob is None:
                assert lp is None
            else:
                assert float(lp) == pytest.approx(tok.logprob, rel=REL, abs=ABS)
    page.locator("[data-testid=score-column][data-model='glassbox-tiny'] [data-testid=logprob-token]").nth(3).hover()
    shot(page, "why-score")


def test_dla_heatmap_and_ablation_equal_the_api(wpage: Page, why_server: str, model: Any) -> None:
    page = wpage
    open_page(page, why_server, view="detail", panel="contributions")
    expect(page.get_by_test_id("dla-cell").first).to_be_visible()
    t = glassbox.trace(model, PROMPT)
    top = t.top_next(1)[0].token.id
    dla = t.direct_logit_attribution(top)
    expected: dict[tuple[int, str], float] = {}
    for c in dla.contributions:
        if c.kind == "head":
            expected[(int(c.layer or 0), str(c.head))] = c.value
        elif c.kind == "mlp":
            expected[(int(c.layer or 0), "mlp")] = c.value
    cells = data(page, "dla-cell", "layer", "head", "value")
    assert {(int(c["layer"]), c["head"]) for c in cells} == set(expected)
    for c in cells:
        assert float(c["value"]) == pytest.approx(expected[(int(c["layer"]), c["head"])], rel=REL, abs=ABS)
    shot(page, "why-dla")
    # a head's cell opens that head; the MLP's cell opens that layer's MLP
    page.locator("[data-testid=dla-cell][data-layer='2'][data-head='1']").click()
    expect(page.get_by_test_id("attention-head")).to_have_attribute("data-head", "1")
    page.locator("[data-testid=panel-tab][data-panel=contributions]").click()
    page.locator("[data-testid=dla-cell][data-layer='1'][data-head='mlp']").click()
    expect(page.get_by_test_id("mlp-view")).to_have_attribute("data-layer", "1")

    # switch a neuron off from the MLP panel and two heads from the all-heads grid
    neuron = int(page.get_by_test_id("neuron").first.get_attribute("data-index") or "0")
    page.locator(f"[data-testid=ablate-toggle][data-layer='1'][data-neuron='{neuron}']").click()
    page.locator("[data-testid=panel-tab][data-panel=heads]").click()
    for layer, head in ((0, 1), (2, 3)):
        toggle = page.locator(f"[data-testid=ablate-toggle][data-layer='{layer}'][data-head='{head}']")
        toggle.click()
        expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_test_id("ablated-chip")).to_have_count(3)
    expect(page.get_by_test_id("ablation-change").first).to_be_visible()
    heads, neurons = [(0, 1), (2, 3)], [(1, neuron)]
    page.wait_for_function("() => !document.querySelector('[data-testid=ablation-panel][aria-busy=true]')")
    after = glassbox.ablate(model, PROMPT, heads=heads, neurons=neurons, mode="zero").top_next(10)
    before = t.top_next(10)
    side = page.get_by_test_id("ablation-after")
    rows = side.get_by_test_id("ablation-top").evaluate_all("els => els.map(e => [e.dataset.tokenId, e.dataset.prob])")
    assert [int(i) for i, _ in rows] == [x.token.id for x in after]
    for (_, p), x in zip(rows, after, strict=True):
        assert float(p) == pytest.approx(x.prob, rel=REL, abs=ABS)
    rows = (
        page.get_by_test_id("ablation-before")
        .get_by_test_id("ablation-top")
        .evaluate_all("els => els.map(e => [e.dataset.tokenId, e.dataset.prob])")
    )
    assert [int(i) for i, _ in rows] == [x.token.id for x in before]
    shot(page, "why-ablation")
    # switching one head back on asks again: two components left
    page.locator("[data-testid=ablate-toggle][data-layer='0'][data-head='1']").click()
    expect(page.get_by_test_id("ablated-chip")).to_have_count(2)


def test_ablation_after_generated_tokens_starts_from_the_last_one(wpage: Page, why_server: str, model: Any) -> None:
    """Two tokens generated in the page: "before" and "after" are the next token after the last generated one."""
    page = wpage
    open_page(page, why_server, view="next")
    for n in (1, 2):
        expect(page.get_by_test_id("step-button")).to_be_enabled()
        page.get_by_test_id("step-button").click()
        expect(page.get_by_test_id("generated-token")).to_have_count(n)
    gen = [
        int(i) for i in page.get_by_test_id("generated-token").evaluate_all("els => els.map(e => e.dataset.tokenId)")
    ]
    page.get_by_test_id("view-detail").click()
    page.locator("[data-testid=panel-tab][data-panel=heads]").click()
    page.locator("[data-testid=ablate-toggle][data-layer='1'][data-head='2']").click()
    expect(page.get_by_test_id("ablation-change").first).to_be_visible()
    page.wait_for_function("() => !document.querySelector('[data-testid=ablation-panel][aria-busy=true]')")
    ids = [t.id for t in glassbox.trace(model, PROMPT).tokens] + gen
    before = glassbox.trace(model, token_ids=ids).top_next(10)
    after = glassbox.ablate(model, ids, heads=[(1, 2)]).top_next(10)
    js = "els => els.map(e => [e.dataset.tokenId, e.dataset.prob])"
    for side, want in (("before", before), ("after", after)):
        rows = page.get_by_test_id(f"ablation-{side}").get_by_test_id("ablation-top").evaluate_all(js)
        assert [int(i) for i, _ in rows] == [x.token.id for x in want]
        for (_, prob), x in zip(rows, want, strict=True):
            assert float(prob) == pytest.approx(x.prob, rel=REL, abs=ABS)


THEMES: list[tuple[Literal["dark", "light"], int, str]] = [
    ("dark", 1280, "attribution"),
    ("light", 375, "patching"),
    ("dark", 1280, "patching"),
    ("dark", 375, "score"),
]


@pytest.mark.parametrize(("theme", "width", "section"), THEMES)
def test_why_view_themes_and_phone(
    browser: Browser, why_server: str, theme: Literal["dark", "light"], width: int, section: str
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="en-US", color_scheme=theme)
    page = context.new_page()
    page.set_default_timeout(30_000)
    open_page(page, why_server, view="why", why=section)
    run = {"attribution": "attribute-run", "patching": "patch-run", "score": "score-run"}[section]
    page.get_by_test_id(run).click()
    result = {"attribution": "attribution", "patching": "patching", "score": "score-column"}[section]
    expect(page.get_by_test_id(result).first).to_be_visible()
    if section == "patching":  # open a cell: its two distributions must fit the screen too
        page.get_by_test_id("patch-cell").last.click()
        expect(page.get_by_test_id("patch-dist")).to_be_visible()
    # nothing wider than the screen but the heatmap's own scroller
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than the screen"
    shot(page, f"why-{section}-{theme}-{width}")
    context.close()
