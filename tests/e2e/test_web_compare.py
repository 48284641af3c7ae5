"""Models side by side in a real browser: two served models on one prompt, every bar and lens point equal to
Python's ``compare_models`` on the same weights; the second model follows the link (``vs``) and the picker;
a phone in dark mode and French; screenshots."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import pytest
from e2e_support import api_json, fresh_visitors
from playwright.sync_api import Browser, Page, expect

import glassbox
from glassbox.comparison import compare_models

pytestmark = pytest.mark.e2e

Shot = Callable[[Page, str], None]
PROMPT = "The capital of France is"


def open_compare(page: Page, server: str, model: str, vs: str, lang: str = "en") -> None:
    query = {"model": model, "prompt": PROMPT, "view": "compare", "vs": vs, "lang": lang, "tour": "0"}
    page.goto(f"{server}?{urlencode(query)}")
    expect(page.get_by_test_id("compare-side")).to_have_count(2, timeout=60_000)


def test_side_by_side_equals_python(browser: Browser, server: str, e2e_models: list[Path], shot: Shot) -> None:
    ids = api_json(server, "api/health")["models"]
    a, b = ids[0], ids[-1]  # tiny-gpt2, and the embedded model when it is built (another tokenizer)
    models = {p.name: p for p in e2e_models}
    loaded = [glassbox.load_model(str(models[i]) if i in models else i, device="cpu") for i in (a, b)]
    want = compare_models(loaded, PROMPT, top_k=10, names=[a, b])
    with fresh_visitors(browser) as visit:
        page = visit(1280, "light")
        open_compare(page, server, a, b)
        expect(page.get_by_test_id("compare-model-a")).to_have_value(a)
        expect(page.get_by_test_id("compare-model-b")).to_have_value(b)
        sides = page.get_by_test_id("compare-side")
        for i, side in enumerate(want.models):
            col = sides.nth(i)
            assert col.get_attribute("data-model") == side.model
            chips = col.get_by_test_id("compare-token").evaluate_all("els => els.map(e => Number(e.dataset.tokenId))")
            assert chips == [t.id for t in side.tokens]
            entropy = float(col.get_by_test_id("compare-entropy").get_attribute("data-value") or "nan")
            assert entropy == pytest.approx(side.entropy, abs=1e-4)
        rows = page.get_by_test_id("compare-next-row")
        expect(rows).to_have_count(len(want.next))
        got = page.get_by_test_id("compare-next-prob").evaluate_all(
            "els => els.map(e => [Number(e.dataset.prob), e.dataset.inVocab === 'true'])"
        )
        flat = [(p, v) for n in want.next for p, v in zip(n.probs, n.in_vocab, strict=True)]
        assert [v for _, v in got] == [v for _, v in flat]
        assert [p for p, _ in got] == pytest.approx([p for p, _ in flat], abs=1e-5)
        assert rows.evaluate_all("els => els.map(e => e.dataset.bytes)") == [n.bytes_hex for n in want.next]
        tv = float(page.get_by_test_id("compare-tv").get_attribute("data-value") or "nan")
        assert tv == pytest.approx(want.total_variation[0][1], abs=1e-5)
        points = page.get_by_test_id("compare-lens-point").evaluate_all(
            "els => els.map(e => [e.dataset.model, Number(e.dataset.depth), Number(e.dataset.prob)])"
        )
        expected = [(s.model, r.depth, r.final_prob) for s in want.models for r in s.lens]
        assert [p[0] for p in points] == [e[0] for e in expected]
        assert [p[1] for p in points] == pytest.approx([e[1] for e in expected], abs=1e-9)
        # float32 sums in another process with its own thread count: the same values to a few ulps
        assert [p[2] for p in points] == pytest.approx([e[2] for e in expected], abs=1e-5)
        expect(page.get_by_test_id("compare-lens-table")).to_have_count(2)
        shot(page, "compare-desktop-light")
        # the link follows the second model, and another choice asks again
        other = ids[1]
        page.get_by_test_id("compare-model-b").select_option(other)
        expect(page.get_by_test_id("compare-side").nth(1)).to_have_attribute("data-model", other, timeout=30_000)
        expect(page).to_have_url(re.compile(rf"[?&]vs={re.escape(other)}(&|$)"))
        # one model twice is refused on the page, with nothing asked
        page.get_by_test_id("compare-model-b").select_option(a)
        expect(page.get_by_test_id("compare-pick-two")).to_be_visible()


def test_phone_dark_french(browser: Browser, server: str, shot: Shot) -> None:
    ids = api_json(server, "api/health")["models"]
    with fresh_visitors(browser) as visit:
        page = visit(375, "dark")
        open_compare(page, server, ids[0], ids[-1], lang="fr")
        expect(page.get_by_test_id("view-compare")).to_have_text("Comparer les modèles")
        expect(page.get_by_test_id("compare-lens-chart")).to_be_visible()
        # nothing wider than the phone
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0
        shot(page, "compare-phone-dark-fr")
