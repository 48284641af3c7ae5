/**
 * Tokenizing in the page, exactly as Python does, from the catalogue's own files.
 *
 * The catalogue (`src/glassbox/_tokenizers/<name>.json.gz`, gzip-compressed Hugging Face `tokenizer.json`) is
 * served as static files at `tokenizers/<name>.json.gz` beside the page; this module fetches one only when its
 * tokenizer is chosen, and runs it with `@lenml/tokenizers` (transformers.js's tokenizers without the rest). This
 * whole module is a lazily loaded chunk: nothing here is in the page's initial JavaScript.
 *
 * Two things make a JS engine give Python's ids:
 *  - the pre-tokenizer regexes are rewritten for JavaScript (`jsPattern`): Oniguruma's possessive quantifiers
 *    (`\p{L}++`, `?+`, `*+`) become greedy ones and case-insensitive groups `(?i:…)` spell out both cases. For the
 *    catalogue's patterns the two read every text the same way (a possessive quantifier here is always followed
 *    by something its own characters cannot match); the browser test holds every entry to Python's ids.
 *  - chips are derived from the tokenizer.json's own vocabulary exactly as `glassbox.tokenizers.compare` does:
 *    bytes from GPT-2's printable stand-ins or `<0xNN>` pieces, incomplete UTF-8 shown as `<e4 b8>`.
 */
import { TokenizerLoader } from "@lenml/tokenizers";
import type { TextCounts, TokenInfo, TokenizedText } from "../generated/schema";

/** The JSON of a Hugging Face tokenizer.json, as far as this module reads it. */
interface TokenizerJson {
  added_tokens?: { id: number; content: string; special?: boolean }[];
  decoder?: unknown;
  model: { type: string; vocab: Record<string, number> | [string, number][] };
  [key: string]: unknown;
}

/** A catalogue tokenizer ready in the page. */
export interface BrowserTokenizer {
  readonly name: string;
  /** the tokenizer's ids for a text, without added BOS/EOS (as Python's `encode(..., add_special_tokens=False)`) */
  encode(text: string): number[];
  /** one chip per id: readable text, bytes as hex, special and partial-UTF-8 flags */
  tokenInfos(ids: readonly number[]): TokenInfo[];
}

// ---------------------------------------------------------------------------------------------------------------
// Regexes: Oniguruma (what `tokenizers` in Python runs) → JavaScript

const isLetter = (c: string) => c.toLowerCase() !== c.toUpperCase();

/**
 * A tokenizer.json regex rewritten for JavaScript's `u` flag: possessive quantifiers made greedy, `(?i:…)` groups
 * spelled case by case. Escapes (`\p{L}`, `\s`, `\r`) and character classes are copied as they are.
 */
export function jsPattern(source: string): string {
  let out = "";
  const groups: boolean[] = []; // per open group: is it case-insensitive?
  const insensitive = () => groups.includes(true);
  let inClass = false;
  let i = 0;
  const quantifierEnds = (): boolean => {
    // a possessive quantifier is a quantifier followed by "+": drop that "+"
    if (source[i] === "+" && !inClass) {
      i += 1;
      return true;
    }
    return false;
  };
  while (i < source.length) {
    const c = source[i] ?? "";
    if (c === "\\") {
      let end = i + 2;
      if (
        (source[i + 1] === "p" || source[i + 1] === "P") &&
        source[i + 2] === "{"
      )
        end = source.indexOf("}", i) + 1;
      out += source.slice(i, end);
      i = end;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      const inRange = source[i - 1] === "-" || source[i + 1] === "-";
      out +=
        insensitive() && isLetter(c) && !inRange && c !== "]"
          ? c.toLowerCase() + c.toUpperCase()
          : c;
      i += 1;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      i += 1;
      if (source[i] === "^") {
        out += "^";
        i += 1;
      }
      continue;
    }
    if (c === "(") {
      if (source.startsWith("(?i:", i)) {
        groups.push(true);
        out += "(?:";
        i += 4;
      } else {
        groups.push(false);
        out += c;
        i += 1;
        if (source[i] === "?") {
          // (?: (?= (?! (?<= (?<! — copy the marker so its "?" is not taken for a quantifier
          const marker = /^\?(?:<[=!]|[:=!])/.exec(source.slice(i))?.[0] ?? "?";
          out += marker;
          i += marker.length;
        }
      }
      continue;
    }
    if (c === ")") {
      groups.pop();
      out += c;
      i += 1;
      quantifierEnds();
      continue;
    }
    if (c === "+" || c === "*" || c === "?") {
      out += c;
      i += 1;
      quantifierEnds();
      continue;
    }
    if (c === "{") {
      const m = /^\{\d+(?:,\d*)?\}/.exec(source.slice(i));
      if (m) {
        out += m[0];
        i += m[0].length;
        quantifierEnds();
        continue;
      }
    }
    out +=
      insensitive() && isLetter(c)
        ? `[${c.toLowerCase()}${c.toUpperCase()}]`
        : c;
    i += 1;
  }
  return out;
}

