/** The page's state in the URL (`?model=…&prompt=…&t=…&gen=…&view=…`), so a link reproduces what the sender saw. */
import { isLanguage, type Language } from "../i18n/catalogs";
import type { Settings } from "../sampling/pipeline";

export interface UrlState {
  model?: string;
  prompt?: string;
  settings: Partial<Settings>;
  lang?: Language;
  /** the tokens generated after the prompt, in order; `forced`: chosen by hand instead of sampled */
  generated?: UrlToken[];
}

/** A generated token as a link carries it: `gen=12.845f.7` is 12, then 845 (forced), then 7. */
export interface UrlToken {
  id: number;
  forced: boolean;
}

const URL_TOKEN = /^(\d{1,9})(f?)$/;

/** `gen`'s tokens, up to the first entry that is not one (a hand-edited link keeps its valid start). */
export function readGenerated(raw: string | null): UrlToken[] {
  const out: UrlToken[] = [];
  for (const part of (raw ?? "").split(".")) {
    const m = URL_TOKEN.exec(part);
    if (!m) break;
    out.push({ id: Number(m[1]), forced: m[2] === "f" });
  }
  return out;
}

export function writeGenerated(tokens: readonly UrlToken[]): string {
  return tokens.map((g) => `${g.id}${g.forced ? "f" : ""}`).join(".");
}

const NUMERIC: [keyof Settings, string][] = [
  ["temperature", "t"],
  ["top_k", "k"],
  ["top_p", "p"],
  ["min_p", "minp"],
  ["seed", "seed"],
];

export function readUrl(search: string): UrlState {
  const q = new URLSearchParams(search);
  const settings: Partial<Settings> = {};
  for (const [key, name] of NUMERIC) {
    const raw = q.get(name);
    if (raw === null || raw.trim() === "") continue;
    const value = Number(raw);
    if (Number.isFinite(value)) settings[key] = value;
  }
  const lang = q.get("lang");
  const state: UrlState = { settings };
  const model = q.get("model");
  const prompt = q.get("prompt");
  if (model !== null) state.model = model;
  if (prompt !== null) state.prompt = prompt;
  if (isLanguage(lang)) state.lang = lang;
  const generated = readGenerated(q.get("gen"));
  if (generated.length) state.generated = generated;
  return state;
}

export function writeUrl(state: {
  model: string;
  prompt: string;
  settings: Settings;
  lang: Language;
  generated?: readonly UrlToken[];
}): string {
  const q = new URLSearchParams();
  q.set("model", state.model);
  q.set("prompt", state.prompt);
  for (const [key, name] of NUMERIC) q.set(name, String(state.settings[key]));
  q.set("lang", state.lang);
  if (state.generated?.length) q.set("gen", writeGenerated(state.generated));
  return `?${q.toString()}`;
}

/** Settings clamped to what the sliders and the server accept. */
export function clampSettings(s: Partial<Settings>, maxTopK: number, base: Settings): Settings {
  const clamp = (x: number | undefined, lo: number, hi: number, fallback: number) =>
    x === undefined || !Number.isFinite(x) ? fallback : Math.min(hi, Math.max(lo, x));
  return {
    temperature: clamp(s.temperature, 0, 5, base.temperature),
    top_k: Math.round(clamp(s.top_k, 0, maxTopK, base.top_k)),
    top_p: clamp(s.top_p, 0.01, 1, base.top_p),
    min_p: clamp(s.min_p, 0, 1, base.min_p),
    seed: Math.round(clamp(s.seed, 0, 4294967295, base.seed)),
  };
}

const VIEWS = ["next", "detail", "training", "why", "tokenizers", "circuits", "compare"] as const;
export type View = (typeof VIEWS)[number];

function isView(x: unknown): x is View {
  return typeof x === "string" && (VIEWS as readonly string[]).includes(x);
}

/** The view named by `?view=` (the next-token view when absent or unknown). */
export function readView(search: string): View {
  const view = new URLSearchParams(search).get("view");
  return isView(view) && view !== "next" ? view : "next";
}
