import { describe, expect, it } from "vitest";
import { fakeSource } from "../data/fake";
import { urlPart } from "../stores/links.svelte";
import { Page } from "../stores/page.svelte";
import { compareUrlParams, readTrainingUrl } from "./url";

describe("checkpoint compare panel in the URL", () => {
  it("reads the two checkpoints and the prompt, and writes them back the same", () => {
    const read = readTrainingUrl("?view=training&cka=step-1000&ckb=main&cktext=The%20cat%20sat");
    expect(read).toMatchObject({ compareA: "step-1000", compareB: "main", compareText: "The cat sat" });
    const written = compareUrlParams({
      a: read.compareA ?? null,
      b: read.compareB ?? null,
      text: read.compareText ?? null,
    });
    expect(written).toEqual({ cka: "step-1000", ckb: "main", cktext: "The cat sat" });
    expect(readTrainingUrl(`?${new URLSearchParams(written as Record<string, string>)}`)).toMatchObject(read);
  });

  it("takes a comparison only as a whole", () => {
    const partial = readTrainingUrl("?cka=a&ckb=b");
    expect(partial.compareA).toBeUndefined();
    expect(partial.compareB).toBeUndefined();
    expect(readTrainingUrl("?cka=a&ckb=&cktext=x").compareA).toBeUndefined();
  });

  it("writes nothing until a comparison has been run", () => {
    expect(compareUrlParams({ a: null, b: null, text: null })).toEqual({});
    expect(compareUrlParams({ a: "x", b: "y", text: null })).toEqual({});
  });
  it("round-trips through the page's registered training part, beside the replay's checkpoint", () => {
    const page = new Page(fakeSource(), "?view=training&ckpt=100&cka=step-5&ckb=main&cktext=Ще+%26+x");
    expect({ a: page.training.compare.a, b: page.training.compare.b, text: page.training.compare.text }).toEqual({
      a: "step-5",
      b: "main",
      text: "Ще & x",
    });
    expect(urlPart("training")).toBe("ckpt=100&cka=step-5&ckb=main&cktext=%D0%A9%D0%B5+%26+x");
  });
});
