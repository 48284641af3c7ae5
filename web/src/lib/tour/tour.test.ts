/**
 * The guided tour's rules: Next and Back stay inside a track, `?tour=0` skips the tour, the mode is remembered,
 * reduced motion means no animation time (but the same reading time), Play walks the stages and stops at the
 * end, and "show me the real numbers" names the place each generation stage stands for.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { animationMs, dwellMs, expertTarget, isLast, move, stagesOf, tensorName, tourSkipped } from "./logic";
import { isMode, savedMode, setMode, startingMode, tourOpensAtStart, mode } from "./mode.svelte";
import { duration, GENERATION_STAGES, TRAINING_STAGES } from "./stages";
import { TourState } from "./state.svelte";

/** A Storage stand-in: a plain map. */
function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

describe("next and back stay inside the track", () => {
  it("walks every generation stage in order and stops at both ends", () => {
    const n = GENERATION_STAGES.length;
    let i = 0;
    const seen = [stagesOf("generation")[i]];
    while (!isLast("generation", i)) {
      i = move("generation", i, 1);
      seen.push(stagesOf("generation")[i]);
    }
    expect(seen).toEqual([...GENERATION_STAGES]);
    expect(move("generation", n - 1, 1)).toBe(n - 1);
    expect(move("generation", 0, -1)).toBe(0);
    expect(move("training", 2, 5)).toBe(TRAINING_STAGES.length - 1);
  });

  it("the state's next/back/go clamp, and switching track starts it at its first stage", () => {
    const tour = new TourState();
    tour.back();
    expect(tour.index).toBe(0);
    expect(tour.atStart).toBe(true);
    for (let k = 0; k < 20; k++) tour.next();
    expect(tour.stage).toBe("append");
    expect(tour.atEnd).toBe(true);
    tour.back();
    expect(tour.stage).toBe("sampling");
    tour.goTo("attention");
    expect(tour.index).toBe(GENERATION_STAGES.indexOf("attention"));
    tour.setTrack("training");
    expect(tour.stage).toBe("batch");
    tour.go(99);
    expect(tour.stage).toBe("update");
  });

  it("every entry into a stage replays its animation (a skipped one too)", () => {
    const tour = new TourState();
    tour.reduced = false;
    tour.skip();
    expect(tour.animation(700)).toBe(0);
    const visit = tour.visit;
    tour.next();
    expect(tour.skipped).toBe(false);
    expect(tour.visit).toBe(visit + 1);
    expect(tour.animation(700)).toBe(700);
  });
});

describe("the URL and the remembered mode", () => {
  it("tour=0 skips the tour; anything else does not", () => {
    expect(tourSkipped("?tour=0")).toBe(true);
    expect(tourSkipped("?prompt=hi&tour=0&lang=fr")).toBe(true);
    expect(tourSkipped("?tour=1")).toBe(false);
    expect(tourSkipped("")).toBe(false);
  });

  it("a first visit is a beginner's with the tour open, unless the URL skips it; an expert's never opens it", () => {
    expect(startingMode(savedMode(memoryStorage()))).toBe("beginner");
    expect(tourOpensAtStart("beginner", "")).toBe(true);
    expect(tourOpensAtStart("beginner", "?tour=0")).toBe(false);
    expect(tourOpensAtStart("expert", "")).toBe(false);
  });

  it("the mode is remembered, and nonsense in storage counts as nothing remembered", () => {
    const storage = memoryStorage();
    setMode("expert", true, storage);
    expect(mode.value).toBe("expert");
    expect(savedMode(storage)).toBe("expert");
    expect(startingMode(savedMode(storage))).toBe("expert");
    setMode("beginner", false, storage); // not persisted: the remembered choice stays
    expect(savedMode(storage)).toBe("expert");
    expect(savedMode(memoryStorage({ "glassbox.mode": "wizard" }))).toBeNull();
    expect(isMode("wizard")).toBe(false);
    const broken = { getItem: () => { throw new Error("denied"); } };
    expect(savedMode(broken)).toBeNull();
  });
});

describe("motion", () => {
  afterEach(() => vi.useRealTimers());

  it("reduced motion means no animation time; speed divides it", () => {
    expect(duration(600, { reduced: true, speed: 1 })).toBe(0);
    expect(animationMs({ reduced: true, speed: 4 }, 600)).toBe(0);
    expect(animationMs({ reduced: false, speed: 1 }, 600)).toBe(600);
    expect(animationMs({ reduced: false, speed: 2 }, 600)).toBe(300);
  });

  it("reading time does not vanish with reduced motion, and shrinks with speed down to a floor", () => {
    expect(dwellMs({ reduced: true, speed: 1 })).toBe(dwellMs({ reduced: false, speed: 1 }));
    expect(dwellMs({ reduced: false, speed: 2 })).toBeLessThan(dwellMs({ reduced: false, speed: 1 }));
    expect(dwellMs({ reduced: false, speed: 100 })).toBeGreaterThanOrEqual(1200);
  });

  it("Play walks the stages one by one and stops on the last", () => {
    vi.useFakeTimers();
    const tour = new TourState();
    tour.setTrack("training");
    tour.play();
    const dwell = dwellMs(tour.motion);
    vi.advanceTimersByTime(dwell);
    expect(tour.stage).toBe("loss");
    vi.advanceTimersByTime(dwell * 2);
    expect(tour.stage).toBe("update");
    expect(tour.playing).toBe(true);
    vi.advanceTimersByTime(dwell);
    expect(tour.playing).toBe(false);
    expect(tour.stage).toBe("update");
    tour.go(0);
    tour.play();
    tour.close(); // closing stops Play: nothing moves behind a closed tour
    vi.advanceTimersByTime(dwell * 3);
    expect(tour.stage).toBe("batch");
    expect(tour.open).toBe(false);
  });
});

describe("where the real numbers are", () => {
  const sel = { layer: 2, head: 3, pos: 7 };
  it("inner stages open the detailed view at that block, head and position", () => {
    expect(expertTarget("attention", sel)).toEqual({ view: "detail", panel: "attention", layer: 2, head: 3, pos: 7 });
    expect(expertTarget("mlp", sel)).toMatchObject({ view: "detail", panel: "mlp", layer: 2, pos: 7 });
    expect(expertTarget("embedding", sel)).toMatchObject({ view: "detail", panel: "embedding", pos: 7 });
    expect(expertTarget("residual", sel)).toMatchObject({ view: "detail", panel: "residual" });
  });
  it("tokens, probabilities and sampling open the next-token view", () => {
    for (const stage of ["text", "tokens", "ids", "probabilities", "sampling", "append"] as const) {
      expect(expertTarget(stage, sel)).toEqual({ view: "next" });
    }
  });
  it("each stage names the tensor it draws, with the block, head and position shown", () => {
    expect(tensorName("attention", sel, true)).toBe("blocks.2.attn.hook_pattern [key_pos], head 3, query_pos 7");
    expect(tensorName("mlp", sel, true)).toContain("blocks.2.mlp.hook_post");
    expect(tensorName("embedding", sel, true)).toContain("hook_pos_embed");
    expect(tensorName("embedding", sel, false)).not.toContain("hook_pos_embed");
    for (const stage of GENERATION_STAGES) expect(tensorName(stage, sel, true)).toBeTruthy();
  });
});
