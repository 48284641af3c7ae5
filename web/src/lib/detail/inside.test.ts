/**
 * "Inside the model" as a new user meets it (issue 17, item 4): row labels in the reader's language, attention maps
 * with their tokens on both axes and a labelled colour scale, One head's stages in the order they are computed
 * (masked keys marked "masked", never a −∞ number), the logit lens opening at the selected position, and the
 * scroll arithmetic that keeps a long prompt's selected row in view.
 */
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import AttentionHeadView from "../components/detail/AttentionHeadView.svelte";
import AttentionMap from "../components/detail/AttentionMap.svelte";
import LogitLensView from "../components/detail/LogitLensView.svelte";
import ResidualView from "../components/detail/ResidualView.svelte";
import { viridisRgb } from "../d3/colour";
import { num } from "../d3/format";
import { fakeSource } from "../data/fake";
import type { AttentionHead, DetailOverview, LogitLens, ModelInfo, Site, TensorPayload } from "../generated/schema";
import { LANGUAGES, type Catalog, type Language } from "../i18n/catalogs";
import { cs } from "../i18n/catalogs/cs";
import { en } from "../i18n/catalogs/en";
import { fr } from "../i18n/catalogs/fr";
import { ja } from "../i18n/catalogs/ja";
import { ru } from "../i18n/catalogs/ru";
import { uk } from "../i18n/catalogs/uk";
import { zh } from "../i18n/catalogs/zh";
import { setLanguage } from "../i18n/i18n.svelte";
import { isMaskedKey, keepVisible, keyStages, mapCellSize, WEIGHT_TICKS, weightGradient } from "./headmaps";
import { DetailState } from "./state.svelte";

const CATALOGS: Record<Language, Catalog> = { en, cs, fr, uk, zh, ru, ja };

/** The element, or a failed test saying it is missing. */
function must<T>(x: T | null | undefined): T {
  if (x === null || x === undefined) throw new Error("missing element");
  return x;
}

const INFO: ModelInfo = {
  name: "m",
  architecture: "GPT2LMHeadModel",
  family: "gpt2",
  model_type: "gpt2",
  n_layers: 2,
  n_heads: 2,
  n_kv_heads: 2,
  d_model: 4,
  d_head: 2,
  d_mlp: 8,
  d_vocab: 10,
  n_ctx: 64,
  positional: "learned",
  norm: "layernorm",
  activation: "gelu_new",
  gated_mlp: false,
  parallel_block: false,
  qk_norm: false,
  post_norm: false,
  n_params: 100,
  dtype: "float32",
  device: "cpu",
};

const tok = (id: number, text: string) => ({ id, text, bytes_hex: "", is_special: false, partial_utf8: false });
const TOKENS = [tok(0, "The"), tok(1, " cat"), tok(2, "\n")];

function f32(values: number[], dims: TensorPayload["dims"], shape = [values.length]): TensorPayload {
  const bytes = new Uint8Array(new Float32Array(values).buffer);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return { dtype: "float32", shape, dims, data: btoa(bin) };
}

function state(pos = -1): DetailState {
  const d = new DetailState(fakeSource(), { pos });
  const stages: Site[] = [{ layer: null, part: "embed" }, ...[0, 1].flatMap((layer): Site[] => [{ layer, part: "attn" }, { layer, part: "mlp" }])];
  const overview: DetailOverview = {
    schema_version: "2.0",
    kind: "detail_overview",
    model: "m",
    info: INFO,
    tokens: TOKENS,
    residual: {
      schema_version: "2.0",
      kind: "residual_stream",
      stages,
      resid_norm: stages.map((_, i) => [i, i, i]),
      added_norm: stages.map((_, i) => [i, i, i]),
      norms: [
        { site: { layer: 0, part: "ln1" }, kind: "layernorm", mean: [0, 0, 0], var: [1, 1, 1], scale: [1, 1, 1] },
        { site: { layer: null, part: "ln_final" }, kind: "layernorm", mean: [0, 0, 0], var: [1, 1, 1], scale: [1, 1, 1] },
      ],
    },
    next_token: [{ token: tok(1, " cat"), prob: 0.5 }],
  };
  d.overview = overview;
  return d;
}

// query 1 of 3 tokens: key 2 is in its future (masked). dots × 0.5 = scaled; the mask keeps keys 0 and 1.
const DOTS = [2, -1, 4];
const SCALE = 0.5;
const SCALED = DOTS.map((x) => x * SCALE);
const E0 = Math.exp(1);
const E1 = Math.exp(-0.5);
const WEIGHTS = [E0 / (E0 + E1), E1 / (E0 + E1), 0];
const PATTERN = [1, 0, 0, ...WEIGHTS, 0.2, 0.3, 0.5];

