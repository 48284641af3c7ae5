/** The "Why?" state classes ask the data source exactly what the forms say, and keep only the newest answer. */
import { describe, expect, it } from "vitest";
import { fakeSource } from "../data/fake";
import { ApiFailure } from "../data/failure";
import type {
  AblateRequest,
  Ablation,
  AttributeRequest,
  Attribution,
  DlaRequest,
  DirectLogitAttribution,
  PatchCellRequest,
  PatchedCell,
  ScoreRequest,
  TextScore,
} from "../generated/schema";
import { dlaGrid, exact, halfRange, signedColours } from "./format";
import { AblationState, ContributionsState } from "./interventions.svelte";
import { readWhyUrl, WhyState, writeWhyUrl } from "./state.svelte";

const tok = (id: number, text: string) => ({
  id,
  text,
  bytes_hex: "",
  is_special: false,
  partial_utf8: false,
});
const TEXT = { model: "m", prompt: "a b", generated_ids: [] };

function attribution(req: AttributeRequest): Attribution {
  return {
    model: req.model,
    method: req.method ?? "gradient_x_input",
    tokens: [tok(1, "a"), tok(2, " b")],
    scores: [0.5, -0.25],
    target: tok(3, " c"),
    f: -1,
  };
}

describe("WhyState", () => {
  it("sends only the options the chosen method reads, and the target and foil as chosen", async () => {
    const asked: AttributeRequest[] = [];
    const why = new WhyState(
      fakeSource({ attribute: async (r) => (asked.push(r), attribution(r)) }),
    );
    await why.attribute("m", "a b");
    why.method = "integrated_gradients";
    why.options.nSteps = 8;
    why.target = 7;
    why.foil = " x";
    await why.attribute("m", "a b");
    why.method = "shapley";
    why.foil = "";
    await why.attribute("m", "a b");
    expect(asked).toEqual([
      { model: "m", prompt: "a b", method: "gradient_x_input" },
      {
        model: "m",
        prompt: "a b",
        method: "integrated_gradients",
        n_steps: 8,
        target: 7,
        foil: " x",
      },
      {
        model: "m",
        prompt: "a b",
        method: "shapley",
        n_samples: 16,
        seed: 0,
        target: 7,
      },
    ]);
    expect(why.attribution.value?.scores).toEqual([0.5, -0.25]);
  });

  it("drops an older answer that arrives after a newer one, and shows a failure without a stale answer", async () => {
    const resolvers: ((a: Attribution) => void)[] = [];
    const why = new WhyState(
      fakeSource({
        attribute: () => new Promise((res) => resolvers.push(res)),
      }),
    );
    const first = why.attribute("m", "old");
    const second = why.attribute("m", "new");
    resolvers[1]?.({ ...attribution({ model: "m", prompt: "new" }), f: 2 });
    await second;
    resolvers[0]?.({ ...attribution({ model: "m", prompt: "old" }), f: 1 });
    await first;
    expect(why.attribution.value?.f).toBe(2);
    expect(why.attribution.asked?.prompt).toBe("new");

    const failing = new WhyState(
      fakeSource({
        attribute: () =>
          Promise.reject(new ApiFailure("invalid_input", "two tokens")),
      }),
    );
    await failing.attribute("m", "x");
    expect(failing.attribution.error?.code).toBe("invalid_input");
    expect(failing.attribution.value).toBeNull();
  });

  it("scores the text with every chosen model, side by side, the page's model by default", async () => {
    const asked: ScoreRequest[] = [];
    const score = async (r: ScoreRequest): Promise<TextScore> => {
      asked.push(r);
      return {
        model: r.model,
        tokens: [],
        perplexity: 1,
        mean_logprob: 0,
        n_scored: 0,
      };
    };
    const why = new WhyState(fakeSource({ scoreText: score }));
    why.text = "hello";
    await why.score("a");
    why.toggleScoreModel("b", true, "a");
    await why.score("a");
    why.toggleScoreModel("a", false, "a");
    why.toggleScoreModel("b", false, "a"); // never none: falls back to the page's model
    expect(why.scoreModels).toEqual(["a"]);
    expect(asked.map((r) => r.model)).toEqual(["a", "a", "b"]);
    expect(why.scores.value?.map((s) => s.model)).toEqual(["a", "b"]);
  });

  it("patches with the form's prompts and forgets the clicked cell on a new run", async () => {
    const why = new WhyState(
      fakeSource({
        patch: async (r) => ({
          model: r.model,
          site: r.site ?? "resid_pre",
          clean_tokens: [],
          corrupted_tokens: [],
          answer: tok(1, "a"),
          wrong: tok(2, "b"),
          clean: 1,
          corrupted: 0,
          effect: {
            dtype: "float32",
            shape: [1, 1],
            dims: ["layer", "pos"],
            data: "AAAAAA==",
          },
        }),
      }),
    );
    why.seed("p", { clean: "c", corrupted: "k", answer: " a", wrong: " b" });
    why.cell = [0, 0];
    await why.runPatching("m");
    expect(why.cell).toBeNull();
    expect(why.patching.asked).toEqual({
      model: "m",
      clean: "c",
      corrupted: "k",
      answer: " a",
      wrong: " b",
      site: "resid_pre",
    });
    expect(why.text).toBe("p");
  });

  it("opens a clicked cell with the request the map on screen answers, not the edited form", async () => {
    const asked: PatchCellRequest[] = [];
    const f32 = {
      dtype: "float32" as const,
      shape: [0],
      dims: ["d_vocab" as const],
      data: "",
    };
    const why = new WhyState(
      fakeSource({
        patch: async (r) => ({
          model: r.model,
          site: r.site ?? "resid_pre",
          clean_tokens: [],
          corrupted_tokens: [],
          answer: tok(1, "a"),
          wrong: tok(2, "b"),
          clean: 1,
          corrupted: 0,
          effect: {
            dtype: "float32",
            shape: [1, 1, 1],
            dims: ["layer", "pos", "head"],
            data: "AAAAAA==",
          },
        }),
        patchCell: async (r): Promise<PatchedCell> => {
          asked.push(r);
          return {
            model: r.model,
            site: r.site ?? "resid_pre",
            layer: r.layer,
            pos: r.pos,
            head: r.head ?? null,
            patched_token: tok(4, "c"),
            answer: tok(1, "a"),
            wrong: tok(2, "b"),
            clean: 1,
            corrupted: 0,
            value: 0.5,
            logits_corrupted: f32,
            logits_patched: f32,
            top_corrupted: [],
            top_patched: [],
            changes: [],
          };
        },
      }),
    );
    why.seed("p", { clean: "c", corrupted: "k", answer: " a", wrong: " b" });
    why.site = "head_result";
    await why.openCell([0, 0, 0]); // no map yet: nothing to open
    expect(asked).toEqual([]);
    await why.runPatching("m");
    why.clean = "edited after the run";
    await why.openCell([2, 5, 1]);
    expect(why.cell).toEqual([2, 5, 1]);
    expect(asked).toEqual([
      {
        model: "m",
        clean: "c",
        corrupted: "k",
        answer: " a",
        wrong: " b",
        site: "head_result",
        layer: 2,
        pos: 5,
        head: 1,
      },
    ]);
    expect(why.cellDist.value?.value).toBe(0.5);
    await why.runPatching("m"); // a new map: the opened cell belongs to the old one
    expect(why.cellDist.value).toBeNull();
    expect(why.cell).toBeNull();
  });

  it("keeps its section in the URL", () => {
    expect(readWhyUrl("?view=why&why=patching")).toEqual({
      section: "patching",
    });
    expect(readWhyUrl("?why=nonsense")).toEqual({});
    expect(writeWhyUrl({ section: "score" })).toBe("why=score");
  });
});

