/**
 * The Why and Circuits views of a static export (`glassbox export`, issue 19 item 1): their answers come from each
 * prompt's `data/<key>-why.js` (a `WhyExport`) and `data/<key>-circuits.js` (a `CircuitsExport`), written ahead of
 * time by the same functions the server's routes call (`glassbox.export_views`). A request is answered only when
 * the file holds exactly that answer; anything else (another option, a foil, a typed token, another text or logit,
 * an intervention) rejects with `not_built` and says, in the page's language, what the export holds instead.
 * Nothing here computes a number.
 */
import type {
  AttributeRequest,
  Attribution,
  AttributionMatrix,
  AttributionMatrixRequest,
  CircuitsExport,
  CircuitsGraph,
  CircuitsGraphRequest,
  CircuitsInfo,
  CircuitsJob,
  ExportedPrompt,
  FeatureCard,
  ScoreRequest,
  StaticManifest,
  TextScore,
  WhyExport,
} from "../generated/schema";
import { t } from "../i18n/i18n.svelte";
import { ApiFailure } from "./failure";

/** The data file loader of `./static.ts` (passed in: that module builds this one). */
export type LoadData = <T>(key: string) => Promise<T>;

/** The alternatives per token the export scored the prompt with (`glassbox.export_views`; the Why view asks 5). */
const SCORE_K = 5;

type Method = NonNullable<AttributeRequest["method"]>;

/** The options a request asks for, with the server's defaults where it leaves them out (the file's own). */
function sameOptions(
  method: Method,
  req: { n_steps?: number; n_samples?: number; seed?: number },
  file: WhyExport,
): boolean {
  if (method === "integrated_gradients")
    return (req.n_steps ?? file.n_steps) === file.n_steps;
  if (method === "shapley") {
    return (
      (req.n_samples ?? file.n_samples) === file.n_samples &&
      (req.seed ?? file.seed) === file.seed
    );
  }
  return true; // the other methods read no option
}

const notBuilt = (message: string) => new ApiFailure("not_built", message);

/** What the Why and Circuits views read from a static export's files. */
export class ExportedViews {
  readonly #manifest: StaticManifest;
  readonly #load: LoadData;
  /** the circuits file of the last graph asked for: the feature cards it holds answer the card requests */
  #lastGraph: string | null = null;

  constructor(manifest: StaticManifest, load: LoadData) {
    this.#manifest = manifest;
    this.#load = load;
  }

