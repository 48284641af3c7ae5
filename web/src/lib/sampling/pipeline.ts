/**
 * The sampling pipeline, ported from Python's `glassbox.analysis.sampling` so that a slider re-renders the
 * distribution within a frame with no server round-trip. Parity with Python is tested on fixtures that
 * Python writes (`fixtures.json`): same token every time, probabilities within ~1e-9.
 *
 * logits (float32) → ÷ temperature → softmax → top-k → top-p → min-p → renormalise → draw u(seed, step).
 * All arithmetic is float64. The masks are cumulative: `keepTopP` ⊆ `keepTopK`, `keepMinP` ⊆ `keepTopP`.
 * Some token always survives, by construction: the most probable one is kept by every filter, and the draw
 * can only land on a kept token (the last kept one if rounding runs out).
 */
import type { SamplingSettings } from "../generated/schema";
import { uniform } from "./rng";

/** The server's SamplingSettings with every default filled in (the pipeline reads each field). */
export type Settings = Required<SamplingSettings>;

export const DEFAULT_SETTINGS: Settings = { temperature: 1, top_k: 0, top_p: 1, min_p: 0, seed: 0 };

/**
 * Temperatures below this are greedy, exactly like T = 0 (Python's `sampling.GREEDY_BELOW`): below it,
 * logits / T can overflow float64 (1 / 1e-308) and the distribution is one-hot to print precision anyway.
 */
export const GREEDY_BELOW = 1e-4;

/** +∞ logits scale as the largest float32, so logits / T stays finite for T ≥ GREEDY_BELOW (as in Python). */
const LARGEST_LOGIT = 3.4028234663852886e38;

/** Logits plus their order (by logit descending, ties by ascending id), computed once per forward pass. */
export interface Prepared {
  logits: Float32Array;
  /** token ids by logit descending, ties by ascending id [d_vocab] */
  order: Uint32Array;
}

export interface PipelineResult {
  scaled: Float64Array;
  probs: Float64Array;
  keepTopK: Uint8Array;
  keepTopP: Uint8Array;
  keepMinP: Uint8Array;
  finalProbs: Float64Array;
  /** how many tokens each filter keeps (cumulative) */
  nTopK: number;
  nTopP: number;
  nMinP: number;
  tokenId: number;
  /** the uniform draw; null when greedy */
  u: number | null;
  /** ids by final probability descending (ties by ascending id); the first `nMinP` are the kept ones */
  order: Uint32Array;
  greedy: boolean;
}

export function prepare(logits: Float32Array): Prepared {
  const V = logits.length;
  const clean = new Float32Array(V);
  for (let i = 0; i < V; i++) {
    const x = logits[i] as number;
    // NaN sorts (and samples) as −∞, as in Python; −0 and +0 are the same logit
    clean[i] = Number.isNaN(x) ? -Infinity : x === 0 ? 0 : x;
  }
  return { logits: clean, order: orderByLogit(clean) };
}

/**
 * Ids by logit descending, ties by ascending id. Each float32 is mapped to an integer key with the same order,
 * packed with its id into one exactly representable float64, and the packed keys are sorted natively:
 * several times faster than a comparator sort on a 50k vocabulary, and it runs on every forward pass.
 */
function orderByLogit(logits: Float32Array): Uint32Array {
  const V = logits.length;
  const idBits = Math.max(1, Math.ceil(Math.log2(V)));
  if (idBits > 21) return orderByComparator(logits); // 32 key bits + id bits must fit in 53
  const bits = new Uint32Array(logits.buffer, logits.byteOffset, V);
  const scale = 2 ** idBits;
  const packed = new Float64Array(V);
  for (let i = 0; i < V; i++) {
    const b = bits[i] as number;
    const ascending = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0; // orders like the float
    packed[i] = (0xffffffff - ascending) * scale + i; // descending by value, then ascending by id
  }
  packed.sort();
  const order = new Uint32Array(V);
  for (let r = 0; r < V; r++) order[r] = (packed[r] as number) % scale;
  return order;
}

