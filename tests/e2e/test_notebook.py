"""The notebook widget in a real JupyterLab: a notebook whose cells make two ``glassbox.widget(...)`` is opened in
headless Chromium with every request outside 127.0.0.1 refused (the widget's JavaScript is the package's own, no
CDN). The cells are run; the first widget shows the top token and probability that torch computes in this process;
the two widgets hold different views and selections, each kept in its own widget model (read back in Python),
never in JupyterLab's URL; and JupyterLab's own elements are styled exactly as before the widgets rendered."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
from e2e_support import SCREENSHOTS, embedded_available
from playwright.sync_api import expect

from glassbox.capture.forward import next_token_logits
from glassbox.models.tokens import encode_prompt
from glassbox.server.limits import Limits
from glassbox.testing import free_port, stop_process

pytestmark = pytest.mark.e2e
PROMPT = "The capital of France is"
WIDGET_JS = Path(__file__).resolve().parents[2] / "src" / "glassbox" / "_widget" / "widget.js"


def notebook(prompt: str) -> dict[str, Any]:
    # tour="0": extra keyword arguments are URL state, as `?tour=0` on a page (the first-visit tour stays shut)
    sources = [
        f"import glassbox\na = glassbox.widget(prompt={prompt!r}, tour='0')\na",
        f"b = glassbox.widget(prompt={prompt!r}, view='detail', panel='lens', layer='1', tour='0')\nb",
        "print('A=' + a.query)\nprint('B=' + b.query)",
    ]
    cells = [
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": source}
        for source in sources
    ]
    kernel = {"display_name": "Python 3", "language": "python", "name": "python3"}
    return {"cells": cells, "metadata": {"kernelspec": kernel}, "nbformat": 4, "nbformat_minor": 5}


# What the app's page-wide stylesheet used to restyle: JupyterLab's body, its notebook, its top and side panels, a
# tab, a toolbar button (a <button>), the toolbar and the status bar — none of them inside a cell, so running one
# (which recolours its prompt) changes nothing here. Read from outside the widgets, before they render and after.
JUPYTER_STYLE = """() => {
  const props = ["font-family", "font-size", "background-color", "color", "margin", "line-height", "box-sizing",
                 "border-top-color", "padding-top"];
  const pick = (sel) => {
    const el = sel === "html" ? document.documentElement : document.querySelector(sel);
    if (!el) return null;
    const cs = getComputedStyle(el);
    return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
  };
  const sels = ["html", "body", ".jp-Notebook", "#jp-top-panel", ".jp-SideBar", ".lm-TabBar-tabLabel",
                ".jp-ToolbarButtonComponent", ".jp-NotebookPanel-toolbar", ".jp-StatusBar-Widget"];
  const out = Object.fromEntries(sels.map((s) => [s, pick(s)]));
  out.attrs = { lang: document.documentElement.lang, theme: document.documentElement.dataset.theme ?? null };
  return out;
}"""


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not WIDGET_JS.exists():
        pytest.fail("the notebook widget is not built: run `make web` before the browser tests")
    root = tmp_path_factory.mktemp("lab")
    (root / "widget.ipynb").write_text(json.dumps(notebook(PROMPT)), encoding="utf-8")
    home = tmp_path_factory.mktemp("jupyter-home")
    port = free_port()
    # a private Jupyter config/runtime/workspace (nothing of the machine's own), this venv's python as the kernel
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "TOKENIZERS_PARALLELISM": "false",
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "IPYTHONDIR": str(home / "ipython"),
    }
    cmd = [
        sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--IdentityProvider.token=",
        "--ServerApp.open_browser=False", f"--ServerApp.root_dir={root}",
        "--ServerApp.ip=127.0.0.1",
        *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),  # CI's containers run as root
    ]  # fmt: skip
    log = root.parent / f"{root.name}-lab.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=root)
        url = f"http://127.0.0.1:{port}/"
        try:
            deadline = time.monotonic() + 60
            while True:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start\n{log.read_text(errors='replace')}")
                try:
                    with urllib.request.urlopen(url + "api/status", timeout=2):
                        break
                except OSError:
                    time.sleep(0.3)
            yield url
        finally:
            stop_process(proc, timeout=10)


def run_cells(page: Any, n: int) -> None:
    """Run the notebook's first ``n`` cells in order (Shift+Enter moves on to the next)."""
    editor = page.locator(".jp-Notebook .jp-Cell .cm-content").first
    prompt = page.locator(".jp-Notebook .jp-Cell .jp-InputPrompt").first
    for _ in range(3):  # a run sent while the kernel's session is still settling is dropped: send it again
        editor.click()
        page.keyboard.press("Shift+Enter")
        try:
            expect(prompt).not_to_have_text("[ ]:", timeout=10_000)
            break
        except AssertionError:
            continue
    for i in range(1, n):
        cell = page.locator(".jp-Notebook .jp-Cell").nth(i)
        cell.locator(".cm-content").click()
        page.keyboard.press("Shift+Enter")
        expect(cell.locator(".jp-InputPrompt")).not_to_have_text("[ ]:", timeout=60_000)