describe("interventions", () => {
  it("switches heads and neurons off and on, several at once, asking again each time", async () => {
    const asked: AblateRequest[] = [];
    const ablate = async (r: AblateRequest): Promise<Ablation> => {
      asked.push(r);
      const f32 = {
        dtype: "float32" as const,
        shape: [0],
        dims: ["d_vocab" as const],
        data: "",
      };
      return {
        model: r.model,
        mode: r.mode ?? "zero",
        heads: r.heads ?? [],
        neurons: r.neurons ?? [],
        tokens: [],
        logits_before: f32,
        logits_after: f32,
        top_before: [],
        top_after: [],
        changes: [],
      };
    };
    const s = new AblationState(fakeSource({ ablate }));
    s.setText(TEXT);
    expect(asked).toEqual([]); // nothing off: nothing to ask
    s.toggleHead(0, 1);
    s.toggleHead(2, 3);
    s.toggleNeuron(1, 40);
    await s.refresh();
    expect(s.isHeadOff(2, 3)).toBe(true);
    expect(asked.at(-1)).toEqual({
      model: "m",
      prompt: "a b",
      heads: [
        { layer: 0, head: 1 },
        { layer: 2, head: 3 },
      ],
      neurons: [{ layer: 1, neuron: 40 }],
      mode: "zero",
      k: 10,
      generated_ids: [],
    });
    // after a generation, "before" is the detailed view's last position: the continuation is sent too
    s.setText({ ...TEXT, generated_ids: [7, 9] });
    await s.refresh();
    expect(asked.at(-1)?.generated_ids).toEqual([7, 9]);
    expect(asked.at(-1)?.prompt).toBe("a b");
    s.toggleHead(0, 1);
    s.setMode("mean");
    await s.refresh();
    expect(asked.at(-1)?.heads).toEqual([{ layer: 2, head: 3 }]);
    expect(asked.at(-1)?.mode).toBe("mean");
    s.setText({ ...TEXT, model: "other" }); // another model's heads are other heads
    expect(s.count).toBe(0);
  });

  it("attributes the chosen token, and asks nothing twice for the same text and token", async () => {
    const asked: DlaRequest[] = [];
    const dla = async (r: DlaRequest): Promise<DirectLogitAttribution> => (
      asked.push(r),
      { target: tok(5, " c"), pos: 1, logit: 3, total: 3, contributions: [] }
    );
    const c = new ContributionsState(fakeSource({ dla }));
    await c.load(TEXT);
    await c.load(TEXT);
    await c.choose(9, TEXT);
    await c.load(TEXT);
    expect(asked).toEqual([
      { model: "m", prompt: "a b", generated_ids: [] },
      { model: "m", prompt: "a b", generated_ids: [], target: 9 },
    ]);
  });
});

