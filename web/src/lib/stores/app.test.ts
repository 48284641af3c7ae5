/** The page's state machine against a fake (non-HTTP) source: predict, step, force, rewind, reset, errors, debounce. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeSource } from "../data/fake";
import { ApiFailure } from "../data/failure";
import type { DataSource, PredictQuery } from "../data/source";
import type { ModelList, PredictResponse } from "../generated/schema";
import { prepare, samplingPipeline } from "../sampling/pipeline";
import { AppState } from "./app.svelte";

const V = 16;
const EOS = 1;

function logitsFor(ids: number[]): Float32Array {
  // deterministic, depends on the whole sequence, never prefers EOS unless the sequence ends in 7
  const out = new Float32Array(V);
  const h = ids.reduce((a, b) => (a * 31 + b) % 9973, 7);
  for (let i = 0; i < V; i++) out[i] = Math.sin(h * 0.37 + i * 1.3) * 3;
  out[EOS] = ids.at(-1) === 7 ? 50 : -50;
  return out;
}

function b64(f: Float32Array): string {
  return btoa(String.fromCharCode(...new Uint8Array(f.buffer)));
}

const MODELS: ModelList = {
  models: [
    {
      id: "fake",
      eos_token_ids: [EOS],
      info: {
        name: "fake", architecture: "GPT2LMHeadModel", family: "gpt2", model_type: "gpt2", n_layers: 1, n_heads: 1,
        n_kv_heads: 1, d_model: 8, d_head: 8, d_mlp: 32, d_vocab: V, n_ctx: 64, positional: "learned",
        norm: "layernorm", activation: "gelu", gated_mlp: false, parallel_block: false, qk_norm: false,
        post_norm: false, n_params: 1000, dtype: "float32", device: "cpu",
      },
    },
  ],
  default_model: "fake",
  limits: { max_prompt_tokens: 20, max_new_tokens: 5, max_top_k: 10 },
};

let calls: PredictQuery[] = [];

/** The page's store on a source that is not HTTP at all: the same answers a server would give. */
function source(): DataSource {
  return fakeSource({
    models: () => Promise.resolve(MODELS),
    vocab: () => Promise.resolve({ model: "fake", texts: [...Array(V).keys()].map((i) => `t${i}`), special_ids: [EOS] }),
    predict: (req) => {
      calls.push(req);
      const promptIds = [...req.prompt].map((c) => 2 + (c.charCodeAt(0) % (V - 2)));
      if (promptIds.length > 20) {
        return Promise.reject(new ApiFailure("prompt_too_long", "too long: --max-prompt-tokens", 413));
      }
      const gen = req.generated_ids ?? [];
      const info = (id: number) => ({ id, text: `t${id}`, bytes_hex: "", is_special: id === EOS, partial_utf8: false });
      const body: PredictResponse = {
        model: "fake",
        tokens: promptIds.map(info),
        generated: gen.map(info),
        logits: { dtype: "float32", shape: [V], dims: ["d_vocab"], data: b64(logitsFor([...promptIds, ...gen])) },
        top: [],
        forward_ms: 1,
      };
      return Promise.resolve(body);
    },
  });
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

describe("AppState", () => {
  beforeEach(() => {
    calls = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function ready(prompt = "abc"): Promise<AppState> {
    const app = new AppState(source());
    await app.init({ prompt, settings: { temperature: 0.8, seed: 3 } });
    await settle();
    return app;
  }

  it("loads the models, predicts the prompt and derives the distribution", async () => {
    const app = await ready();
    expect(app.modelId).toBe("fake");
    expect(app.promptTokens).toHaveLength(3);
    expect(app.result?.finalProbs.length).toBe(V);
    expect(app.vocab[5]).toBe("t5");
  });

  it("steps with the seeded draw of each step index, as Python's generate does", async () => {
    const app = await ready();
    const promptIds = app.promptTokens.map((t) => t.id);
    await app.step();
    await app.step();
    const expected: number[] = [];
    for (let step = 0; step < 2; step++) {
      const prep = prepare(logitsFor([...promptIds, ...expected]));
      expected.push(samplingPipeline(prep, app.settings, step).tokenId);
    }
    expect(app.generated.map((g) => g.id)).toEqual(expected);
    expect(app.positions).toHaveLength(3);
    expect(calls.at(-1)?.generated_ids).toEqual(expected);
  });

  it("forces a candidate, rewinds and resets", async () => {
    const app = await ready();
    await app.step(9);
    expect(app.generated.map((g) => g.id)).toEqual([9]);
    app.rewind();
    expect(app.generated).toHaveLength(0);
    expect(app.positions).toHaveLength(1);
    await app.step();
    await app.step();
    app.reset();
    expect(app.generated).toHaveLength(0);
    expect(app.positions).toHaveLength(1);
  });

  it("stops at the end-of-text token and at the new-token limit", async () => {
    const app = await ready();
    await app.step(7);
    await app.step(); // after 7 the fake model all but certainly says EOS
    expect(app.generated.at(-1)?.id).toBe(EOS);
    expect(app.finish).toBe("eos");
    expect(await app.step()).toBe(false);
    app.reset();
    for (let i = 0; i < 6; i++) await app.step(3);
    expect(app.generated).toHaveLength(5);
    expect(app.finish).toBe("limit");
  });

  it("stops when the context is full", async () => {
    const app = await ready("x".repeat(18));
    const card = MODELS.models[0];
    if (!card) throw new Error("no model");
    app.models = [{ ...card, info: { ...card.info, n_ctx: 20 } }];
    await app.step(3);
    expect(app.finish).toBeNull();
    await app.step(3);
    expect(app.generated).toHaveLength(2);
    expect(app.finish).toBe("context");
  });

  it("debounces typing into one request", async () => {
    const app = await ready();
    vi.useFakeTimers();
    calls = [];
    app.setPrompt("abcd");
    app.setPrompt("abcde");
    app.setPrompt("abcdef");
    await vi.advanceTimersByTimeAsync(500);
    vi.useRealTimers();
    await settle();
    expect(calls.map((c) => c.prompt)).toEqual(["abcdef"]);
    expect(app.promptTokens).toHaveLength(6);
  });

  it("shows a server error and keeps working", async () => {
    const app = await ready();
    app.setPrompt("x".repeat(30), true);
    await settle();
    expect(app.error?.code).toBe("prompt_too_long");
    expect(app.error?.message).toContain("--max-prompt-tokens");
    expect(app.result).toBeNull(); // no stale prediction beside the error
    app.setPrompt("ok", true);
    await settle();
    expect(app.error).toBeNull();
    expect(app.promptTokens).toHaveLength(2);
  });

  it("clamps settings to the server's limits", async () => {
    const app = await ready();
    app.setSettings({ top_k: 500, temperature: -3 });
    expect(app.settings.top_k).toBe(10);
    expect(app.settings.temperature).toBe(0);
  });
});
