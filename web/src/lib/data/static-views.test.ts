/**
 * The exported Why and Circuits views answer exactly the requests their files hold (the route's payload, rebuilt
 * from the file's shared fields), and reject every other request with `not_built` and the page's reason — never
 * a neighbouring answer. The payloads here are small hand-made files in the shapes `glassbox.export_views` writes.
 */
import { describe, expect, test } from "vitest";
import type {
  CircuitsExport,
  StaticManifest,
  WhyExport,
} from "../generated/schema";
import { en } from "../i18n/catalogs/en";
import { ApiFailure } from "./failure";
import { ExportedViews } from "./static-views";

const tok = (id: number, text: string) => ({
  id,
  text,
  bytes_hex: "",
  is_special: false,
  partial_utf8: false,
});

const manifest: StaticManifest = {
  kind: "static_manifest",
  glassbox_version: "0",
  models: {
    models: [
      {
        id: "tiny",
        info: {} as StaticManifest["models"]["models"][number]["info"],
        eos_token_ids: [],
      },
    ],
    default_model: "tiny",
    limits: { max_prompt_tokens: 16, max_new_tokens: 2, max_top_k: 8 },
  },
  prompts: [
    {
      key: "p0001",
      prompt: "Hi there",
      n_tokens: 2,
      n_generated: 2,
      bytes: 1,
      why: "p0001-why",
      circuits: "p0001-circuits",
    },
    {
      key: "p0002",
      prompt: "Bare",
      n_tokens: 1,
      n_generated: 2,
      bytes: 1,
      why: null,
      circuits: null,
    },
  ],
};

const why: WhyExport = {
  kind: "why_export",
  schema_version: "9",
  model: "tiny",
  prompt: "Hi there",
  tokens: [tok(1, "Hi"), tok(2, " there")],
  top_id: 7,
  n_steps: 32,
  n_samples: 16,
  seed: 0,
  attributions: [
    {
      method: "gradient_x_input",
      target: tok(7, "!"),
      scores: [0.5, -0.25],
      f: -1.5,
    },
    {
      method: "gradient_x_input",
      target: tok(8, "?"),
      scores: [0.125, 0.75],
      f: -2.5,
    },
    {
      method: "integrated_gradients",
      target: tok(7, "!"),
      scores: [1, 2],
      f: -1.5,
      f_baseline: -4.5,
      delta: 0.001,
    },
  ],
  matrices: [
    {
      generated_ids: [],
      max_new_tokens: 6,
      matrix: {
        kind: "attribution_matrix",
        model: "x",
        method: "occlusion",
        tokens: [],
        n_prompt: 2,
        rows: [],
      },
    },
    {
      generated_ids: [7, 8],
      max_new_tokens: 6,
      matrix: {
        kind: "attribution_matrix",
        model: "x",
        method: "shapley",
        tokens: [],
        n_prompt: 2,
        rows: [],
        seed: 0,
      },
    },
  ],
  score: {
    kind: "text_score",
    model: "x",
    tokens: [],
    perplexity: 3,
    mean_logprob: -1.1,
    n_scored: 1,
  },
};

const graph = {
  kind: "circuits_graph",
  model: "tiny",
  prompt: "Hi there",
  nodes: [],
} as unknown as CircuitsExport["graph"];
const circuits: CircuitsExport = {
  kind: "circuits_export",
  info: {
    kind: "circuits_info",
    model: "tiny",
    available: true,
    transcoders: "tc",
    n_layers: 2,
  },
  graph,
  cards: [
    {
      kind: "feature_card",
      model: "tiny",
      layer: 1,
      feature: 5,
      label: "five",
    } as CircuitsExport["cards"][number],
  ],
};

const files: Record<string, unknown> = {
  "p0001-why": why,
  "p0001-circuits": circuits,
};
const loaded: string[] = [];
const views = new ExportedViews(manifest, <T>(key: string) => {
  loaded.push(key);
  return key in files
    ? Promise.resolve(files[key] as T)
    : Promise.reject(new ApiFailure("not_found", key));
});

async function failure(p: Promise<unknown>): Promise<ApiFailure> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiFailure) return err;
    throw err;
  }
  throw new Error("expected a rejection");
}

