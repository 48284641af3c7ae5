import { describe, expect, it } from "vitest";
import { probColours } from "./colour";
import { formatLogit, formatParams, formatProb, printable, visibleWhitespace } from "./format";

describe("formatting", () => {
  it("formats probabilities at every scale", () => {
    expect(formatProb(0.4204)).toBe("42.0%");
    expect(formatProb(0)).toBe("0");
    expect(formatProb(0.0000213)).toBe("2.13e-5");
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
    expect(probColours(1).color).toBe("#111");
  });
});
