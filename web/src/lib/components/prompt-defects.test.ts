/**
 * New-user defects of the next-token page (issue 17, item 4): the page asks the server to keep the last tokens of a
 * too-long prompt and shows how many were dropped (`truncation-notice`), the distribution never says "a vocabulary
 * of 0 tokens" between predictions, and a negative, fractional or too-large top-k is refused with a message in every
 * language instead of being clamped silently.
 */
import { fireEvent, render, screen } from "@testing-library/svelte";
import { flushSync } from "svelte";
import { afterEach, describe, expect, it } from "vitest";
import { fakeSource } from "../data/fake";
import type { PredictQuery } from "../data/source";
import type { ModelCard, PredictResponse } from "../generated/schema";
import { LANGUAGES, type Catalog, type Language } from "../i18n/catalogs";
import { cs } from "../i18n/catalogs/cs";
import { en } from "../i18n/catalogs/en";
import { fr } from "../i18n/catalogs/fr";
import { ja } from "../i18n/catalogs/ja";
import { ru } from "../i18n/catalogs/ru";
import { uk } from "../i18n/catalogs/uk";
import { zh } from "../i18n/catalogs/zh";
import { setLanguage } from "../i18n/i18n.svelte";
import { prepare } from "../sampling/pipeline";
import { AppState } from "../stores/app.svelte";
import { topKProblem } from "../stores/topk";
import Controls from "./Controls.svelte";
import Distribution from "./Distribution.svelte";
import TruncationNotice from "./TruncationNotice.svelte";

const CATALOGS: Record<Language, Catalog> = { en, cs, fr, uk, zh, ru, ja };
const KEYS = [
  "prompt.truncated",
  "detail.emptyPrompt",
  "status.noPrediction",
  "controls.topKNegative",
  "controls.topKNotInteger",
  "controls.topKTooLarge",
  "controls.topKEmpty",
] as const;
const V = 12;

const CARD: ModelCard = {
  id: "m",
  eos_token_ids: [],
  info: {
    name: "m",
    architecture: "GPT2LMHeadModel",
    family: "gpt2",
    model_type: "gpt2",
    n_layers: 1,
    n_heads: 1,
    n_kv_heads: 1,
    d_model: 8,
    d_head: 8,
    d_mlp: 32,
    d_vocab: V,
    n_ctx: 8,
    positional: "learned",
    norm: "layernorm",
    activation: "gelu",
    gated_mlp: false,
    parallel_block: false,
    qk_norm: false,
    post_norm: false,
    n_params: 1000,
    dtype: "float32",
    device: "cpu",
  },
};

function b64(f: Float32Array): string {
  return btoa(String.fromCharCode(...new Uint8Array(f.buffer)));
}

afterEach(async () => {
  await setLanguage("en", false);
});

describe("a prompt longer than the context", () => {
  it("is sent with truncate='left' and the notice shows the server's dropped count", async () => {
    const calls: PredictQuery[] = [];
    const info = (id: number) => ({
      id,
      text: `t${id}`,
      bytes_hex: "",
      is_special: false,
      partial_utf8: false,
    });
    const app = new AppState(
      fakeSource({
        models: () =>
          Promise.resolve({
            models: [CARD],
            default_model: "m",
            limits: { max_prompt_tokens: 8, max_new_tokens: 4, max_top_k: 5 },
          }),
        vocab: () =>
          Promise.resolve({
            model: "m",
            texts: [...Array(V).keys()].map((i) => `t${i}`),
            special_ids: [],
          }),
        predict: (req) => {
          calls.push(req);
          const ids = [...req.prompt].map((c) => c.charCodeAt(0) % V);
          const dropped = req.truncate === "left" ? Math.max(0, ids.length - 8) : 0;
          const body: PredictResponse = {
            model: "m",
            tokens: ids.slice(dropped).map(info),
            generated: [],
            logits: {
              dtype: "float32",
              shape: [V],
              dims: ["d_vocab"],
              data: b64(new Float32Array(V).fill(0.5)),
            },
            top: [],
            forward_ms: 1,
            dropped_tokens: dropped,
          };
          return Promise.resolve(body);
        },
      }),
    );
    await app.init({ prompt: "abcdefghijklm", settings: {} });
    expect(app.error).toBeNull();
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    expect(calls.at(-1)?.truncate).toBe("left");
    expect(app.droppedTokens).toBe(5);
    expect(app.promptTokens).toHaveLength(8);
    // the notice shows the counts the page was given (here: the prediction's), and follows them
    const notice$ = render(TruncationNotice, { dropped: app.droppedTokens, kept: app.promptTokens.length });
    const notice = screen.getByTestId("truncation-notice");
    expect(notice.dataset.dropped).toBe("5");
    expect(notice.textContent).toContain("5");
    expect(notice.textContent).toContain("8");
    // a prompt that fits: the notice goes away
    app.prompt = "abc";
    await app.predictPrompt();
    flushSync();
    expect(app.droppedTokens).toBe(0);
    await notice$.rerender({ dropped: app.droppedTokens, kept: app.promptTokens.length });
    expect(screen.queryByTestId("truncation-notice")).toBeNull();
  });

  it("is translated in all seven catalogs", () => {
    for (const lang of LANGUAGES) {
      for (const key of KEYS) {
        const text = CATALOGS[lang][key];
        expect(text, `${lang} ${key}`).toBeTruthy();
        if (lang !== "en") expect(text, `${lang} ${key}`).not.toBe(en[key]);
      }
      expect(CATALOGS[lang]["prompt.truncated"]).toContain("{n}");
    }
  });
});

