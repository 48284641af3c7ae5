/** The detailed view's pure helpers and components render the server's numbers, never their own. */
import { render, screen } from "@testing-library/svelte";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { DetailOverview, LogitLens, MlpDetail, ModelInfo, Site, TensorPayload } from "../generated/schema";
import Overview from "../components/detail/Overview.svelte";
import LogitLensView from "../components/detail/LogitLensView.svelte";
import MlpView from "../components/detail/MlpView.svelte";
import ResidualView from "../components/detail/ResidualView.svelte";
import { blockShape, residualStages } from "./architecture";
import { ATTENTION_STEPS, softmax } from "./attention";
import { LruCache } from "./cache";
import { diverging, maxAbs, parseRgb } from "../d3/colour";
import { num } from "../d3/format";
import { fakeSource } from "../data/fake";
import { DetailState } from "./state.svelte";
import { isSite, siteLabel } from "./sites";
import { i18n, loadLanguage } from "../i18n/i18n.svelte";
import { range, readDetailUrl, wrap, writeDetailUrl } from "./selection";

const INFO: ModelInfo = {
  name: "m",
  architecture: "GPT2LMHeadModel",
  family: "gpt2",
  model_type: "gpt2",
  n_layers: 3,
  n_heads: 4,
  n_kv_heads: 4,
  d_model: 8,
  d_head: 2,
  d_mlp: 32,
  d_vocab: 10,
  n_ctx: 64,
  positional: "learned",
  norm: "layernorm",
  activation: "gelu_new",
  gated_mlp: false,
  parallel_block: false,
  qk_norm: false,
  post_norm: false,
  n_params: 1000,
  dtype: "float32",
  device: "cpu",
};

function f32(values: number[], dims: TensorPayload["dims"]): TensorPayload {
  const bytes = new Uint8Array(new Float32Array(values).buffer);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return { dtype: "float32", shape: [values.length], dims, data: btoa(bin) };
}

const tok = (id: number, text: string) => ({ id, text, bytes_hex: "", is_special: false, partial_utf8: false });

describe("architecture", () => {
  it("follows the model: pre-norm, parallel (Cohere) and post-norm (OLMo) blocks", () => {
    expect(blockShape(INFO).stages).toEqual(["norm1", "attention", "add1", "norm2", "mlp", "add2"]);
    const cohere = blockShape({ ...INFO, parallel_block: true, gated_mlp: true, n_kv_heads: 2 });
    expect(cohere.stages).toEqual(["norm1", "attention", "mlp", "add1"]);
    expect(cohere.attention).toBe("GQA");
    expect(cohere.mlp).toBe("gated");
    const olmo = blockShape({ ...INFO, post_norm: true, norm: "rmsnorm", positional: "rotary" });
    expect(olmo.stages).not.toContain("norm1");
    expect(olmo.norm).toBe("RMSNorm");
    expect(olmo.rotary).toBe(true);
    expect(blockShape({ ...INFO, n_kv_heads: 1 }).attention).toBe("MQA");
    expect(blockShape({ ...INFO, post_norm: true, pre_norm: false }).stages).toEqual(olmo.stages);
    // Gemma's sandwich: a norm before and after each sublayer
    const gemma = blockShape({ ...INFO, post_norm: true, pre_norm: true, norm: "rmsnorm", positional: "rotary" });
    expect(gemma.stages).toEqual(["norm1", "attention", "post_attn_norm", "add1", "norm2", "mlp", "post_mlp_norm", "add2"]);
    // GPT-NeoX's parallel block: the MLP reads its own norm of the block's input
    const neox = blockShape({ ...INFO, parallel_block: true, parallel_mlp_norm: true, positional: "rotary" });
    expect(neox.stages).toEqual(["norm1", "attention", "norm2", "mlp", "add1"]);
    expect(neox.parallelOwnNorms).toBe(true);
    expect(cohere.parallelOwnNorms).toBe(false);
  });
  it("finds each sublayer's residual stage by structure", () => {
    const embed: Site = { layer: null, part: "embed" };
    expect(residualStages([embed, { layer: 0, part: "attn" }, { layer: 0, part: "mlp" }], 0)).toEqual({ attn: 1, mlp: 2 });
    expect(residualStages([embed, { layer: 0, part: "attn_mlp" }], 0)).toEqual({ attn: 1, mlp: 1 });
    expect(residualStages([embed, { layer: 1, part: "attn" }, { layer: 1, part: "mlp" }], 0)).toEqual({ attn: -1, mlp: -1 });
  });
});

