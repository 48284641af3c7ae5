/**
 * The routing panel's state: one MoE layer's router over the text and, at the selected position, what each chosen
 * expert adds (`/api/detail/routing`, through the data source). A newer request supersedes an older one still
 * pending, so a quick walk across positions shows the last one asked for.
 */
import { failureOf, type ApiFailure } from "../data/failure";
import type { DataSource } from "../data/source";
import type { DetailRequest, Routing } from "../generated/schema";

export class RoutingState {
  value = $state.raw<Routing | null>(null);
  error = $state.raw<ApiFailure | null>(null);
  /** the expert whose contribution is shown; null = the router's first choice at the position */
  expert = $state<number | null>(null);
  #seq = 0;

  constructor(readonly source: DataSource) {}

  async load(text: Required<DetailRequest>, layer: number, pos: number): Promise<void> {
    const seq = ++this.#seq;
    try {
      const value = await this.source.routing({ ...text, layer, pos });
      if (seq !== this.#seq) return;
      this.value = value;
      this.error = null;
    } catch (err) {
      if (seq === this.#seq) this.error = failureOf(err);
    }
  }

  /** The expert shown: the one picked, else the router's first choice at the position. */
  shown(r: Routing): number {
    return this.expert ?? r.chosen[r.pos]?.[0] ?? 0;
  }
}
