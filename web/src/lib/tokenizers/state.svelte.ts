/**
 * The tokenizer lab's state: which tokenizers are chosen, the text, the parallel texts of the token tax, the word
 * whose merges are shown and the conversation of the chat template — and the answers, all read through the
 * `DataSource` it is given. Catalogue tokenizers run in the page (`./browser.ts`, a lazily loaded chunk reading the
 * catalogue's own tokenizer.json files; its ids are held to Python's by tests/e2e/test_web_tokenizers.py); a served
 * model's tokenizer, or a catalogue one that fails to load in the page, runs on the server (Python `tokenizers`).
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- the Maps and Sets here are a call's scratch work or a private
   cache no markup reads; what the page shows is the Query answers, which are reactive */
import type { DataSource } from "../data/source";
import type {
  ChatRendering,
  ChatRequest,
  Comparison,
  MergesRequest,
  MergeTrace,
  ParallelText,
  TaxRequest,
  TaxCell,
  TokenizedText,
  TokenizeRequest,
  TokenizerCatalogue,
  TokenTax,
} from "../generated/schema";
import { Query } from "../why/query.svelte";

/** The tokenizers chosen when the view opens: five families that cut text differently. */
export const DEFAULT_TOKENIZERS = [
  "gpt2",
  "o200k",
  "llama3",
  "qwen3",
  "gemma3",
];

/** Where a column's tokens were computed. */
export type Engine = "browser" | "server";

/** A comparison, and where each tokenizer's column was computed. */
export interface LabComparison extends Comparison {
  engines: Record<string, Engine>;
}

/** The name of the performance measure of one tokenizer's encode alone (the benchmark reads it). */
export const encodeMeasure = (name: string) => `glassbox:encode:${name}`;

export class TokenizersState {
  readonly catalogue: Query<null, TokenizerCatalogue>;
  readonly comparison: Query<TokenizeRequest, LabComparison>;
  readonly tax: Query<TaxRequest, TokenTax>;
  readonly merges: Query<MergesRequest, MergeTrace>;
  readonly chat: Query<ChatRequest, ChatRendering>;
  chosen = $state<string[]>([...DEFAULT_TOKENIZERS]);
  text = $state("Ще не вмерла 你好 🎉 naïve café — tokenizers!");
  /** the parallel texts of the tax table; null until the server's set is loaded */
  texts = $state<ParallelText[] | null>(null);
  mergeWord = $state("tokenization");
  mergeTokenizer = $state("o200k");
  chatTokenizer = $state("qwen3");
  chatUser = $state("Hi! Can you count the stars?");

  constructor(readonly source: DataSource) {
    this.catalogue = new Query(() => source.tokenizerCatalogue());
    this.comparison = new Query((r) => this.compareAnywhere(r));
    this.tax = new Query((r) => this.taxAnywhere(r));
    this.merges = new Query((r) => source.bpeMerges(r));
    this.chat = new Query((r) => source.renderChat(r));
  }

  /** catalogue tokenizers that failed in the page: the server runs them from then on */
  private readonly broken = new Set<string>();

  /** Can this tokenizer run in the page? (a catalogue entry that has not failed here) */
  inBrowser(name: string): boolean {
    const entry = this.catalogue.value?.tokenizers.find((e) => e.name === name);
    return entry?.kind === "catalogue" && !this.broken.has(name);
  }

  /** The page's tokenizers for these names; a name that fails to load is left out (and marked broken). */
  private async browserTokenizers(names: readonly string[]) {
    const wanted = names.filter((n) => this.inBrowser(n));
    if (wanted.length === 0) return { mod: null, toks: new Map<string, never>() };
    const mod = await import("./browser");
    const toks = new Map<string, Awaited<ReturnType<typeof mod.loadBrowserTokenizer>>>();
    await Promise.all(
      wanted.map(async (name) => {
        try {
          toks.set(name, await mod.loadBrowserTokenizer(name));
        } catch (err) {
          console.warn(`the ${name} tokenizer could not run in the page; the server runs it`, err);
          this.broken.add(name);
        }
      }),
    );
    return { mod, toks };
  }

  /** One text through the chosen tokenizers: in the page where it can, the rest on the server. */
  private async compareAnywhere(req: TokenizeRequest): Promise<LabComparison> {
    const { mod, toks } = await this.browserTokenizers(req.tokenizers);
    const local = new Map<string, TokenizedText>();
    if (mod) {
      for (const [name, tok] of toks) {
        try {
          const start = performance.now();
          const ids = tok.encode(req.text);
          performance.measure(encodeMeasure(name), { start, end: performance.now() });
          local.set(name, { tokenizer: name, tokens: tok.tokenInfos(ids), counts: mod.counts(req.text, ids.length) });
        } catch (err) {
          console.warn(`the ${name} tokenizer failed in the page; the server runs it`, err);
          this.broken.add(name);
        }
      }
    }
    const rest = req.tokenizers.filter((n) => !local.has(n));
    const server = rest.length
      ? await this.source.tokenizeText({ text: req.text, tokenizers: rest as TokenizeRequest["tokenizers"] })
      : null;
    const engines: Record<string, Engine> = {};
    const results = req.tokenizers.flatMap((name) => {
      const mine = local.get(name);
      engines[name] = mine ? "browser" : "server";
      const result = mine ?? server?.results.find((r) => r.tokenizer === name);
      return result ? [result] : [];
    });
    return { text: req.text, results, engines };
  }

