import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../sampling/pipeline";
import { clampSettings, readUrl, readView, writeUrl } from "./url";

describe("URL state", () => {
  it("round-trips model, prompt, settings and language", () => {
    const settings = { temperature: 0.7, top_k: 40, top_p: 0.9, min_p: 0.05, seed: 12 };
    const url = writeUrl({ model: "glassbox-tiny", prompt: "Příliš <b>žluťoučký</b> & 🙂", settings, lang: "cs" });
    const back = readUrl(url);
    expect(back).toEqual({ model: "glassbox-tiny", prompt: "Příliš <b>žluťoučký</b> & 🙂", settings, lang: "cs" });
  });

  it("ignores junk and unknown languages", () => {
    const s = readUrl("?t=abc&k=&lang=xx&seed=3");
    expect(s.settings).toEqual({ seed: 3 });
    expect(s.lang).toBeUndefined();
  });

  it("clamps settings to the allowed ranges", () => {
    const s = clampSettings({ temperature: -1, top_k: 5000, top_p: 0, min_p: 2, seed: -4 }, 1000, DEFAULT_SETTINGS);
    expect(s).toEqual({ temperature: 0, top_k: 1000, top_p: 0.01, min_p: 1, seed: 0 });
  });

  it("reads the view, the next-token view when absent or unknown", () => {
    expect(readView("?model=m&view=detail&layer=1")).toBe("detail");
    expect(readView("?view=training")).toBe("training");
    expect(readView("?view=next")).toBe("next");
    expect(readView("?view=admin")).toBe("next");
    expect(readView("")).toBe("next");
  });
});
