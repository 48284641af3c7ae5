/**
 * The "Why?" view's state: its four sections (input attribution, attribution across a generation, activation
 * patching, logprobs of a text), what each form holds, and the answers, all read through the `DataSource` it is
 * given. Nothing here computes a number: every score, effect and logprob on screen is the server's.
 */
import type { DataSource } from "../data/source";
import type {
  AttributeRequest,
  Attribution,
  AttributionMatrix,
  AttributionMatrixRequest,
  PatchCellRequest,
  PatchedCell,
  PatchRequest,
  Patching,
  ScoreRequest,
  TextScore,
} from "../generated/schema";
import { Query } from "./query.svelte";

import { type Method, type PatchSite, type Section, type TokenChoice, type WhyUrl } from "./url";

export { METHODS, readWhyUrl, SECTIONS, SITES, whyUrlParams, writeWhyUrl, type Method, type PatchSite, type Section, type TokenChoice } from "./url";

/**
 * The patching form's first example: the indirect-object sentence of the interpretability literature (Wang et al.,
 * "Interpretability in the Wild"), with the two names swapped in the corrupted prompt. It is a prompt, not UI text:
 * it stays in English, where both names are one token each and the two prompts have the same length.
 */
export const PATCH_EXAMPLE = {
  clean: "When Mary and John went to the shop, John gave a book to",
  corrupted: "When Mary and John went to the shop, Mary gave a book to",
  answer: " Mary",
  wrong: " John",
} as const;

/** A typed token as the request wants it: blank means "not given". */
function tokenRef(choice: TokenChoice): number | string | null {
  if (typeof choice === "string") return choice === "" ? null : choice;
  return choice;
}

/** The options each attribution method reads (the others are left at the server's defaults). */
export interface MethodOptions {
  nSteps: number;
  nSamples: number;
  seed: number;
}

function methodFields(
  method: Method,
  o: MethodOptions,
): Pick<AttributeRequest, "n_steps" | "n_samples" | "seed"> {
  if (method === "integrated_gradients") return { n_steps: o.nSteps };
  if (method === "shapley") return { n_samples: o.nSamples, seed: o.seed };
  return {};
}

export class WhyState {
  section = $state<Section>("attribution");

  // input attribution
  method = $state<Method>("gradient_x_input");
  options = $state<MethodOptions>({ nSteps: 32, nSamples: 16, seed: 0 });
  target = $state<TokenChoice>(null);
  foil = $state<TokenChoice>(null);
  readonly attribution: Query<AttributeRequest, Attribution>;

  // across a generation
  genMethod = $state<Method>("gradient_x_input");
  maxNewTokens = $state(6);
  readonly matrix: Query<AttributionMatrixRequest, AttributionMatrix>;

  // activation patching
  clean = $state("");
  corrupted = $state("");
  answer = $state("");
  wrong = $state("");
  site = $state<PatchSite>("resid_pre");
  readonly patching: Query<PatchRequest, Patching>;
  /** the clicked cell: [layer, pos] or [layer, pos, head] */
  cell = $state.raw<number[] | null>(null);
  /** the clicked cell opened: the next-token distribution after that one patch */
  readonly cellDist: Query<PatchCellRequest, PatchedCell>;

  // logprobs of a text
  text = $state("");
  /** the models the text is scored with, side by side (at least one) */
  scoreModels = $state.raw<string[]>([]);
  readonly scores: Query<ScoreRequest[], TextScore[]>;

  constructor(
    readonly source: DataSource,
    initial: WhyUrl = {},
  ) {
    if (initial.section) this.section = initial.section;
    if (initial.method) this.method = initial.method;
    if (initial.genMethod) this.genMethod = initial.genMethod;
    if (initial.site) this.site = initial.site;
    if (initial.target !== undefined) this.target = initial.target;
    if (initial.foil !== undefined) this.foil = initial.foil;
    this.attribution = new Query((req) => source.attribute(req));
    this.matrix = new Query((req) => source.attributionMatrix(req));
    this.patching = new Query((req) => source.patch(req));
    this.cellDist = new Query((req) => source.patchCell(req));
    // one request per model, in parallel: each model answers under its own lock on the server
    this.scores = new Query((reqs) =>
      Promise.all(reqs.map((r) => source.scoreText(r))),
    );
  }

  open(section: Section): void {
    this.section = section;
  }

  /** Fill the forms that are still empty from the page's prompt (the patching example has its own defaults). */
  seed(
    prompt: string,
    patchExample: {
      clean: string;
      corrupted: string;
      answer: string;
      wrong: string;
    },
  ): void {
    if (this.text === "") this.text = prompt;
    if (this.clean === "" && this.corrupted === "") {
      this.clean = patchExample.clean;
      this.corrupted = patchExample.corrupted;
      this.answer = patchExample.answer;
      this.wrong = patchExample.wrong;
    }
  }

  attributionRequest(model: string, prompt: string): AttributeRequest {
    const req: AttributeRequest = {
      model,
      prompt,
      method: this.method,
      ...methodFields(this.method, this.options),
    };
    const target = tokenRef(this.target);
    const foil = tokenRef(this.foil);
    if (target !== null) req.target = target;
    if (foil !== null) req.foil = foil;
    return req;
  }

  async attribute(model: string, prompt: string): Promise<void> {
    await this.attribution.run(this.attributionRequest(model, prompt));
  }

  /** Attribute the page's continuation (`generatedIds`), or a greedy one of `maxNewTokens` when there is none. */
  async attributeGeneration(
    model: string,
    prompt: string,
    generatedIds: number[],
  ): Promise<void> {
    const req: AttributionMatrixRequest = {
      model,
      prompt,
      generated_ids: generatedIds,
      max_new_tokens: this.maxNewTokens,
      method: this.genMethod,
      ...methodFields(this.genMethod, this.options),
    };
    await this.matrix.run(req);
  }

  async runPatching(model: string): Promise<void> {
    this.cell = null;
    this.cellDist.clear();
    await this.patching.run({
      model,
      clean: this.clean,
      corrupted: this.corrupted,
      answer: this.answer,
      wrong: this.wrong,
      site: this.site,
    });
  }

  /**
   * Open one cell of the map on screen: the request that map answers (not the form, which may have been edited
   * since) with that cell's layer, position and head.
   */
  async openCell(cell: number[]): Promise<void> {
    this.cell = cell;
    const asked = this.patching.asked;
    if (!asked) return;
    const [layer = 0, pos = 0, head] = cell;
    const req: PatchCellRequest = { ...asked, layer, pos };
    if (head !== undefined) req.head = head;
    await this.cellDist.run(req);
  }

  /** Score the text with every chosen model (the page's model when none is chosen). */
  async score(pageModel: string): Promise<void> {
    const models = this.scoreModels.length > 0 ? this.scoreModels : [pageModel];
    await this.scores.run(
      models.map((model) => ({ model, text: this.text, k: 5 })),
    );
  }

  toggleScoreModel(model: string, on: boolean, pageModel: string): void {
    const current =
      this.scoreModels.length > 0 ? this.scoreModels : [pageModel];
    const next = on
      ? [...current.filter((m) => m !== model), model]
      : current.filter((m) => m !== model);
    this.scoreModels = next.length > 0 ? next : [pageModel];
  }
}
