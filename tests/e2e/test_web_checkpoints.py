"""A real model's training checkpoints in the pre-training view, in headless Chromium against
``glassbox serve --model tiny-org/pythia-tiny --checkpoints step8,step0,step3``.

The model is a tiny GPT-NeoX (Pythia-like) trained 0, 3 and 8 AdamW steps, each revision put in a Hugging Face
Hub cache with ``refs/`` (as a download leaves it) and read offline. The page's numbers (data attributes) are
compared with the server's API answers, which the integration tests hold to plain Hugging Face forwards of each
revision's folder. A revision that is not in the cache stops ``glassbox serve`` with a one-line error.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from e2e_support import SCREENSHOTS, api_json, fresh_visitors, glassbox_command, serve_glassbox
from playwright.sync_api import Browser, Page, expect
from test_a11y import BLOCKING, run_axe

from glassbox.testing import free_port, make_fake_hub_cache, make_tiny_revisions

pytestmark = pytest.mark.e2e

REPO = "tiny-org/pythia-tiny"
PROMPT = "The capital of France is Paris."


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Path:
    revisions = make_tiny_revisions(tmp_path_factory.mktemp("revisions"), "gpt_neox", steps=(0, 3, 8))
    return make_fake_hub_cache(tmp_path_factory.mktemp("hub"), REPO, revisions)


@pytest.fixture(scope="module")
def server(hub: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("serve-checkpoints") / "serve.log"
    args = ["--model", REPO, "--checkpoints", "step8,step0,step3"]
    with serve_glassbox(args, log, env={"HF_HUB_CACHE": str(hub)}) as url:
        yield url


def open_view(page: Page, server: str, lang: str = "en") -> None:
    query = {"model": REPO, "lang": lang, "view": "training", "tour": "0"}
    page.goto(f"{server}?{urlencode(query)}")
    expect(page.get_by_test_id("ckpt-probe-row").first).to_be_visible()


def attrs(page: Page, testid: str, *names: str) -> list[dict[str, str]]:
    js = "(els, names) => els.map(e => Object.fromEntries(names.map(a => [a, e.getAttribute('data-' + a)])))"
    rows: list[dict[str, str]] = page.get_by_test_id(testid).evaluate_all(js, list(names))
    return rows


def shots(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.screenshot(path=str(SCREENSHOTS / f"checkpoints-{name}-{scheme}.png"), full_page=True)
    page.emulate_media(color_scheme="light")


def test_the_replay_and_the_comparison_show_the_servers_numbers(browser: Browser, server: str) -> None:
    replay: dict[str, Any] = api_json(server, f"api/training/{REPO}/checkpoints")
    assert [c["label"] for c in replay["checkpoints"]] == ["step0", "step3", "step8"]
    with fresh_visitors(browser) as visit:
        page = visit()
        open_view(page, server)
        expect(page.get_by_test_id("training-no-history")).to_have_count(0)
        # no recorded run to promise: the intro speaks of the published checkpoints, not of a recorded run
        expect(page.get_by_test_id("training-intro")).to_contain_text("not recorded by glassbox")
        expect(page.get_by_test_id("ckpt-order")).to_have_attribute("data-order", "step")
        expect(page.get_by_test_id("ckpt-loss-chart")).to_be_visible()
        english = [p["id"] for p in replay["probes"] if p["language"] == "en"]
        assert [r["probe"] for r in attrs(page, "ckpt-probe-row", "probe")] == english
        slider = page.get_by_test_id("ckpt-slider")
        for index, entry in enumerate(replay["checkpoints"]):
            slider.fill(str(index))
            current = page.get_by_test_id("ckpt-current")
            expect(current).to_have_attribute("data-label", entry["label"])
            expect(current).to_have_attribute("data-step", str(entry["step"]))
            loss = page.get_by_test_id("ckpt-probe-loss").get_attribute("data-loss")
            assert float(loss or "nan") == pytest.approx(entry["probe_loss"], rel=1e-9)
            preds = {p["probe_id"]: p["top"] for p in replay["snapshots"][index]["predictions"]}
            shown = attrs(page, "ckpt-probe-prediction", "token-id", "prob")
            expected = [(t["token_id"], t["prob"]) for probe in english for t in preds[probe]]
            assert [(int(s["token-id"]), float(s["prob"])) for s in shown] == expected
        shots(page, "replay-1280")

        page.get_by_test_id("ckpt-compare-prompt").fill(PROMPT)
        page.get_by_test_id("ckpt-compare-a").select_option("step0")
        page.get_by_test_id("ckpt-compare-b").select_option("step8")
        page.get_by_test_id("ckpt-compare-score").check()
        page.get_by_test_id("ckpt-compare-run").click()
        expect(page.get_by_test_id("ckpt-side")).to_have_count(2)
        body = {"model": REPO, "prompt": PROMPT, "a": "step0", "b": "step8", "score": True, "top_k": 10}
        answer: dict[str, Any] = api_json(server, "api/training/checkpoints/compare", body)
        sides = attrs(page, "ckpt-side", "label", "entropy", "mean-loss")
        assert [s["label"] for s in sides] == ["step0", "step8"]
        for shown_side, side in zip(sides, (answer["a"], answer["b"]), strict=True):
            assert float(shown_side["entropy"]) == pytest.approx(side["entropy"], rel=1e-9)
            assert float(shown_side["mean-loss"]) == pytest.approx(side["mean_loss"], rel=1e-9)
        tops = attrs(page, "ckpt-side-top", "token-id", "prob")
        expected_tops = [(t["token"]["id"], t["prob"]) for side in (answer["a"], answer["b"]) for t in side["top"]]
        assert [(int(t["token-id"]), float(t["prob"])) for t in tops] == expected_tops
        losses = attrs(page, "ckpt-token-loss", "pos", "loss")
        expected_losses = [(x["pos"], x["loss"]) for side in (answer["a"], answer["b"]) for x in side["token_losses"]]
        assert [(int(x["pos"]), float(x["loss"])) for x in losses] == expected_losses
        page.get_by_test_id("ckpt-compare").scroll_into_view_if_needed()
        shots(page, "compare-1280")
        for scheme in ("light", "dark"):  # the panels with every part shown pass axe-core in both themes
            page.emulate_media(color_scheme=scheme)
            blocking = [f"{v['id']}: {v['help']} {v['nodes'][:3]}" for v in run_axe(page) if v["impact"] in BLOCKING]
            assert not blocking, f"axe ({scheme}): " + "\n".join(blocking)


def test_the_view_fits_a_phone_in_light_and_dark_and_in_czech(browser: Browser, server: str) -> None:
    with fresh_visitors(browser) as visit:
        page = visit(width=375)
        open_view(page, server, lang="cs")
        expect(page.get_by_test_id("ckpt-replay")).to_contain_text("Tréninkové checkpointy")
        page.get_by_test_id("ckpt-compare-score").check()
        page.get_by_test_id("ckpt-compare-run").click()
        expect(page.get_by_test_id("ckpt-token-loss").first).to_be_visible()
        page.wait_for_load_state("networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"the page is {width}px wide on a 375px phone"
        shots(page, "phone-375-cs")
        for scheme in ("light", "dark"):  # each panel alone too, legible at the phone's own size
            page.emulate_media(color_scheme=scheme)
            for panel in ("ckpt-replay", "ckpt-compare"):
                page.get_by_test_id(panel).screenshot(path=str(SCREENSHOTS / f"checkpoints-phone-{panel}-{scheme}.png"))


def test_the_comparison_is_kept_in_the_link_and_a_link_runs_it_again(browser: Browser, server: str) -> None:
    with fresh_visitors(browser) as visit:
        page = visit()
        open_view(page, server)
        page.get_by_test_id("ckpt-compare-prompt").fill(PROMPT)
        page.get_by_test_id("ckpt-compare-a").select_option("step8")
        page.get_by_test_id("ckpt-compare-b").select_option("step3")
        page.get_by_test_id("ckpt-compare-run").click()
        expect(page.get_by_test_id("ckpt-side")).to_have_count(2)
        wanted = {"cka": ["step8"], "ckb": ["step3"], "cktext": [PROMPT]}
        # the address follows the page a moment after the comparison is shown
        page.wait_for_function(
            "() => new URLSearchParams(location.search).get('cktext') !== null", polling=100, timeout=10_000
        )
        query = parse_qs(urlparse(page.url).query)
        assert {k: query.get(k) for k in wanted} == wanted
        link = page.url
        other = visit()
        other.goto(link)  # a new visitor with the link sees that comparison without pressing Compare
        expect(other.get_by_test_id("ckpt-side")).to_have_count(2)
        assert [s["label"] for s in attrs(other, "ckpt-side", "label")] == ["step8", "step3"]
        expect(other.get_by_test_id("ckpt-compare-prompt")).to_have_value(PROMPT)
        body = {"model": REPO, "prompt": PROMPT, "a": "step8", "b": "step3", "score": False, "top_k": 10}
        answer: dict[str, Any] = api_json(server, "api/training/checkpoints/compare", body)
        tops = attrs(other, "ckpt-side-top", "token-id", "prob")
        expected = [(t["token"]["id"], t["prob"]) for side in (answer["a"], answer["b"]) for t in side["top"]]
        assert [(int(t["token-id"]), float(t["prob"])) for t in tops] == expected


def test_a_revision_missing_from_the_cache_stops_serve_with_a_clear_error(hub: Path) -> None:
    cmd = [*glassbox_command(), "serve", "--no-browser", "--port", str(free_port()), "--device", "cpu"]
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HUB_CACHE": str(hub)}
    done = subprocess.run(
        [*cmd, "--model", REPO, "--checkpoints", "step0,step5"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1
    assert "revision 'step5' of 'tiny-org/pythia-tiny' is not in the local Hub cache" in done.stderr
    assert "Traceback" not in done.stderr