/** Every `{"Regex": …}` pattern in a tokenizer.json part, rewritten by {@link jsPattern} (in place). */
function rewritePatterns(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(rewritePatterns);
  } else if (node !== null && typeof node === "object") {
    const obj = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(obj)) {
      if (key === "Regex" && typeof value === "string")
        obj[key] = jsPattern(value);
      else rewritePatterns(value);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Chips: the same derivation as glassbox.tokenizers.compare.piece_bytes / glassbox.models.tokens.display_text

/** GPT-2's printable stand-in of each byte, reversed: stand-in character → byte. */
function byteDecoder(): Map<string, number> {
  const keep = (b: number) =>
    (b >= 0x21 && b <= 0x7e) ||
    (b >= 0xa1 && b <= 0xac) ||
    (b >= 0xae && b <= 0xff);
  const table = new Map<string, number>();
  let extra = 0;
  for (let b = 0; b < 256; b++)
    table.set(String.fromCodePoint(keep(b) ? b : 256 + extra++), b);
  return table;
}
const BYTE_DECODER = byteDecoder();
const BYTE_PIECE = /^<0x([0-9A-Fa-f]{2})>$/;
const utf8 = new TextEncoder();
const strict = new TextDecoder("utf-8", { fatal: true });

function decodes(bytes: Uint8Array): string | null {
  try {
    return strict.decode(bytes);
  } catch {
    return null;
  }
}

/** (readable text, is it incomplete UTF-8): complete characters as text, the rest as `<e4 b8>`, never U+FFFD. */
export function displayText(raw: Uint8Array): [string, boolean] {
  const whole = decodes(raw);
  if (whole !== null) return [whole, false];
  let out = "";
  let i = 0;
  while (i < raw.length) {
    let done = false;
    for (let j = Math.min(raw.length, i + 4); j > i; j--) {
      const part = decodes(raw.subarray(i, j));
      if (part !== null) {
        out += part;
        i = j;
        done = true;
        break;
      }
    }
    if (done) continue;
    // as Python: from an undecodable byte on, every non-ASCII byte up to the next ASCII one is shown as hex
    const run: string[] = [];
    while (i < raw.length && (raw[i] ?? 0) >= 0x80) {
      run.push((raw[i] ?? 0).toString(16).padStart(2, "0"));
      i += 1;
    }
    out += `<${run.join(" ")}>`;
  }
  return [out, true];
}

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** The bytes a vocabulary entry stands for. */
export function pieceBytes(piece: string, byteLevel: boolean): Uint8Array {
  if (byteLevel) {
    const chars = Array.from(piece);
    if (chars.every((ch) => BYTE_DECODER.has(ch)))
      return Uint8Array.from(chars, (ch) => BYTE_DECODER.get(ch) ?? 0);
  }
  const m = BYTE_PIECE.exec(piece);
  if (m) return Uint8Array.of(parseInt(m[1] ?? "0", 16));
  return utf8.encode(piece.replaceAll("▁", " "));
}

// ---------------------------------------------------------------------------------------------------------------
// Counts: as Python's (words = whitespace-separated chunks with a letter or digit; Python's \s, not JavaScript's)

const PY_SPACE =
  "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const WORD = new RegExp(`[^${PY_SPACE}]+`, "gu");
const WORDLIKE = /[\p{L}\p{N}]/u;

export function countWords(text: string): number {
  let n = 0;
  for (const m of text.matchAll(WORD)) if (WORDLIKE.test(m[0])) n += 1;
  return n;
}

export function counts(text: string, tokens: number): TextCounts {
  const words = countWords(text);
  return {
    tokens,
    characters: Array.from(text).length,
    bytes: utf8.encode(text).length,
    words,
    tokens_per_word: words ? tokens / words : null,
  };
}

/** One text through one browser tokenizer, in the server's shape. */
export function tokenizeText(
  tok: BrowserTokenizer,
  text: string,
): TokenizedText {
  const ids = tok.encode(text);
  return {
    tokenizer: tok.name,
    tokens: tok.tokenInfos(ids),
    counts: counts(text, ids.length),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Loading

/** A tokenizer from its tokenizer.json (already parsed; its regexes are rewritten in place). */
export function fromJson(name: string, json: TokenizerJson): BrowserTokenizer {
  const byteLevel = JSON.stringify(json.decoder ?? null).includes(
    '"ByteLevel"',
  );
  const pieces: string[] = [];
  const vocab = json.model.vocab;
  for (const [piece, id] of Array.isArray(vocab)
    ? vocab.map(([p], i) => [p, i] as const)
    : Object.entries(vocab))
    pieces[id] = piece;
  const special = new Set<number>();
  for (const added of json.added_tokens ?? []) {
    pieces[added.id] = added.content;
    if (added.special) special.add(added.id);
  }
  rewritePatterns(json.pre_tokenizer);
  rewritePatterns(json.normalizer);
  const tokenizer = TokenizerLoader.fromPreTrained({
    tokenizerJSON: json,
    tokenizerConfig: {},
  });
  const chip = new Map<number, TokenInfo>(); // id → chip: a chip depends on its id alone
  return {
    name,
    encode: (text) => tokenizer.encode(text, { add_special_tokens: false }),
    tokenInfos(ids) {
      return ids.map((id) => {
        let info = chip.get(id);
        if (info === undefined) {
          const piece = pieces[id] ?? "";
          if (special.has(id)) {
            info = {
              id,
              text: piece,
              bytes_hex: hex(utf8.encode(piece)),
              is_special: true,
              partial_utf8: false,
            };
          } else {
            const raw = pieceBytes(piece, byteLevel);
            const [text, partial] = displayText(raw);
            info = {
              id,
              text,
              bytes_hex: hex(raw),
              is_special: false,
              partial_utf8: partial,
            };
          }
          chip.set(id, info);
        }
        return info;
      });
    },
  };
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** gzip bytes → text (a server that already undid the compression hands over plain JSON, read as it is). */
export async function gunzipText(buf: ArrayBuffer): Promise<string> {
  const head = new Uint8Array(buf, 0, Math.min(2, buf.byteLength));
  if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1])
    return new TextDecoder().decode(buf);
  const stream = new Blob([buf])
    .stream()
    .pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text();
}

/** Where the page finds a catalogue file: beside the page, so a static copy of the app works the same way. */
export function catalogueUrl(name: string): string {
  return `tokenizers/${encodeURIComponent(name)}.json.gz`;
}

const loading = new Map<string, Promise<BrowserTokenizer>>();

/** A catalogue tokenizer, fetched and built once per page (a failed load is forgotten, so it can be retried). */
export function loadBrowserTokenizer(
  name: string,
  fetcher: typeof fetch = fetch,
): Promise<BrowserTokenizer> {
  let promise = loading.get(name);
  if (promise === undefined) {
    promise = (async () => {
      const res = await fetcher(catalogueUrl(name));
      if (!res.ok) throw new Error(`${catalogueUrl(name)}: HTTP ${res.status}`);
      const json = JSON.parse(
        await gunzipText(await res.arrayBuffer()),
      ) as TokenizerJson;
      return fromJson(name, json);
    })();
    loading.set(name, promise);
    promise.catch(() => loading.delete(name));
  }
  return promise;
}
