/**
 * The real values the generation track draws, for the page's current text (prompt + generated tokens): the
 * overview (tokens, residual norms), the last position's embedding, one head's attention from it and one block's
 * MLP at it, fetched through the page's `DataSource` with the detailed view's requests and remembered per text.
 */
import { LruCache } from "../detail/cache";
import { failureOf, type ApiFailure } from "../data/failure";
import type { DataSource } from "../data/source";
import type { AttentionHead, DetailOverview, DetailRequest, EmbeddingDetail, MlpDetail } from "../generated/schema";

type TourText = Required<DetailRequest>;

/** What a stage needs fetched (the text, tokens and probabilities come from the page's own state). */
export type Need = "overview" | "embedding" | "attention" | "mlp";

/** How many neurons the MLP stage shows (the largest activations at the position). */
export const TOP_NEURONS = 8;

export class TourData {
  text = $state.raw<TourText | null>(null);
  overview = $state.raw<DetailOverview | null>(null);
  embedding = $state.raw<EmbeddingDetail | null>(null);
  attention = $state.raw<AttentionHead | null>(null);
  mlp = $state.raw<MlpDetail | null>(null);
  layer = $state(0);
  head = $state(0);
  error = $state.raw<ApiFailure | null>(null);
  loading = $state(0);

  nLayers = $derived(this.overview?.info.n_layers ?? 0);
  nHeads = $derived(this.overview?.info.n_heads ?? 0);
  /** the position the tour follows: the last one, whose output predicts the next token */
  pos = $derived(Math.max(0, (this.overview?.tokens.length ?? 1) - 1));

  #cache = new LruCache<unknown>(60);

  constructor(readonly source: DataSource) {}

  /** A new text: forget what was drawn for the old one (the cache keeps it, should the text come back). */
  setText(text: TourText | null): void {
    if (JSON.stringify(text) === JSON.stringify(this.text)) return;
    this.text = text;
    this.overview = null;
    this.embedding = null;
    this.attention = null;
    this.mlp = null;
    this.error = null;
  }

  select(patch: Partial<{ layer: number; head: number }>): void {
    if (patch.layer !== undefined) this.layer = Math.max(0, Math.min(this.nLayers - 1, patch.layer));
    if (patch.head !== undefined) this.head = Math.max(0, Math.min(this.nHeads - 1, patch.head));
  }

  async #get<T>(name: string, fetcher: () => Promise<T>): Promise<T | null> {
    const key = `${JSON.stringify(this.text)}|${name}`;
    const hit = this.#cache.get(key) as T | undefined;
    if (hit !== undefined) return hit;
    this.loading += 1;
    try {
      const value = await fetcher();
      this.#cache.set(key, value);
      return value;
    } catch (err) {
      this.error = failureOf(err);
      return null;
    } finally {
      this.loading -= 1;
    }
  }

  /** Fetch what `need` draws (the overview first: it gives the position and the model's shape). */
  async load(need: Need): Promise<void> {
    const text = this.text;
    if (!text) return;
    const stale = () => text !== this.text;
    const ov = this.overview ?? (await this.#get("overview", () => this.source.overview(text)));
    if (!ov || stale()) return;
    this.overview = ov;
    this.layer = Math.min(this.layer, ov.info.n_layers - 1);
    this.head = Math.min(this.head, ov.info.n_heads - 1);
    const { layer, head, pos } = this;
    if (need === "embedding") {
      const v = await this.#get(`embed/${pos}`, () => this.source.embedding({ ...text, pos }));
      if (v && !stale()) this.embedding = v;
    } else if (need === "attention") {
      const v = await this.#get(`head/${layer}/${head}/${pos}`, () =>
        this.source.attentionHead({ ...text, layer, head, query_pos: pos }),
      );
      if (v && !stale() && layer === this.layer && head === this.head) this.attention = v;
    } else if (need === "mlp") {
      const v = await this.#get(`mlp/${layer}/${pos}`, () => this.source.mlp({ ...text, layer, pos, k: TOP_NEURONS }));
      if (v && !stale() && layer === this.layer) this.mlp = v;
    }
  }
}