function head(): AttentionHead {
  return {
    schema_version: "2.0",
    kind: "attention_head",
    layer: 0,
    head: 1,
    kv_head: 1,
    query_pos: 1,
    scale: SCALE,
    window: null,
    q: f32([1, 2], ["d_head"]),
    keys: f32([1, 0, 0, 1, 2, 1], ["key_pos", "d_head"], [3, 2]),
    values: f32([1, 0, 0, 1, 1, 1], ["key_pos", "d_head"], [3, 2]),
    dots: f32(DOTS, ["key_pos"]),
    scaled: f32(SCALED, ["key_pos"]),
    scores: f32([1, -0.5, -Infinity], ["key_pos"]),
    allowed: [true, true, false],
    weights: f32(WEIGHTS, ["key_pos"]),
    z: f32([0.8, 0.2], ["d_head"]),
    output: f32([1, 2, 3, 4], ["d_model"]),
    output_norm: Math.sqrt(30),
    pattern: f32(PATTERN, ["query_pos", "key_pos"], [3, 3]),
  };
}

beforeAll(() => {
  // jsdom has no canvas: the maps paint nothing here, their labels and scales are what is checked
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
  // the Progressive reveal mounts every row at once without requestAnimationFrame
  vi.stubGlobal("requestAnimationFrame", undefined);
});

afterEach(async () => {
  await setLanguage("en", false);
});

describe("row labels are worded in every language", () => {
  const LENS: LogitLens = {
    schema_version: "2.0",
    kind: "logit_lens",
    layers: [{ layer: null, part: "embed" }, { layer: 0, part: "block" }, { layer: 1, part: "block" }],
    positions: [0, 1, 2],
    cells: [0, 1, 2].flatMap((layer) => [0, 1, 2].map((pos) => ({ layer, pos, top: [{ token: tok(pos, `t${pos}`), prob: 0.5 }] }))),
  };

  for (const lang of LANGUAGES.filter((l) => l !== "en")) {
    it(`${lang}: the logit lens's and the residual stream's rows come from the ${lang} catalog, not English`, async () => {
      expect(await setLanguage(lang, false)).toBe(true);
      const c = CATALOGS[lang];
      const d = state();
      d.lens = LENS;
      const lens = render(LogitLensView, { detail: d });
      const rows = [...document.querySelectorAll("[data-testid=logit-lens] tbody th")].map((th) => th.textContent);
      const expected = [c["detail.site.embed"], c["detail.site.block"].replace("{layer}", "0"), c["detail.site.block"].replace("{layer}", "1")];
      expect(rows).toEqual(expected);
      expect(rows).not.toContain("embed");
      expect(rows).not.toContain("block 0");
      lens.unmount();

      render(ResidualView, { detail: d });
      const resid = screen.getAllByTestId("resid-norm").map((r) => r.querySelector("td")?.textContent);
      expect(resid[0]).toBe(c["detail.site.embed"]);
      expect(resid[1]).toBe(c["detail.site.attn"].replace("{layer}", "0"));
      expect(resid[1]).not.toBe("L0 attn");
      const norms = screen.getAllByTestId("norm-stat").map((r) => r.querySelector("td")?.textContent);
      expect(norms).toEqual([c["detail.site.ln1"].replace("{layer}", "0"), c["detail.site.ln_final"]]);
    });
  }
});

