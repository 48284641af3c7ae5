/**
 * The static export's source: logits decode exactly as Python's `decode_logits` does, predictions follow the
 * exported generation, and what the export cannot compute rejects with `not_built` and says why.
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { PromptTrace, StaticManifest } from "../generated/schema";
import { ApiFailure } from "./failure";
import { DATA_GLOBAL, decodeLogits, StaticSource, staticManifest } from "./static";
import { decodeTensor } from "./tensor";

// glassbox.traces.encode_logits([0, -1.5, 3.25, 10, -20.123, 2.0009765625, 7.77, -0.001]) and what
// glassbox.traces.decode_logits gives back (float16 of logit − 10, plus 10)
const ENCODED = {
  encoding: "f16-shift-split-deflate" as const,
  d_vocab: 8,
  shift: 10,
  data: "eNpjOHCAoYOhjOHkyWMM508cOAkAORQH9w==",
};
const DECODED = [0.0, -1.5, 3.25, 10.0, -20.125, 2.0, 7.76953125, 0.0];

const tok = (id: number, text: string) => ({ id, text, bytes_hex: "", is_special: false, partial: false });

const card = {
  id: "tiny",
  info: { d_vocab: 8, n_ctx: 16 } as StaticManifest["models"]["models"][number]["info"],
  eos_token_ids: [],
};

const manifest: StaticManifest = {
  kind: "static_manifest",
  glassbox_version: "0",
  models: { models: [card], default_model: "tiny", limits: { max_prompt_tokens: 16, max_new_tokens: 1, max_top_k: 8 } },
  prompts: [{ key: "p0001", prompt: "Hello", n_tokens: 1, n_generated: 1, bytes: 1 }],
};

const trace = {
  kind: "prompt_trace",
  model: card,
  prompt: "Hello",
  tokens: [tok(1, "Hello")],
  settings: { temperature: 1, top_k: 0, top_p: 1, min_p: 0, seed: 0 },
  steps: [{ step: 0, token: tok(3, "!") }],
  stop_reason: "max_new_tokens",
  distributions: [
    { generated: 0, logits: ENCODED, top: [], forward_ms: 1.5 },
    { generated: 1, logits: { ...ENCODED, shift: 11 }, top: [], forward_ms: 2 },
  ],
  detail: null,
} as unknown as PromptTrace;

const registry = () => (window as unknown as Record<string, Record<string, unknown> | undefined>);

beforeEach(() => {
  registry()[DATA_GLOBAL] = { manifest, p0001: trace };
});
afterEach(() => {
  registry()[DATA_GLOBAL] = undefined;
});

async function failure(p: Promise<unknown>): Promise<ApiFailure> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiFailure) return err;
    throw err;
  }
  throw new Error("resolved, expected a rejection");
}

describe("StaticSource", () => {
  test("decodes logits exactly as Python does", async () => {
    expect(Array.from(await decodeLogits(ENCODED))).toEqual(DECODED);
    await expect(decodeLogits({ ...ENCODED, d_vocab: 9 })).rejects.toBeInstanceOf(ApiFailure);
  });

  test("finds the manifest the page registered", () => {
    expect(staticManifest()?.prompts[0]?.prompt).toBe("Hello");
  });

  test("predicts along the exported generation", async () => {
    const source = new StaticSource(manifest);
    const first = await source.predict({ model: "tiny", prompt: "Hello", generated_ids: [], top_n: 20 });
    expect(Array.from(decodeTensor(first.logits))).toEqual(DECODED);
    expect(first.tokens.map((t) => t.id)).toEqual([1]);
    expect(first.forward_ms).toBe(1.5);
    const second = await source.predict({ model: "tiny", prompt: "Hello", generated_ids: [3], top_n: 20 });
    expect(second.generated.map((t) => t.id)).toEqual([3]);
    expect(Array.from(decodeTensor(second.logits))).toEqual(DECODED.map((v) => v + 1));
  });

  test("says what it cannot compute", async () => {
    const source = new StaticSource(manifest);
    const off = await failure(source.predict({ model: "tiny", prompt: "Hello", generated_ids: [5], top_n: 20 }));
    expect(off.code).toBe("not_built");
    expect(off.message).toContain("static export");
    expect(off.message).toContain("seed 0");
    const fresh = await failure(source.predict({ model: "tiny", prompt: "Goodbye", generated_ids: [], top_n: 20 }));
    expect(fresh.code).toBe("not_built");
    expect((await failure(source.trainingInfo("tiny"))).code).toBe("not_built");
    expect((await failure(source.startLive({} as never))).code).toBe("not_built");
    // this trace was exported without the detailed view's slices
    expect((await failure(source.overview({ model: "tiny", prompt: "Hello" }))).code).toBe("not_built");
    expect((await failure(source.vocab("other"))).code).toBe("unknown_model");
  });

  test("a newer prediction supersedes one still decoding", async () => {
    const source = new StaticSource(manifest);
    const older = source.predict({ model: "tiny", prompt: "Hello", generated_ids: [], top_n: 20 });
    const newer = source.predict({ model: "tiny", prompt: "Hello", generated_ids: [3], top_n: 20 });
    expect((await failure(older)).code).toBe("superseded");
    expect((await newer).generated).toHaveLength(1);
  });
});
