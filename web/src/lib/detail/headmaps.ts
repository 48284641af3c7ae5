/**
 * The pure parts of the One head view and the attention maps: each key's stages in the order the model computes
 * them, which cells the mask hides, the map's geometry, the weight scale, and the scroll offset that keeps the
 * selected row (or column) in view. No numbers are made here: every value shown comes from the server's payload.
 */
import { viridisGradient } from "../d3/colour";

/** One key of one query, stage by stage, each a tensor of the AttentionHead payload. */
export interface KeyStages {
  key: number;
  /** q·k (`dots`) */
  dot: number;
  /** q·k × scale, before the mask (`scaled`): a real number for every key, masked or not */
  scaled: number;
  /** did the mask hide this key? (`allowed` is false) */
  masked: boolean;
  /** the score after the mask (`scores`, the model's hook_attn_scores) where the key was kept; null where masked:
   * the page shows the word "masked" there, never a −∞ number */
  afterMask: number | null;
  /** softmax over what the mask kept (`weights`, the model's hook_pattern row): exactly 0 where masked */
  weight: number;
}

/** Every key's stages, from the payload's decoded tensors (all [key_pos]) and its mask. */
export function keyStages(
  dots: ArrayLike<number>,
  scaled: ArrayLike<number>,
  scores: ArrayLike<number>,
  allowed: readonly boolean[],
  weights: ArrayLike<number>,
): KeyStages[] {
  return allowed.map((ok, key) => ({
    key,
    dot: dots[key] ?? NaN,
    scaled: scaled[key] ?? NaN,
    masked: !ok,
    afterMask: ok ? (scores[key] ?? NaN) : null,
    weight: weights[key] ?? NaN,
  }));
}

/**
 * Does the mask hide key `k` from query `q`? The same rule as the forward's `causal_mask`: a key after the query,
 * or (with a sliding window of `window` positions) `window` or more positions before it. The map paints these
 * cells as "masked" instead of as weight 0.
 */
export function isMaskedKey(q: number, k: number, window: number | null): boolean {
  return k > q || (window !== null && q - k >= window);
}

/** Cell size of an attention map in CSS px: roomy for a short prompt, and never under one readable label line. */
export function mapCellSize(n: number): number {
  if (n <= 8) return 26;
  if (n <= 16) return 20;
  return 15;
}

/**
 * The scroll offset that shows the item [itemStart, itemStart + itemSize) in a viewport [start, start + size):
 * unchanged when the item is already fully visible, else the item centred (never before 0).
 */
export function keepVisible(start: number, size: number, itemStart: number, itemSize: number): number {
  if (itemStart >= start && itemStart + itemSize <= start + size) return start;
  return Math.max(0, Math.round(itemStart + itemSize / 2 - size / 2));
}

/** The ticks of the attention-weight scale: weights are probabilities, so the scale is always exactly [0, 1]. */
export const WEIGHT_TICKS = [0, 0.25, 0.5, 0.75, 1] as const;

/** The weight scale as a CSS gradient, from the very colours the maps are painted with (viridis). */
export function weightGradient(stops = 11): string {
  return viridisGradient(stops);
}
