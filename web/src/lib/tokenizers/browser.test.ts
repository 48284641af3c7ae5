// @vitest-environment node
/**
 * The page's tokenizer, in node on the built catalogue files: the regex rewrite, the chips' bytes and readable
 * text, Python's word count, and the OpenAI encodings against gpt-tokenizer (an independent JS implementation of
 * tiktoken). The exact comparison with Python's ids for every catalogue entry runs in the page
 * (tests/e2e/test_web_tokenizers.py), in the browser's own regex engine.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { encode as cl100kEncode } from "gpt-tokenizer/encoding/cl100k_base";
import { encode as o200kEncode } from "gpt-tokenizer/encoding/o200k_base";
import { encode as r50kEncode } from "gpt-tokenizer/encoding/r50k_base";
import {
  countWords,
  displayText,
  fromJson,
  gunzipText,
  jsPattern,
  pieceBytes,
  tokenizeText,
} from "./browser";

const CATALOGUE = resolve(__dirname, "../../../../src/glassbox/_tokenizers");

async function load(name: string) {
  const file = resolve(CATALOGUE, `${name}.json.gz`);
  if (!existsSync(file))
    throw new Error(`${file} is missing: run \`make tokenizers\``);
  const buf = readFileSync(file);
  const text = await gunzipText(
    buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength),
  );
  return fromJson(name, JSON.parse(text));
}

const TEXTS = [
  "Hello world!  How's it going?\n\n\tTabs   and   spaces   ",
  "Ще не вмерла України і слава, і воля. 我喜欢学习语言模型。",
  "👩‍👩‍👧‍👦 family 🎉🇨🇿🇺🇦 👍🏽 ❤️ e\u0301 cafe\u0301",
  "   leading\n\n\n  trailing   \r\n x\t\t\ty    \n",
  "12345678 3.14159 1,000,000 I'LL DON'T we've They'RE",
  "def f(x):\n    return x ** 2  # square\n\nhttps://example.org/a?b=c&d=e//f",
];

describe("jsPattern", () => {
  it("makes possessive quantifiers greedy and keeps escapes and classes", () => {
    expect(
      jsPattern(
        String.raw` ?\p{L}++| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s+(?!\S)`,
      ),
    ).toBe(String.raw` ?\p{L}+| ?[^\s\p{L}\p{N}]+[\r\n]*|\s+$|\s+(?!\S)`);
    expect(jsPattern(String.raw`[^\r\n\p{L}\p{N}]?+\p{L}+|\p{N}{1,3}+`)).toBe(
      String.raw`[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}`,
    );
  });
  it("spells case-insensitive groups case by case", () => {
    expect(jsPattern("'(?i:[sdmt]|ll|ve|re)")).toBe(
      "'(?:[sSdDmMtT]|[lL][lL]|[vV][eE]|[rR][eE])",
    );
    expect(jsPattern("(?i:'s)x")).toBe("(?:'[sS])x");
    const re = new RegExp(jsPattern("'(?i:[sdmt]|ll|ve|re)"), "gu");
    expect("I'LL we've DON'T".match(re)).toEqual(["'LL", "'ve", "'T"]);
  });
  it("leaves lookarounds and non-capturing groups alone", () => {
    expect(jsPattern(String.raw`(?:a|b)?(?=c)(?<!d)`)).toBe(
      String.raw`(?:a|b)?(?=c)(?<!d)`,
    );
  });
});

describe("chips", () => {
  it("show incomplete UTF-8 as bytes, as Python does, never U+FFFD", () => {
    expect(displayText(Uint8Array.of(0x61, 0xe4, 0xb8))).toEqual([
      "a<e4 b8>",
      true,
    ]);
    expect(displayText(Uint8Array.of(0xb8, 0xe4, 0xb8, 0xad, 0x41))).toEqual([
      "<b8 e4 b8 ad>A",
      true,
    ]);
    expect(displayText(new TextEncoder().encode("中é"))).toEqual([
      "中é",
      false,
    ]);
  });
  it("read byte-level stand-ins, <0xNN> pieces and SentencePiece spaces", () => {
    expect(Array.from(pieceBytes("Ġä¸", true))).toEqual([0x20, 0xe4, 0xb8]);
    expect(Array.from(pieceBytes("<0xE4>", false))).toEqual([0xe4]);
    expect(new TextDecoder().decode(pieceBytes("▁hello", false))).toBe(
      " hello",
    );
  });
  it("count words with Python's whitespace (U+001C splits, U+FEFF does not)", () => {
    expect(countWords("a\u001cb")).toBe(2);
    expect(countWords("a\ufeffb")).toBe(1);
    expect(countWords("— , 42 x")).toBe(2);
  });
});

describe("the built catalogue in JS", () => {
  const references: [string, (t: string) => number[]][] = [
    ["gpt2", r50kEncode],
    ["cl100k", cl100kEncode],
    ["o200k", o200kEncode],
  ];
  for (const [name, reference] of references) {
    it(`${name} gives gpt-tokenizer's ids and its bytes rebuild the text`, async () => {
      const tok = await load(name);
      for (const text of TEXTS) {
        const result = tokenizeText(tok, text);
        expect(
          result.tokens.map((t) => t.id),
          `${name}: ${text.slice(0, 30)}`,
        ).toEqual(reference(text));
        const bytes = result.tokens
          .flatMap((t) => t.bytes_hex.match(/../g) ?? [])
          .map((h) => parseInt(h, 16));
        expect(new TextDecoder().decode(Uint8Array.from(bytes))).toBe(text);
        expect(result.tokens.some((t) => t.text.includes("\ufffd"))).toBe(
          false,
        );
      }
    }, 60_000);
  }
});