describe("format", () => {
  it("writes float32 values so that they parse back exactly", () => {
    const values = new Float32Array([
      0.1, -3.4028234663852886e38, 1.401298464324817e-45, 12345.678, -0.0078125,
    ]);
    for (const v of values) expect(Math.fround(Number(exact(v)))).toBe(v);
    expect(exact(-Infinity)).toBe("-Infinity");
  });
  it("lays the contributions out as layers × (heads + MLP), the rest apart", () => {
    const g = dlaGrid(
      [
        { kind: "embed", value: 0.5 },
        { kind: "head", layer: 0, head: 1, value: 2 },
        { kind: "mlp", layer: 1, value: -1 },
        { kind: "attn_bias", layer: 1, value: 0.1 },
      ],
      2,
      2,
    );
    expect(Array.from(g.values)).toEqual([0, 2, 0, 0, 0, -1]);
    expect(g.rest.map((r) => r.kind)).toEqual(["embed", "attn_bias"]);
  });
  it("centres the colour scale at 0 and keeps text readable", () => {
    expect(halfRange([0, -2, 1, NaN])).toBe(2);
    expect(halfRange([0, 0])).toBe(1);
    expect(signedColours(0, 1).background).toBe("rgb(247, 247, 247)");
    expect(signedColours(-1, 1).color).toBe("#fff");
    expect(signedColours(0, 1).color).toBe("#000");
  });
});
