"""Everyone can use it (issue 17, item 5): axe-core in Chromium on every view, in light and dark themes.

Each view is brought to a state that shows its content (a next-token distribution with a generated token; inside
the model with a layer, head and position picked, every panel opened in turn and a block expanded; the training
view with a real step run; each "Why?" section with its result; the tokenizer lab with its columns), then axe-core
(``web/node_modules/axe-core``, injected from the disk: no network) checks it against the WCAG 2.0/2.1/2.2 A and
AA rules, colour contrast included. A violation of impact serious or critical fails the test, printed with its
rule, its impact and the elements it was found on. Every result (all impacts) is written to
``artifacts/a11y/axe-<view>-<theme>.json`` so the counts can be compared before and after a change.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any, Literal
from urllib.parse import urlencode

import pytest
from e2e_support import ROOT, SCREENSHOTS, embedded_available, serve_glassbox
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

pytestmark = pytest.mark.e2e

AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
REPORTS = ROOT / "artifacts" / "a11y"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA: colour contrast (1.4.3) is a wcag2aa rule
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = ("serious", "critical")
PROMPT = "The capital of France is"
Theme = Literal["light", "dark"]

if not embedded_available():
    # the training view needs the embedded model's recorded history
    pytest.skip("the embedded model glassbox-tiny is not in this checkout", allow_module_level=True)


@pytest.fixture(scope="module")
def a11y_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_glassbox(["--model", "glassbox-tiny"], tmp_path_factory.mktemp("serve-a11y") / "serve.log") as url:
        yield url


def new_page(browser: Browser, theme: Theme, width: int = 1280) -> tuple[Page, list[str]]:
    """A page in ``theme`` (the system's scheme, which the page's "auto" theme follows)."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="en-US", color_scheme=theme)
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error":
            errors.append(msg.text)

    page.on("console", on_console)
    return page, errors


def open_app(page: Page, server: str, theme: Theme, tour: bool = False, **params: str) -> None:
    """The app at ``params``; the guided tour (which opens on a first visit) skipped with ``tour=0`` unless ``tour``."""
    query = {"model": "glassbox-tiny", "lang": "en", "prompt": PROMPT, **({} if tour else {"tour": "0"}), **params}
    page.goto(f"{server}?{urlencode(query)}")
    # the theme really is the one asked for: a dark page has a dark background (relative luminance well under 0.2)
    lum = page.evaluate(
        """() => {
          const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number);
          const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
          return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
        }"""
    )
    assert (lum < 0.2) == (theme == "dark"), f"body luminance {lum} in the {theme} theme"


def run_axe(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations of the page as it is now (every impact), each with its nodes' selectors."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    violations: list[dict[str, Any]] = page.evaluate(
        """async (tags) => {
          // a fade or a growing bar mid-way measures a contrast nobody reads: wait until no finite animation or
          // transition runs (one finishing may start another, e.g. a stage handing its highlight on)
          const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
          for (let i = 0; i < 50; i++) {
            const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
            if (finite.length === 0) break;
            await Promise.all(finite.map((a) => a.finished.catch(() => null)));
            await frame();
          }
          const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return r.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map((n) => ({ target: n.target.join(' '), impact: n.impact, html: n.html.slice(0, 160),
                                         summary: n.failureSummary })),
          }));
        }""",
        AXE_TAGS,
    )
    return violations


