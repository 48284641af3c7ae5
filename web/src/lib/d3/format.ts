/** Numbers and token text as the page shows them (the colour scales are in `./colour.ts`). */
import { format } from "d3-format";

const pct = format(".1%");
const sci = format(".2~e");
const fixed3 = format(".3f");

/** A probability as a person reads it: 42.0%, 0.3%, 2.1e-5. */
export function formatProb(p: number): string {
  if (p === 0) return "0";
  if (p >= 0.001) return pct(p);
  return sci(p);
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

export function formatInt(n: number): string {
  return n.toLocaleString("en-US").replace(/,/g, " ");
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

/** Whitespace made visible: space ·, tab →, newline ↵ (and control characters as pictures). */
export function visibleWhitespace(text: string): string {
  return printable(text).replace(/ /g, "·").replace(/\t/g, "→").replace(/\r?\n/g, "↵");
}
