/**
 * Every colour scale of the page — colour-blind safe: viridis for probabilities in [0, 1], blue–white–orange for
 * signed values — as CSS colours for a few DOM nodes, or as RGB for canvases that paint thousands of cells.
 * `SCALES` lists them all; `colour.test.ts` checks each one through simulated colour-blind eyes, so a new scale
 * belongs here, in that list, rather than as a colour written into a component.
 */
import { scaleSequential } from "d3-scale";
import { interpolateViridis } from "d3-scale-chromatic";

const probScale = scaleSequential(interpolateViridis).domain([0, 1]);

/** Relative luminance of an sRGB colour (WCAG 2), to pick black or white text on a coloured chip. */
export function luminance([r, g, b]: readonly [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two relative luminances (1 to 21). */
export function contrastRatio(l1: number, l2: number): number {
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

/** Black or white text, whichever contrasts more with the background `rgb`. Pure black, not a near-black: with
 * black and white the worse case (a mid-tone of luminance ≈ 0.18) still reaches √(1.05 × 0.05) / 0.05 ≈ 4.58:1,
 * above WCAG AA's 4.5:1; #111 would fall to ~4.4:1 there. */
export function textOn(rgb: readonly [number, number, number]): "#000" | "#fff" {
  const l = luminance(rgb);
  return contrastRatio(l, 0) >= contrastRatio(l, 1) ? "#000" : "#fff";
}

/** Background for a token coloured by its probability, and a text colour readable on it. */
export function probColours(p: number): { background: string; color: string } {
  const clamped = Math.max(0, Math.min(1, p));
  const background = probScale(clamped);
  // by luminance, not by p: viridis's teal middle (p ≈ 0.5) already needs black text for 4.5:1
  return { background, color: textOn(parseRgb(background)) };
}

const BLUE = [33, 102, 172];
const MID = [247, 247, 247];
const ORANGE = [230, 97, 1];

const hex = (rgb: number[]) => `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;

/** The signed scale's fixed colours for components that colour by sign alone (a bar per neuron): blue below 0,
 * orange above; `positivePale` is a light orange for an added amount drawn beside the accent's pale blue. Blue
 * against orange stays apart for every kind of colour blindness, where red against green would not. */
export const SIGNED = {
  negative: hex(BLUE),
  zero: hex(MID),
  positive: hex(ORANGE),
  positivePale: "#fdb863",
} as const;

function mix(a: number[], b: number[], t: number): [number, number, number] {
  const c = a.map((x, i) => Math.round(x + ((b[i] ?? 0) - x) * t));
  return [c[0] ?? 0, c[1] ?? 0, c[2] ?? 0];
}

/** A signed value on a blue (negative) – white – orange (positive) scale symmetric around 0, as RGB. */
export function divergingRgb(x: number, maxAbs: number): [number, number, number] {
  if (!Number.isFinite(x) || maxAbs <= 0) return mix(MID, MID, 0);
  const t = Math.max(-1, Math.min(1, x / maxAbs));
  return t < 0 ? mix(MID, BLUE, -t) : mix(MID, ORANGE, t);
}

/** The same colour as a CSS string. */
export function diverging(x: number, maxAbs: number): string {
  const [r, g, b] = divergingRgb(x, maxAbs);
  return `rgb(${r}, ${g}, ${b})`;
}

/** The probability scale as a CSS gradient (a legend's ramp), from the very colours the page paints with. */
export function viridisGradient(stops = 11, direction = "to right"): string {
  const colours = Array.from({ length: stops }, (_, i) => {
    const [r, g, b] = viridisRgb(i / (stops - 1));
    return `rgb(${r}, ${g}, ${b}) ${((i / (stops - 1)) * 100).toFixed(0)}%`;
  });
  return `linear-gradient(${direction}, ${colours.join(", ")})`;
}

let viridisTable: [number, number, number][] | null = null;

/** Viridis at p ∈ [0, 1] as RGB, from a 256-entry table (a thumbnail paints thousands of pixels). */
export function viridisRgb(p: number): [number, number, number] {
  viridisTable ??= Array.from({ length: 256 }, (_, i) => parseRgb(probColours(i / 255).background));
  const i = Math.round(Math.max(0, Math.min(1, Number.isFinite(p) ? p : 0)) * 255);
  return viridisTable[i] ?? [0, 0, 0];
}

/** Paint a row-major [rows, cols] matrix into a canvas, one pixel per value; `colour` maps a value to RGB
 * (null: transparent). A canvas rather than thousands of DOM nodes keeps every frame short. */
export function paintMatrix(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  rows: number,
  cols: number,
  colour: (v: number, r: number, c: number) => [number, number, number] | null,
): void {
  const ctx = canvas.getContext("2d");
  canvas.width = Math.max(1, cols);
  canvas.height = Math.max(1, rows);
  if (!ctx || rows === 0 || cols === 0) return;
  const img = ctx.createImageData(cols, rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const rgb = colour(values[r * cols + c] ?? 0, r, c);
      const i = (r * cols + c) * 4;
      if (!rgb) continue;
      img.data[i] = rgb[0];
      img.data[i + 1] = rgb[1];
      img.data[i + 2] = rgb[2];
      img.data[i + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
}

/** The largest finite |value| (the scale's half-range). */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i] ?? 0);
    if (Number.isFinite(v) && v > m) m = v;
  }
  return m;
}

const RGB_CACHE = new Map<string, [number, number, number]>();

/** "#rrggbb" or "rgb(r, g, b)" as numbers (memoised: a thumbnail asks for thousands). */
export function parseRgb(colour: string): [number, number, number] {
  const hit = RGB_CACHE.get(colour);
  if (hit) return hit;
  const hex = colour.startsWith("#") ? colour.slice(1) : "";
  const m = colour.match(/\d+/g) ?? [];
  const value: [number, number, number] = hex
    ? [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)]
    : [Number(m[0] ?? 0), Number(m[1] ?? 0), Number(m[2] ?? 0)];
  RGB_CACHE.set(colour, value);
  return value;
}

export type ScaleKind = "sequential" | "diverging";

/**
 * Every colour scale of the page, as t ∈ [0, 1] → RGB (a diverging scale's middle, t = 0.5, is its zero). The tests
 * walk each through simulated protanopia, deuteranopia and tritanopia.
 */
export const SCALES: Record<string, { kind: ScaleKind; rgb: (t: number) => [number, number, number] }> = {
  /** probabilities, attention weights, logprobs (viridis) */
  probability: { kind: "sequential", rgb: (t) => viridisRgb(t) },
  /** signed values: vectors, attributions, contributions, changes (blue – white – orange) */
  signed: { kind: "diverging", rgb: (t) => divergingRgb(2 * t - 1, 1) },
};