class Audit:
    """The violations found in each state of one view, written to a report and checked at the end."""

    def __init__(self, page: Page, view: str, theme: Theme) -> None:
        self.page, self.view, self.theme = page, view, theme
        self.states: dict[str, list[dict[str, Any]]] = {}

    def check(self, state: str) -> None:
        self.page.wait_for_load_state("networkidle")
        self.states[state] = run_axe(self.page)

    def finish(self) -> None:
        REPORTS.mkdir(parents=True, exist_ok=True)
        counts: dict[str, int] = {}
        for violations in self.states.values():
            for v in violations:
                counts[v["impact"] or "none"] = counts.get(v["impact"] or "none", 0) + len(v["nodes"])
        report = {"view": self.view, "theme": self.theme, "node_counts_by_impact": counts, "states": self.states}
        (REPORTS / f"axe-{self.view}-{self.theme}.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"a11y-{self.view}-{self.theme}.png"), full_page=True)
        blocking = [
            f"[{state}] {v['id']} ({v['impact']}): {v['help']}\n"
            + "\n".join(f"    {n['target']}  {n['html']}\n      {n['summary']}" for n in v["nodes"][:8])
            for state, violations in self.states.items()
            for v in violations
            if v["impact"] in BLOCKING
        ]
        assert not blocking, f"axe: serious/critical violations in {self.view} ({self.theme}):\n" + "\n".join(blocking)
        assert self.states, "no state was checked"


def next_view(page: Page, audit: Audit) -> None:
    expect(page.get_by_test_id("candidate").first).to_be_visible()
    audit.check("distribution")
    page.get_by_test_id("step-button").click()
    expect(page.get_by_test_id("generated-token")).to_have_count(1)
    expect(page.get_by_test_id("step-button")).to_be_enabled()
    audit.check("after one step")


def detail_view(page: Page, audit: Audit) -> None:
    expect(page.get_by_test_id("overview")).to_be_visible()
    # the last layer, the last head and the middle position (read from the model's own pickers)
    for testid, pick in (("layer-select", -1), ("head-select", -1), ("pos-select", None)):
        values = page.get_by_test_id(testid).locator("option").evaluate_all("os => os.map(o => o.value)")
        page.get_by_test_id(testid).select_option(values[len(values) // 2] if pick is None else values[pick])
    page.get_by_test_id("block-node").first.click()
    expect(page.get_by_test_id("block-inside")).to_be_visible()
    tabs = page.get_by_test_id("panel-tab")
    for panel in tabs.evaluate_all("ts => ts.map(t => t.dataset.panel)"):
        tabs.and_(page.locator(f"[data-panel={panel}]")).click()
        expect(page.locator("[role=tabpanel]")).to_have_attribute("data-panel", panel)
        expect(page.get_by_test_id("detail-view")).to_have_attribute("aria-busy", "false")
        audit.check(f"panel {panel}")


def training_view(page: Page, audit: Audit) -> None:
    expect(page.get_by_test_id("loss-chart")).to_be_visible()
    expect(page.get_by_test_id("probe-row").first).to_be_visible()
    audit.check("replay")
    page.get_by_test_id("train-step-run").click()
    expect(page.get_by_test_id("train-step-stage").first).to_be_visible()
    page.get_by_test_id("train-step-all").click()
    expect(page.get_by_test_id("step-outcome")).to_be_visible()
    page.get_by_test_id("init-run").click()
    expect(page.get_by_test_id("init-side").first).to_be_visible()
    audit.check("one step, init vs trained")


def why_view(page: Page, audit: Audit) -> None:
    tab = page.get_by_test_id("why-tab")
    page.get_by_test_id("attribute-run").click()
    expect(page.get_by_test_id("attribution")).to_be_visible()
    audit.check("attribution")
    tab.and_(page.locator("[data-section=generation]")).click()
    page.get_by_test_id("max-new").fill("2")
    page.get_by_test_id("generation-run").click()
    expect(page.get_by_test_id("attribution-matrix")).to_be_visible()
    audit.check("generation")
    tab.and_(page.locator("[data-section=patching]")).click()
    page.get_by_test_id("patch-run").click()
    expect(page.get_by_test_id("patching")).to_be_visible()
    audit.check("patching")
    tab.and_(page.locator("[data-section=score]")).click()
    page.get_by_test_id("score-run").click()
    expect(page.get_by_test_id("logprob-token").first).to_be_visible()
    audit.check("score")


def tokenizers_view(page: Page, audit: Audit) -> None:
    expect(page.get_by_test_id("tokenizer-column").first).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("tax-cell").first).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("merge-step").first).to_be_visible()
    audit.check("columns, tax, merges")


VIEWS: dict[str, Callable[[Page, Audit], None]] = {
    "next": next_view,
    "detail": detail_view,
    "training": training_view,
    "why": why_view,
    "tokenizers": tokenizers_view,
}


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_no_serious_axe_violations(browser: Browser, a11y_server: str, view: str, theme: Theme) -> None:
    page, errors = new_page(browser, theme)
    try:
        open_app(page, a11y_server, theme, view=view)
        audit = Audit(page, view, theme)
        VIEWS[view](page, audit)
        audit.finish()
    finally:
        page.context.close()
    assert errors == [], f"errors in the page: {errors}"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_compare_view_has_no_serious_violations(browser: Browser, server: str, theme: Theme) -> None:
    """Models side by side needs two served models: the shared e2e server offers several."""
    page, errors = new_page(browser, theme)
    try:
        query = {"view": "compare", "lang": "en", "prompt": PROMPT, "tour": "0"}
        page.goto(f"{server}?{urlencode(query)}")
        expect(page.get_by_test_id("compare-side")).to_have_count(2, timeout=60_000)
        expect(page.get_by_test_id("compare-lens-chart")).to_be_visible()
        audit = Audit(page, "compare", theme)
        audit.check("two models, next tokens, lens")
        audit.finish()
    finally:
        page.context.close()
    assert errors == [], f"errors in the page: {errors}"


@pytest.mark.parametrize(("theme", "lang"), [("dark", "uk"), ("light", "ja")])
def test_phone_in_another_language(browser: Browser, a11y_server: str, theme: Theme, lang: str) -> None:
    """The same check on a 375-px phone in another language (longer words, other scripts, other wrapping)."""
    page, errors = new_page(browser, theme, width=375)
    try:
        open_app(page, a11y_server, theme, lang=lang)
        expect(page.locator("html")).to_have_attribute("lang", lang)
        audit = Audit(page, f"next-phone-{lang}", theme)
        next_view(page, audit)
        page.get_by_test_id("view-detail").click()
        expect(page.get_by_test_id("overview")).to_be_visible()
        page.get_by_test_id("panel-tab").and_(page.locator("[data-panel=attention]")).click()
        expect(page.get_by_test_id("attention-head")).to_be_visible()
        expect(page.get_by_test_id("detail-view")).to_have_attribute("aria-busy", "false")
        audit.check("detail, one head")
        audit.finish()
    finally:
        page.context.close()
    assert errors == [], f"errors in the page: {errors}"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_tour_help_and_glossary(browser: Browser, a11y_server: str, theme: Theme) -> None:
    """The beginner's path: every stage of both tours (generation and training), then the help and the glossary."""
    page, errors = new_page(browser, theme)
    try:
        open_app(page, a11y_server, theme, tour=True)
        audit = Audit(page, "tour", theme)
        tour = page.get_by_test_id("tour")
        expect(tour).to_be_visible()
        for track in page.get_by_test_id("tour-track").evaluate_all("ts => ts.map(t => t.dataset.track)"):
            page.get_by_test_id("tour-track").and_(page.locator(f"[data-track={track}]")).click()
            seen: list[str] = []
            for _ in range(30):  # more than any track's stages: the loop ends at the last one
                stage = page.get_by_test_id("tour-stage").get_attribute("data-stage") or ""
                expect(page.get_by_test_id("tour-stage")).to_be_visible()
                audit.check(f"tour {track}: {stage}")
                seen.append(stage)
                # "Stage n of total" (in English): stop at the last stage
                n, total = map(int, re.findall(r"\d+", page.get_by_test_id("tour-progress").inner_text())[:2])
                if n >= total:
                    break
                page.get_by_test_id("tour-next").click()
                expect(page.get_by_test_id("tour-stage")).not_to_have_attribute("data-stage", stage)
            assert len(seen) >= 4 and len(set(seen)) == len(seen), f"the {track} tour showed {seen}"
        page.keyboard.press("Escape")
        expect(tour).to_be_hidden()
        page.get_by_test_id("help-button").click()
        expect(page.get_by_test_id("help")).to_be_visible()
        audit.check("help")
        page.get_by_test_id("glossary-button").click()
        expect(page.get_by_test_id("glossary")).to_be_visible()
        audit.check("glossary")
        audit.finish()
    finally:
        page.context.close()
    assert errors == [], f"errors in the page: {errors}"


# --- keyboard only -------------------------------------------------------------------------------------------------

FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const cs = getComputedStyle(el);
  const transparent = (c) => c === 'transparent' || /rgba\\(.*,\\s*0\\)$/.test(c);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 && !transparent(cs.outlineColor);
  const box = el.getBoundingClientRect();
  return {
    testid: el.dataset.testid ?? null, tag: el.tagName.toLowerCase(), role: el.getAttribute('role'),
    panel: el.dataset.panel ?? null, layer: el.dataset.layer ?? null, head: el.dataset.head ?? null,
    name: (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || '').trim().slice(0, 40),
    indicated: outline || cs.boxShadow !== 'none', style: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
    shown: box.width > 0 && box.height > 0,
  };
}"""


class Keyboard:
    """Moves through the page with Tab / Shift+Tab only, remembering every element that took the focus."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.seen: list[dict[str, Any]] = []

    def focused(self) -> dict[str, Any] | None:
        info: dict[str, Any] | None = self.page.evaluate(FOCUS_JS)
        return info

    def tab_to(self, want: Callable[[dict[str, Any]], bool], back: bool = False, limit: int = 400) -> dict[str, Any]:
        """Press Tab (Shift+Tab when ``back``) until the focused element satisfies ``want``."""
        for _ in range(limit):
            self.page.keyboard.press("Shift+Tab" if back else "Tab")
            info = self.focused()
            if info is None:
                continue
            self.seen.append(info)
            if want(info):
                return info
        raise AssertionError(f"the keyboard never reached the element wanted; last focused: {self.seen[-3:]}")

    def tab_to_testid(self, testid: str, back: bool = False, **data: str) -> dict[str, Any]:
        return self.tab_to(lambda i: i["testid"] == testid and all(i[k] == v for k, v in data.items()), back)