  #entry(model: string, prompt: string): ExportedPrompt {
    const entry = this.#manifest.prompts.find((p) => p.prompt === prompt);
    if (!entry || !this.#manifest.models.models.some((m) => m.id === model)) {
      throw notBuilt(t("export.newPrompt"));
    }
    return entry;
  }

  async #why(model: string, prompt: string): Promise<WhyExport> {
    const entry = this.#entry(model, prompt);
    if (!entry.why) throw notBuilt(t("exportViews.whyLeftOut"));
    return this.#load<WhyExport>(entry.why);
  }

  attribute = async (req: AttributeRequest): Promise<Attribution> => {
    const file = await this.#why(req.model, req.prompt);
    const method = req.method ?? "gradient_x_input";
    const target = req.target ?? file.top_id;
    const found =
      req.foil == null &&
      typeof target === "number" &&
      sameOptions(method, req, file)
        ? file.attributions.find(
            (a) => a.method === method && a.target.id === target,
          )
        : undefined;
    if (!found) throw notBuilt(t("exportViews.whyOther"));
    // the route's payload: the fields every exported attribution shares, as `glassbox.analysis.attribute` sets them
    return {
      kind: "attribution",
      schema_version: file.schema_version,
      model: req.model,
      method,
      tokens: file.tokens,
      scores: found.scores,
      target: found.target,
      foil: null,
      f: found.f,
      f_baseline: found.f_baseline ?? null,
      delta: found.delta ?? null,
      n_steps: method === "integrated_gradients" ? file.n_steps : null,
      n_samples: method === "shapley" ? file.n_samples : null,
      seed: method === "shapley" ? file.seed : null,
    };
  };

  attributionMatrix = async (
    req: AttributionMatrixRequest,
  ): Promise<AttributionMatrix> => {
    const file = await this.#why(req.model, req.prompt);
    const method = req.method ?? "gradient_x_input";
    const ids = req.generated_ids ?? [];
    const greedy = file.matrices.find((m) => m.generated_ids.length === 0);
    const found = sameOptions(method, req, file)
      ? file.matrices.find(
          (m) =>
            m.matrix.method === method &&
            (ids.length === 0
              ? m.generated_ids.length === 0 &&
                (req.max_new_tokens ?? m.max_new_tokens) === m.max_new_tokens
              : m.generated_ids.length === ids.length &&
                m.generated_ids.every((id, i) => id === ids[i])),
        )
      : undefined;
    if (!found)
      throw notBuilt(
        t("exportViews.matrixOther", { n: greedy?.max_new_tokens ?? 0 }),
      );
    return { ...found.matrix, model: req.model };
  };

  scoreText = async (req: ScoreRequest): Promise<TextScore> => {
    const entry = this.#manifest.prompts.find((p) => p.prompt === req.text);
    if (
      !entry ||
      !this.#manifest.models.models.some((m) => m.id === req.model)
    ) {
      throw notBuilt(t("exportViews.scoreOther"));
    }
    const file = await this.#why(req.model, req.text);
    if (!file.score || (req.k ?? SCORE_K) !== SCORE_K) {
      throw notBuilt(t("exportViews.scoreOther"));
    }
    return { ...file.score, model: req.model };
  };

  // --- the Circuits view ----------------------------------------------------------------------------------

  #circuitsKeys(): string[] {
    return this.#manifest.prompts.flatMap((p) =>
      p.circuits ? [p.circuits] : [],
    );
  }

  circuitsInfo = async (model: string): Promise<CircuitsInfo> => {
    const key = this.#circuitsKeys()[0];
    if (
      !this.#manifest.models.models.some((m) => m.id === model) ||
      key === undefined
    ) {
      return {
        kind: "circuits_info",
        model,
        available: false,
        reason: t("exportViews.circuitsLeftOut"),
      };
    }
    return { ...(await this.#load<CircuitsExport>(key)).info, model };
  };

  /** A graph "job" is its file: answered at once, done (no attribution runs here). */
  circuitsStart = async (req: CircuitsGraphRequest): Promise<CircuitsJob> => {
    const entry = this.#manifest.prompts.find((p) => p.prompt === req.prompt);
    if (!entry) throw notBuilt(t("exportViews.otherPrompt"));
    if (
      !entry.circuits ||
      !this.#manifest.models.models.some((m) => m.id === req.model)
    ) {
      throw notBuilt(t("exportViews.circuitsLeftOut"));
    }
    if (req.logit_token_id != null) throw notBuilt(t("exportViews.otherLogit"));
    await this.#load<CircuitsExport>(entry.circuits); // a missing file fails here, not after "done"
    return {
      job_id: entry.circuits,
      state: "done",
      done: 0,
      total: 0,
      error: null,
    };
  };

  circuitsJob = async (jobId: string): Promise<CircuitsJob> => {
    if (!this.#circuitsKeys().includes(jobId))
      throw new ApiFailure("not_found", `no graph ${jobId} in this export`);
    return { job_id: jobId, state: "done", done: 0, total: 0, error: null };
  };

  circuitsGraph = async (jobId: string): Promise<CircuitsGraph> => {
    if (!this.#circuitsKeys().includes(jobId))
      throw new ApiFailure("not_found", `no graph ${jobId} in this export`);
    const file = await this.#load<CircuitsExport>(jobId);
    this.#lastGraph = jobId;
    return file.graph;
  };

  circuitsFeature = async (
    model: string,
    layer: number,
    feature: number,
  ): Promise<FeatureCard> => {
    const key = this.#lastGraph;
    const file = key === null ? null : await this.#load<CircuitsExport>(key);
    const card = file?.cards.find(
      (c) => c.layer === layer && c.feature === feature,
    );
    if (!card) throw notBuilt(t("exportViews.noCard"));
    return { ...card, model };
  };
}
