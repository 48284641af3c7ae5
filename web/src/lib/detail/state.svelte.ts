/**
 * The detailed view's state: which text, which layer / head / position / panel is selected, and the slices
 * fetched for them. Each slice is fetched when a panel shows it, and remembered per selection, so navigating
 * back and forth asks the server nothing twice. The server keeps the full trace (a few texts, LRU).
 */
import { lensWindow } from "./lens-window";
import { failureOf, type ApiFailure } from "../data/failure";
import type { DataSource } from "../data/source";
import type {
  AttentionGrid,
  AttentionHead,
  DetailOverview,
  DetailRequest,
  EmbeddingDetail,
  LinearAttentionHead,
  LogitLens,
  MlpDetail,
  TokenAcrossLayers,
} from "../generated/schema";
import { LruCache } from "./cache";
import { headsIn, isLinearLayer } from "./linear";
import { wrap, type DetailUrl, type Panel } from "./selection";

export { isPanel, PANELS, readDetailUrl, writeDetailUrl, type DetailUrl, type Panel } from "./selection";

/** The text a trace is made of: the model, the prompt and the tokens generated after it. */
type DetailText = Required<DetailRequest>;

export class DetailState {
  text = $state.raw<DetailText | null>(null);
  overview = $state.raw<DetailOverview | null>(null);
  panel = $state<Panel>("attention");
  layer = $state(0);
  head = $state(0);
  /** the selected position (the query of attention, the position of embedding and MLP); -1 = the last */
  pos = $state(-1);
  /** the overview's blocks: only the selected one (collapsed) or all of them */
  allBlocks = $state(false);
  /** the block whose internals are open in the diagram, or null */
  openBlock = $state<number | null>(null);
  error = $state.raw<ApiFailure | null>(null);
  loading = $state(0);

  attn = $state.raw<AttentionHead | null>(null);
  /** the selected head when its layer is linear attention (it has no softmax pattern: ./linear.ts) */
  linear = $state.raw<LinearAttentionHead | null>(null);
  grid = $state.raw<AttentionGrid | null>(null);
  embedding = $state.raw<EmbeddingDetail | null>(null);
  mlp = $state.raw<MlpDetail | null>(null);
  lens = $state.raw<LogitLens | null>(null);
  tracked = $state.raw<TokenAcrossLayers | null>(null);

  nLayers = $derived(this.overview?.info.n_layers ?? 0);
  nHeads = $derived(this.overview?.info.n_heads ?? 0);
  /** the selected layer's own head count (Qwen3.5's linear-attention layers have more) */
  layerHeads = $derived(headsIn(this.overview?.info, this.layer));
  nPos = $derived(this.overview?.tokens.length ?? 0);
  position = $derived(this.pos < 0 || this.pos >= this.nPos ? this.nPos - 1 : this.pos);

  #cache = new LruCache<unknown>(200);

  constructor(
    readonly source: DataSource,
    initial: DetailUrl = {},
  ) {
    if (initial.panel) this.panel = initial.panel;
    if (initial.layer !== undefined) this.layer = initial.layer;
    if (initial.head !== undefined) this.head = initial.head;
    if (initial.pos !== undefined) this.pos = initial.pos;
    if (initial.block !== undefined) this.openBlock = initial.block;
    if (initial.allBlocks) this.allBlocks = true;
  }

  #key(): string {
    return JSON.stringify(this.text);
  }

  async #get<T>(name: string, fetcher: () => Promise<T>): Promise<T | null> {
    const key = `${this.#key()}|${name}`;
    const hit = this.#cache.get(key) as T | undefined;
    if (hit !== undefined) return hit;
    this.loading += 1;
    try {
      const value = await fetcher();
      this.#cache.set(key, value);
      this.error = null;
      return value;
    } catch (err) {
      this.error = failureOf(err);
      return null;
    } finally {
      this.loading -= 1;
    }
  }

  /** A new text (model, prompt or generated tokens changed): fetch the overview and clamp the selection. */
  async setText(text: DetailText): Promise<void> {
    if (JSON.stringify(text) === this.#key() && this.overview) return;
    this.text = text;
    this.tracked = null;
    const ov = await this.#get("overview", () => this.source.overview(text));
    if (!ov || JSON.stringify(text) !== this.#key()) return;
    this.overview = ov;
    this.layer = Math.min(this.layer, ov.info.n_layers - 1);
    this.head = Math.min(this.head, headsIn(ov.info, this.layer) - 1);
    if (this.openBlock !== null) this.openBlock = Math.min(this.openBlock, ov.info.n_layers - 1);
    if (this.pos >= ov.tokens.length) this.pos = -1;
    await this.refresh();
  }

  /** Fetch what the open panel shows for the current selection. */
  async refresh(): Promise<void> {
    const text = this.text;
    if (!text || !this.overview) return;
    const { layer, head, position: pos } = this;
    const stale = () => text !== this.text;
    switch (this.panel) {
      case "attention": {
        if (isLinearLayer(this.overview.info, layer)) {
          const lin = await this.#get(`linear/${layer}/${head}/${pos}`, () =>
            this.source.linearAttentionHead({ ...text, layer, head, query_pos: pos }),
          );
          if (lin && !stale() && layer === this.layer && head === this.head && pos === this.position) this.linear = lin;
          break;
        }
        const v = await this.#get(`head/${layer}/${head}/${pos}`, () => this.source.attentionHead({ ...text, layer, head, query_pos: pos }));
        if (v && !stale() && layer === this.layer && head === this.head && pos === this.position) this.attn = v;
        break;
      }
      case "heads": {
        const v = await this.#get("grid", () => this.source.attentionGrid(text));
        if (v && !stale()) this.grid = v;
        break;
      }
      case "embedding": {
        const v = await this.#get(`embed/${pos}`, () => this.source.embedding({ ...text, pos }));
        if (v && !stale() && pos === this.position) this.embedding = v;
        break;
      }
      case "mlp": {
        const v = await this.#get(`mlp/${layer}/${pos}`, () => this.source.mlp({ ...text, layer, pos, k: 10 }));
        if (v && !stale() && layer === this.layer && pos === this.position) this.mlp = v;
        break;
      }
      case "lens": {
        const win = lensWindow(this.nPos, pos); // a long prompt's lens: the window holding the selected position
        const v = await this.#get(win ? `lens/${win[0]}` : "lens", () =>
          this.source.logitLens({ ...text, k: 5, ...(win ? { positions: win } : {}) }),
        );
        if (v && !stale() && (!win || win.includes(this.position))) this.lens = v;
        break;
      }
      case "residual":
        break; // the overview already carries the residual stream
    }
  }

  select(patch: Partial<{ panel: Panel; layer: number; head: number; pos: number }>): void {
    if (patch.panel !== undefined) this.panel = patch.panel;
    if (patch.layer !== undefined) this.layer = wrap(patch.layer, this.nLayers);
    if (patch.head !== undefined) this.head = wrap(patch.head, this.layerHeads);
    else if (this.overview) this.head = Math.min(this.head, this.layerHeads - 1); // a layer with fewer heads
    if (patch.pos !== undefined) this.pos = wrap(patch.pos, this.nPos);
    void this.refresh();
  }

  async track(tokenId: number, pos: number): Promise<void> {
    const text = this.text;
    if (!text) return;
    const v = await this.#get(`token/${tokenId}/${pos}`, () => this.source.tokenAcrossLayers({ ...text, token_id: tokenId, pos }));
    if (v && text === this.text) this.tracked = v;
  }
}