function orderByComparator(logits: Float32Array): Uint32Array {
  const order = new Uint32Array(logits.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => {
    const d = (logits[b] as number) - (logits[a] as number);
    return d !== 0 ? d : a - b;
  });
}

function softmax(x: Float64Array): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) if ((x[i] as number) > max) max = x[i] as number;
  const out = new Float64Array(x.length);
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const e = Math.exp((x[i] as number) - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < x.length; i++) out[i] = (out[i] as number) / sum;
  return out;
}

/**
 * Re-sort runs of equal `values` (consecutive in `order`, which is sorted by value descending) by ascending
 * id, so the order is exactly "value descending, ties by ascending id" even where distinct logits rounded
 * to the same probability. Works on the first `n` entries; returns a new array.
 */
function tieBreakById(order: Uint32Array, values: Float64Array, n: number): Uint32Array {
  const out = order.slice();
  let start = 0;
  while (start < n) {
    let end = start + 1;
    const v = values[out[start] as number];
    while (end < n && values[out[end] as number] === v) end++;
    if (end - start > 1) out.subarray(start, end).sort();
    start = end;
  }
  return out;
}

export function samplingPipeline(prep: Prepared, s: Settings, step: number): PipelineResult {
  // a plain copy: the caller's settings may be a reactive proxy, too slow to read in the loops below
  const settings: Settings = { temperature: s.temperature, top_k: s.top_k, top_p: s.top_p, min_p: s.min_p, seed: s.seed };
  const { logits } = prep;
  const V = logits.length;
  const greedy = settings.temperature < GREEDY_BELOW;
  const scaled = new Float64Array(V);
  let probs: Float64Array;
  if (greedy) {
    for (let i = 0; i < V; i++) scaled[i] = logits[i] as number;
    probs = softmax(scaled.map((x) => Math.min(x, LARGEST_LOGIT)));
  } else {
    const t = settings.temperature;
    for (let i = 0; i < V; i++) scaled[i] = Math.min(logits[i] as number, LARGEST_LOGIT) / t;
    probs = softmax(scaled);
  }
  // probabilities are monotone in the logits, so `prep.order` sorts them too, up to rounding ties.
  let order = tieBreakById(prep.order, probs, V);

  if (greedy) {
    const all = new Uint8Array(V).fill(1);
    const finalProbs = new Float64Array(V);
    const top = prep.order[0] as number; // argmax of the logits, lowest id on ties
    finalProbs[top] = 1;
    const byFinal = order.slice();
    // the chosen token first, then the rest in probability order
    byFinal.copyWithin(1, 0, byFinal.indexOf(top));
    byFinal[0] = top;
    return {
      scaled, probs, keepTopK: all, keepTopP: all, keepMinP: all, finalProbs,
      nTopK: V, nTopP: V, nMinP: V, tokenId: top, u: null, order: byFinal, greedy,
    };
  }

  // top-k: keep every token whose probability is ≥ the k-th largest (ties at the boundary are kept).
  let nTopK = V;
  if (settings.top_k > 0 && settings.top_k < V) {
    const threshold = probs[order[settings.top_k - 1] as number] as number;
    nTopK = settings.top_k;
    while (nTopK < V && (probs[order[nTopK] as number] as number) >= threshold) nTopK++;
  }
  const keepTopK = maskOf(order, nTopK, V);

  // top-p: among the kept tokens renormalised, the shortest prefix (by probability, ties by ascending id)
  // whose cumulative probability reaches top_p. Mirrors Python's arithmetic exactly: a token is kept when
  // the mass before it (cum − q, as Python computes it) is still below top_p, counted over the whole order.
  let nTopP = nTopK;
  let keepTopP: Uint8Array;
  if (settings.top_p < 1) {
    let sum = 0;
    for (let r = 0; r < nTopK; r++) sum += probs[order[r] as number] as number;
    const q = new Float64Array(V);
    for (let r = 0; r < nTopK; r++) {
      const id = order[r] as number;
      q[id] = (probs[id] as number) / sum;
    }
    order = tieBreakById(order, q, nTopK);
    let nonzero = 0;
    while (nonzero < nTopK && (q[order[nonzero] as number] as number) > 0) nonzero++;
    let cum = 0;
    let count = 0;
    for (let r = 0; r < nonzero; r++) {
      const qi = q[order[r] as number] as number;
      cum += qi;
      if (cum - qi < settings.top_p) count++;
    }
    // every zero-probability id (kept or not) follows in ascending id order, with the mass before it = cum
    if (cum < settings.top_p) count += V - nonzero;
    const nKeep = Math.max(1, count);
    keepTopP = new Uint8Array(V);
    for (let r = 0; r < Math.min(nKeep, nonzero); r++) keepTopP[order[r] as number] = 1;
    nTopP = Math.min(nKeep, nonzero);
    if (nKeep > nonzero) {
      let left = nKeep - nonzero;
      for (let id = 0; id < V && left > 0; id++) {
        if ((q[id] as number) > 0) continue;
        left--;
        if (keepTopK[id]) {
          keepTopP[id] = 1;
          nTopP++;
        }
      }
      // zero-probability survivors sit after the others in the order, by ascending id (as in Python)
      order = reorderZeros(order, keepTopP, nonzero, nTopK);
    }
  } else {
    keepTopP = keepTopK;
  }


  // min-p: among the kept tokens renormalised, those at least min_p × the largest.
  let nMinP = nTopP;
  if (settings.min_p > 0) {
    let sum = 0;
    for (let r = 0; r < nTopP; r++) sum += probs[order[r] as number] as number;
    const threshold = settings.min_p * ((probs[order[0] as number] as number) / sum);
    nMinP = 0;
    while (nMinP < nTopP && (probs[order[nMinP] as number] as number) / sum >= threshold) nMinP++;
    nMinP = Math.max(1, nMinP); // the most probable survivor always stays
  }
  const keepMinP = maskOf(order, nMinP, V);

  const finalProbs = new Float64Array(V);
  let total = 0;
  for (let i = 0; i < V; i++) if (keepMinP[i]) total += probs[i] as number;
  for (let i = 0; i < V; i++) if (keepMinP[i]) finalProbs[i] = (probs[i] as number) / total;

  const u = uniform(settings.seed, step);
  let tokenId = -1;
  let running = 0;
  let lastPositive = -1;
  let lastKept = -1;
  for (let i = 0; i < V; i++) {
    if (!keepMinP[i]) continue;
    lastKept = i;
    if ((finalProbs[i] as number) > 0) lastPositive = i;
    running += finalProbs[i] as number;
    if (running > u) {
      tokenId = i;
      break;
    }
  }
  // never fall off the end: the last kept id with a non-zero probability, else the last kept id
  if (tokenId < 0) tokenId = lastPositive >= 0 ? lastPositive : lastKept;
  return {
    scaled, probs, keepTopK, keepTopP, keepMinP, finalProbs,
    nTopK, nTopP, nMinP, tokenId, u, order, greedy,
  };
}

/** Put the kept zero-probability ids (ranks nonzero…nTopK) first among them, keeping their id order. */
function reorderZeros(order: Uint32Array, keep: Uint8Array, nonzero: number, nTopK: number): Uint32Array {
  const zeros = Array.from(order.subarray(nonzero, nTopK));
  const kept = zeros.filter((id) => keep[id]);
  const dropped = zeros.filter((id) => !keep[id]);
  const out = order.slice();
  out.set([...kept, ...dropped], nonzero);
  return out;
}

function maskOf(order: Uint32Array, n: number, V: number): Uint8Array {
  const mask = new Uint8Array(V);
  for (let r = 0; r < n; r++) mask[order[r] as number] = 1;
  return mask;
}

/** Entropy in nats of a distribution. */
export function entropy(p: Float64Array): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) {
    const x = p[i] as number;
    if (x > 0) h -= x * Math.log(x);
  }
  return h;
}