describe("sites", () => {
  it("words a site from its structure, in the reader's language", async () => {
    const lang = i18n.lang;
    await loadLanguage("fr"); // only English ships with the page; French is fetched like the picker does
    i18n.lang = "en";
    expect(siteLabel({ part: "embed" })).toBe("embed");
    expect(siteLabel({ layer: 3, part: "attn" })).toBe("L3 attn");
    expect(siteLabel({ layer: 0, part: "mlp" })).toBe("L0 mlp");
    expect(siteLabel({ layer: 3, part: "attn_mlp" })).toBe("L3 attn+mlp");
    expect(siteLabel({ layer: 2, part: "block" })).toBe("block 2");
    expect(siteLabel({ layer: 0, part: "ln1" })).toBe("blocks.0.ln1");
    expect(siteLabel({ layer: null, part: "ln_final" })).toBe("ln_final");
    i18n.lang = "fr";
    expect(siteLabel({ layer: 2, part: "block" })).toBe("bloc 2");
    i18n.lang = lang;
  });
  it("matches sites by layer and part (an absent layer is outside the blocks)", () => {
    expect(isSite({ part: "ln_final" }, null, "ln_final")).toBe(true);
    expect(isSite({ layer: null, part: "ln_final" }, null, "ln_final")).toBe(true);
    expect(isSite({ layer: 0, part: "ln1" }, null, "ln1")).toBe(false);
    expect(isSite({ layer: 0, part: "ln1" }, 0, "ln2")).toBe(false);
  });
});

describe("pure helpers", () => {
  it("softmax gives masked scores exactly 0 and sums to 1", () => {
    const w = softmax([1, 2, -Infinity]);
    expect(w[2]).toBe(0);
    expect((w[0] ?? 0) + (w[1] ?? 0)).toBeCloseTo(1, 12);
    expect(w[1]).toBeCloseTo(Math.E / (1 + Math.E), 12);
    expect(ATTENTION_STEPS).toHaveLength(8);
  });
  it("colours: blue for negative, orange for positive, white at 0", () => {
    expect(diverging(0, 1)).toBe("rgb(247, 247, 247)");
    expect(diverging(-1, 1)).toBe("rgb(33, 102, 172)");
    expect(diverging(5, 1)).toBe("rgb(230, 97, 1)");
    expect(maxAbs([1, -3, Number.NEGATIVE_INFINITY])).toBe(3);
    expect(parseRgb("#ff8000")).toEqual([255, 128, 0]);
    expect(parseRgb("rgb(1, 2, 3)")).toEqual([1, 2, 3]);
    expect(num(-Infinity)).toBe("−∞");
    expect(num(-0.5)).toBe("−0.5000");
  });
  it("the URL round-trips the selection and rejects nonsense", () => {
    const s = writeDetailUrl({ panel: "mlp", layer: 2, head: 1, pos: 4 });
    expect(readDetailUrl(`?${s}`)).toEqual({ panel: "mlp", layer: 2, head: 1, pos: 4 });
    expect(readDetailUrl("?panel=evil&layer=-1&head=x")).toEqual({});
    expect(wrap(-1, 4)).toBe(3);
    expect(wrap(4, 4)).toBe(0);
    expect(range(3)).toEqual([0, 1, 2]);
  });
  it("the slice cache drops the least recently used", () => {
    const c = new LruCache<number>(2);
    c.set("a", 1);
    c.set("b", 2);
    c.get("a");
    c.set("c", 3);
    expect(c.get("b")).toBeUndefined();
    expect(c.get("a")).toBe(1);
    expect(c.length).toBe(2);
  });
});

function stateWith(): DetailState {
  const d = new DetailState(fakeSource(), { layer: 1 });
  const overview: DetailOverview = {
    schema_version: "2.0",
    kind: "detail_overview",
    model: "m",
    info: INFO,
    tokens: [tok(0, "<img src=x onerror=alert(1)>"), tok(1, "b")],
    residual: {
      schema_version: "2.0",
      kind: "residual_stream",
      stages: [
        { layer: null, part: "embed" },
        ...[0, 1, 2].flatMap((layer): Site[] => [
          { layer, part: "attn" },
          { layer, part: "mlp" },
        ]),
      ],
      resid_norm: [1, 2, 3, 4, 5, 6, 7].map((x) => [x, x * 10]),
      added_norm: [1, 2, 3, 4, 5, 6, 7].map((x) => [x, x / 10]),
      norms: [
        { site: { layer: 1, part: "ln1" }, kind: "layernorm", mean: [0, 0], var: [1, 9], scale: [1, 0.25] },
        { site: { layer: null, part: "ln_final" }, kind: "layernorm", mean: [0, 0], var: [1, 4], scale: [1, 0.5] },
      ],
    },
    next_token: [{ token: tok(1, "b"), prob: 0.25 }],
  };
  d.overview = overview;
  return d;
}

