/** Numbers and token text as the page shows them (the colour scales are in `./colour.ts`). */
import { format } from "d3-format";

const fixed3 = format(".3f");

/**
 * A probability as a person reads it, always as a percentage so a column never mixes formats: 42.0%, 3.14%, 0.31%,
 * 0.031%, and "<0.01%" below that (the exact value is `exactProb`, for a tooltip). Decimals grow as the value
 * shrinks, so about two significant digits survive down to 0.01%; a value that is not exactly 1 never reads 100%.
 */
export function formatProb(p: number): string {
  if (Number.isNaN(p)) return "NaN";
  if (p <= 0) return "0%";
  if (p >= 1) return "100%";
  const pc = p * 100;
  if (pc < 0.01) return "<0.01%";
  const decimals = pc >= 10 ? 1 : pc >= 0.1 ? 2 : 3;
  const s = pc.toFixed(decimals);
  // 99.96% rounds to "100.0": say it is just under, as "<0.01%" says it is just over 0
  if (Number(s) >= 100) return ">99.9%";
  return `${s}%`;
}

/** A signed change of probability (after − before) in `formatProb`'s format, with a real minus sign: +3.1%, −<0.01%. */
export function formatProbDelta(d: number): string {
  if (d === 0) return "0%";
  return `${d > 0 ? "+" : "−"}${formatProb(Math.abs(d))}`;
}

/** A probability to six significant digits for a tooltip beside `formatProb`: "0.0000213472", "1.00000e-9". */
export function probDigits(p: number): string {
  return p.toPrecision(6);
}

/** The exact probability for a tooltip: "p = 0.0000213472" or "p = 1.00000e-9". */
export function exactProb(p: number): string {
  return `p = ${probDigits(p)}`;
}

export function formatLogit(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  return fixed3(x).replace("-", "−");
}

/** Compact number for the view: 4 significant digits, a real minus sign, −∞ for masked scores. */
export function num(x: number): string {
  if (x === -Infinity) return "−∞";
  if (x === Infinity) return "∞";
  if (Number.isNaN(x)) return "NaN";
  const s = Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(2) : x.toPrecision(4);
  return s.replace("-", "−");
}

/** An integer with its digits grouped by a narrow no-break space (U+202F): "4 096" never breaks across lines. */
export function formatInt(n: number): string {
  return n.toLocaleString("en-US").replace(/,/g, "\u202f");
}

/** Parameter counts: 1.2M, 124M, 1.1B. */
export function formatParams(n: number): string {
  return format(".3~s")(n).replace("G", "B");
}

/** Control characters as their Unicode pictures (U+2400…), so no token is ever invisible. */
export function printable(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) =>
        c === "\u007f" ? "␡" : String.fromCharCode(0x2400 + c.charCodeAt(0)),
      )
      .replace(/[\u0080-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, codePoint)
  );
}

/** An invisible character spelled out: <U+200B>. */
function codePoint(c: string): string {
  return `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}>`;
}

/** What each whitespace character looks like on a chip: space ·, tab →, newline ↵, the other Unicode spaces ⍽. */
const WHITESPACE_GLYPH: Readonly<Record<string, string>> = { " ": "·", "\t": "→", "\n": "↵" };
// no-break, ideographic and the typographic spaces (U+2000…U+200A, U+202F, U+205F) render blank too
const OTHER_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
const WHITESPACE = /(\r?\n|[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000])/;

/** One run of a token's text as a chip draws it: `text` is drawn, `ws` marks a whitespace glyph standing for `real`. */
export interface TokenPiece {
  text: string;
  real: string;
  ws: boolean;
}

/**
 * A token's text cut into the runs a chip draws: ordinary text (control characters as pictures, see `printable`)
 * and one glyph per whitespace character, so a token of spaces or a newline is never a blank chip. Joining the
 * pieces' `text` gives `visibleWhitespace(text)`; joining their `real` gives the text itself.
 */
export function tokenPieces(text: string): TokenPiece[] {
  const out: TokenPiece[] = [];
  for (const part of text.split(WHITESPACE)) {
    if (part === "") continue;
    if (WHITESPACE.test(part) && part.match(WHITESPACE)?.[0] === part) {
      const glyph = WHITESPACE_GLYPH[part.endsWith("\n") ? "\n" : part] ?? (OTHER_SPACE.test(part) ? "⍽" : part);
      // "\r\n" is one line break: one ↵ (a lone "\r" stays a control picture, ␍)
      out.push({ text: glyph, real: part, ws: true });
    } else {
      out.push({ text: printable(part), real: part, ws: false });
    }
  }
  return out;
}

/** Whitespace made visible: space ·, tab →, newline ↵, other spaces ⍽ (and control characters as pictures). */
export function visibleWhitespace(text: string): string {
  return tokenPieces(text)
    .map((p) => p.text)
    .join("");
}

/** A token's real text for a tooltip or a screen reader: quoted, so leading and trailing spaces show. */
export function quotedToken(text: string): string {
  return `“${text}”`;
}
