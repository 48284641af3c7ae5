/**
 * The page's trace reader on the same sample files as the Python reader (tests/fixtures/animatedllm/), held to
 * what Python reads from them (`normalised/`, checked on the Python side by test_animatedllm.py): a file opened
 * from disk shows what the server would serve for it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  normaliseTrace,
  readTraceText,
  tokenDisplay,
  TraceReadError,
} from "./reader";

const FIXTURES = resolve(__dirname, "../../../../tests/fixtures/animatedllm");
const names = readdirSync(FIXTURES).filter((f) => f.endsWith(".json"));

/** Deep equality with numbers compared to 12 significant digits (exp/log may differ in the last bit). */
function close(got: unknown, want: unknown, path = "$"): void {
  if (typeof want === "number" && typeof got === "number") {
    expect(Math.abs(got - want), path).toBeLessThanOrEqual(
      1e-12 * Math.max(1, Math.abs(want)),
    );
  } else if (Array.isArray(want)) {
    expect(Array.isArray(got), path).toBe(true);
    expect((got as unknown[]).length, path).toBe(want.length);
    want.forEach((w, i) => close((got as unknown[])[i], w, `${path}[${i}]`));
  } else if (want !== null && typeof want === "object") {
    const g = got as Record<string, unknown>;
    expect(Object.keys(g).sort(), path).toEqual(Object.keys(want).sort());
    for (const [k, w] of Object.entries(want)) close(g[k], w, `${path}.${k}`);
  } else expect(got, path).toEqual(want);
}

describe("trace reader", () => {
  it("has the three sample files to read", () => {
    expect(names.sort()).toEqual([
      "inference_greedy_chat.json",
      "inference_sampling.json",
      "training.json",
    ]);
  });

  for (const name of names) {
    it(`reads ${name} as the Python reader does`, () => {
      const got = readTraceText(
        readFileSync(resolve(FIXTURES, name), "utf-8"),
        name,
      );
      const want: unknown = JSON.parse(
        readFileSync(resolve(FIXTURES, "normalised", name), "utf-8"),
      );
      close(got, want);
    });
  }

  it("fills prob from logprob, keeps special and partial tokens, and drops what has no number", () => {
    const doc = JSON.parse(
      readFileSync(resolve(FIXTURES, "inference_sampling.json"), "utf-8"),
    );
    const cands = doc.generation_steps[0].output_distribution.candidates;
    cands[1] = { token: "x" };
    doc.generation_steps[0].step = "zero";
    delete doc.generation_steps[0].selected_token;
    const first = normaliseTrace(doc, "odd.json").inference
      ?.generation_steps[0];
    if (!first) throw new Error("no first step");
    expect(first.output_distribution.candidates).toHaveLength(4);
    expect(first.step).toBe(0);
    expect(first.selected_token).toBeNull();
    const last = first.output_distribution.candidates[3];
    expect(last?.prob).toBeCloseTo(Math.exp(cands[4].logprob), 12);
  });

  it("refuses what holds no trace, with a reason the page translates", () => {
    const reason = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return err instanceof TraceReadError ? err.reason : "other";
      }
      return "none";
    };
    expect(reason(() => readTraceText("{oops", "a.json"))).toBe("notJson");
    expect(reason(() => readTraceText('{"examples": []}', "b.json"))).toBe(
      "notTrace",
    );
    expect(
      reason(() => readTraceText('{"generation_steps": []}', "c.json")),
    ).toBe("noSteps");
  });

  it("shows space markers as spaces, byte tokens as bytes, and flags incomplete pieces", () => {
    expect(tokenDisplay("Ġjsem")).toEqual({ text: " jsem", partial: false });
    expect(tokenDisplay("▁tea")).toEqual({ text: " tea", partial: false });
    expect(tokenDisplay("<0xE6>")).toEqual({ text: "<e6>", partial: true });
    expect(tokenDisplay("\uFFFD")).toEqual({ text: "\uFFFD", partial: true });
    expect(tokenDisplay("<|end|>")).toEqual({
      text: "<|end|>",
      partial: false,
    });
  });
});
