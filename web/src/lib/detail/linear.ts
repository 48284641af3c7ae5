/**
 * Linear-attention layers (Qwen3.5's gated DeltaNet) in the detailed view: which layers are, and the numbers the
 * token-mixing view derives from a `LinearAttentionHead` payload (all read from it, none invented).
 */
import type { ModelInfo } from "../generated/schema";

export type LayerKind = "attention" | "linear_attention";

/** How `layer` mixes tokens; a model whose info lists no kinds attends with softmax everywhere. */
export function layerKind(info: Pick<ModelInfo, "layer_kinds"> | null | undefined, layer: number): LayerKind {
  return info?.layer_kinds?.[layer] ?? "attention";
}

export function isLinearLayer(info: Pick<ModelInfo, "layer_kinds"> | null | undefined, layer: number): boolean {
  return layerKind(info, layer) === "linear_attention";
}

/** How many heads `layer` has: its own count where layers differ (Qwen3.5's released models: a linear-attention
 * layer has one head per value head), else `n_heads`. */
export function headsIn(info: Pick<ModelInfo, "layer_heads" | "n_heads"> | null | undefined, layer: number): number {
  return info?.layer_heads?.[layer] ?? info?.n_heads ?? 0;
}

/** Whether any layer is linear attention (a hybrid model: the diagram labels each layer's kind). */
export function isHybrid(info: Pick<ModelInfo, "layer_kinds"> | null | undefined): boolean {
  return (info?.layer_kinds ?? []).includes("linear_attention");
}

/** One row of the token-mixing matrix, [key_pos]: the weights the head gives each earlier value at `query`. */
export function mixingRow(mixing: Float32Array, n: number, query: number): Float32Array {
  return mixing.subarray(query * n, (query + 1) * n);
}

/** Σ_s M[t, s] v_s at one query: the head's output before its gated norm, rebuilt from the matrix and the values
 * (the view shows it beside the model's own o_t, so a reader sees the two agree). */
export function mixValues(row: Float32Array, values: Float32Array, dV: number): Float32Array {
  const out = new Float32Array(dV);
  for (let s = 0; s < row.length; s++) {
    const w = row[s] ?? 0;
    if (w === 0) continue;
    for (let d = 0; d < dV; d++) out[d] = (out[d] ?? 0) + w * (values[s * dV + d] ?? 0);
  }
  return out;
}

/** A byte count as the state's size reads: "512 B", "64.0 KiB", "1.0 MiB". */
export function formatBytes(b: number): string {
  if (b >= 1 << 20) return `${(b / (1 << 20)).toFixed(1)} MiB`;
  return b >= 1024 ? `${(b / 1024).toFixed(1)} KiB` : `${b} B`;
}

/** The largest |a[i] − b[i]|: how far the rebuilt Σ M·v is from the model's own output. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) m = Math.max(m, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return m;
}
