/**
 * The tokenizer lab's part of the URL: `toks=<name>,<name>,…` (the chosen tokenizers, in order) and `ttext=<text>`
 * (the text they cut). Names the catalogue does not hold are dropped once it has loaded (`TokenizersState`); a
 * malformed list, or one with no valid name, keeps the default choice.
 */
export interface TokenizersUrl {
  tokenizers?: string[];
  text?: string;
}

const NAME = /^[A-Za-z0-9._-]{1,64}$/;
/** the most tokenizers a comparison takes (the request's own limit) */
export const MAX_CHOSEN = 12;
/** the longest text a link carries: beyond it the default text is kept */
export const MAX_LINK_TEXT = 2000;

export function readTokenizersUrl(search: string): TokenizersUrl {
  const q = new URLSearchParams(search);
  const out: TokenizersUrl = {};
  const names = (q.get("toks") ?? "").split(",").filter((n) => NAME.test(n));
  const unique = [...new Set(names)].slice(0, MAX_CHOSEN);
  if (unique.length) out.tokenizers = unique;
  const text = q.get("ttext");
  if (text !== null && text !== "" && text.length <= MAX_LINK_TEXT) out.text = text;
  return out;
}

export function tokenizersUrlParams(s: { chosen: readonly string[]; text: string }): Record<string, string> {
  const out: Record<string, string> = {};
  if (s.chosen.length) out.toks = s.chosen.join(",");
  if (s.text !== "" && s.text.length <= MAX_LINK_TEXT) out.ttext = s.text;
  return out;
}