describe("One head: the stages in the order computed", () => {
  it("keyStages: a masked key keeps its real scaled score and has no after-mask number", () => {
    const s = keyStages(DOTS, SCALED, [1, -0.5, -Infinity], [true, true, false], WEIGHTS);
    expect(s.map((k) => k.scaled)).toEqual([1, -0.5, 2]);
    expect(s.map((k) => k.afterMask)).toEqual([1, -0.5, null]);
    expect(s.map((k) => k.masked)).toEqual([false, false, true]);
    expect(s[2]?.weight).toBe(0);
    expect(s.every((k) => Number.isFinite(k.scaled))).toBe(true);
  });

  it("columns run q·k → scaled → after the mask → softmax = weight, and a masked key reads 'masked', never −∞", () => {
    const d = state(1);
    d.attn = head();
    render(AttentionHeadView, { detail: d });
    const headers = [...document.querySelectorAll("table.keys thead th")].map((th) => th.textContent?.trim());
    expect(headers).toEqual(["j", en["detail.key"], "q·k", `× ${num(SCALE)} = scaled`, en["inside.col.afterMask"], en["inside.col.weight"]]);
    const scaled = screen.getAllByTestId("attention-scaled");
    expect(scaled.map((c) => Number(c.dataset.value))).toEqual(SCALED);
    expect(scaled.map((c) => c.textContent)).toEqual(SCALED.map(num));
    for (const c of scaled) expect(c.textContent).not.toContain("∞");
    const masked = screen.getAllByTestId("attention-masked");
    expect(masked.map((c) => c.dataset.masked)).toEqual(["false", "false", "true"]);
    expect(masked[2]?.textContent?.trim()).toBe(en["inside.masked"]);
    expect(masked[0]?.textContent?.trim()).toBe(num(1));
    for (const c of masked) expect(c.textContent).not.toContain("∞");
    expect(screen.getByTestId("mask-legend").textContent).toContain(en["inside.maskLegend"]);
    const weights = screen.getAllByTestId("attention-weight").map((c) => Number(c.dataset.weight));
    expect(weights[0]).toBeCloseTo(E0 / (E0 + E1), 6);
    expect(weights[2]).toBe(0);
  });

  it("the marker and legend are translated", async () => {
    await setLanguage("cs", false);
    const d = state(1);
    d.attn = head();
    render(AttentionHeadView, { detail: d });
    expect(screen.getAllByTestId("attention-masked")[2]?.textContent?.trim()).toBe(cs["inside.masked"]);
    expect(screen.getByTestId("mask-legend").textContent).toContain(cs["inside.maskLegend"]);
  });

  it("no weight is drawn before the softmax step: the head view and the map wait for it", async () => {
    const d = state(1);
    d.attn = head();
    render(AttentionHeadView, { detail: d });
    const views = screen.getByTestId("weights-views");
    expect(views.hidden).toBe(false); // the finished computation is shown first
    const step = (s: string) => must(document.querySelector<HTMLButtonElement>(`[data-testid=attention-step][data-step=${s}]`));
    await fireEvent.click(step("scale"));
    // the head view's lines and the map draw weights: hidden until softmax has computed them
    expect(views.hidden).toBe(true);
    expect(views.contains(screen.getByTestId("attention-map"))).toBe(true);
    expect(views.contains(screen.getByTestId("head-view"))).toBe(true);
    expect(screen.getByTestId("weights-later").textContent).toContain("6");
    expect(screen.getAllByTestId("attention-weight").every((c) => c.hidden)).toBe(true);
    expect(screen.getAllByTestId("attention-masked").every((c) => c.hidden)).toBe(true); // not masked yet
    expect(screen.getAllByTestId("attention-scaled").every((c) => !c.hidden)).toBe(true);
    await fireEvent.click(step("mask"));
    expect(screen.getAllByTestId("attention-masked").every((c) => !c.hidden)).toBe(true);
    expect(views.hidden).toBe(true);
    await fireEvent.click(step("softmax"));
    expect(views.hidden).toBe(false);
    expect(screen.queryByTestId("weights-later")).toBeNull();
    expect(screen.getAllByTestId("attention-cell")).toHaveLength(2); // query 1 sees keys 0 and 1
  });

  it("the keys sit in a bounded, labelled scrolling region", () => {
    const d = state(1);
    d.attn = head();
    render(AttentionHeadView, { detail: d });
    const box = screen.getByTestId("keys-box");
    expect(box.getAttribute("role")).toBe("region");
    expect(box.getAttribute("aria-label")).toBe(en["inside.keysRegion"].replace("{pos}", "1"));
    expect(box.querySelector("table.keys")).not.toBeNull();
  });
});

