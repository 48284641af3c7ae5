"""The guided tour's training track in headless Chromium against a real ``glassbox serve``.

A first visit opens the tour; the test switches it to the training track and walks its four stages (batch → loss →
gradients → update). Every value a stage shows is read from its data attributes and compared with the server's own
``POST /api/training/step`` answer for the same (model, text, checkpoint), fetched here over HTTP; the
predict-then-reveal question is answered and checked against the real after-step loss; the step is asked for once
however the learner moves; "show me the real numbers" opens the training view's step panel on the same step; a
model with no training record says so. Screenshots (desktop and 375-px phone, light and dark, English and French)
go to ``artifacts/screenshots/tour-training-*.png``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from e2e_support import ROOT, SCREENSHOTS, embedded_available, fresh_visitors
from e2e_support import api_json as api
from playwright.sync_api import Browser, Page, Request, expect

pytestmark = pytest.mark.e2e

Shot = Callable[[Page, str], None]
STAGES = ["batch", "loss", "gradients", "update"]
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"

if not embedded_available():
    pytest.skip("the embedded model glassbox-tiny is not in this checkout", allow_module_level=True)


@pytest.fixture
def tour_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """A fresh visitor (nothing remembered: the tour opens) at a given size, colour scheme and motion setting."""
    with fresh_visitors(browser) as make:
        yield make


def open_training_track(page: Page, server: str, model: str = "glassbox-tiny", lang: str = "en") -> None:
    page.goto(f"{server}?{urlencode({'model': model, 'lang': lang})}")
    expect(page.get_by_test_id("tour")).to_be_visible()
    page.locator('[data-testid="tour-track"][data-track="training"]').click()
    expect(page.get_by_test_id("tour-stage")).to_have_attribute("data-stage", "batch")


def wait_ready(page: Page) -> None:
    expect(page.get_by_test_id("tour-training")).to_have_attribute("data-ready", "true", timeout=60_000)


def go(page: Page, stage: str) -> None:
    page.get_by_test_id("tour-next").click()
    expect(page.get_by_test_id("tour-stage")).to_have_attribute("data-stage", stage)
    wait_ready(page)


def finish_animation(page: Page) -> None:
    """A click on the stage's picture finishes its animation (the shell's skip), so a screenshot shows it whole."""
    page.get_by_test_id("tour-stage").click(position={"x": 2, "y": 2})
    expect(page.get_by_test_id("tour-stage")).to_have_attribute("data-skipped", "true")


def shots(page: Page, shot: Shot, name: str) -> None:
    """The whole page, and the tour alone (a phone's full page is too tall to read the tour in)."""
    shot(page, name)
    page.get_by_test_id("tour").screenshot(path=str(SCREENSHOTS / f"{name}-tour.png"))


def serious_axe_violations(page: Page) -> list[str]:
    """axe-core (WCAG 2.x A/AA, contrast included) on the track's body only: its serious and critical findings."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found: list[str] = page.evaluate(
        """async () => {
          const r = await axe.run({ include: [['[data-testid="tour-training"]']] }, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
            resultTypes: ['violations'] });
          return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }"""
    )
    return found


def numbers(page: Page, testid: str, attr: str = "value") -> list[float]:
    got: list[str] = page.get_by_test_id(testid).evaluate_all(f"els => els.map(e => e.getAttribute('data-{attr}'))")
    return [float(x) for x in got]


def one(page: Page, testid: str, attr: str = "value") -> float:
    return float(page.get_by_test_id(testid).get_attribute(f"data-{attr}") or "nan")


def by_site(page: Page, testid: str) -> dict[tuple[str, str], float]:
    js = "els => els.map(e => [e.getAttribute('data-layer') ?? '', e.dataset.part, e.dataset.value])"
    rows: list[list[str]] = page.get_by_test_id(testid).evaluate_all(js)
    return {(layer, part): float(v) for layer, part, v in rows}


def site(g: dict[str, Any]) -> tuple[str, str]:
    layer = g["site"].get("layer")
    return ("" if layer is None else str(layer), g["site"]["part"])


def approx(xs: list[float]) -> Any:
    # the page shows the server's numbers (the same float64 through JSON); the step is recomputed for this request,
    # so allow only float32 noise
    return pytest.approx(xs, rel=1e-5, abs=1e-7)


def test_each_stage_shows_the_servers_step(tour_page: Callable[..., Page], server: str, shot: Shot) -> None:
    page = tour_page()
    step_posts: list[str] = []

    def on_request(r: Request) -> None:
        if r.method == "POST" and r.url.endswith("/api/training/step"):
            step_posts.append(r.url)

    page.on("request", on_request)
    open_training_track(page, server)
    wait_ready(page)
    body = page.get_by_test_id("tour-training")
    text, checkpoint = body.get_attribute("data-text"), int(body.get_attribute("data-checkpoint") or "-1")
    assert text, "the tour names the sentence it trains on"
    # the tour starts where the step panel does: the middle of the checkpoints that ship with the model
    ckpts = api(server, "api/training/glassbox-tiny/info")["step_checkpoints"]
    assert checkpoint == ckpts[len(ckpts) // 2]
    step = api(server, "api/training/step", {"model": "glassbox-tiny", "text": text, "checkpoint_step": checkpoint})

    # batch: the sentence as the server tokenized it; each input paired with the next token
    assert numbers(page, "tour-batch-token", "id") == [t["id"] for t in step["tokens"]]
    assert numbers(page, "tour-pair", "input-id") == [p["input"]["id"] for p in step["positions"]]
    assert numbers(page, "tour-pair", "target-id") == [t["id"] for t in step["tokens"][1:]]
    # beside it, the recorded run's own batch (one sentence here, a batch of many there)
    config = api(server, "api/training/glassbox-tiny/history")["config"]
    assert one(page, "tour-batch-run", "batch") == config["batch_size"]
    expect(page.get_by_test_id("tour-batch-run")).to_contain_text(f"{config['steps']} steps")
    finish_animation(page)
    shots(page, shot, "tour-training-1-batch")

    go(page, "loss")
    assert numbers(page, "tour-loss") == approx([p["loss_before"] for p in step["positions"]])
    assert one(page, "tour-mean-loss") == pytest.approx(step["loss_before"], rel=1e-5)
    assert one(page, "tour-mean-bar") == pytest.approx(step["loss_before"], rel=1e-5)
    finish_animation(page)
    shots(page, shot, "tour-training-2-loss")

    go(page, "gradients")
    grads = by_site(page, "tour-grad")
    assert set(grads) == {site(g) for g in step["groups"]}
    for g in step["groups"]:
        assert grads[site(g)] == pytest.approx(g["grad_norm"], rel=1e-5), site(g)
    assert one(page, "tour-grad-total") == pytest.approx(step["grad_norm_total"], rel=1e-5)
    # the gradient flows back: the output side first, the blocks from the last to the first, the embeddings last
    tiers = page.get_by_test_id("tour-grad-tier").evaluate_all("els => els.map(e => [e.dataset.kind, e.dataset.layer])")
    assert tiers[0][0] == "output" and tiers[-1][0] == "input"
    layers = [int(layer) for kind, layer in tiers if kind == "block"]
    assert layers == sorted(layers, reverse=True) and len(layers) == len({site(g)[0] for g in step["groups"]} - {""})
    finish_animation(page)
    shots(page, shot, "tour-training-3-gradients")

    go(page, "update")
    expect(page.get_by_test_id("tour-next")).to_be_disabled()  # the training step's last stage: nothing follows
    updates = by_site(page, "tour-update")
    for g in step["groups"]:
        assert updates[site(g)] == pytest.approx(g["update_norm"], rel=1e-5), site(g)
    finish_animation(page)
    assert serious_axe_violations(page) == [], "the update stage before the guess"
    # predict first: the after-step loss is not on the page until the learner guesses
    expect(page.get_by_test_id("tour-reveal")).to_have_count(0)
    actual = "down" if step["loss_after"] < step["loss_before"] else "up"
    wrong = "up" if actual == "down" else "down"
    page.locator(f'[data-testid="tour-guess"][data-guess="{wrong}"]').click()
    reveal = page.get_by_test_id("tour-reveal")
    expect(reveal).to_have_attribute("data-correct", "false")
    expect(reveal).to_have_attribute("data-actual", actual)
    assert one(page, "tour-reveal", "loss-after") == pytest.approx(step["loss_after"], rel=1e-5)
    assert numbers(page, "tour-after") == approx([p["loss_after"] for p in step["positions"]])
    finish_animation(page)
    assert serious_axe_violations(page) == [], "the update stage after a wrong guess"
    page.locator(f'[data-testid="tour-guess"][data-guess="{actual}"]').click()
    expect(reveal).to_have_attribute("data-correct", "true")
    if step.get("moments_fresh", True):
        expect(page.get_by_test_id("tour-outcome-why")).to_contain_text("learning rate")
    finish_animation(page)
    assert serious_axe_violations(page) == []
    shots(page, shot, "tour-training-4-update")

    # back and forth: the stages are drawn again, from the one step already fetched; the answer stays revealed
    page.get_by_test_id("tour-back").click()
    expect(page.get_by_test_id("tour-stage")).to_have_attribute("data-stage", "gradients")
    go(page, "update")
    expect(page.get_by_test_id("tour-reveal")).to_have_attribute("data-correct", "true")
    assert len(step_posts) == 1, f"the tour asked for its step {len(step_posts)} times"

    # "show me the real numbers": the training view's step panel, on the same sentence and checkpoint
    page.get_by_test_id("tour-training-expert").click()
    expect(page.get_by_test_id("training-view")).to_be_visible()
    expect(page.get_by_test_id("tour")).to_have_count(0)
    expect(page.get_by_test_id("train-step-text")).to_have_value(text)
    expect(page.get_by_test_id("train-step-checkpoint")).to_have_value(str(checkpoint))
    expect(page.get_by_test_id("training-step")).to_be_in_viewport()


def test_the_shells_expert_button_opens_the_training_view(tour_page: Callable[..., Page], server: str) -> None:
    page = tour_page(reduced=True)
    open_training_track(page, server)
    go(page, "loss")
    page.get_by_test_id("tour-expert").click()
    expect(page.get_by_test_id("training-step")).to_be_visible()
    expect(page.get_by_test_id("training-step")).to_be_in_viewport()  # scrolled to: the step is the place


@pytest.mark.parametrize(
    ("name", "width", "scheme", "lang"),
    [
        ("phone-light-en", 375, "light", "en"),
        ("phone-dark-fr", 375, "dark", "fr"),
        ("desktop-dark-fr", 1280, "dark", "fr"),
    ],
)
def test_phone_dark_and_french(
    tour_page: Callable[..., Page], server: str, shot: Shot, name: str, width: int, scheme: str, lang: str
) -> None:
    page = tour_page(width=width, scheme=scheme, reduced=True)
    open_training_track(page, server, lang=lang)
    wait_ready(page)
    for stage in STAGES[1:]:
        go(page, stage)
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"{stage}: the page scrolls sideways ({overflow}px at {width}px)"
    page.locator('[data-testid="tour-guess"][data-guess="down"]').click()
    expect(page.get_by_test_id("tour-reveal")).to_be_visible()
    if lang == "fr":  # the track speaks the visitor's language, and trains on that language's example sentence
        expect(page.get_by_test_id("tour-stage")).to_contain_text("Les poids sont ajustés")
        expect(page.get_by_test_id("tour-training")).not_to_have_attribute(
            "data-text", "The capital of France is Paris."
        )
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert serious_axe_violations(page) == [], f"{name}: the revealed update stage"
    shots(page, shot, f"tour-training-{name}")


def test_a_model_without_training_record_says_so(tour_page: Callable[..., Page], server: str, shot: Shot) -> None:
    page = tour_page(reduced=True)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if r.url.endswith("/api/training/step") else None)
    open_training_track(page, server, model="tiny-gpt2")
    note = page.get_by_test_id("tour-training-unavailable")
    expect(note).to_contain_text("tiny-gpt2 has no recorded training run")
    go_next = page.get_by_test_id("tour-next")
    go_next.click()
    expect(page.get_by_test_id("tour-stage")).to_have_attribute("data-stage", "loss")
    expect(note).to_be_visible()
    assert requests == []
    shots(page, shot, "tour-training-no-history")
