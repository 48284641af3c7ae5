/** Components render real pipeline numbers, react to settings within a frame, and never inject HTML. */
import { render, screen } from "@testing-library/svelte";
import { flushSync } from "svelte";
import { describe, expect, it } from "vitest";
import { fakeSource } from "../data/fake";
import { visibleWhitespace } from "../d3/format";
import { prepare } from "../sampling/pipeline";
import { AppState } from "../stores/app.svelte";
import Distribution from "./Distribution.svelte";
import Pipeline from "./Pipeline.svelte";
import TokenChips from "./TokenChips.svelte";

const XSS = "<img src=x onerror=alert(1)>";

function appWith(logits: number[]): AppState {
  const app = new AppState(fakeSource());
  app.modelId = "m";
  app.prompt = "hello";
  app.vocab = logits.map((_, i) => (i === 1 ? XSS : `tok${i}`));
  app.positions = [prepare(new Float32Array(logits))];
  return app;
}

const LOGITS = [3, 2.5, 2, 1, 0.5, 0, -0.5, -1, -2, -3, -4, -5, -6];

function probs(): number[] {
  return screen.getAllByTestId("candidate").map((el) => Number(el.dataset.prob));
}

describe("Distribution", () => {
  it("shows the top candidates over the full vocabulary, plus the rest as 'other'", () => {
    const app = appWith(LOGITS);
    render(Distribution, { app });
    const p = probs();
    expect(p).toHaveLength(10);
    expect(p).toEqual([...p].sort((a, b) => b - a));
    const other = Number(screen.getByTestId("other-mass").dataset.prob);
    expect(p.reduce((a, b) => a + b, 0) + other).toBeCloseTo(1, 12);
    expect(other).toBeGreaterThan(0);
  });

  it("re-renders when a setting changes, with no request", () => {
    const app = appWith(LOGITS);
    render(Distribution, { app });
    const warm = probs();
    app.setSettings({ temperature: 0 });
    flushSync();
    const greedy = probs();
    expect(greedy[0]).toBe(1);
    expect(greedy.slice(1).every((x) => x === 0)).toBe(true);
    expect(greedy).not.toEqual(warm);
    app.setSettings({ temperature: 1, top_k: 2 });
    flushSync();
    expect(probs().filter((x) => x > 0)).toHaveLength(2);
  });

  it("renders token text as text, never as HTML", () => {
    const app = appWith(LOGITS);
    const { container } = render(Distribution, { app });
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getAllByTestId("candidate")[1]?.textContent).toContain(visibleWhitespace(XSS));
  });
});

describe("TokenChips", () => {
  it("shows ids and bytes, and hides special tokens on request", () => {
    const app = appWith(LOGITS);
    app.promptTokens = [
      { id: 0, text: "<|bos|>", bytes_hex: "", is_special: true, partial_utf8: false },
      { id: 7, text: XSS, bytes_hex: "3c696d67", is_special: false, partial_utf8: false },
    ];
    const { container } = render(TokenChips, { app });
    const chips = screen.getAllByTestId("token");
    expect(chips).toHaveLength(2);
    expect(chips[1]?.dataset.tokenId).toBe("7");
    expect(chips[1]?.getAttribute("title")).toContain("3c 69 6d 67");
    expect(container.querySelector("img")).toBeNull();
    const special = container.querySelector<HTMLInputElement>("input[type=checkbox]");
    special?.click();
    flushSync();
    expect(screen.getAllByTestId("token")).toHaveLength(1);
  });
});

describe("Pipeline", () => {
  it("counts what each filter keeps, with real numbers", () => {
    const app = appWith(LOGITS);
    app.setSettings({ top_k: 5, top_p: 0.9, min_p: 0.1 });
    render(Pipeline, { app });
    const r = app.result;
    expect(r).not.toBeNull();
    expect(screen.getByTestId("stage-topk").textContent).toContain(`${r?.nTopK} of 13`);
    expect(screen.getByTestId("stage-minp").textContent).toContain(`${r?.nMinP} of 13`);
    expect(screen.getByTestId("chosen").textContent).toContain(visibleWhitespace(app.textOf(r?.tokenId ?? -1)));
  });
});
