/** Generated and forced tokens live in the URL (`gen=`), and a page opened on such a link takes the same steps. */
import { describe, expect, it } from "vitest";
import { fakeSource } from "../data/fake";
import type { ModelList, PredictResponse } from "../generated/schema";
import { AppState } from "./app.svelte";
import { readGenerated, readUrl, writeGenerated, writeUrl } from "./url";

const V = 12;
const EOS = 1;

function logits(ids: number[]): string {
  // deterministic per sequence; EOS only after token 7
  const out = new Float32Array(V);
  const h = ids.reduce((a, b) => (a * 31 + b) % 9973, 7);
  for (let i = 0; i < V; i++) out[i] = Math.cos(h * 0.41 + i * 1.7) * 3;
  out[EOS] = ids.at(-1) === 7 ? 50 : -50;
  return btoa(String.fromCharCode(...new Uint8Array(out.buffer)));
}

const MODELS = {
  models: [{ id: "fake", eos_token_ids: [EOS], info: { d_vocab: V, n_ctx: 64 } }],
  default_model: "fake",
  limits: { max_prompt_tokens: 20, max_new_tokens: 8, max_top_k: 10 },
} as unknown as ModelList;

function app(asked: number[][] = []): AppState {
  return new AppState(
    fakeSource({
      models: () => Promise.resolve(MODELS),
      vocab: () => Promise.resolve({ model: "fake", texts: [...Array(V).keys()].map((i) => `t${i}`), special_ids: [EOS] }),
      predict: (req) => {
        const prompt = [...req.prompt].map((c) => 2 + (c.charCodeAt(0) % (V - 2)));
        const gen = req.generated_ids ?? [];
        asked.push(gen);
        const info = (id: number) => ({ id, text: `t${id}`, bytes_hex: "", is_special: id === EOS, partial_utf8: false });
        const body: PredictResponse = {
          model: "fake",
          tokens: prompt.map(info),
          generated: gen.map(info),
          logits: { dtype: "float32", shape: [V], dims: ["d_vocab"], data: logits([...prompt, ...gen]) },
          top: [],
          forward_ms: 1,
        };
        return Promise.resolve(body);
      },
    }),
  );
}

describe("gen= in the URL", () => {
  it("reads what it writes, forced marks included", () => {
    const tokens = [
      { id: 12, forced: false },
      { id: 845, forced: true },
      { id: 0, forced: false },
    ];
    expect(writeGenerated(tokens)).toBe("12.845f.0");
    expect(readGenerated("12.845f.0")).toEqual(tokens);
    const search = writeUrl({ model: "m", prompt: "Hi", settings: { temperature: 1, top_k: 0, top_p: 1, min_p: 0, seed: 0 }, lang: "en", generated: tokens });
    expect(new URLSearchParams(search).get("gen")).toBe("12.845f.0");
    expect(readUrl(search).generated).toEqual(tokens);
  });

  it("keeps a hand-edited link's valid start and writes nothing for no tokens", () => {
    expect(readGenerated("3.4f.x.5")).toEqual([{ id: 3, forced: false }, { id: 4, forced: true }]);
    expect(readGenerated("-1.2")).toEqual([]);
    expect(readGenerated(null)).toEqual([]);
    expect(readUrl("?prompt=a&gen=").generated).toBeUndefined();
    const none = writeUrl({ model: "m", prompt: "a", settings: { temperature: 1, top_k: 0, top_p: 1, min_p: 0, seed: 0 }, lang: "en", generated: [] });
    expect(none).not.toContain("gen=");
  });
});

describe("opening a link with gen=", () => {
  it("replays the steps: same ids, same forced marks, every position's logits kept", async () => {
    // first, generate by hand: two sampled steps and one forced in between
    const first = app();
    await first.init({ prompt: "abc", settings: { temperature: 0.9, seed: 5 } });
    await first.predictPrompt();
    await first.step();
    const other = first.result?.tokenId === 9 ? 8 : 9; // not what the sampler picks: a real branch
    await first.step(other);
    await first.step();
    const recorded = first.generated.map((g) => ({ id: g.id, forced: g.forced }));
    expect(recorded.map((g) => g.forced)).toEqual([false, true, false]);

    const asked: number[][] = [];
    const opened = app(asked);
    await opened.init({ prompt: "abc", settings: { temperature: 0.9, seed: 5 }, generated: readGenerated(writeGenerated(recorded)) });
    expect(opened.generated.map((g) => ({ id: g.id, forced: g.forced }))).toEqual(recorded);
    expect(opened.generated.map((g) => g.prob)).toEqual(first.generated.map((g) => g.prob));
    expect(opened.positions).toHaveLength(recorded.length + 1);
    expect(asked).toEqual([[], ...recorded.map((_, i) => recorded.slice(0, i + 1).map((g) => g.id))]);
    opened.rewind(); // and it behaves as if the steps were taken here
    expect(opened.generated).toHaveLength(2);
    expect(opened.result).not.toBeNull();
  });

  it("a forced token the sampler would have picked anyway keeps the link's mark", async () => {
    const probe = app();
    await probe.init({ prompt: "xy", settings: { temperature: 0, seed: 0 } });
    await probe.predictPrompt();
    const greedy = probe.result?.tokenId ?? -1;
    const opened = app();
    await opened.init({ prompt: "xy", settings: { temperature: 0, seed: 0 }, generated: [{ id: greedy, forced: true }] });
    expect(opened.generated).toEqual([expect.objectContaining({ id: greedy, forced: true })]);
  });

  it("stops at the end of text and ignores ids outside the vocabulary", async () => {
    const opened = app();
    await opened.init({
      prompt: "abc",
      settings: { temperature: 0, seed: 0 },
      generated: [{ id: 7, forced: true }, { id: EOS, forced: false }, { id: 3, forced: false }],
    });
    expect(opened.generated.map((g) => g.id)).toEqual([7, EOS]);
    expect(opened.finish).toBe("eos");
    const outside = app();
    await outside.init({ prompt: "abc", settings: {}, generated: [{ id: 4, forced: true }, { id: V + 3, forced: true }] });
    expect(outside.generated.map((g) => g.id)).toEqual([4]);
  });
});
