import { describe, expect, it } from "vitest";
import type { ModelComparison, ModelCompareRequest } from "../generated/schema";
import { fakeSource } from "../data/fake";
import { ApiFailure } from "../data/failure";
import { CompareState, pickOther, settlesAt } from "./state.svelte";

const answer = (prompt: string): ModelComparison => ({
  schema_version: "2.0",
  kind: "model_comparison",
  models: [],
  same_tokenizer: false,
  next: [{ text: prompt, bytes_hex: "", is_special: false, probs: [0.5, 0.25], in_vocab: [true, true] }],
  total_variation: [
    [0, 0.3],
    [0.3, 0],
  ],
});

describe("pickOther", () => {
  it("takes the link's model when served and not the first", () => {
    expect(pickOther(["a", "b", "c"], "a", "c")).toBe("c");
  });
  it("falls back to the first other model", () => {
    expect(pickOther(["a", "b", "c"], "a", "a")).toBe("b");
    expect(pickOther(["a", "b", "c"], "b", "zzz")).toBe("a");
    expect(pickOther(["a", "b"], "a", null)).toBe("b");
  });
  it("has nothing to offer a server of one model", () => {
    expect(pickOther(["a"], "a", null)).toBe("");
  });
});

describe("settlesAt", () => {
  it("is the first row from which the final token stays on top", () => {
    expect(settlesAt([{ final_rank: 5 }, { final_rank: 1 }, { final_rank: 2 }, { final_rank: 1 }, { final_rank: 1 }])).toBe(3);
    expect(settlesAt([{ final_rank: 1 }, { final_rank: 1 }])).toBe(0);
    expect(settlesAt([{ final_rank: 9 }, { final_rank: 1 }])).toBe(1);
  });
});

describe("CompareState", () => {
  it("asks for the two chosen models and keeps only the newest answer", async () => {
    const asked: ModelCompareRequest[] = [];
    const release: (() => void)[] = [];
    const source = fakeSource({
      compareModels: (req) => {
        asked.push(req);
        return new Promise((resolve) => release.push(() => resolve(answer(req.prompt))));
      },
    });
    const s = new CompareState(source);
    s.a = "x";
    s.b = "y";
    const first = s.run("old");
    const second = s.run("new");
    expect(asked.map((r) => [r.models, r.prompt])).toEqual([
      [["x", "y"], "old"],
      [["x", "y"], "new"],
    ]);
    release[1]?.();
    await second;
    release[0]?.(); // the older answer arrives last: dropped
    await first;
    expect(s.result?.next[0]?.text).toBe("new");
    expect(s.busy).toBe(false);
  });

  it("asks nothing for one model twice or an empty prompt", async () => {
    let calls = 0;
    const s = new CompareState(fakeSource({ compareModels: () => (calls++, Promise.resolve(answer(""))) }));
    s.a = "x";
    s.b = "x";
    expect(s.ready).toBe(false);
    await s.run("hi");
    s.b = "y";
    await s.run("");
    expect(calls).toBe(0);
    await s.run("hi");
    expect(calls).toBe(1);
  });

  it("keeps the server's failure to show", async () => {
    const s = new CompareState(
      fakeSource({ compareModels: () => Promise.reject(new ApiFailure("prompt_too_long", "too long")) }),
    );
    s.a = "x";
    s.b = "y";
    await s.run("hi");
    expect(s.error?.code).toBe("prompt_too_long");
    expect(s.result).toBeNull();
  });
});
