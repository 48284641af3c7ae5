/**
 * The seeded uniform draw shared with Python (`glassbox.analysis.sampling`): a murmur3-style finaliser of
 * `seed + golden * (step + 1)` in 32-bit unsigned arithmetic, so the same (seed, step) gives the same u
 * in both languages, bit for bit.
 */
export function uniform(seed: number, step: number): number {
  let h = (seed + Math.imul(0x9e3779b9 | 0, step + 1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
