"""The newer architecture families in the detailed view, in headless Chromium against a real ``glassbox serve``.

What each family adds must be on the page as the real numbers, never hidden behind another family's drawing:
Gemma 2's attention soft-cap as its own column (``c·tanh(s/c)`` of the scaled scores, what the mask is applied
to) and its √d_model embedding factor; GPT-NeoX's partial rotary (only the rotated dimensions are paired);
SmolLM3's layer without positional encoding (no "RoPE" on that layer's attention). The values are compared with a
trace of the same text in this process.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from e2e_support import detail_page, open_detail, serve_glassbox
from playwright.sync_api import Browser, Page, expect

import glassbox
from glassbox.analysis import detail

pytestmark = pytest.mark.e2e

Shot = Callable[[Page, str], None]
PROMPT = "The capital of France is"
FAMILIES = ("gemma2", "gpt_neox", "smollm3", "qwen3_5_text")


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from glassbox.testing import make_tiny_model

    root = tmp_path_factory.mktemp("family-models")
    made = {f: make_tiny_model(root / f"tiny-{f}", f) for f in FAMILIES}
    # the released Qwen3.5 shape: more linear-attention value heads (8) than attention heads (4)
    made["qwen3_5_wide"] = make_tiny_model(
        root / "tiny-qwen3_5_wide", "qwen3_5_text", linear_num_value_heads=8, linear_value_head_dim=8
    )
    return made


@pytest.fixture(scope="module")
def fam_server(models: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    args = [a for folder in models.values() for a in ("--model", str(folder))]
    with serve_glassbox(args, tmp_path_factory.mktemp("serve-families") / "serve.log") as url:
        yield url


_page = detail_page


def _open(page: Page, server: str, model: str, lang: str = "en", **params: str) -> list[str]:
    return open_detail(page, server, model, PROMPT, lang, **params)


def _values(page: Page, testid: str) -> list[float]:
    js = "els => els.map(e => e.getAttribute('data-value'))"
    raw: list[str | None] = page.get_by_test_id(testid).evaluate_all(js)
    return [math.nan if v is None else float(v) for v in raw]


def test_gemma2_head_shows_its_soft_cap(browser: Browser, fam_server: str, models: dict[str, Path], shot: Shot) -> None:
    model = glassbox.load_model(str(models["gemma2"]), device="cpu")
    t = glassbox.trace(model, PROMPT)
    q = t.n_pos - 1
    h = detail.attention_head(t, layer=1, head=2, query_pos=q)
    assert h.softcap is not None and h.capped is not None
    # the French page on a phone, dark: the cap column's numbers and header are maths, the same in every language
    page = _page(browser, 375, 812, "dark")
    errors = _open(page, fam_server, "tiny-gemma2", lang="fr", panel="attention", layer="1", head="2", pos=str(q))
    expect(page.get_by_test_id("attention-capped")).to_have_count(t.n_pos)
    capped = _values(page, "attention-capped")
    scaled = _values(page, "attention-scaled")
    expected = h.capped.to_numpy().tolist()
    assert all(abs(a - b) <= 1e-6 for a, b in zip(capped, expected, strict=True))
    # the cap is c·tanh(s/c) of the column before it, and it bends these scores (a missing cap would show)
    c = h.softcap
    assert all(abs(a - c * math.tanh(s / c)) <= 1e-5 for a, s in zip(capped, scaled, strict=True))
    assert max(abs(a - s) for a, s in zip(capped, scaled, strict=True)) > 1e-4
    # the mask is applied to the capped score: a kept key's "after the mask" number is its capped one
    after = _values(page, "attention-masked")
    kept = [(a, b) for a, b, ok in zip(after, capped, h.allowed, strict=True) if ok]
    assert kept and all(abs(a - b) <= 1e-6 for a, b in kept)
    # the unembedding carries the final cap, the embedding Gemma's √d_model factor
    unembed = page.locator("[data-testid=stage-node][data-stage=unembed]")
    expect(unembed).to_contain_text("tanh(z/")
    expect(page.locator("[data-testid=stage-node][data-stage=embedding]")).to_contain_text("× 8")
    shot(page, "detail-gemma2-softcap-phone-dark-fr")
    assert errors == []
    page.context.close()


def test_gemma2_contributions_name_the_logit_cap(browser: Browser, fam_server: str, models: dict[str, Path]) -> None:
    """The contributions add up to the logit before Gemma 2's final cap; the page says so with the cap's formula."""
    model = glassbox.load_model(str(models["gemma2"]), device="cpu")
    t = glassbox.trace(model, PROMPT)
    dla = t.direct_logit_attribution(int(t.logits[-1].argmax()))
    assert dla.softcap is not None
    page = _page(browser, 1280, 900)
    errors = _open(page, fam_server, "tiny-gemma2", panel="contributions")
    formula = page.get_by_test_id("dla-softcap")
    expect(formula).to_be_visible()
    # "c·tanh(total / c) = logit", each number as the page formats it (4 significant digits)
    match = re.fullmatch(r"\s*(\S+)·tanh\((\S+) / (\S+)\) = (\S+)\s*", formula.inner_text().replace("−", "-"))
    assert match is not None, formula.inner_text()
    cap, total, cap2, logit = (float(g) for g in match.groups())
    assert cap == cap2 == pytest.approx(dla.softcap)
    assert total == pytest.approx(dla.total, rel=1e-3, abs=1e-4)
    assert logit == pytest.approx(dla.logit, rel=1e-3, abs=1e-4)
    assert abs(total - logit) > 1e-3  # the cap really changes the number on this model
    shown = float(page.get_by_test_id("dla-target-token").get_attribute("data-logit") or "nan")
    assert abs(shown - dla.logit) <= 1e-5
    assert abs(dla.softcap * math.tanh(dla.total / dla.softcap) - dla.logit) <= 1e-4
    assert errors == []
    page.context.close()


def test_gpt_neox_pairs_only_its_rotated_dimensions(
    browser: Browser, fam_server: str, models: dict[str, Path], shot: Shot
) -> None:
    model = glassbox.load_model(str(models["gpt_neox"]), device="cpu")
    t = glassbox.trace(model, PROMPT)
    rot = detail.embedding(t, 3).rotation
    assert rot is not None and rot.rotated_dims == 4
    page = _page(browser, 1280, 900)
    errors = _open(page, fam_server, "tiny-gpt_neox", lang="cs", panel="embedding", pos="3")
    expect(page.get_by_test_id("rope-partial")).to_have_attribute("data-value", "4")
    pairs = page.get_by_test_id("rope-pair")
    expect(pairs).to_have_count(2)  # 4 rotated dimensions: 2 pairs, not d_head / 2 = 8
    angles = [float(a) for a in pairs.evaluate_all("els => els.map(e => e.dataset.angle)")]
    assert all(abs(a - b) <= 1e-6 for a, b in zip(angles, rot.angles.to_numpy().tolist(), strict=True))
    page.get_by_test_id("block-node").click()
    expect(page.get_by_test_id("block-inside")).to_contain_text("1/σ")
    shot(page, "detail-gpt_neox-partial-rope-cs")
    assert errors == []
    page.context.close()


def test_smollm3_nope_layer_has_no_rope_label(browser: Browser, fam_server: str) -> None:
    page = _page(browser, 1280, 900)
    errors: list[str] = []
    for layer, rope in ((0, True), (1, False)):
        errors += _open(page, fam_server, "tiny-smollm3", panel="attention", layer=str(layer))
        block = page.get_by_test_id("block-node")
        expect(block).to_have_attribute("data-layer", str(layer))
        block.click()
        attention = page.locator("[data-testid=block-inside] [data-stage=attention]")
        expect(attention).to_be_visible()
        assert ("RoPE" in attention.inner_text()) is rope, layer
    assert errors == []
    page.context.close()


def _close(a: list[float], b: list[float], rel: float = 1e-5) -> bool:
    scale = max((abs(x) for x in b), default=0.0)
    return len(a) == len(b) and all(abs(x - y) <= rel * scale + 1e-12 for x, y in zip(a, b, strict=True))


def test_qwen3_5_linear_layer_shows_its_token_mixing(
    browser: Browser, fam_server: str, models: dict[str, Path], shot: Shot
) -> None:
    """Qwen3.5's hybrid: the diagram names each layer's kind; a linear-attention head shows its exact token-mixing
    row (the API's numbers), its gates and its state's size; the all-heads grid draws every layer; the gated
    full-attention layer shows its output gate."""
    from glassbox.analysis.linear_attention import linear_attention_head

    model = glassbox.load_model(str(models["qwen3_5_text"]), device="cpu")
    t = glassbox.trace(model, PROMPT)
    kinds = model.info.layer_kinds
    layer, head, q = kinds.index("linear_attention"), 1, t.n_pos - 1
    h = linear_attention_head(t, layer, head, q)
    page = _page(browser, 1280, 900)
    errors = _open(page, fam_server, "tiny-qwen3_5_text", panel="attention", layer=str(layer), head=str(head),
                   pos=str(q), blocks="all")  # fmt: skip
    # the diagram: one kind per layer, as the model's config has it
    marks = page.get_by_test_id("layer-kind")
    expect(marks).to_have_count(model.info.n_layers)
    assert marks.evaluate_all("els => els.map(e => e.dataset.kind)") == kinds
    n_linear = kinds.count("linear_attention")
    expect(page.get_by_test_id("blocks-kinds")).to_contain_text(f"{n_linear} with linear attention")
    view = page.get_by_test_id("linear-head")
    expect(view).to_have_attribute("data-query", str(q))
    expect(page.get_by_test_id("mixing-map")).to_have_attribute("data-rows", str(t.n_pos))
    expect(page.get_by_test_id("mixing-note")).to_be_visible()
    # the drawn row is the API's row of M, and rows of M are not a softmax's
    row = h.mixing.to_numpy()[q].tolist()
    expect(page.get_by_test_id("mixing-cell")).to_have_count(q + 1)
    assert _close(_values(page, "mixing-cell"), row[: q + 1])
    assert _close(_values(page, "mixing-row-sum"), [h.row_sums.to_numpy()[q].item()])
    # Σ_s M[t, s] v_s rebuilt in the browser equals the model's own o_t
    core = h.core.to_numpy()
    check = _values(page, "mixing-check")[0]
    assert check <= 1e-5 * float(abs(core).max())
    state = page.get_by_test_id("linear-state-size")
    expect(state).to_have_attribute("data-numbers", str(h.d_k * h.d_v))
    expect(state).to_have_attribute("data-bytes", str(h.state_bytes))
    gates = page.get_by_test_id("gate-row")
    expect(gates).to_have_count(t.n_pos)
    decay = [float(x) for x in gates.evaluate_all("els => els.map(e => e.dataset.decay)")]
    change = [float(x) for x in gates.evaluate_all("els => els.map(e => e.dataset.stateChange)")]
    assert _close(decay, h.decay.to_numpy().tolist()) and _close(change, h.state_change.to_numpy().tolist())
    shot(page, "detail-qwen3_5-linear-head")
    # the all-heads grid draws linear layers too (their mixing matrices), and says what they are
    page.get_by_test_id("panel-tab").and_(page.locator("[data-panel=heads]")).click()
    expect(page.get_by_test_id("head-thumb")).to_have_count(model.info.n_layers * model.info.n_heads)
    expect(page.get_by_test_id("grid-linear-note")).to_be_visible()
    shot(page, "detail-qwen3_5-heads-grid")
    # the full-attention layer is attention, with its output gate σ(gate)
    page.locator(f"[data-testid=head-thumb][data-layer='{kinds.index('attention')}'][data-head='0']").click()
    expect(page.get_by_test_id("attn-gate-strip")).to_be_visible()
    shot(page, "detail-qwen3_5-gated-attention")
    assert errors == []
    page.context.close()


def test_qwen3_5_linear_head_on_a_phone(browser: Browser, fam_server: str, models: dict[str, Path], shot: Shot) -> None:
    """The same view on a 375-px phone, dark, in Ukrainian: nothing wider than the screen."""
    model = glassbox.load_model(str(models["qwen3_5_text"]), device="cpu")
    layer = model.info.layer_kinds.index("linear_attention")
    page = _page(browser, 375, 812, "dark")
    errors = _open(page, fam_server, "tiny-qwen3_5_text", lang="uk", panel="attention", layer=str(layer), head="0")
    expect(page.get_by_test_id("linear-head")).to_be_visible()
    expect(page.get_by_test_id("mixing-note")).to_contain_text("від’ємними")
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 375, wide
    shot(page, "detail-qwen3_5-linear-head-phone-dark-uk")
    # the panel alone, at the phone's own scale, to look at its details
    from e2e_support import SCREENSHOTS

    page.get_by_test_id("linear-head").screenshot(path=str(SCREENSHOTS / "detail-qwen3_5-linear-head-phone-panel.png"))
    assert errors == []
    page.context.close()


def test_released_qwen3_5_shape_every_head_in_every_view(
    browser: Browser, fam_server: str, models: dict[str, Path], shot: Shot
) -> None:
    """More value heads than attention heads: the grid shows each layer's own heads (padding marked as no head), the
    head picker offers each layer's own count, and a value head beyond n_heads opens its token-mixing view."""
    model = glassbox.load_model(str(models["qwen3_5_wide"]), device="cpu")
    heads = model.info.layer_heads
    assert heads and max(heads) == 8 and min(heads) == model.info.n_heads
    page = _page(browser, 1280, 900)
    errors = _open(page, fam_server, "tiny-qwen3_5_wide", panel="heads")
    expect(page.get_by_test_id("head-thumb")).to_have_count(sum(heads))
    expect(page.get_by_test_id("head-none")).to_have_count(len(heads) * 8 - sum(heads))
    for layer, n in enumerate(heads):
        got = page.locator(f"[data-testid=head-thumb][data-layer='{layer}']").count()
        assert got == n, (layer, got, n)
    shot(page, "qwen3_5-released-shape-grid")
    linear = model.info.layer_kinds.index("linear_attention")
    page.locator(f"[data-testid=head-thumb][data-layer='{linear}'][data-head='7']").click()
    expect(page.get_by_test_id("linear-head")).to_have_attribute("data-head", "7")
    expect(page.get_by_test_id("head-select").locator("option")).to_have_count(8)
    full = model.info.layer_kinds.index("attention")
    page.get_by_test_id("layer-select").select_option(str(full))
    expect(page.get_by_test_id("head-select").locator("option")).to_have_count(model.info.n_heads)
    expect(page.get_by_test_id("head-select")).to_have_value(str(model.info.n_heads - 1))  # 7 clamped to the last
    page.context.close()
    assert errors == []
