/**
 * Every colour scale of the page (`SCALES` in colour.ts), seen through colour-blind eyes, and the themes' text
 * contrast (app.css), so that no reader loses a scale's order or a word to its colours.
 *
 * Colour blindness is simulated with the matrices of Machado, Oliveira & Fernandes (2009), "A physiologically-based
 * model for simulation of color vision deficiency", IEEE TVCG 15(6), at severity 1.0 (dichromacy: the strongest
 * case), applied to linear-light RGB as the paper prescribes. Colours are compared in CIELAB (D65) with ΔE*ab.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { contrastRatio, luminance, probColours, SCALES, SIGNED, textOn } from "./colour";
import { signedColours } from "../why/format";

type Rgb = readonly [number, number, number];
type Matrix = readonly [Rgb, Rgb, Rgb];

const IDENTITY: Matrix = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];
// Machado et al. 2009, table of severity 1.0
const DEUTERANOPIA: Matrix = [
  [0.367322, 0.860646, -0.227968],
  [0.280085, 0.672501, 0.047413],
  [-0.01182, 0.04294, 0.968881],
];
const VISION: Record<string, Matrix> = {
  normal: IDENTITY,
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: DEUTERANOPIA,
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const toLinear = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/** sRGB (0–255) as seen with `vision`, in linear light (clamped to the displayable range). */
function simulate(rgb: Rgb, vision: Matrix): Rgb {
  const [r, g, b] = [toLinear(rgb[0]), toLinear(rgb[1]), toLinear(rgb[2])];
  const row = (m: Rgb) => Math.min(1, Math.max(0, m[0] * r + m[1] * g + m[2] * b));
  return [row(vision[0]), row(vision[1]), row(vision[2])];
}

