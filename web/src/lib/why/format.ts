/**
 * Pure helpers of the "Why?" view and of the detailed view's contributions and interventions: how a number is
 * written into a `data-*` attribute (exactly, so a test reads back the float32 the server sent), how a signed
 * score or a probability colours a token, and the row-major layout of the heatmaps.
 */
import { diverging, divergingRgb, luminance, probColours, textOn } from "../d3/colour";

/**
 * A number as a `data-*` attribute: JavaScript's shortest text that parses back to the same double. Every float32
 * is exactly a double, so this round-trips the server's float32 values bit for bit (at most 9 significant digits
 * are needed for float32; this never writes fewer than it takes).
 */
export function exact(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  return String(x);
}

/** Relative luminance (WCAG): one definition, in the colour module, re-exported for this view's callers. */
export { luminance };

/** Background and text colour for a signed value on the diverging scale centred at 0 (blue −, orange +). */
export function signedColours(
  x: number,
  maxAbs: number,
): { background: string; color: string } {
  const rgb = divergingRgb(x, maxAbs);
  return {
    background: diverging(x, maxAbs),
    color: textOn(rgb),
  };
}

/** Background and text colour for a log-probability, on the probability's viridis scale. */
export function logprobColours(logprob: number): {
  background: string;
  color: string;
} {
  return probColours(Math.exp(logprob));
}

/** The half-range of a symmetric scale: the largest finite |value|, or 1 when all are 0 (a blank, honest map). */
export function halfRange(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i] ?? 0);
    if (Number.isFinite(v) && v > m) m = v;
  }
  return m > 0 ? m : 1;
}

/**
 * The direct-logit-attribution heatmap's cells, row-major [layer, head…, mlp]: the payload lists contributions by
 * structure (kind, layer, head); the map keeps one value per head and one per MLP, and reports the others (embeddings,
 * biases) apart so the map's sum is not mistaken for the logit.
 */
export interface DlaGrid {
  nLayers: number;
  nHeads: number;
  /** [layer, head + 1]: the heads, then the MLP in the last column */
  values: Float64Array;
  /** the contributions that are not a head or an MLP (embeddings, attention biases, the final norm's bias) */
  rest: { kind: string; layer: number | null; value: number }[];
}

export function dlaGrid(
  contributions: readonly {
    kind: string;
    layer?: number | null;
    head?: number | null;
    value: number;
  }[],
  nLayers: number,
  nHeads: number,
): DlaGrid {
  const cols = nHeads + 1;
  const values = new Float64Array(nLayers * cols);
  const rest: DlaGrid["rest"] = [];
  for (const c of contributions) {
    const layer = c.layer ?? null;
    if (
      c.kind === "head" &&
      layer !== null &&
      c.head != null &&
      layer < nLayers &&
      c.head < nHeads
    ) {
      values[layer * cols + c.head] = c.value;
    } else if (c.kind === "mlp" && layer !== null && layer < nLayers) {
      values[layer * cols + nHeads] = c.value;
    } else {
      rest.push({ kind: c.kind, layer, value: c.value });
    }
  }
  return { nLayers, nHeads, values, rest };
}

/** A key for a set of (layer, index) pairs: heads and neurons switched off are kept as such keys. */
export function pairKey(layer: number, index: number): string {
  return `${layer}:${index}`;
}

export function parsePair(key: string): [number, number] {
  const [a, b] = key.split(":");
  return [Number(a), Number(b)];
}

/** The `k` tokens whose probability changed most (by |after − before|), from two full-vocabulary distributions. */
export function largestChanges(
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  k: number,
): { id: number; before: number; after: number; delta: number }[] {
  const n = Math.min(before.length, after.length);
  const out: { id: number; before: number; after: number; delta: number }[] =
    [];
  for (let id = 0; id < n; id++) {
    const b = before[id] ?? 0;
    const a = after[id] ?? 0;
    out.push({ id, before: b, after: a, delta: a - b });
  }
  out.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.id - y.id);
  return out.slice(0, k);
}

/** Softmax of full-vocabulary logits (float64 sums, so 4096 or 150 000 terms lose nothing). */
export function softmaxOf(logits: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++)
    max = Math.max(max, logits[i] ?? -Infinity);
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    const e = Math.exp((logits[i] ?? -Infinity) - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) / sum;
  return out;
}

/** Indices of the `k` largest values, largest first. */
export function topIndices(values: ArrayLike<number>, k: number): number[] {
  const idx = Array.from({ length: values.length }, (_, i) => i);
  idx.sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0) || a - b);
  return idx.slice(0, k);
}
