/**
 * The fast pipeline (one sort per forward pass, prefix scans per slider move) against a direct transcription
 * of Python's algorithm (full sorts, masks over the whole vocabulary), on many seeded random logits with
 * heavy ties and extreme temperatures — the cases where an order or a tie rule could slip.
 */
import { describe, expect, it } from "vitest";
import { GREEDY_BELOW, prepare, samplingPipeline, type Settings } from "./pipeline";
import { uniform } from "./rng";

/** A small deterministic generator for test data (web/src never uses Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function renorm(p: Float64Array, keep: boolean[]): Float64Array {
  let sum = 0;
  for (let i = 0; i < p.length; i++) if (keep[i]) sum += p[i] as number;
  return p.map((x, i) => (keep[i] ? x / sum : 0));
}

/** glassbox.analysis.sampling.sampling_pipeline, transcribed literally. */
function reference(logits: Float32Array, s: Settings, step: number): { token: number; keep: boolean[]; final: Float64Array } {
  const V = logits.length;
  const x = Float64Array.from(logits);
  let max = -Infinity;
  const greedy = s.temperature < GREEDY_BELOW;
  for (const v of x) max = Math.max(max, greedy ? v : v / s.temperature);
  if (greedy) {
    let arg = 0;
    for (let i = 1; i < V; i++) if ((x[i] as number) > (x[arg] as number)) arg = i;
    const final = new Float64Array(V);
    final[arg] = 1;
    return { token: arg, keep: Array(V).fill(true), final };
  }
  const z = x.map((v) => Math.exp(v / s.temperature - max));
  const zsum = z.reduce((a, b) => a + b, 0);
  const probs = z.map((v) => v / zsum);
  let keep: boolean[] = Array(V).fill(true);
  if (s.top_k > 0 && s.top_k < V) {
    const kth = [...probs].sort((a, b) => b - a)[s.top_k - 1] as number;
    keep = [...probs].map((p) => p >= kth);
  }
  if (s.top_p < 1) {
    const p = renorm(probs, keep);
    const order = [...Array(V).keys()].sort((a, b) => (p[b] as number) - (p[a] as number) || a - b);
    let cum = 0;
    let n = 0;
    for (const id of order) {
      cum += p[id] as number;
      if (cum - (p[id] as number) < s.top_p) n++;
    }
    const inPrefix = new Set(order.slice(0, Math.max(1, n)));
    keep = keep.map((k, i) => k && inPrefix.has(i));
  }
  if (s.min_p > 0) {
    const p = renorm(probs, keep);
    const pmax = Math.max(...p);
    keep = keep.map((k, i) => k && (p[i] as number) >= s.min_p * pmax);
  }
  const final = renorm(probs, keep);
  const u = uniform(s.seed, step);
  let run = 0;
  let token = -1;
  for (let i = 0; i < V; i++) {
    run += final[i] as number;
    if (run > u) {
      token = i;
      break;
    }
  }
  if (token < 0) for (let i = 0; i < V; i++) if ((final[i] as number) > 0) token = i;
  return { token, keep, final };
}

describe("fast pipeline = literal transcription of Python's", () => {
  const rand = lcg(2024);
  for (let trial = 0; trial < 60; trial++) {
    const V = 5 + Math.floor(rand() * 300);
    const coarse = rand() < 0.5; // coarse logits: many exact ties
    const logits = Float32Array.from({ length: V }, () => (coarse ? Math.round(rand() * 8) / 2 : rand() * 20 - 10));
    const s: Settings = {
      temperature: [0, 0.01, 0.3, 1, 1.7, 50][Math.floor(rand() * 6)] as number,
      top_k: rand() < 0.5 ? 0 : 1 + Math.floor(rand() * V),
      top_p: rand() < 0.4 ? 1 : Math.max(0.01, rand()),
      min_p: rand() < 0.5 ? 0 : rand() * 0.5,
      seed: Math.floor(rand() * 4294967296),
    };
    const step = Math.floor(rand() * 50);
    it(`trial ${trial}: V=${V} ${coarse ? "ties" : "smooth"} ${JSON.stringify(s)} step ${step}`, () => {
      const fast = samplingPipeline(prepare(logits), s, step);
      const ref = reference(logits, s, step);
      expect(fast.tokenId).toBe(ref.token);
      for (let i = 0; i < V; i++) {
        expect(fast.keepMinP[i] === 1, `keep ${i}`).toBe(ref.keep[i]);
        expect(Math.abs((fast.finalProbs[i] as number) - (ref.final[i] as number))).toBeLessThan(1e-12);
      }
    });
  }
});
