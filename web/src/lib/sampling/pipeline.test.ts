/**
 * Parity with Python: `fixtures.json` is written by tests/fixtures/make_sampling_fixtures.py from
 * glassbox.analysis.sampling on real logits. Same token, same kept set, probabilities within 1e-9.
 */
import { describe, expect, it } from "vitest";
import fixtures from "./fixtures.json";
import { entropy, GREEDY_BELOW, prepare, samplingPipeline, type Settings } from "./pipeline";
import { uniform } from "./rng";

function b64(data: string): Uint8Array {
  return Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
}

function float32s(data: string): Float32Array {
  const bytes = b64(data);
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

function bit(bits: Uint8Array, i: number): number {
  return ((bits[i >> 3] as number) >> (i & 7)) & 1;
}

function checksum(p: Float64Array): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (p[i] as number) * (1 + (i % 97));
  return s;
}

describe("uniform(seed, step)", () => {
  for (const c of fixtures.uniform) {
    it(`seed ${c.seed} step ${c.step}`, () => expect(uniform(c.seed, c.step)).toBe(c.u));
  }
});

describe("sampling pipeline matches Python", () => {
  for (const set of fixtures.sets) {
    const prep = prepare(float32s(set.logits));
    for (const c of set.cases) {
      const s = c.settings as Settings;
      const label = `${set.name} · T=${s.temperature} k=${s.top_k} p=${s.top_p} min_p=${s.min_p} seed=${s.seed} step=${c.step}`;
      it(label, () => {
        const r = samplingPipeline(prep, s, c.step);
        expect(r.tokenId).toBe(c.token_id);
        expect(r.u).toBe(c.u);
        expect([r.nTopK, r.nTopP, r.nMinP]).toEqual([c.n_top_k, c.n_top_p, c.n_min_p]);
        const bits = b64(c.keep_min_p);
        for (let i = 0; i < r.keepMinP.length; i++) expect(r.keepMinP[i], `keep ${i}`).toBe(bit(bits, i));
        for (const [id, p] of c.final_top as [number, number][]) {
          expect(Math.abs((r.finalProbs[id] as number) - p), `final p[${id}]`).toBeLessThan(1e-9);
        }
        expect(Math.abs(checksum(r.finalProbs) - c.final_checksum)).toBeLessThan(1e-9);
        expect(Math.abs(checksum(r.probs) - c.probs_checksum)).toBeLessThan(1e-9);
      });
    }
  }
});

describe("pipeline invariants", () => {
  const logits = new Float32Array([2, 1, 1, 0.5, -1, -3, 2, 0]);
  const prep = prepare(logits);

  it("orders by logit, ties by ascending id", () => {
    expect(Array.from(prep.order.subarray(0, 4))).toEqual([0, 6, 1, 2]);
  });

  it("orders negative, zero, infinite and NaN logits like numbers (NaN as −∞)", () => {
    const p = prepare(new Float32Array([-0, 0, NaN, -Infinity, Infinity, -2.5, 1e-30, -1e-30, 3]));
    expect(Array.from(p.order)).toEqual([4, 8, 6, 0, 1, 7, 5, 2, 3]);
  });

  it("greedy picks the lowest id among the maxima and uses no randomness", () => {
    const r = samplingPipeline(prep, { temperature: 0, top_k: 0, top_p: 1, min_p: 0, seed: 5 }, 0);
    expect(r.tokenId).toBe(0);
    expect(r.u).toBeNull();
    expect(r.finalProbs[0]).toBe(1);
  });

  it("final probabilities sum to 1 and masks are nested", () => {
    const r = samplingPipeline(prep, { temperature: 1.2, top_k: 5, top_p: 0.8, min_p: 0.1, seed: 1 }, 3);
    const sum = r.finalProbs.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 12);
    for (let i = 0; i < logits.length; i++) {
      expect((r.keepTopP[i] as number) <= (r.keepTopK[i] as number)).toBe(true);
      expect((r.keepMinP[i] as number) <= (r.keepTopP[i] as number)).toBe(true);
    }
    expect(r.keepMinP[r.tokenId]).toBe(1);
    expect(entropy(r.finalProbs)).toBeGreaterThan(0);
  });

  it("top-k keeps ties at the boundary", () => {
    const r = samplingPipeline(prep, { temperature: 1, top_k: 3, top_p: 1, min_p: 0, seed: 0 }, 0);
    expect(r.nTopK).toBe(4); // logits 2, 2, 1, 1: the third-largest (1) ties with the fourth
  });

  it("a 50k vocabulary re-samples well within a frame", () => {
    const big = new Float32Array(50_000);
    for (let i = 0; i < big.length; i++) big[i] = Math.sin(i * 12.9898) * 8;
    const p = prepare(big);
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) samplingPipeline(p, { temperature: 0.5 + i / 10, top_k: 0, top_p: 0.9, min_p: 0.01, seed: i }, i);
    expect((performance.now() - t0) / 10).toBeLessThan(50); // generous: CI machines are slow
  });
});

const DEFAULTS: Settings = { temperature: 1, top_k: 0, top_p: 1, min_p: 0, seed: 0 };

describe("some token always survives (any finite logits, any valid settings)", () => {
  /** A small deterministic generator for test data (web/src never uses Math.random). */
  let state = 77;
  const rand = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const F32_MAX = 3.4028234663852886e38;
  for (let trial = 0; trial < 200; trial++) {
    const V = 2 + Math.floor(rand() * 80);
    const scale = pick([1, 30, 1e30, F32_MAX]);
    const logits = Float32Array.from({ length: V }, () => Math.max(-F32_MAX, Math.min(F32_MAX, (rand() * 2 - 1) * scale)));
    const s: Settings = {
      temperature: pick([0, 1e-308, 5e-5, GREEDY_BELOW, 1e-3, 0.7, 1, 100, 1e300]),
      top_k: pick([0, 1, 2, Math.floor(rand() * V)]),
      top_p: pick([1, 1e-12, 0.01, rand() || 0.5]),
      min_p: pick([0, 1, rand()]),
      seed: Math.floor(rand() * 4294967296),
    };
    const step = Math.floor(rand() * 100);
    it(`trial ${trial}: V=${V} scale=${scale} ${JSON.stringify(s)}`, () => {
      const r = samplingPipeline(prepare(logits), s, step);
      expect(r.tokenId).toBeGreaterThanOrEqual(0);
      expect(r.tokenId).toBeLessThan(V);
      expect(r.keepMinP[r.tokenId]).toBe(1);
      expect(r.greedy).toBe(s.temperature < GREEDY_BELOW);
      for (const p of r.finalProbs) expect(Number.isFinite(p)).toBe(true);
    });
  }

  it("T = 1e-308 is greedy, not an overflow (token −1 before)", () => {
    const r = samplingPipeline(prepare(new Float32Array([1, 2, -3])), { ...DEFAULTS, temperature: 1e-308 }, 0);
    expect([r.tokenId, r.greedy, r.u]).toEqual([1, true, null]);
  });

  it("min_p = 1 and a tiny top_p keep the most probable token", () => {
    const r = samplingPipeline(prepare(new Float32Array([0.5, 3, 3, -1])), { ...DEFAULTS, top_p: 1e-12, min_p: 1 }, 0);
    expect([r.nTopP, r.nMinP, r.tokenId]).toEqual([1, 1, 1]);
  });
});