describe("attention maps: tokens on both axes, a labelled colour scale", () => {
  it("every query and key is labelled with its token as text, whitespace visible", async () => {
    const pick = vi.fn();
    render(AttentionMap, { pattern: new Float32Array(PATTERN), tokens: TOKENS, query: 1, onpick: pick });
    const keys = screen.getAllByTestId("map-key-label");
    const queries = screen.getAllByTestId("map-query-label");
    expect(keys.map((k) => k.textContent)).toEqual(["The", "·cat", "↵"]);
    expect(queries.map((q) => q.querySelector(".tok")?.textContent)).toEqual(["The", "·cat", "↵"]);
    expect(queries.map((q) => q.getAttribute("aria-current"))).toEqual(["false", "true", "false"]);
    await fireEvent.click(must(queries[2]));
    expect(pick).toHaveBeenCalledWith(2);
    const scale = screen.getByTestId("weight-scale");
    expect(scale.dataset.scale).toBe("viridis");
    expect(screen.getAllByTestId("weight-tick").map((t) => t.textContent)).toEqual(["0", "0.25", "0.5", "0.75", "1"]);
    expect(scale.textContent).toContain(en["inside.weightScale"]);
    expect(scale.textContent).toContain(en["inside.maskedSwatch"]);
  });

  it("the scale's colours are the maps' own (viridis, dark to light), not red-vs-green", () => {
    const g = weightGradient(3);
    const [r0, g0, b0] = viridisRgb(0);
    const [r1, g1, b1] = viridisRgb(1);
    expect(g.startsWith(`linear-gradient(to right, rgb(${r0}, ${g0}, ${b0}) 0%`)).toBe(true);
    expect(g.endsWith(`rgb(${r1}, ${g1}, ${b1}) 100%)`)).toBe(true);
    expect(r0 + g0 + b0).toBeLessThan(r1 + g1 + b1); // 0 is dark, 1 is light: readable without hue
    expect(WEIGHT_TICKS).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it("the mask rule is the forward's: a future key, or one outside the sliding window", () => {
    expect(isMaskedKey(1, 2, null)).toBe(true);
    expect(isMaskedKey(2, 0, null)).toBe(false);
    expect(isMaskedKey(9, 3, 6)).toBe(true); // 6 positions back with a window of 6
    expect(isMaskedKey(9, 4, 6)).toBe(false);
    expect(mapCellSize(127)).toBeGreaterThanOrEqual(14); // one readable 11 px label per row
  });

  it("the heads grid carries the same colour scale", async () => {
    const { default: ModelGrid } = await import("../components/detail/ModelGrid.svelte");
    const d = state();
    d.grid = { schema_version: "2.0", kind: "attention_grid", patterns: f32(new Array(2 * 2 * 9).fill(0.5), ["layer", "head", "query_pos", "key_pos"], [2, 2, 3, 3]) };
    render(ModelGrid, { detail: d });
    expect(screen.getByTestId("weight-scale").dataset.scale).toBe("viridis");
    expect(screen.getByTestId("grid-hint").textContent).toBe(en["inside.gridHint"]);
    expect(screen.queryByTestId("grid-pooled")).toBeNull(); // whole maps: nothing to say
  });

  it("a pooled grid says what each cell is", async () => {
    const { default: ModelGrid } = await import("../components/detail/ModelGrid.svelte");
    const d = state();
    d.grid = { schema_version: "2.0", kind: "attention_grid", block: 4, patterns: f32(new Array(2 * 2 * 9).fill(0.5), ["layer", "head", "query_pos", "key_pos"], [2, 2, 3, 3]) };
    render(ModelGrid, { detail: d });
    const note = screen.getByTestId("grid-pooled");
    expect(note.dataset.block).toBe("4");
    expect(note.textContent).toBe(en["inside.gridPooled"].replaceAll("{block}", "4"));
  });
});

describe("the logit lens opens at the selected position", () => {
  const LENS: LogitLens = {
    schema_version: "2.0",
    kind: "logit_lens",
    layers: [{ layer: null, part: "embed" }, { layer: 0, part: "block" }],
    positions: [0, 1, 2],
    cells: [0, 1].flatMap((layer) => [0, 1, 2].map((pos) => ({ layer, pos, top: [{ token: tok(10 * layer + pos, `t${layer}${pos}`), prob: 0.25 }] }))),
  };

  it("its column is marked and its top-k is open (not position 0's)", () => {
    const d = state(1);
    d.lens = LENS;
    render(LogitLensView, { detail: d });
    const topk = screen.getByTestId("lens-topk");
    expect([topk.dataset.layer, topk.dataset.pos]).toEqual(["1", "1"]);
    const marked = [...document.querySelectorAll<HTMLElement>("[data-testid=logit-lens] thead th[data-selected=true]")];
    expect(marked.map((th) => th.dataset.pos)).toEqual(["1"]);
    expect(screen.getAllByTestId("lens-track").map((b) => b.dataset.tokenId)).toEqual(["11"]);
  });

  it("the last position when none is chosen; a cell in another column selects that position", async () => {
    const d = state();
    d.lens = LENS;
    render(LogitLensView, { detail: d });
    expect(screen.getByTestId("lens-topk").dataset.pos).toBe("2");
    const cell = must(document.querySelector<HTMLButtonElement>("[data-testid=logit-lens-cell][data-layer='0'][data-pos='0']"));
    await fireEvent.click(cell);
    expect(d.position).toBe(0);
    const topk = screen.getByTestId("lens-topk");
    expect([topk.dataset.layer, topk.dataset.pos]).toEqual(["0", "0"]);
  });
});

describe("keepVisible: the scroll offset that keeps the selected row in view", () => {
  it("leaves a visible row alone and centres a hidden one, never before 0", () => {
    expect(keepVisible(0, 300, 100, 18)).toBe(0);
    expect(keepVisible(0, 300, 2000, 18)).toBe(2000 + 9 - 150);
    expect(keepVisible(2000, 300, 10, 18)).toBe(0);
    expect(keepVisible(100, 300, 390, 18)).toBe(Math.round(390 + 9 - 150)); // half out at the bottom
  });
});