def test_widgets_render_the_models_numbers_and_keep_to_themselves(lab: str, browser: Any) -> None:
    """``browser``: the session's Chromium (conftest) — a second sync_playwright in one process is refused."""
    assert embedded_available()
    import torch

    import glassbox

    model = glassbox.load_model()
    # the page encodes the prompt as the server does (encode_prompt: BOS where the model wants one)
    ids = encode_prompt(model, PROMPT, Limits().max_prompt_tokens)
    probs = torch.softmax(next_token_logits(model, ids).double(), dim=-1)
    top_id = int(torch.argmax(probs))
    n_layers = model.info.n_layers

    errors: list[str] = []
    refused: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})

    def only_local(route: Any) -> None:
        if route.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(lab + "lab/tree/widget.ipynb?reset")
    expect(page.locator(".jp-Notebook .jp-Cell .cm-content").first).to_be_visible(timeout=60_000)
    # the kernel must be connected and idle, or JupyterLab drops the run: the status bar says so
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=60_000)
    lab_url = page.url
    before = page.evaluate(JUPYTER_STYLE)

    run_cells(page, 2)
    widgets = page.locator(".jp-OutputArea .glassbox-widget")
    expect(widgets).to_have_count(2, timeout=60_000)
    a, b = widgets.nth(0), widgets.nth(1)
    top = a.get_by_test_id("candidate").first
    expect(top).to_be_visible(timeout=60_000)
    expect(top).to_have_attribute("data-token-id", str(top_id), timeout=30_000)
    shown = float(top.get_attribute("data-prob") or "nan")

    # each widget opened on its own view and selection: A the next-token view, B the logit lens of layer 1
    expect(b.get_by_test_id("detail-view")).to_be_visible(timeout=60_000)
    expect(b.locator("[data-testid=panel-tab][aria-selected=true]")).to_have_attribute("data-panel", "lens")
    expect(a.get_by_test_id("detail-view")).to_have_count(0)
    # a selection moved in B stays in B: its all-heads tab; A keeps its view
    b.locator("[data-testid=panel-tab][data-panel=heads]").click()
    expect(b.locator("[data-testid=panel-tab][aria-selected=true]")).to_have_attribute("data-panel", "heads")
    expect(a.get_by_test_id("candidate").first).to_be_visible()
    page.wait_for_timeout(600)  # the state follows a quarter of a second after the last change

    # the kernel holds each widget's own state (traitlets synced); JupyterLab's URL never carried it
    printer = page.locator(".jp-Notebook .jp-Cell").nth(2)
    printer.locator(".cm-content").click()
    page.keyboard.press("Shift+Enter")
    printed = printer.locator(".jp-OutputArea-output")
    expect(printed).to_contain_text("B=", timeout=60_000)
    lines = dict(line.split("=", 1) for line in printed.inner_text().strip().splitlines() if "=" in line[:2])
    qa, qb = parse_qs(lines["A"]), parse_qs(lines["B"])
    assert qa["prompt"] == [PROMPT] and qb["prompt"] == [PROMPT], (qa, qb)
    assert "view" not in qa and "panel" not in qa, qa
    assert qb["view"] == ["detail"] and qb["panel"] == ["heads"] and qb["layer"] == [str(min(1, n_layers - 1))], qb
    assert page.url == lab_url, (page.url, lab_url)

    after = page.evaluate(JUPYTER_STYLE)
    top.scroll_into_view_if_needed()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "notebook-jupyterlab.png"))
    # the widget's "Auto" theme follows the notebook's: JupyterLab's own menu switches it to its dark theme
    card = a.locator(".card").first
    light_bg = card.evaluate("e => getComputedStyle(e).backgroundColor")
    page.locator(".lm-MenuBar-itemLabel", has_text="Settings").click()
    page.locator(".lm-Menu-itemLabel", has_text="Theme").first.hover()
    page.locator(".lm-Menu-itemLabel").get_by_text("JupyterLab Dark", exact=True).click()
    expect(page.locator("body")).to_have_attribute("data-jp-theme-light", "false", timeout=30_000)
    expect(a).to_have_attribute("data-host-scheme", "dark")
    assert a.evaluate("e => getComputedStyle(e).colorScheme") == "dark"
    dark_bg = card.evaluate("e => getComputedStyle(e).backgroundColor")
    assert dark_bg != light_bg, (light_bg, dark_bg)
    expect(page.locator("#jupyterlab-splash")).to_have_count(0, timeout=30_000)  # the theme has finished loading
    b.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "notebook-jupyterlab-two-widgets-dark.png"))
    context.close()
    assert abs(shown - float(probs[top_id])) < 1e-4, (shown, float(probs[top_id]))
    # JupyterLab's own elements look exactly as before: the widgets' stylesheet is scoped to their roots
    assert all(v is not None for v in before.values()), before
    assert after == before
    assert not errors, errors
