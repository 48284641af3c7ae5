"""The Circuits view's graph, measured in headless Chromium: every frame interval while hovering and panning.

A 64-token prompt's attribution graph on the embedded model (glassbox-tiny, the same FastAPI app as ``glassbox
serve``, in this process), at the default thresholds: thousands of edges drawn (the canvas) and hundreds of nodes
(SVG elements with their hooks). One run measures, on one page:

1. the baseline — the page idle with the graph drawn (the browser's own frame pace on this machine);
2. hovering — the pointer moved from node to node (each shows its tooltip and outline);
3. panning — dragging the graph's background around and scrolling it with the wheel (each frame copies the part
   of the edges' picture in view: the edges are stroked once per zoom, threshold or selection);
4. selecting — clicking nodes (each lights its strongest edges and dims the others: a full repaint);
5. the baseline again, at the end.

It prints max / p95 / mean frame ms of each part against the baseline (target: no frame over 50 ms). Needs the built
app (``make web``), chromium and the embedded model's transcoders (or ``--transcoders DIR``).

    .venv/bin/python bench/bench_circuits_frames.py            # print the figures
    .venv/bin/python bench/bench_circuits_frames.py --write    # and rewrite the "## Circuits graph frames" section
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).parent))
from _common import write_section
from bench_tour_frames import CHROMIUM_ARGS, RECORD_FRAMES, STOP, TARGET_MS, print_parts, stats, table_rows
from glassbox.testing import free_port

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "src" / "glassbox" / "_static"
IDLE_MS = 3000
N_TOKENS = 64
DEFAULTS = (0.8, 0.98)  # circuit-tracer's thresholds
LOOSEST = (0.9, 1.0)  # the sliders' loosest: every edge among the nodes sent (thousands on a 64-token prompt)
HOVERS = 80
CLICKS = 12


def prompt_of(model: Any, n_tokens: int) -> str:
    """A prompt of exactly ``n_tokens`` tokens (with the beginning-of-text token) from the embedded corpus' words."""
    from glassbox.models.tokens import encode_prompt

    words = ("The cat sat on the mat and looked at the garden where the children played with a red ball " * 8).split()
    for n in range(1, len(words)):
        text = " ".join(words[:n])
        if len(encode_prompt(model, text, 1_000_000)) >= n_tokens:
            return text
    raise SystemExit("could not make a long enough prompt")


def start_server(port: int, transcoders: Path | None) -> tuple[Any, Any]:
    import uvicorn

    from glassbox.models.loading import load_model
    from glassbox.schema.api import Limits
    from glassbox.server.app import create_app_for
    from glassbox.server.registry import Registry

    model = load_model("glassbox-tiny", device="cpu")
    if transcoders is None and (model.path is None or not (model.path / "transcoders" / "config.yaml").exists()):
        raise SystemExit("glassbox-tiny has no transcoders in this checkout: pass --transcoders DIR")
    registry = Registry([model])
    tc = {"glassbox-tiny": transcoders} if transcoders is not None else None
    app = create_app_for(registry, Limits(), static_dir=STATIC, transcoders=tc)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, model


def record(page: Any, action: Any) -> tuple[list[float], list[float]]:
    page.evaluate(RECORD_FRAMES)
    action()
    page.wait_for_timeout(300)
    frames, long_tasks = page.evaluate(STOP)
    return frames, long_tasks


def set_range(page: Any, testid: str, value: float) -> None:
    page.get_by_test_id(testid).evaluate(
        "(el, v) => { el.value = String(v); el.dispatchEvent(new Event('input', { bubbles: true })); }", value
    )


