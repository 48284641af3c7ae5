/**
 * The tour's shell in the DOM, on a fake source: the stage hook follows Next/Back, the arrow keys move the tour and
 * never reach the views' window listeners (→ would step the generation), another key finishes the animation,
 * Escape closes, the probabilities stage asks before it reveals the page's own distribution, and "show me the real
 * numbers" at attention switches to expert mode and opens the detailed view's attention panel (the e2e test checks
that a chosen block and head arrive there).
 */
import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { contextWith } from "../../data/context";
import { fakeSource } from "../../data/fake";
import { DetailState } from "../../detail/state.svelte";
import type { TokenInfo } from "../../generated/schema";
import { prepare } from "../../sampling/pipeline";
import { AppState } from "../../stores/app.svelte";
import { Router } from "../../stores/router.svelte";
import { mode, setMode } from "../../tour/mode.svelte";
import { TourState } from "../../tour/state.svelte";
import { TrainingState } from "../../training/state.svelte";
import Tour from "./Tour.svelte";

const TOKENS: TokenInfo[] = [
  { id: 5, text: "Hello", bytes_hex: "48656c6c6f" },
  { id: 7, text: " world", bytes_hex: "20776f726c64" },
];

function setup() {
  const source = fakeSource();
  const app = new AppState(source);
  app.modelId = "m";
  app.prompt = "Hello world";
  app.promptTokens = TOKENS;
  app.vocab = ["a", "b", "c", "d", "e", "Hello", "f", " world", "g"];
  app.positions = [prepare(new Float32Array([0, 1, 4, 0, 0, 0, 2, 0, 0]))];
  const detail = new DetailState(source);
  const router = new Router("");
  const tour = new TourState();
  tour.reduced = true;
  tour.show();
  render(Tour, {
    props: { app, detail, training: new TrainingState(source), router, tour },
    context: contextWith(source),
  });
  return { app, detail, router, tour };
}

const stageOf = () => screen.getByTestId("tour-stage").dataset.stage;

describe("the tour shell", () => {
  it("Next and Back move the stage hook through the generation stages; Back is off on the first", async () => {
    setup();
    expect(stageOf()).toBe("text");
    expect((screen.getByTestId("tour-back") as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByTestId("tour-next"));
    expect(stageOf()).toBe("tokens");
    expect(screen.getAllByTestId("tour-token").map((e) => Number(e.dataset.tokenId))).toEqual([5, 7]);
    await fireEvent.click(screen.getByTestId("tour-back"));
    expect(stageOf()).toBe("text");
  });

  it("arrow keys move the tour and stop there; another key finishes the animation; Escape closes", async () => {
    const { tour } = setup();
    const onWindow = vi.fn();
    window.addEventListener("keydown", onWindow);
    const next = screen.getByTestId("tour-next");
    await fireEvent.keyDown(next, { key: "ArrowRight" });
    await fireEvent.keyDown(next, { key: "ArrowRight" });
    expect(stageOf()).toBe("ids");
    await fireEvent.keyDown(next, { key: "ArrowLeft" });
    expect(stageOf()).toBe("tokens");
    expect(onWindow.mock.calls.filter(([e]) => (e as KeyboardEvent).key.startsWith("Arrow"))).toEqual([]);
    await fireEvent.keyDown(next, { key: "x" });
    expect(screen.getByTestId("tour-stage").dataset.skipped).toBe("true");
    window.removeEventListener("keydown", onWindow);
    await fireEvent.keyDown(window, { key: "Escape" });
    expect(tour.open).toBe(false);
    expect(screen.queryByTestId("tour")).toBeNull();
  });

  it("probabilities: the learner picks first, then the page's own top token and probability show", async () => {
    const { app, tour } = setup();
    tour.goTo("probabilities");
    await Promise.resolve();
    const guesses = await screen.findAllByTestId("tour-guess");
    // offered in id order: the order gives nothing away
    const offered = guesses.map((g) => Number(g.dataset.tokenId));
    expect(offered).toEqual([...offered].sort((a, b) => a - b));
    expect(screen.queryByTestId("tour-candidate")).toBeNull();
    await fireEvent.click(guesses[0] as HTMLElement);
    const rows = screen.getAllByTestId("tour-candidate");
    const r = app.result;
    expect(r).not.toBeNull();
    expect(Number(rows[0]?.dataset.tokenId)).toBe(r?.order[0]);
    expect(Number(rows[0]?.dataset.prob)).toBe(r?.finalProbs[r.order[0] as number]);
    expect(screen.getByTestId("tour-verdict").dataset.right).toBe(String(offered[0] === r?.order[0]));
  });

  it("show me the real numbers at attention: expert mode, the detailed view at the tour's place", async () => {
    const { detail, router, tour } = setup();
    tour.goTo("attention");
    await Promise.resolve();
    await fireEvent.click(screen.getByTestId("tour-expert"));
    expect(mode.value).toBe("expert");
    expect(tour.open).toBe(false);
    expect(router.view).toBe("detail");
    expect(detail.panel).toBe("attention");
    expect([detail.layer, detail.head]).toEqual([0, 0]);
    setMode("beginner", false);
  });
});