describe("the vocabulary size in the distribution caption", () => {
  it("comes from the model card when no prediction is showing, never 0", () => {
    const app = new AppState(fakeSource());
    app.models = [CARD];
    app.modelId = "m";
    app.prompt = "";
    app.positions = []; // no prediction: an empty prompt, or a generation that ended
    const { container } = render(Distribution, { app });
    const caption = container.querySelector(".caption")?.textContent ?? "";
    expect(caption).toContain(String(V));
    expect(caption).not.toMatch(/\b0 tokens/);
  });

  it("shows nothing rather than 0 when neither a prediction nor a model is known", () => {
    const app = new AppState(fakeSource());
    const { container } = render(Distribution, { app });
    expect(container.querySelector(".caption")).toBeNull();
  });

  it("says why there is no prediction for a refused prompt instead of 'Loading…' forever", () => {
    const app = new AppState(fakeSource());
    app.models = [CARD];
    app.modelId = "m";
    app.prompt = "some text";
    app.error = { code: "invalid_input", message: "refused" };
    const { container } = render(Distribution, { app });
    expect(screen.getByTestId("no-prediction").textContent).toBe(en["status.noPrediction"]);
    expect(container.textContent).not.toContain(en["status.loading"]);
  });

  it("uses the logits' length when a prediction shows", () => {
    const app = new AppState(fakeSource());
    app.models = [CARD];
    app.modelId = "m";
    app.positions = [prepare(new Float32Array(V + 3))];
    const { container } = render(Distribution, { app });
    expect(container.querySelector(".caption")?.textContent).toContain(String(V + 3));
  });
});

describe("top-k in the sampling controls", () => {
  it("classifies what was typed", () => {
    expect(topKProblem("-1", 50)).toBe("negative");
    expect(topKProblem("-0.5", 50)).toBe("negative");
    expect(topKProblem("2.5", 50)).toBe("notInteger");
    expect(topKProblem("abc", 50)).toBe("notInteger");
    expect(topKProblem("", 50)).toBe("empty");
    expect(topKProblem("51", 50)).toBe("tooLarge");
    expect(topKProblem("0", 50)).toBeNull(); // 0 = off
    expect(topKProblem("50", 50)).toBeNull();
  });

  for (const lang of LANGUAGES) {
    it(`refuses a negative or fractional top-k with a message (${lang}) and keeps the last valid one`, async () => {
      expect(await setLanguage(lang, false)).toBe(true);
      const app = new AppState(fakeSource());
      app.limits = { max_prompt_tokens: 8, max_new_tokens: 4, max_top_k: 40 };
      app.setSettings({ top_k: 7 });
      render(Controls, { app });
      const input = screen.getByTestId("top-k") as HTMLInputElement;
      fireEvent.input(input, { target: { value: "-3" } });
      flushSync();
      const error = screen.getByTestId("top-k-error");
      expect(error.textContent?.trim()).toBe(CATALOGS[lang]["controls.topKNegative"].replace("{max}", "40"));
      expect(input.getAttribute("aria-invalid")).toBe("true");
      expect(app.settings.top_k).toBe(7);
      fireEvent.input(input, { target: { value: "2.5" } });
      flushSync();
      expect(screen.getByTestId("top-k-error").textContent?.trim()).toBe(CATALOGS[lang]["controls.topKNotInteger"]);
      expect(app.settings.top_k).toBe(7);
      fireEvent.input(input, { target: { value: "3" } });
      flushSync();
      expect(screen.queryByTestId("top-k-error")).toBeNull();
      expect(app.settings.top_k).toBe(3);
    });
  }
});
