/** The steps of one attention head, in order, and the pure arithmetic the view shows between them. */
export const ATTENTION_STEPS = ["q", "keys", "dots", "scale", "mask", "softmax", "values", "output"] as const;
export type AttentionStep = (typeof ATTENTION_STEPS)[number];

/** Softmax over the allowed entries (masked ones get exactly 0), as the model computes it. */
export function softmax(scores: ArrayLike<number>): Float64Array {
  const out = new Float64Array(scores.length);
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i] ?? -Infinity);
  if (max === -Infinity) return out;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const e = Math.exp((scores[i] ?? -Infinity) - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) / sum;
  return out;
}

/** Row `row` of a row-major [rows, cols] matrix. */
export function row(m: Float32Array, cols: number, r: number): Float32Array {
  return m.subarray(r * cols, (r + 1) * cols);
}

/** Is the user asking for less motion? (false where matchMedia is missing, e.g. in tests) */
export function reducedMotion(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}