def test_keyboard_only(browser: Browser, a11y_server: str) -> None:
    """Prompt, next token, every view, a head of the detailed view and a training step, with keys alone; and every
    element the focus reaches shows that it has it (an outline or a ring, read from the computed style)."""
    page, errors = new_page(browser, "light")
    kb = Keyboard(page)
    try:
        open_app(page, a11y_server, "light")
        expect(page.get_by_test_id("candidate").first).to_be_visible()

        # the prompt: typed into the box reached by Tab, and the tokens follow
        new_prompt = "The cat sat on the"
        kb.tab_to_testid("prompt-input")
        page.keyboard.press("ControlOrMeta+a")
        page.keyboard.type(new_prompt)
        expect(page.get_by_test_id("prompt-input")).to_have_value(new_prompt)
        page.wait_for_function(
            "(want) => [...document.querySelectorAll('[data-testid=token] .token-text')]"
            ".map(e => e.dataset.text).join('').endsWith(want)",
            arg=new_prompt,
        )

        # a next token: the third candidate, chosen with Enter
        for _ in range(3):
            chosen = kb.tab_to_testid("candidate")
        token_id = page.evaluate("() => document.activeElement.dataset.tokenId")
        page.keyboard.press("Enter")
        expect(page.get_by_test_id("generated-token")).to_have_count(1)
        assert page.get_by_test_id("generated-token").get_attribute("data-token-id") == token_id, chosen
        # Shift+Tab goes back to an earlier control
        before = kb.tab_to(lambda i: True, back=True)
        assert before["testid"] != "candidate" or before["name"] != chosen["name"]

        # inside the model: the view, the "all heads" panel, one head (Enter), then the next head with ←
        kb.tab_to_testid("view-detail", back=True)
        page.keyboard.press("Enter")
        expect(page.get_by_test_id("view-detail")).to_have_attribute("aria-pressed", "true")
        expect(page.get_by_test_id("overview")).to_be_visible()
        kb.tab_to_testid("panel-tab", panel="heads")
        page.keyboard.press(" ")
        expect(page.get_by_test_id("head-thumb").first).to_be_visible()
        n_layers = page.get_by_test_id("layer-select").locator("option").count()
        n_heads = page.get_by_test_id("head-select").locator("option").count()
        layer, head = n_layers - 1, n_heads - 1
        kb.tab_to_testid("head-thumb", layer=str(layer), head=str(head))
        page.keyboard.press("Enter")
        attention = page.get_by_test_id("attention-head")
        expect(attention).to_have_attribute("data-layer", str(layer))
        expect(attention).to_have_attribute("data-head", str(head))
        expect(page.get_by_test_id("head-select")).to_have_value(str(head))
        if n_heads > 1:
            page.keyboard.press("ArrowLeft")  # the view's own keys: ← the previous head
            expect(attention).to_have_attribute("data-head", str(head - 1))
        # the map's rows are buttons: a position is picked with Enter too
        row = kb.tab_to_testid("map-query-label")
        page.keyboard.press("Enter")
        expect(attention).to_have_attribute("data-query", page.evaluate("() => document.activeElement.dataset.query"))
        assert row["tag"] == "button"

        # training: open it, run one real step, then step through its stages with Enter and Space
        kb.tab_to_testid("view-training", back=True)
        page.keyboard.press("Enter")
        expect(page.get_by_test_id("training-view")).to_be_visible()
        expect(page.get_by_test_id("loss-chart")).to_be_visible()
        kb.tab_to_testid("train-step-run")
        page.keyboard.press("Enter")
        stages = page.get_by_test_id("train-step-stage")
        expect(stages).to_have_count(1)
        kb.tab_to_testid("train-step-next")
        page.keyboard.press("Enter")
        expect(stages).to_have_count(2)
        page.keyboard.press(" ")
        expect(stages).to_have_count(3)

        # why?: open it and run an attribution
        kb.tab_to_testid("view-why", back=True)
        page.keyboard.press("Enter")
        kb.tab_to_testid("attribute-run")
        page.keyboard.press("Enter")
        expect(page.get_by_test_id("attribution")).to_be_visible()

        # the tokenizer lab: open it and switch a tokenizer on or off with Space
        kb.tab_to_testid("view-tokenizers", back=True)
        page.keyboard.press("Enter")
        expect(page.get_by_test_id("tokenizer-column").first).to_be_visible(timeout=60_000)
        box = kb.tab_to_testid("tok-choose")
        was = page.evaluate("() => document.activeElement.checked")
        page.keyboard.press(" ")
        assert page.evaluate("() => document.activeElement.checked") != was, box

        # and back to the next-token view
        kb.tab_to_testid("view-next", back=True)
        page.keyboard.press("Enter")
        expect(page.get_by_test_id("candidate").first).to_be_visible()

        REPORTS.mkdir(parents=True, exist_ok=True)
        (REPORTS / "keyboard-walk.json").write_text(json.dumps(kb.seen, indent=1, ensure_ascii=False))
        unmarked = [i for i in kb.seen if i["shown"] and not i["indicated"]]
        assert len(kb.seen) > 40, f"the walk reached only {len(kb.seen)} elements"
        assert not unmarked, "focused without a visible focus indicator:\n" + "\n".join(map(str, unmarked))
    finally:
        page.context.close()
    assert errors == [], f"errors in the page: {errors}"