/** Linear-light RGB → CIELAB (D65 white). */
function lab([r, g, b]: Rgb): Rgb {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const deltaE = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/*
 * Thresholds, in ΔE*ab (CIE 1976):
 * - JND = 2.3 is one just-noticeable difference (Sharma & Trussell, "Digital color imaging", 1997; Mahy et al.
 *   1994). Neighbouring tenths of a scale must differ by more than this, so no stretch of the scale reads as flat.
 * - ENDS = 40: the two ends of a scale must be far apart — more than 17 JNDs, about the distance between two
 *   differently named colours (e.g. a mid blue and a mid orange) rather than two shades of one — for every kind of
 *   dichromat. Red against green fails it under deuteranopia (ΔE ≈ 10–20), which is what this guards against.
 */
const JND = 2.3;
const ENDS = 40;
const STEPS = 10;

type Scale = (typeof SCALES)[string];

function seen(scale: Scale, vision: Matrix, t: number): Rgb {
  return lab(simulate(scale.rgb(t), vision));
}

const at = (xs: readonly number[], i: number) => xs[i] ?? NaN;

describe("every colour scale, for every kind of colour vision", () => {
  const scales = Object.keys(SCALES);

  it("has the page's two scales registered", () => {
    expect(scales.sort()).toEqual(["probability", "signed"]);
  });

  for (const [name, scale] of Object.entries(SCALES)) {
    for (const [vision, matrix] of Object.entries(VISION)) {
      it(`${name} (${scale.kind}) stays ordered in lightness and its ends stay apart — ${vision}`, () => {
        const L = Array.from({ length: STEPS + 1 }, (_, i) => seen(scale, matrix, i / STEPS)[0]);
        if (scale.kind === "sequential") {
          // lightness alone orders the values: it rises from one end to the other, by more than a JND per tenth
          for (let i = 1; i <= STEPS; i++) expect(at(L, i) - at(L, i - 1)).toBeGreaterThan(JND);
        } else {
          // a diverging scale is lightest at its zero and darkens towards both ends (the sign is in the hue)
          const mid = STEPS / 2;
          for (let i = 1; i <= mid; i++) {
            expect(at(L, mid - i)).toBeLessThan(at(L, mid - i + 1));
            expect(at(L, mid + i)).toBeLessThan(at(L, mid + i - 1));
          }
          // a negative and a positive value of the same size never look alike, from a tenth of the range up
          for (let i = 1; i <= mid; i++) {
            const neg = seen(scale, matrix, (mid - i) / STEPS);
            const pos = seen(scale, matrix, (mid + i) / STEPS);
            expect(deltaE(neg, pos)).toBeGreaterThan(JND);
          }
        }
        expect(deltaE(seen(scale, matrix, 0), seen(scale, matrix, 1))).toBeGreaterThan(ENDS);
      });
    }
  }

  it("would catch a red–green scale (the test's own check)", () => {
    const red: Rgb = [215, 48, 39];
    const green: Rgb = [26, 152, 80];
    const d = (v: Matrix) => deltaE(lab(simulate(red, v)), lab(simulate(green, v)));
    expect(d(IDENTITY)).toBeGreaterThan(ENDS);
    expect(d(DEUTERANOPIA)).toBeLessThan(ENDS);
  });

  it("paints sign bars with the signed scale's own ends", () => {
    const signed = SCALES.signed;
    expect(signed?.kind).toBe("diverging");
    expect(SIGNED.negative).toBe(hex(signed?.rgb(0) ?? [0, 0, 0]));
    expect(SIGNED.positive).toBe(hex(signed?.rgb(1) ?? [0, 0, 0]));
  });
});

function hex(rgb: Rgb): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

describe("text on a scale's colours", () => {
  // black or white reaches at least ~4.58:1 on any background, so every chip's words meet WCAG AA (4.5:1)
  it("probability chips: black or white text, whichever reads better, for every p", () => {
    for (let i = 0; i <= 200; i++) {
      const { background, color } = probColours(i / 200);
      const bg = parse(background);
      const ratio = contrastRatio(luminance(bg), luminance(parse(color)));
      expect(ratio).toBeGreaterThanOrEqual(4.5);
      expect(color).toBe(textOn(bg));
    }
  });

  it("signed chips: the same rule on the diverging scale", () => {
    for (let i = -100; i <= 100; i++) {
      const { background, color } = signedColours(i / 100, 1);
      const bg = parse(background);
      expect(contrastRatio(luminance(bg), luminance(parse(color)))).toBeGreaterThanOrEqual(4.5);
    }
  });
});

function parse(colour: string): Rgb {
  if (colour.startsWith("#")) {
    const h = colour.length === 4 ? [...colour.slice(1)].map((c) => c + c).join("") : colour.slice(1);
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }
  const m = colour.match(/\d+/g) ?? [];
  return [Number(m[0]), Number(m[1]), Number(m[2])];
}

describe("the themes' words keep their contrast (app.css, light and dark)", () => {
  const css = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../../app.css"), "utf8");
  /** `--name: light-dark(#light, #dark)` (or one colour for both) → [light, dark] */
  const tokens = new Map<string, [Rgb, Rgb]>();
  for (const m of css.matchAll(/--([\w-]+):\s*(?:light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)|(#[0-9a-f]{6}));/gi)) {
    const [light, dark] = m[4] ? [m[4], m[4]] : [m[2] ?? "", m[3] ?? ""];
    tokens.set(m[1] ?? "", [parse(light), parse(dark)]);
  }
  const colourOf = (name: string): [Rgb, Rgb] => {
    const pair = tokens.get(name);
    if (!pair) throw new Error(`app.css has no --${name}`);
    return pair;
  };
  const ratio = (fg: string, bg: string, theme: 0 | 1) =>
    contrastRatio(luminance(colourOf(fg)[theme]), luminance(colourOf(bg)[theme]));

  it("finds the theme's colours", () => {
    for (const name of ["fg", "muted", "bg", "card", "accent", "accent-fg", "accent-text", "warn-text", "focus"])
      expect(tokens.has(name), name).toBe(true);
  });

  for (const [theme, index] of [
    ["light", 0],
    ["dark", 1],
  ] as const) {
    it(`${theme}: text 4.5:1 on the page, cards and hover; focus ring 3:1`, () => {
      for (const fg of ["fg", "muted", "accent-text", "warn-text"])
        for (const bg of ["bg", "card", "hover", "input-bg"]) expect(ratio(fg, bg, index), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      // a chosen button: its text on the accent
      expect(ratio("accent-fg", "accent", index)).toBeGreaterThanOrEqual(4.5);
      // the focus ring is a non-text indicator (WCAG 1.4.11): 3:1 against what it is drawn on
      for (const bg of ["bg", "card"]) expect(ratio("focus", bg, index), `focus on ${bg}`).toBeGreaterThanOrEqual(3);
    });
  }
});