  /** The token tax: in the page when every chosen tokenizer runs there, else (and for bad input) on the server. */
  private async taxAnywhere(req: TaxRequest): Promise<TokenTax> {
    const texts = req.texts ?? [];
    const refLang = req.reference_lang ?? "en";
    const wellFormed =
      texts.some((t) => t.lang === refLang) &&
      texts.every((t) => t.text.trim() !== "" && t.text.length <= 20_000) &&
      new Set(texts.map((t) => t.lang)).size === texts.length;
    const names = [...new Set(req.tokenizers)];
    const { toks } = wellFormed ? await this.browserTokenizers(names) : { toks: new Map<string, never>() };
    if (!wellFormed || toks.size !== names.length) return this.source.tokenTax(req);
    const count = new Map<string, number>(); // "lang\0tokenizer" -> tokens
    for (const [name, tok] of toks) for (const t of texts) count.set(`${t.lang}\u0000${name}`, tok.encode(t.text).length);
    const cells: TaxCell[] = texts.flatMap((t) =>
      names.map((name) => {
        const n = count.get(`${t.lang}\u0000${name}`) ?? 0;
        const base = count.get(`${refLang}\u0000${name}`) ?? 0;
        return { lang: t.lang, tokenizer: name, count: n, relative: n / Math.max(1, base) };
      }),
    );
    return { kind: "token_tax", reference_lang: refLang, texts, tokenizers: names, cells };
  }

  /** Load the catalogue and the parallel set, then run every section once. */
  /** the tokenizers a link asked for, kept until the catalogue says which exist */
  #linked: readonly string[] | null = null;

  /** Take a link's choice (`tokenizers/url.ts`): the text at once, the tokenizers once the catalogue is known. */
  applyLink(link: { tokenizers?: readonly string[]; text?: string }): void {
    if (link.text !== undefined) this.text = link.text;
    if (link.tokenizers?.length) this.#linked = link.tokenizers;
  }

  async start(): Promise<void> {
    await this.catalogue.run(null);
    const known = this.#linked?.filter((n) => this.catalogue.value?.tokenizers.some((e) => e.name === n)) ?? [];
    if (known.length) this.chosen = [...known];
    this.#linked = null;
    if (this.texts === null) {
      // a host without the parallel set (a static export) still runs the sections that need no server
      try {
        this.texts = (await this.source.parallelSet()).texts;
      } catch {
        this.texts = null;
      }
    }
    await Promise.all([
      this.compare(),
      this.runTax(),
      this.runMerges(),
      this.runChat(),
    ]);
  }

  /** The chosen names as the request's type (1 to 12 names: the view never asks with none). */
  names(): TokenizeRequest["tokenizers"] {
    return this.chosen.slice(0, 12) as TokenizeRequest["tokenizers"];
  }

  toggle(name: string): void {
    this.chosen = this.chosen.includes(name)
      ? this.chosen.filter((n) => n !== name)
      : [...this.chosen, name];
    void this.compare();
    void this.runTax();
  }

  async compare(): Promise<void> {
    if (this.chosen.length === 0 || this.text === "") return;
    await this.comparison.run({
      text: this.text,
      tokenizers: this.names(),
    });
  }

  async runTax(): Promise<void> {
    if (this.chosen.length === 0 || this.texts === null) return;
    await this.tax.run({
      tokenizers: this.names(),
      texts: this.texts.map((t) => ({ ...t })),
      reference_lang: "en",
    });
  }

  async runMerges(): Promise<void> {
    if (this.mergeWord === "") return;
    await this.merges.run({
      tokenizer: this.mergeTokenizer,
      word: this.mergeWord,
    });
  }

  async runChat(): Promise<void> {
    await this.chat.run({
      tokenizer: this.chatTokenizer,
      messages: [
        { role: "system", content: "You are a helpful assistant." },
        { role: "user", content: this.chatUser },
      ],
      add_generation_prompt: true,
    });
  }
}

/** A chip's bytes as the test hook wants them: lower-case hex pairs separated by spaces ("e4 b8"). */
export function spacedHex(hex: string): string {
  return (hex.match(/../g) ?? []).join(" ");
}

