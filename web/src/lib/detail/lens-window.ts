/**
 * The logit lens of a long prompt, one window of positions at a time: every layer × position cell unembeds to the
 * whole vocabulary, so a 512-token prompt's every column on a 1B model takes the server a minute. Up to
 * LENS_WINDOW positions the lens asks for them all; beyond, for the aligned window holding the selected position.
 */
import type { LogitLens } from "../generated/schema";

export const LENS_WINDOW = 64;

/** The positions to ask for, or null for every position (a prompt no longer than one window). */
export function lensWindow(nPos: number, pos: number): number[] | null {
  if (nPos <= LENS_WINDOW) return null;
  const p = Math.min(Math.max(pos, 0), nPos - 1);
  const start = Math.floor(p / LENS_WINDOW) * LENS_WINDOW;
  const end = Math.min(start + LENS_WINDOW, nPos);
  return Array.from({ length: end - start }, (_, i) => start + i);
}

/** A whole lens cut to some positions (a static export holds every position's cells). */
export function lensAt(lens: LogitLens, positions: readonly number[] | null | undefined): LogitLens {
  if (!positions) return lens;
  const want = new Set(positions);
  return { ...lens, positions: lens.positions.filter((p) => want.has(p)), cells: lens.cells.filter((c) => want.has(c.pos)) };
}
