"""Mixtures of experts in the detailed view, in headless Chromium against a real ``glassbox serve``.

The routing panel of each MoE family (Qwen3-MoE, OLMoE, gpt-oss) must show the router's real numbers: every
expert's probability at the selected token, which experts were chosen and with what weight, the load over the
text, and the clicked expert's contribution — each compared with a trace of the same text in this process. gpt-oss's
attention sinks must be on the page too, so that a pattern row summing to less than 1 is explained.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import torch
from e2e_support import api_json, detail_page, open_detail, serve_glassbox
from playwright.sync_api import Browser, Page, expect

import glassbox
from glassbox.analysis import detail
from glassbox.capture.names import act_name
from glassbox.schema.moe import Routing

pytestmark = pytest.mark.e2e

Shot = Callable[[Page, str], None]
PROMPT = "The capital of France is"
FAMILIES = ("qwen3_moe", "olmoe", "gpt_oss")


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from glassbox.testing import make_tiny_model

    root = tmp_path_factory.mktemp("moe-models")
    return {f: make_tiny_model(root / f"tiny-{f}", f) for f in FAMILIES}


@pytest.fixture(scope="module")
def moe_server(models: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    args = [a for folder in models.values() for a in ("--model", str(folder))]
    with serve_glassbox(args, tmp_path_factory.mktemp("serve-moe") / "serve.log") as url:
        yield url


_page = detail_page


def _open(page: Page, server: str, model: str, lang: str = "en", **params: str) -> list[str]:
    return open_detail(page, server, model, PROMPT, lang, **params)


def _attrs(page: Page, testid: str, name: str) -> list[str]:
    js = f"els => els.map(e => e.getAttribute('data-{name}'))"
    out: list[str] = page.get_by_test_id(testid).evaluate_all(js)
    return out


@pytest.mark.parametrize("family", FAMILIES)
def test_routing_panel_shows_the_real_router(
    browser: Browser, moe_server: str, models: dict[str, Path], family: str, shot: Shot
) -> None:
    model = glassbox.load_model(str(models[family]), device="cpu")
    t = glassbox.trace(model, PROMPT)
    layer, pos = 1, t.n_pos - 1
    probs = t[act_name("router_probs", layer, "mlp")]
    index = t[act_name("expert_index", layer, "mlp")]
    weight = t[act_name("expert_weight", layer, "mlp")]
    n = model.info.n_experts
    page = _page(browser, 1280, 1000)
    errors = _open(page, moe_server, f"tiny-{family}", panel="mlp", layer=str(layer), pos=str(pos))
    panel = page.get_by_test_id("routing-panel")
    expect(panel).to_have_attribute("data-pos", str(pos))
    expect(panel).to_have_attribute("data-experts", str(n))
    expect(page.get_by_test_id("routing-expert")).to_have_count(n)
    # every expert's probability at this token, and which were chosen with what weight
    shown = [float(p) for p in _attrs(page, "routing-expert", "prob")]
    assert max(abs(a - b) for a, b in zip(shown, probs[pos].tolist(), strict=True)) <= 1e-6
    chosen = [e for e, c in enumerate(_attrs(page, "routing-expert", "chosen")) if c == "true"]
    assert sorted(chosen) == sorted(index[pos].tolist())
    for slot, e in enumerate(index[pos].tolist()):
        w = page.locator(f"[data-testid=routing-expert][data-expert='{e}']").get_attribute("data-weight")
        assert abs(float(w or "nan") - float(weight[pos, slot])) <= 1e-6
    # the load over the text: how many tokens chose each expert
    load = [int(v) for v in _attrs(page, "routing-load-bar", "load")]
    assert load == torch.bincount(index.reshape(-1), minlength=n).tolist()
    # the first choice's contribution by default; its norm is ‖weight × output‖ from the trace
    first = int(index[pos, 0])
    box = page.get_by_test_id("routing-contribution")
    expect(box).to_have_attribute("data-expert", str(first))
    out = t[act_name("expert_out", layer, "mlp")][pos, 0] * weight[pos, 0]
    assert abs(float(box.get_attribute("data-norm") or "nan") - float(out.norm())) <= 1e-5 * max(1.0, float(out.norm()))
    expect(page.get_by_test_id("routing-activations")).to_have_attribute("data-length", str(model.info.d_expert))
    # the page's numbers are the route's
    api = Routing.model_validate(
        api_json(
            moe_server, "api/detail/routing", {"model": f"tiny-{family}", "prompt": PROMPT, "layer": layer, "pos": pos}
        )
    )
    assert api.chosen == index.tolist() and api.load == load
    assert float(box.get_attribute("data-norm") or "nan") == pytest.approx(api.experts[0].contribution_norm, abs=1e-9)
    # the weighted sum of the chosen experts' outputs is the MLP's output
    assert float(page.get_by_test_id("routing-sum").get_attribute("data-error") or "nan") <= 1e-5
    # an expert that was not chosen here did not run: the page says so
    unchosen = next(e for e in range(n) if e not in index[pos].tolist())
    page.locator(f"[data-testid=routing-expert][data-expert='{unchosen}']").click()
    expect(box).to_have_attribute("data-expert", str(unchosen))
    expect(page.get_by_test_id("routing-not-chosen")).to_be_visible()
    # clicking the heat map's first row moves to position 0: the chosen experts follow
    page.get_by_test_id("routing-token").first.click()
    expect(panel).to_have_attribute("data-pos", "0")
    chosen0 = [e for e, c in enumerate(_attrs(page, "routing-expert", "chosen")) if c == "true"]
    assert sorted(chosen0) == sorted(index[0].tolist())
    # the MLP panel's neuron rows (long byte-fallback tokens of a random model) stay inside a desktop page
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 1280
    if family == "qwen3_moe":
        shot(page, "detail-moe-routing-desktop-light-en")
        # the diagram's MLP stage names the mixture: experts, how many run per token, neurons each
        page.get_by_test_id("block-node").click()
        mlp = page.locator("[data-testid=block-inside] [data-stage=mlp]")
        expect(mlp).to_contain_text(f"{n} experts, top {model.info.experts_per_token} per token")
    assert errors == []
    page.context.close()


def test_routing_panel_phone_dark_japanese(browser: Browser, moe_server: str, shot: Shot) -> None:
    page = _page(browser, 375, 812, "dark")
    errors = _open(page, moe_server, "tiny-gpt_oss", lang="ja", panel="mlp", layer="0")
    panel = page.get_by_test_id("routing-panel")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("エキスパート")
    # nothing in the panel is wider than the phone
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375
    panel.scroll_into_view_if_needed()
    shot(page, "detail-moe-routing-phone-dark-ja")
    assert errors == []
    page.context.close()


def test_gpt_oss_head_shows_its_sink(browser: Browser, moe_server: str, models: dict[str, Path], shot: Shot) -> None:
    model = glassbox.load_model(str(models["gpt_oss"]), device="cpu")
    t = glassbox.trace(model, PROMPT)
    q = t.n_pos - 1
    h = detail.attention_head(t, layer=0, head=1, query_pos=q)
    assert h.sink is not None and h.sink_logit is not None
    share = float(h.sink.to_numpy()[q])
    page = _page(browser, 1280, 900)
    errors = _open(page, moe_server, "tiny-gpt_oss", lang="fr", panel="attention", layer="0", head="1", pos=str(q))
    page.locator("[data-testid=attention-step][data-step=softmax]").click()
    sink = page.get_by_test_id("attention-sink")
    expect(sink).to_be_visible()
    assert abs(float(sink.get_attribute("data-sink") or "nan") - share) <= 1e-6
    assert abs(float(sink.get_attribute("data-sink-logit") or "nan") - h.sink_logit) <= 1e-6
    # the keys' weights on the page sum to 1 − the sink's share
    weights = [float(w) for w in _attrs(page, "attention-weight", "weight")]
    assert abs(sum(weights) + share - 1) <= 1e-5 and share > 0.01
    shot(page, "detail-gpt_oss-sink-fr")
    assert errors == []
    page.context.close()
