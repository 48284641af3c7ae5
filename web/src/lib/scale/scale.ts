/** The sense-of-scale arithmetic: how many times bigger, and where a size sits on a logarithmic bar. */
import { format } from "d3-format";

export interface Ratio {
  /** true: the other model is the bigger one */
  bigger: boolean;
  /** how many times bigger the bigger one is (≥ 1) */
  factor: number;
}

/** How `other` compares with `served` (both positive counts). */
export function ratio(other: number, served: number): Ratio {
  if (!(other > 0) || !(served > 0)) throw new RangeError(`sizes must be positive, got ${other} and ${served}`);
  return other >= served ? { bigger: true, factor: other / served } : { bigger: false, factor: served / other };
}

const threeDigits = format(",.3~r");

/** A factor with three significant digits and thousands separators: 205584.3 → "206,000", 9.87 → "9.87". */
export function formatFactor(factor: number): string {
  return threeDigits(factor);
}

export interface LogAxis {
  /** powers of ten from the one at or below the smallest size to the one at or above the largest */
  ticks: number[];
  /** a size's position on the bar, 0 to 1 */
  at(n: number): number;
}

/** A log₁₀ axis whose ends are whole powers of ten around the sizes given. */
export function logAxis(sizes: readonly number[]): LogAxis {
  const logs = sizes.filter((n) => n > 0).map(Math.log10);
  if (!logs.length) throw new RangeError("no positive size to place on the axis");
  const lo = Math.floor(Math.min(...logs));
  const hi = Math.max(lo + 1, Math.ceil(Math.max(...logs)));
  const ticks = Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
  return { ticks, at: (n) => (Math.log10(n) - lo) / (hi - lo) };
}
