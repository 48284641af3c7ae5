"""The guided tour's training track, measured in headless Chromium: every frame interval while its stages animate.

The embedded model (glassbox-tiny) is served in this process by the same FastAPI app as ``glassbox serve``; the
frame recorder, the server and the statistics are the generation track's (``bench_tour_frames.py``), so the two
tables read alike. One run, on one page:

1. the baseline — the page idle with the tour closed (``?tour=0``);
2. the training track played at normal speed: batch → loss → gradients (the bands appearing one after another,
   the pulse running down) → update, the first stage's real training step fetched from the server on the way;
3. the learner's guess on ``update`` and the reveal (the after-step loss bars growing);
4. Back and Next between the stages again (drawn from the step already fetched);
5. the baseline again, at the end.

It prints max / p95 / mean frame ms of each part against the baseline (target: no frame over 50 ms).

    .venv/bin/python bench/bench_tour_training_frames.py            # print the figures
    .venv/bin/python bench/bench_tour_training_frames.py --write    # and rewrite its section of docs/benchmarks.md
"""

from __future__ import annotations

import sys
from urllib.parse import urlencode

from _common import write_section
from bench_tour_frames import (
    CHROMIUM_ARGS,
    IDLE_MS,
    RECORD_FRAMES,
    STATIC,
    STOP,
    TARGET_MS,
    open_idle,
    print_parts,
    start_server,
    stats,
    table_rows,
)
from glassbox.testing import free_port

TITLE = "Guided tour frames: the training track"
Stats = dict[str, float]


def measure() -> dict[str, Stats]:
    from playwright.sync_api import sync_playwright

    if not (STATIC / "index.html").exists():
        raise SystemExit("the web app is not built: run `make web`")
    server, model_id = start_server(free_port())
    port = server.config.port
    base = f"http://127.0.0.1:{port}/?" + urlencode({"model": model_id, "lang": "en", "tour": "0"})
    out: dict[str, Stats] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            out["baseline: page idle, tour closed"] = open_idle(browser, base)
            page = browser.contexts[-1].pages[-1]

            page.click("[data-testid=tour-open]")
            page.evaluate(RECORD_FRAMES)
            page.click("[data-testid=tour-track][data-track=training]")
            page.wait_for_selector("[data-testid=tour-training][data-ready=true]")
            page.click("[data-testid=tour-play]")
            page.wait_for_function(
                "() => document.querySelector('[data-testid=tour-stage]')?.dataset.stage === 'update'"
                " && document.querySelector('[data-testid=tour-play]')?.getAttribute('aria-pressed') === 'false'",
                timeout=120_000,
            )
            page.wait_for_timeout(1500)  # the update stage's bars
            out["Play: batch → update (the step fetched on the way)"] = stats(page.evaluate(STOP))

            page.evaluate(RECORD_FRAMES)
            page.click("[data-testid=tour-guess][data-guess=down]")
            page.wait_for_timeout(2000)
            out["the guess and the reveal"] = stats(page.evaluate(STOP))

            page.evaluate(RECORD_FRAMES)
            for button in ["tour-back", "tour-back", "tour-next", "tour-next"]:
                page.click(f"[data-testid={button}]")
                page.wait_for_timeout(3000)  # the gradients stage's bands take ≈ 2.7 s at normal speed
            out["Back and Next again (the step cached)"] = stats(page.evaluate(STOP))

            page.click("[data-testid=tour-close]")
            page.evaluate(RECORD_FRAMES)
            page.wait_for_timeout(IDLE_MS)
            out["baseline again: page idle, tour closed"] = stats(page.evaluate(STOP))
            browser.close()
    finally:
        server.should_exit = True
    return out


def report(r: dict[str, Stats]) -> str:
    baseline = next(iter(r.values()))
    table = table_rows(r)
    over = f"{TARGET_MS:.0f} ms"
    return f"""Measured by `bench/bench_tour_training_frames.py` like the generation track
(`bench/bench_tour_frames.py`: the same recorder, the same in-process server, headless Chromium, CPU only, a shared
2-core machine): every requestAnimationFrame interval while the tour's training track plays at normal speed — token
chips and targets sliding into place, loss bars growing, the gradient's bands appearing from the output down to the
embeddings, the update bars, then the reveal after the guess — against the same page idle with the tour closed, in
the same run. "Play" includes the server computing the real training step (a forward, a backward and a forward
again, in the bench's own process) while the page waits. Target: no frame over {TARGET_MS:.0f} ms. 1-minute load
average when the run began: {baseline.get("load", 0.0):.1f} (2 cores).

| part | frames | max ms | p95 ms | mean ms | p95 vs baseline | frames over {over} | main-thread tasks > 50 ms |
|---|---|---|---|---|---|---|---|
{table}
"""


def main() -> None:
    r = measure()
    print_parts(r)
    if "--write" in sys.argv[1:]:
        write_section(TITLE, report(r))
        print(f"wrote the {TITLE} section of docs/benchmarks.md")


if __name__ == "__main__":
    main()