describe("components", () => {
  // jsdom has no canvas; the strips simply draw nothing there
  beforeAll(() => {
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
  });

  it("the overview shows the real norms at the selected position and collapses the blocks", () => {
    const d = stateWith();
    render(Overview, { detail: d });
    const blocks = screen.getAllByTestId("block-node");
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.dataset.layer).toBe("1");
    expect(blocks[0]?.textContent).toContain("50.00"); // ‖resid‖ after L1 mlp at the last position
    expect(screen.getByTestId("overview").textContent).toContain("0.5000"); // ln_final's 1/σ there
    expect(document.querySelector("img")).toBeNull(); // token text is text, never HTML
  });

  it("an open block shows its own norm's 1/σ, found by its site", () => {
    const d = stateWith();
    d.layer = 1;
    d.openBlock = 1;
    render(Overview, { detail: d });
    const norm1 = screen.getAllByTestId("stage-node").find((n) => n.dataset.stage === "norm1");
    expect(norm1?.textContent).toContain("0.2500"); // blocks.1.ln1's 1/σ at the last position
  });

  it("the residual view words every stage and norm from its site", () => {
    const d = stateWith();
    render(ResidualView, { detail: d });
    const rows = screen.getAllByTestId("resid-norm");
    expect(rows.map((r) => r.querySelector("td")?.textContent)).toEqual([
      "embed",
      "L0 attn",
      "L0 mlp",
      "L1 attn",
      "L1 mlp",
      "L2 attn",
      "L2 mlp",
    ]);
    expect([rows[0]?.dataset.layer, rows[0]?.dataset.part]).toEqual([undefined, "embed"]);
    expect([rows[4]?.dataset.layer, rows[4]?.dataset.part, Number(rows[4]?.dataset.value)]).toEqual(["1", "mlp", 50]);
    const norms = screen.getAllByTestId("norm-stat");
    expect(norms.map((n) => n.querySelector("td")?.textContent)).toEqual(["blocks.1.ln1", "ln_final"]);
    expect(norms.map((n) => Number(n.dataset.scale))).toEqual([0.25, 0.5]);
  });

  it("the MLP view lists the server's neurons with their values", () => {
    const d = stateWith();
    const mlp: MlpDetail = {
      schema_version: "2.0",
      kind: "mlp",
      layer: 0,
      pos: 1,
      activation: "gelu_new",
      gated: false,
      pre: f32([0.5, -2], ["d_mlp"]),
      post: f32([0.3, -0.04], ["d_mlp"]),
      top: [
        { index: 0, pre: 0.5, post: 0.3, promotes: [{ token: tok(1, "b"), prob: 0, logit: 2 }], suppresses: [] },
        { index: 1, pre: -2, post: -0.04, promotes: [], suppresses: [] },
      ],
      out_norm: 1.5,
    };
    d.mlp = mlp;
    render(MlpView, { detail: d });
    const neurons = screen.getAllByTestId("neuron");
    expect(neurons.map((n) => [n.dataset.index, Number(n.dataset.value)])).toEqual([
      ["0", 0.3],
      ["1", -0.04],
    ]);
  });

  it("the logit lens shows one cell per layer × position with the top token's probability", () => {
    const d = stateWith();
    const lens: LogitLens = {
      schema_version: "2.0",
      kind: "logit_lens",
      layers: [
        { layer: null, part: "embed" },
        { layer: 0, part: "block" },
      ],
      positions: [0, 1],
      cells: [0, 1].flatMap((layer) =>
        [0, 1].map((pos) => ({ layer, pos, top: [{ token: tok(layer + pos, `t${layer}${pos}`), prob: 0.1 * (layer + pos + 1) }] })),
      ),
    };
    d.lens = lens;
    render(LogitLensView, { detail: d });
    const cells = screen.getAllByTestId("logit-lens-cell");
    expect(cells).toHaveLength(4);
    const last = cells.at(-1);
    expect(last?.dataset.layer).toBe("1");
    expect(last?.dataset.tokenId).toBe("2");
    expect(Number(last?.dataset.prob)).toBeCloseTo(0.3, 12);
    expect([...document.querySelectorAll("[data-testid=logit-lens] tbody th")].map((th) => th.textContent)).toEqual([
      "embed",
      "block 0",
    ]);
  });
});
