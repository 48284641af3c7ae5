"""Opt-in check (``make marimo-check``, not part of ``make test``): ``glassbox.widget`` in a real marimo notebook.

marimo is not a dependency of glassbox: ``make marimo-check`` installs it into a venv of its own
(``.venv-marimo``, which sees this project's ``.venv`` through a ``.pth`` line, so torch and glassbox are not
installed twice), writes a marimo notebook with two glassbox widgets — one wrapped in ``mo.ui.anywidget`` as
marimo's documentation asks, one displayed as it is — serves it with ``marimo run --headless`` and opens it in
headless Chromium with every request outside 127.0.0.1 refused. It passes when both widgets render, each on its own
view, the first showing the top next token and its probability as torch computes them in this process, with no
console errors. It prints its timings and saves ``artifacts/screenshots/notebook-marimo.png``.

    .venv/bin/python tests/e2e/marimo_check.py --marimo .venv-marimo/bin/marimo
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from e2e_support import SCREENSHOTS, chromium_path

from glassbox.testing import free_port, stop_process

PROMPT = "The capital of France is"
NOTEBOOK = f"""import marimo

app = marimo.App(width="full")


@app.cell
def _():
    import marimo as mo
    import glassbox

    return glassbox, mo


@app.cell
def _(glassbox, mo):
    wrapped = mo.ui.anywidget(glassbox.widget(prompt={PROMPT!r}, tour="0"))
    wrapped
    return (wrapped,)


@app.cell
def _(glassbox):
    plain = glassbox.widget(prompt={PROMPT!r}, view="detail", panel="lens", tour="0")
    plain
    return (plain,)


if __name__ == "__main__":
    app.run()
"""


def expected_top() -> tuple[int, float]:
    import torch

    import glassbox
    from glassbox.capture.forward import next_token_logits
    from glassbox.models.tokens import encode_prompt
    from glassbox.server.limits import Limits

    model = glassbox.load_model()
    probs = torch.softmax(
        next_token_logits(model, encode_prompt(model, PROMPT, Limits().max_prompt_tokens)).double(), -1
    )
    top = int(torch.argmax(probs))
    return top, float(probs[top])


def check(marimo: str) -> list[str]:
    """Run the notebook and look at it; the failures, in words (none: it passed)."""
    from playwright.sync_api import expect, sync_playwright

    failures: list[str] = []
    top_id, top_prob = expected_top()
    folder = Path(tempfile.mkdtemp(prefix="glassbox-marimo-"))
    (folder / "widgets.py").write_text(NOTEBOOK, encoding="utf-8")
    port = free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
    cmd = [marimo, "run", "widgets.py", "--headless", "--port", str(port), "--host", "127.0.0.1", "--no-token"]
    start = time.monotonic()
    with (folder / "marimo.log").open("wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=folder, env=env)
        try:
            url = f"http://127.0.0.1:{port}/"
            while True:
                if proc.poll() is not None or time.monotonic() - start > 60:
                    return [f"marimo did not start:\n{(folder / 'marimo.log').read_text(errors='replace')}"]
                try:
                    with urllib.request.urlopen(url, timeout=2):
                        break
                except OSError:
                    time.sleep(0.3)
            print(f"marimo up in {time.monotonic() - start:.1f} s")
            errors: list[str] = []
            refused: list[str] = []
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
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
                page.goto(url)
                widgets = page.locator(".glassbox-widget")
                expect(widgets).to_have_count(2, timeout=120_000)
                top = widgets.nth(0).get_by_test_id("candidate").first
                expect(top).to_have_attribute("data-token-id", str(top_id), timeout=120_000)
                shown = float(top.get_attribute("data-prob") or "nan")
                print(f"first widget's numbers in {time.monotonic() - start:.1f} s: top {top_id}, p = {shown:.6f}")
                if abs(shown - top_prob) >= 1e-4:
                    failures.append(f"the widget shows p = {shown}, torch computes {top_prob}")
                lens = widgets.nth(1).locator("[data-testid=panel-tab][aria-selected=true]")
                expect(lens).to_have_attribute("data-panel", "lens", timeout=120_000)
                if widgets.nth(0).get_by_test_id("detail-view").count():
                    failures.append("the first widget opened the second one's view")
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SCREENSHOTS / "notebook-marimo.png"))
                browser.close()
            failures += [f"console: {e}" for e in errors] + [f"a request left the machine: {u}" for u in refused]
        finally:
            stop_process(proc, timeout=10)
    print(f"done in {time.monotonic() - start:.1f} s")
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--marimo", default=".venv-marimo/bin/marimo", help="the marimo command of its own venv")
    args = parser.parse_args()
    if not Path(args.marimo).exists():
        sys.exit(f"{args.marimo} does not exist: run `make marimo-check`, which installs marimo into .venv-marimo")
    failures = check(str(Path(args.marimo).resolve()))  # marimo runs in the notebook's folder
    for failure in failures:
        print("FAIL:", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
