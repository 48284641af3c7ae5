import { describe, expect, it } from "vitest";
import { nearestCheckpoint, readTrainingUrl } from "../training/url";
import { MAX_CHOSEN, readTokenizersUrl, tokenizersUrlParams } from "../tokenizers/url";
import { readWhyUrl, whyUrlParams, writeWhyUrl } from "../why/url";
import { paramsText, registerUrlPart, urlPart } from "./links.svelte";

describe("the registry of per-view URL parts", () => {
  it("writes a registered view's parameters, and nothing once it is removed", () => {
    let layer = 3;
    const remove = registerUrlPart("test-view", () => ({ node: "L3/mlp", layer }));
    expect(urlPart("test-view")).toBe("node=L3%2Fmlp&layer=3");
    layer = 4;
    expect(urlPart("test-view")).toBe("node=L3%2Fmlp&layer=4");
    remove();
    expect(urlPart("test-view")).toBe("");
    expect(urlPart("never-registered")).toBe("");
  });

  it("a later registration replaces the earlier one, whose removal then changes nothing", () => {
    const first = registerUrlPart("test-view-2", () => ({ a: 1 }));
    registerUrlPart("test-view-2", () => ({ a: 2 }));
    first();
    expect(urlPart("test-view-2")).toBe("a=2");
  });

  it("leaves out empty values and refuses the common parameters' names", () => {
    expect(paramsText({ a: null, b: undefined, c: "", d: 0, e: false })).toBe("d=0&e=false");
    expect(paramsText({ model: "evil", prompt: "x", view: "why", gen: "1", x: "y" })).toBe("x=y");
  });
});

describe("the training view's part", () => {
  it("round-trips a checkpoint step", () => {
    expect(readTrainingUrl(`?view=training&${paramsText({ ckpt: 1200 })}`)).toEqual({ checkpoint: 1200 });
  });

  it("ignores a hand-edited step that is not a step", () => {
    for (const bad of ["-1", "abc", "1e3", "", "1.5", "9".repeat(20)]) {
      expect(readTrainingUrl(`?ckpt=${bad}`)).toEqual({});
    }
  });

  it("opens the nearest checkpoint there is, the first when none is asked for", () => {
    const steps = [0, 100, 1000, 5000];
    expect(nearestCheckpoint(steps, 1000)).toBe(2);
    expect(nearestCheckpoint(steps, 900)).toBe(2);
    expect(nearestCheckpoint(steps, 999999)).toBe(3);
    expect(nearestCheckpoint(steps, null)).toBe(0);
    expect(nearestCheckpoint([], 100)).toBe(0);
  });
});

describe("the tokenizer lab's part", () => {
  it("round-trips the chosen tokenizers, in order, and the text", () => {
    const text = "Ще не вмерла & <b>你好</b> 🎉, a+b=c";
    const q = paramsText(tokenizersUrlParams({ chosen: ["qwen3", "gpt2"], text }));
    expect(readTokenizersUrl(`?view=tokenizers&${q}`)).toEqual({ tokenizers: ["qwen3", "gpt2"], text });
  });

  it("drops malformed names and duplicates, keeps at most the request's limit", () => {
    expect(readTokenizersUrl("?toks=gpt2,../x,gpt2,,o200k")).toEqual({ tokenizers: ["gpt2", "o200k"] });
    expect(readTokenizersUrl("?toks=%3Cscript%3E")).toEqual({});
    const many = Array.from({ length: 20 }, (_, i) => `t${i}`).join(",");
    expect(readTokenizersUrl(`?toks=${many}`).tokenizers).toHaveLength(MAX_CHOSEN);
  });

  it("keeps the default text for an empty or over-long one", () => {
    expect(readTokenizersUrl("?ttext=")).toEqual({});
    expect(readTokenizersUrl(`?ttext=${"a".repeat(5000)}`)).toEqual({});
  });
});

describe("the Why view's part", () => {
  it("round-trips the attribution section's method, target id and typed foil", () => {
    const state = { section: "attribution", method: "occlusion", target: 812, foil: " Paris", genMethod: "shapley", site: "mlp_out" } as const;
    expect(readWhyUrl(`?view=why&${writeWhyUrl(state)}`)).toEqual({ section: "attribution", method: "occlusion", target: 812, foil: " Paris" });
  });

  it("writes only the open section's choices", () => {
    const base = { method: "occlusion", target: 5, foil: null, genMethod: "shapley", site: "attn_out" } as const;
    expect(whyUrlParams({ ...base, section: "generation" })).toEqual({ why: "generation", gmethod: "shapley" });
    expect(whyUrlParams({ ...base, section: "patching" })).toEqual({ why: "patching", site: "attn_out" });
    expect(whyUrlParams({ ...base, section: "score" })).toEqual({ why: "score" });
    expect(readWhyUrl(`?${writeWhyUrl({ ...base, section: "patching" })}`)).toEqual({ section: "patching", site: "attn_out" });
  });

  it("ignores unknown methods, sites and ids too long to be one", () => {
    expect(readWhyUrl("?why=attribution&method=magic&site=brain&gmethod=&target=12345678901&foil=")).toEqual({
      section: "attribution",
    });
  });
});