describe("the exported Why view", () => {
  test("no target means the model's top token; the payload is the route's", async () => {
    const a = await views.attribute({ model: "tiny", prompt: "Hi there" });
    expect(a).toMatchObject({
      kind: "attribution",
      schema_version: "9",
      model: "tiny",
      method: "gradient_x_input",
    });
    expect(a.target.id).toBe(7);
    expect(a.scores).toEqual([0.5, -0.25]);
    expect(a.tokens).toBe(why.tokens);
    expect([a.foil, a.n_steps, a.n_samples, a.seed]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    const other = await views.attribute({
      model: "tiny",
      prompt: "Hi there",
      target: 8,
    });
    expect(other.f).toBe(-2.5);
  });

  test("integrated gradients carry the file's steps and their baseline and delta", async () => {
    const a = await views.attribute({
      model: "tiny",
      prompt: "Hi there",
      method: "integrated_gradients",
      n_steps: 32,
    });
    expect([a.n_steps, a.f_baseline, a.delta]).toEqual([32, -4.5, 0.001]);
  });

  test("a foil, other options, a typed token or a target not exported is not answered", async () => {
    const asks = [
      { target: 7, foil: 8 },
      { method: "integrated_gradients" as const, n_steps: 64 },
      { target: "!" },
      { target: 9 },
      { method: "occlusion" as const },
    ];
    for (const ask of asks) {
      const f = await failure(
        views.attribute({ model: "tiny", prompt: "Hi there", ...ask }),
      );
      expect(f.code).toBe("not_built");
      expect(f.message).toBe(en["exportViews.whyOther"]);
    }
  });

  test("the attribution across a generation: the greedy one of the form's length, or the exported generation", async () => {
    const greedy = await views.attributionMatrix({
      model: "tiny",
      prompt: "Hi there",
      method: "occlusion",
      max_new_tokens: 6,
    });
    expect(greedy).toMatchObject({ method: "occlusion", model: "tiny" });
    const gen = await views.attributionMatrix({
      model: "tiny",
      prompt: "Hi there",
      method: "shapley",
      generated_ids: [7, 8],
    });
    expect(gen.method).toBe("shapley");
    for (const ask of [
      { method: "occlusion" as const, max_new_tokens: 5 },
      { method: "shapley" as const, generated_ids: [7] }, // a prefix: Shapley's permutations differ, not the same rows
      { method: "shapley" as const, generated_ids: [7, 8], seed: 1 },
    ]) {
      const f = await failure(
        views.attributionMatrix({ model: "tiny", prompt: "Hi there", ...ask }),
      );
      expect(f.code).toBe("not_built");
      expect(f.message).toContain("6");
    }
  });

  test("the logprobs of the prompt's own text only", async () => {
    expect(
      (await views.scoreText({ model: "tiny", text: "Hi there", k: 5 }))
        .perplexity,
    ).toBe(3);
    expect(
      (await failure(views.scoreText({ model: "tiny", text: "Hi" }))).message,
    ).toBe(en["exportViews.scoreOther"]);
    expect(
      (
        await failure(
          views.scoreText({ model: "tiny", text: "Hi there", k: 3 }),
        )
      ).code,
    ).toBe("not_built");
  });

  test("a prompt exported without its Why file says so; a prompt not exported is refused", async () => {
    expect(
      (await failure(views.attribute({ model: "tiny", prompt: "Bare" })))
        .message,
    ).toBe(en["exportViews.whyLeftOut"]);
    expect(
      (await failure(views.attribute({ model: "tiny", prompt: "New" })))
        .message,
    ).toBe(en["export.newPrompt"]);
  });
});

describe("the exported Circuits view", () => {
  test("the exported graph opens as a finished job; its cards answer", async () => {
    expect((await views.circuitsInfo("tiny")).available).toBe(true);
    const job = await views.circuitsStart({
      model: "tiny",
      prompt: "Hi there",
    });
    expect(job.state).toBe("done");
    expect((await views.circuitsJob(job.job_id)).state).toBe("done");
    expect(await views.circuitsGraph(job.job_id)).toBe(graph);
    expect((await views.circuitsFeature("tiny", 1, 5)).label).toBe("five");
    expect((await failure(views.circuitsFeature("tiny", 1, 6))).message).toBe(
      en["exportViews.noCard"],
    );
  });

  test("another logit, an edited prompt or a prompt without a graph are refused with the reason", async () => {
    const logit = await failure(
      views.circuitsStart({
        model: "tiny",
        prompt: "Hi there",
        logit_token_id: 8,
      }),
    );
    expect(logit.message).toBe(en["exportViews.otherLogit"]);
    expect(
      (await failure(views.circuitsStart({ model: "tiny", prompt: "Hi" })))
        .message,
    ).toBe(en["exportViews.otherPrompt"]);
    expect(
      (await failure(views.circuitsStart({ model: "tiny", prompt: "Bare" })))
        .message,
    ).toBe(en["exportViews.circuitsLeftOut"]);
    expect((await failure(views.circuitsGraph("p0002-circuits"))).code).toBe(
      "not_found",
    );
  });

  test("an export with no graph says it has none instead of failing", async () => {
    const none = new ExportedViews(
      { ...manifest, prompts: manifest.prompts.slice(1) },
      () => Promise.reject(new Error("no")),
    );
    const info = await none.circuitsInfo("tiny");
    expect(info.available).toBe(false);
    expect(info.reason).toBe(en["exportViews.circuitsLeftOut"]);
  });
});
