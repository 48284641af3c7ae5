"""Trace files in the page: ``glassbox serve --traces DIR`` with AnimatedLLM samples, a corrupt file and a glassbox
generation exported to AnimatedLLM's format; the picker plays them with the file's own numbers, a file opens from
disk, the page's generation exports in the same format; desktop and phone, light and dark, English and Czech."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from e2e_support import serve_glassbox
from playwright.sync_api import Browser, Page, expect

import glassbox

pytestmark = pytest.mark.e2e

Shot = Callable[[Page, str], None]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "animatedllm"


@pytest.fixture(scope="module")
def traces_dir(e2e_models: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("traces")
    (folder / "animated").mkdir()
    for f in FIXTURES.glob("*.json"):
        (folder / "animated" / f.name).write_bytes(f.read_bytes())
    model = glassbox.load_model(str(e2e_models[0]), device="cpu")
    g = glassbox.generate(model, "Hello world", max_new_tokens=4, temperature=0.8, seed=5, stop_at_eos=False)
    glassbox.write_animatedllm(g, folder / "exported.json", model)
    (folder / "generation.json").write_text(g.model_dump_json(), encoding="utf-8")  # glassbox's own format
    (folder / "corrupt.json").write_text('{"generation_steps": [', encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def traces_server(e2e_models: list[Path], traces_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    args = ["--model", str(e2e_models[0]), "--traces", str(traces_dir)]
    with serve_glassbox(args, tmp_path_factory.mktemp("serve-traces") / "serve.log") as url:
        yield url


def visit(browser: Browser, server: str, width: int = 1280, scheme: str = "light", lang: str = "en") -> Page:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="en-US", color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.set_default_timeout(30_000)
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"pageerror: {exc}"))
    page.on("console", lambda msg: problems.append(f"console: {msg.text}") if msg.type == "error" else None)
    page.problems = problems  # type: ignore[attr-defined]
    page.goto(f"{server}?tour=0&lang={lang}&prompt=Hello")
    expect(page.get_by_test_id("trace-picker")).to_be_visible()
    return page


def shown_candidates(page: Page) -> list[list[Any]]:
    rows = page.get_by_test_id("trace-candidate")
    got: list[list[Any]] = rows.evaluate_all(
        "els => els.map(e => [e.dataset.token, Number(e.dataset.tokenId), Number(e.dataset.prob)])"
    )
    return got


def file_candidates(step: dict[str, Any]) -> list[list[Any]]:
    # a candidate may hold only its logprob (None here: the page shows exp of it)
    return [[c["token"], c["token_id"], c.get("prob")] for c in step["output_distribution"]["candidates"]]


def test_picked_traces_show_the_files_numbers(
    browser: Browser, traces_server: str, traces_dir: Path, shot: Shot
) -> None:
    page = visit(browser, traces_server)
    picker = page.get_by_test_id("trace-picker")
    # every file is offered; the corrupt one is listed as unreadable and cannot be picked
    values = picker.locator("option").evaluate_all("os => os.map(o => [o.value, o.disabled])")
    assert ["corrupt.json", True] in values
    assert ["animated/inference_greedy_chat.json", False] in values and ["exported.json", False] in values

    doc = json.loads((FIXTURES / "inference_greedy_chat.json").read_text(encoding="utf-8"))
    picker.select_option("animated/inference_greedy_chat.json")
    expect(page.get_by_test_id("trace-player")).to_be_visible()
    label = page.get_by_test_id("trace-label")
    expect(label).to_contain_text(doc["model_info"]["name"])
    expect(label).to_contain_text(f"top-{len(doc['generation_steps'][0]['output_distribution']['candidates'])}")
    expect(page.get_by_test_id("distribution-panel")).to_have_count(0)  # the live views are not shown meanwhile
    for i, step in enumerate(doc["generation_steps"]):
        expect(page.get_by_test_id("trace-step")).to_contain_text(f"{i + 1}")
        assert shown_candidates(page) == file_candidates(step)
        chosen = page.locator("[data-testid=trace-candidate][data-chosen=true]")
        assert chosen.get_attribute("data-token-id") == str(step["selected_token"]["token_id"])
        # the visible percentage is the file's probability, formatted
        first = page.get_by_test_id("trace-candidate").first.locator(".prob")
        assert first.get_attribute("title") is not None
        if i < len(doc["generation_steps"]) - 1:
            page.get_by_test_id("trace-next").click()
    expect(page.get_by_test_id("trace-next")).to_be_disabled()
    shot(page, "traces-01-chat-greedy-desktop-light")

    # glassbox's own generation, exported to AnimatedLLM's format, plays with the numbers of the model's run
    exported = json.loads((traces_dir / "exported.json").read_text(encoding="utf-8"))
    picker.select_option("exported.json")
    expect(page.get_by_test_id("trace-label")).to_contain_text(exported["model_info"]["name"])
    assert shown_candidates(page) == file_candidates(exported["generation_steps"][0])
    expect(page.get_by_test_id("trace-chosen")).to_contain_text("sampling")

    # the training trace: loss per position and each position's stored predictions
    training = json.loads((FIXTURES / "training.json").read_text(encoding="utf-8"))
    picker.select_option("animated/training.json")
    expect(page.get_by_test_id("trace-player")).to_have_attribute("data-format", "animatedllm_training")
    page.get_by_test_id("trace-step-slider").fill("4")
    assert shown_candidates(page) == [
        [c["token"], c["token_id"], c["prob"]] for c in training["training_steps"][4]["predictions"]
    ]
    expect(page.get_by_test_id("trace-mean-loss")).to_be_visible()
    shot(page, "traces-02-training-desktop-light")

    page.get_by_test_id("trace-close").click()
    expect(page.get_by_test_id("distribution-panel")).to_be_visible()
    assert page.problems == []  # type: ignore[attr-defined]
    page.context.close()


def test_open_from_disk_and_export_the_live_generation(
    browser: Browser, traces_server: str, traces_dir: Path, tmp_path: Path, shot: Shot
) -> None:
    page = visit(browser, traces_server, width=375, scheme="dark", lang="cs")
    doc = json.loads((FIXTURES / "inference_sampling.json").read_text(encoding="utf-8"))
    page.get_by_test_id("open-trace").set_input_files(str(FIXTURES / "inference_sampling.json"))
    expect(page.get_by_test_id("trace-player")).to_be_visible()
    expect(page.get_by_test_id("trace-label")).to_contain_text("Předpočítaný záznam")  # Czech, from its catalog
    shown = shown_candidates(page)
    want = file_candidates(doc["generation_steps"][0])
    # the last candidate has only a logprob in the file: its probability is exp(logprob)
    assert shown[:-1] == want[:-1] and shown[-1][:2] == want[-1][:2]
    last_logprob = doc["generation_steps"][0]["output_distribution"]["candidates"][-1]["logprob"]
    assert shown[-1][2] == pytest.approx(math.exp(last_logprob))
    shot(page, "traces-03-disk-phone-dark-cs")

    # a glassbox generation file, read by the page's own reader: the model's probabilities of each candidate
    generation = json.loads((traces_dir / "generation.json").read_text(encoding="utf-8"))
    page.get_by_test_id("open-trace").set_input_files(str(traces_dir / "generation.json"))
    expect(page.get_by_test_id("trace-player")).to_have_attribute("data-format", "glassbox_generation")
    assert [[c[1], c[2]] for c in shown_candidates(page)] == [
        [t["token"]["id"], t["prob"]] for t in generation["steps"][0]["top"]
    ]

    bad = tmp_path / "notes.json"
    bad.write_text('{"examples": []}', encoding="utf-8")
    page.get_by_test_id("open-trace").set_input_files(str(bad))
    expect(page.get_by_test_id("trace-error")).to_contain_text("notes.json")
    page.get_by_test_id("trace-close").click()

    # the live generation, two steps, exported in AnimatedLLM's format: read back by glassbox's reader
    expect(page.get_by_test_id("step-button")).to_be_enabled()
    for n in (1, 2):
        page.get_by_test_id("step-button").click()
        expect(page.get_by_test_id("generated-token")).to_have_count(n)
    expect(page.get_by_test_id("step-button")).to_be_enabled()
    ids = [
        int(x) for x in page.get_by_test_id("generated-token").evaluate_all("els => els.map(e => e.dataset.tokenId)")
    ]
    with page.expect_download() as info:
        page.get_by_test_id("export-animatedllm").click()
    saved = tmp_path / "export.json"
    info.value.save_as(saved)
    trace = glassbox.read_animatedllm(saved)
    assert trace.format == "animatedllm_inference" and trace.inference is not None
    steps = trace.inference.generation_steps
    assert [s.selected_token.token_id for s in steps if s.selected_token] == ids
    for s in steps:
        assert len(s.output_distribution.candidates) == 10
        probs = [c.prob for c in s.output_distribution.candidates]
        assert probs == sorted(probs, reverse=True) and 0 < sum(probs) <= 1 + 1e-9
    # and the page opens its own export
    page.get_by_test_id("open-trace").set_input_files(str(saved))
    expect(page.get_by_test_id("trace-player")).to_be_visible()
    assert shown_candidates(page) == [[c.token, c.token_id, c.prob] for c in steps[0].output_distribution.candidates]
    shot(page, "traces-04-own-export-phone-dark-cs")
    assert page.problems == []  # type: ignore[attr-defined]
    page.context.close()


def test_desktop_dark_and_phone_light(browser: Browser, traces_server: str, shot: Shot) -> None:
    for width, scheme in ((1280, "dark"), (375, "light")):
        page = visit(browser, traces_server, width=width, scheme=scheme)
        page.get_by_test_id("trace-picker").select_option("animated/inference_greedy_chat.json")
        expect(page.get_by_test_id("trace-candidate").first).to_be_visible()
        shot(page, f"traces-05-chat-{'desktop' if width > 400 else 'phone'}-{scheme}")
        assert page.problems == []  # type: ignore[attr-defined]
        page.context.close()
