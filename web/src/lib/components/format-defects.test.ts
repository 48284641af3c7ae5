/**
 * Issue 17's formatting defects, on the real components: a probability column never mixes percentages with
 * scientific notation, and a whitespace token is never a blank chip, wherever the page draws one.
 */
import { cleanup, render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { fakeSource } from "../data/fake";
import { prepare } from "../sampling/pipeline";
import { AppState } from "../stores/app.svelte";
import Distribution from "./Distribution.svelte";
import Generation from "./Generation.svelte";
import Pipeline from "./Pipeline.svelte";
import TokenChips from "./TokenChips.svelte";

// one probability near 1, the rest spread down to ~1e-9: the old formatter printed "2.1e-5" under "42.0%"
const LOGITS = [12, 8, 5, 3, 1, 0, -2, -4, -6, -8, -9, -10];
// whitespace-only tokens: a space, two spaces, a tab, a newline
const VOCAB = [" ", "  ", "\t", "\n", ...LOGITS.slice(4).map((_, i) => `tok${i}`)];
const PERCENT = /^(<|>)?\d+(\.\d+)?%$/;

function app(): AppState {
  const a = new AppState(fakeSource());
  a.modelId = "m";
  a.prompt = "hello";
  a.vocab = VOCAB;
  a.positions = [prepare(new Float32Array(LOGITS))];
  return a;
}

/** The text an element draws. */
function shown(el: Element | null | undefined): string {
  return el?.textContent ?? "";
}

describe("one format per probability column", () => {
  it("the next-token bars show every probability as a percentage, the exact value in the tooltip", () => {
    render(Distribution, { app: app() });
    const values = [...document.querySelectorAll(".value .prob")];
    expect(values.length).toBe(11); // ten candidates and the rest of the vocabulary
    for (const v of values) expect(shown(v)).toMatch(PERCENT);
    // the tail really is tiny, so this is the case that used scientific notation before
    const probs = screen.getAllByTestId("candidate").map((el) => Number(el.dataset.prob));
    expect(Math.min(...probs)).toBeLessThan(1e-4);
    const last = values[9] as HTMLElement;
    expect(shown(last)).toBe("<0.01%");
    expect(last.title).toBe(`p = ${(probs[9] ?? 0).toPrecision(6)}`);
  });

  it("the sampling table's probability columns are percentages too", () => {
    render(Pipeline, { app: app() });
    const cells = [...document.querySelectorAll("table .prob")];
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(shown(c)).toMatch(PERCENT);
  });
});

describe("whitespace tokens are never blank chips", () => {
  it("the prompt's token chips draw spaces, tabs and newlines", () => {
    const a = app();
    a.promptTokens = VOCAB.slice(0, 4).map((text, id) => ({
      id,
      text,
      bytes_hex: "",
      is_special: false,
      partial_utf8: false,
    }));
    render(TokenChips, { app: a });
    const chips = screen.getAllByTestId("token");
    expect(chips.map((c) => shown(c.querySelector(".token-text")))).toEqual(["·", "··", "→", "↵"]);
    // the real text stays on the chip, for the tooltip and for the tests
    expect(chips.map((c) => (c.querySelector(".token-text") as HTMLElement).dataset.text)).toEqual(VOCAB.slice(0, 4));
    expect(chips[0]?.title.startsWith("“ ”")).toBe(true);
  });

  it("the next-token candidates and the sampling table draw them", () => {
    render(Distribution, { app: app() });
    const labels = screen.getAllByTestId("candidate").map((c) => shown(c.querySelector(".label")));
    expect(labels.slice(0, 4)).toEqual(["·", "··", "→", "↵"]);
    for (const l of labels) expect(l.trim()).not.toBe("");
    cleanup();
    render(Pipeline, { app: app() });
    const rows = [...document.querySelectorAll("tbody th.tok")].map(shown);
    expect(rows.slice(0, 4)).toEqual(["·", "··", "→", "↵"]);
  });

  it("the generated text draws a generated space and newline", () => {
    const a = app();
    a.generated = [
      { id: 0, text: " ", prob: 0.97, forced: false },
      { id: 3, text: "\n", prob: 2e-7, forced: true },
    ];
    render(Generation, { app: a });
    const gen = screen.getAllByTestId("generated-token");
    expect(gen.map((g) => shown(g.querySelector(".ws")))).toEqual(["·", "↵"]);
    // the tooltip keeps the real probability, not "0.0000"
    expect(gen[1]?.title).toContain("2.00000e-7");
  });
});
