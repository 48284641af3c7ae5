/**
 * The per-layer input panel's state (Gemma 4): one layer's own input at the selected position, its gate, and what the
 * step adds over the text (`/api/detail/per_layer_input`, through the data source). A newer request supersedes an
 * older one still pending, so a quick walk across positions shows the last one asked for.
 */
import { failureOf, type ApiFailure } from "../data/failure";
import type { DataSource } from "../data/source";
import type { DetailRequest, PerLayerInput } from "../generated/schema";

export class PerLayerState {
  value = $state.raw<PerLayerInput | null>(null);
  error = $state.raw<ApiFailure | null>(null);
  #seq = 0;

  constructor(readonly source: DataSource) {}

  async load(
    text: Required<DetailRequest>,
    layer: number,
    pos: number,
  ): Promise<void> {
    const seq = ++this.#seq;
    try {
      const value = await this.source.perLayerInput({ ...text, layer, pos });
      if (seq !== this.#seq) return;
      this.value = value;
      this.error = null;
    } catch (err) {
      if (seq === this.#seq) this.error = failureOf(err);
    }
  }
}
