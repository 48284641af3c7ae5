import { describe, expect, it } from "vitest";
import { probColours } from "./colour";
import {
  exactProb,
  formatInt,
  formatLogit,
  formatParams,
  formatProb,
  formatProbDelta,
  printable,
  probDigits,
  visibleWhitespace,
} from "./format";

describe("formatting", () => {
  it("formats probabilities at every scale as percentages, never in scientific notation", () => {
    expect(formatProb(0.4204)).toBe("42.0%");
    expect(formatProb(0.0314159)).toBe("3.14%");
    expect(formatProb(0.0031)).toBe("0.31%");
    expect(formatProb(0.000314)).toBe("0.031%");
    expect(formatProb(0.0000213)).toBe("<0.01%");
    expect(formatProb(1e-30)).toBe("<0.01%");
    expect(formatProb(0)).toBe("0%");
    expect(formatProb(1)).toBe("100%");
    expect(formatProb(0.998)).toBe("99.8%");
    expect(formatProb(0.99996)).toBe(">99.9%"); // not exactly 1: never "100.0%"
  });
  it("keeps one format down a whole column of probabilities", () => {
    // a column of a next-token table: from the top candidate down to the vocabulary's far tail
    const column = [0.62, 0.2, 0.091, 0.012, 0.0049, 0.0007, 0.00009, 3.2e-7, 1e-12, 0];
    for (const p of column) expect(formatProb(p)).toMatch(/^(<|>)?\d+(\.\d+)?%$/);
    // readable order: a smaller probability never reads as a larger one
    const shown = column.map((p) => parseFloat(formatProb(p).replace("<", "")));
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
  });
  it("gives the exact value for a tooltip and signed changes in the same format", () => {
    expect(exactProb(0.0000213472)).toBe("p = 0.0000213472");
    expect(exactProb(1e-9)).toBe("p = 1.00000e-9");
    expect(probDigits(0.42)).toBe("0.420000"); // the generated text's tooltips: never "0.0000" for a rare token
    expect(probDigits(3.2e-7)).toBe("3.20000e-7");
    expect(formatProbDelta(0.031)).toBe("+3.10%");
    expect(formatProbDelta(-0.00001)).toBe("−<0.01%");
    expect(formatProbDelta(0)).toBe("0%");
  });
  it("formats logits with a real minus sign", () => {
    expect(formatLogit(-1.5)).toBe("−1.500");
    expect(formatLogit(-Infinity)).toBe("−∞");
  });
  it("formats parameter counts", () => {
    expect(formatParams(124_000_000)).toBe("124M");
    expect(formatParams(1_100_000_000)).toBe("1.1B");
  });
  it("makes whitespace visible", () => {
    expect(visibleWhitespace(" a\tb\n")).toBe("·a→b↵");
  });
  it("never leaves a token invisible", () => {
    expect(printable("\u0000x\u001b\u007f")).toBe("␀x␛␡");
    expect(printable("a b\n")).toBe("a b\n");
    expect(printable("\u200b\u0085")).toBe("<U+200B><U+0085>");
  });
  it("picks readable text on the probability colours", () => {
    expect(probColours(0).color).toBe("#fff");
    expect(probColours(1).color).toBe("#000");
  });
});

describe("formatInt", () => {
  it("groups digits with a narrow no-break space, so a count never wraps inside the number", () => {
    expect(formatInt(4096)).toBe("4\u202f096");
    expect(formatInt(1334016)).toBe("1\u202f334\u202f016");
    expect(formatInt(512)).toBe("512");
    expect(formatInt(4096)).not.toMatch(/[ ,]/);
  });
});
