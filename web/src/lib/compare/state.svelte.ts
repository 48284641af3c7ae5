/**
 * The "models side by side" view's state: which served models are compared, on which prompt, and the server's
 * answer (`POST /api/compare`). A change of prompt or model asks again after a short pause; an answer to an older
 * question is dropped, so what is shown always belongs to the inputs shown.
 */
import type { ModelComparison } from "../generated/schema";
import { failureOf, type ApiFailure } from "../data/failure";
import type { DataSource } from "../data/source";

/** how long typing must pause before the models are asked again */
export const COMPARE_DEBOUNCE_MS = 400;
/** next tokens listed per model */
export const COMPARE_TOP_K = 10;

/** The second model to start with: the link's (`vs`) when served and not the first, else the first other one. */
export function pickOther(ids: readonly string[], first: string, linked: string | null): string {
  if (linked && linked !== first && ids.includes(linked)) return linked;
  return ids.find((id) => id !== first) ?? "";
}

export class CompareState {
  a = $state("");
  b = $state("");
  result = $state.raw<ModelComparison | null>(null);
  error = $state.raw<ApiFailure | null>(null);
  busy = $state(false);
  readonly #source: DataSource;
  #asked = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(source: DataSource) {
    this.#source = source;
  }

  /** true when the two chosen models can be compared (two different served models) */
  get ready(): boolean {
    return this.a !== "" && this.b !== "" && this.a !== this.b;
  }

  /** ask after `delay` ms (a newer call within it replaces this one) */
  schedule(prompt: string, delay = COMPARE_DEBOUNCE_MS): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.run(prompt), delay);
  }

  cancel(): void {
    clearTimeout(this.#timer);
    this.#asked += 1; // an answer still on its way is dropped
  }

  async run(prompt: string): Promise<void> {
    if (!this.ready || prompt === "") return;
    const asked = ++this.#asked;
    this.busy = true;
    try {
      const answer = await this.#source.compareModels({ models: [this.a, this.b], prompt, top_k: COMPARE_TOP_K });
      if (asked !== this.#asked) return;
      this.result = answer;
      this.error = null;
    } catch (e) {
      if (asked !== this.#asked) return;
      this.error = failureOf(e);
    } finally {
      if (asked === this.#asked) this.busy = false;
    }
  }
}

/** A line of the lens chart: one model's probability of its own final top token after each row, by depth. */
export interface DepthLine {
  model: string;
  points: { depth: number; prob: number; layer: number | null }[];
}

export function depthLines(c: ModelComparison): DepthLine[] {
  return c.models.map((m) => ({
    model: m.model,
    points: m.lens.map((r) => ({ depth: r.depth, prob: r.final_prob, layer: r.site.layer ?? null })),
  }));
}

/** The first row from which a model's top token is its final one and stays so to the output: where the model
 * "settles" on its answer (the last row at the latest: the last row is the model's own output). */
export function settlesAt(rows: readonly { final_rank: number }[]): number {
  let at = rows.length - 1;
  for (let i = rows.length - 1; i >= 0; i--) {
    if (rows[i]?.final_rank !== 1) break;
    at = i;
  }
  return at;
}