def measure(
    transcoders: Path | None, thresholds: tuple[float, float]
) -> tuple[dict[str, dict[str, float]], dict[str, int]]:
    from playwright.sync_api import sync_playwright

    if not (STATIC / "index.html").exists():
        raise SystemExit("the web app is not built: run `make web`")
    port = free_port()
    server, model = start_server(port, transcoders)
    prompt = prompt_of(model, N_TOKENS)
    q = {"model": "glassbox-tiny", "prompt": prompt, "lang": "en", "tour": "0", "view": "circuits"}
    url = f"http://127.0.0.1:{port}/?" + urlencode(q)
    out: dict[str, dict[str, float]] = {}
    sizes: dict[str, int] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(300_000)
            page.goto(url)
            page.get_by_test_id("circuits-build").click()
            page.wait_for_selector("[data-testid=circuits-graph]")
            set_range(page, "node-threshold", thresholds[0])
            set_range(page, "edge-threshold", thresholds[1])
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            graph = page.get_by_test_id("circuits-graph")
            sizes = {
                "tokens": N_TOKENS,
                "nodes": int(graph.get_attribute("data-node-count") or 0),
                "edges": int(graph.get_attribute("data-edge-count") or 0),
            }
            page.get_by_test_id("circuits-graph").scroll_into_view_if_needed()

            page.evaluate(RECORD_FRAMES)
            page.wait_for_timeout(IDLE_MS)
            base = stats(page.evaluate(STOP))
            base["load"] = os.getloadavg()[0]
            out["baseline: graph drawn, idle"] = base

            nodes = page.locator("[data-testid=graph-node]")
            boxes = [b for b in nodes.evaluate_all("els => els.map(e => { const r = e.getBoundingClientRect(); "
                                                   "return [r.x + r.width / 2, r.y + r.height / 2]; })")
                     if 0 < b[0] < 1280 and 0 < b[1] < 900]  # fmt: skip
            targets = boxes[:: max(1, len(boxes) // HOVERS)][:HOVERS]

            def hover() -> None:
                for x, y in targets:
                    page.mouse.move(x, y, steps=4)

            out[f"hovering {len(targets)} nodes (tooltip, outline)"] = stats(record(page, hover))

            view = page.locator("[data-testid=circuits-graph] .scroller").bounding_box()
            assert view is not None
            cx, cy = view["x"] + view["width"] / 2, view["y"] + view["height"] / 2

            def pan() -> None:
                for dx, dy in ((-300, -80), (250, 60), (-200, 40), (300, -50)):
                    page.mouse.move(cx, cy + 150)
                    page.mouse.down()
                    page.mouse.move(cx + dx, cy + 150 + dy, steps=30)
                    page.mouse.up()
                for _ in range(20):
                    page.mouse.wheel(120, 40)
                    page.wait_for_timeout(16)

            out["panning: drag and wheel (the edges' picture copied)"] = stats(record(page, pan))

            def select() -> None:
                for x, y in targets[:CLICKS]:
                    page.mouse.click(x, y)
                    page.wait_for_timeout(80)

            out[f"selecting {CLICKS} nodes (strongest edges lit)"] = stats(record(page, select))

            page.evaluate(RECORD_FRAMES)
            page.wait_for_timeout(IDLE_MS)
            out["baseline again: graph drawn, idle"] = stats(page.evaluate(STOP))
            browser.close()
    finally:
        server.should_exit = True
    return out, sizes


def report(runs: list[tuple[tuple[float, float], dict[str, dict[str, float]], dict[str, int]]]) -> str:
    over = f"{TARGET_MS:.0f} ms"
    tables = []
    for thresholds, r, sizes in runs:
        baseline = next(iter(r.values()))
        drawn = f"{sizes['nodes']} nodes (SVG) and {sizes['edges']} edges"
        tables.append(f"""**Thresholds ({thresholds[0]}, {thresholds[1]}): {drawn} (one canvas) drawn**,
{sizes["tokens"]}-token prompt; 1-minute load average when the part began:
{baseline.get("load", 0.0):.1f} (2 cores).

| part | frames | max ms | p95 ms | mean ms | p95 vs baseline | frames over {over} | main-thread tasks > 50 ms |
|---|---|---|---|---|---|---|---|
{table_rows(r)}
""")
    body = "\n".join(tables)
    return f"""Measured by `bench/bench_circuits_frames.py` in headless Chromium against the real FastAPI app on the
embedded model (glassbox-tiny) with its shipped transcoders, CPU only, on a shared 2-core machine: every
requestAnimationFrame interval while the Circuits view's graph is hovered, panned and clicked, against the same page
idle, measured in the same run (before and after), at circuit-tracer's default thresholds and at the sliders'
loosest (every edge among the nodes the server sent). Target: no frame over {TARGET_MS:.0f} ms.

{body}"""


def main() -> None:
    args = sys.argv[1:]
    tc = Path(args[args.index("--transcoders") + 1]) if "--transcoders" in args else None
    runs = []
    for thresholds in (DEFAULTS, LOOSEST):
        r, sizes = measure(tc, thresholds)
        print(f"thresholds {thresholds}: graph drawn: {sizes}")
        print_parts(r)
        runs.append((thresholds, r, sizes))
    if "--write" in args:
        write_section("Circuits graph frames", report(runs))
        print("wrote the Circuits graph frames section of docs/benchmarks.md")


if __name__ == "__main__":
    main()
