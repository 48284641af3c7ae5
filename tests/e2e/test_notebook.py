"""The notebook widget in a real JupyterLab: a notebook whose cell runs ``glassbox.widget(prompt=...)`` is opened in
headless Chromium with every request outside 127.0.0.1 refused (the widget's JavaScript is the package's own, no
CDN), the cell is run, and the widget shows the top token and probability that torch computes in this process."""

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
    source = f"import glassbox\nglassbox.widget(prompt={prompt!r}, tour='0')"
    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": source}
    kernel = {"display_name": "Python 3", "language": "python", "name": "python3"}
    return {"cells": [cell], "metadata": {"kernelspec": kernel}, "nbformat": 4, "nbformat_minor": 5}


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


def test_widget_renders_the_models_numbers_in_jupyterlab(lab: str, browser: Any) -> None:
    """``browser``: the session's Chromium (conftest) — a second sync_playwright in one process is refused."""
    assert embedded_available()
    import torch

    import glassbox

    model = glassbox.load_model()
    # the page encodes the prompt as the server does (encode_prompt: BOS where the model wants one)
    ids = encode_prompt(model, PROMPT, Limits().max_prompt_tokens)
    probs = torch.softmax(next_token_logits(model, ids).double(), dim=-1)
    top_id = int(torch.argmax(probs))

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
    editor = page.locator(".jp-Notebook .jp-Cell .cm-content").first
    expect(editor).to_be_visible(timeout=60_000)
    # the kernel must be connected and idle, or JupyterLab drops the run: the status bar says so
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=60_000)
    prompt = page.locator(".jp-Notebook .jp-Cell .jp-InputPrompt").first
    for _ in range(3):  # a run sent while the kernel's session is still settling is dropped: send it again
        editor.click()
        page.keyboard.press("Shift+Enter")
        try:
            expect(prompt).not_to_have_text("[ ]:", timeout=10_000)
            break
        except AssertionError:
            continue
    top = page.locator(".jp-OutputArea [data-testid=candidate]").first
    expect(top).to_be_visible(timeout=60_000)
    expect(top).to_have_attribute("data-token-id", str(top_id), timeout=30_000)
    shown = float(top.get_attribute("data-prob") or "nan")
    top.scroll_into_view_if_needed()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "notebook-jupyterlab.png"))
    context.close()
    assert abs(shown - float(probs[top_id])) < 1e-4, (shown, float(probs[top_id]))
    assert not errors, errors
