/**
 * Every UI string, per language. English is the reference; a test fails when another catalog differs in keys.
 *
 * Only English ships with the page (it is the fallback for a missing key and the language before any other
 * arrives). Each other language's whole catalog, its spread sub-catalogs included, is one dynamic `import()` in
 * `CATALOG_LOADERS`, so the bundler gives it its own chunk, fetched when that language is chosen
 * (`loadLanguage`/`setLanguage` in `i18n.svelte.ts`). Importing another language's catalog statically here (or
 * anywhere the page imports) would put it back into the initial JavaScript.
 */
import { en, type Catalog, type MessageKey } from "./catalogs/en";

export type { Catalog, MessageKey };

export const LANGUAGES = ["en", "cs", "fr", "uk", "zh", "ru", "ja"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the picker. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  cs: "Čeština",
  fr: "Français",
  uk: "Українська",
  zh: "中文",
  ru: "Русский",
  ja: "日本語",
};

/** The languages that load on demand: every one but English. */
export type LazyLanguage = Exclude<Language, "en">;

/** One dynamic import per language: each becomes a chunk of its own, fetched the first time it is wanted. */
export const CATALOG_LOADERS: Record<LazyLanguage, () => Promise<Catalog>> = {
  cs: () => import("./catalogs/cs").then((m) => m.cs),
  fr: () => import("./catalogs/fr").then((m) => m.fr),
  uk: () => import("./catalogs/uk").then((m) => m.uk),
  zh: () => import("./catalogs/zh").then((m) => m.zh),
  ru: () => import("./catalogs/ru").then((m) => m.ru),
  ja: () => import("./catalogs/ja").then((m) => m.ja),
};

export function isLanguage(x: unknown): x is Language {
  return typeof x === "string" && (LANGUAGES as readonly string[]).includes(x);
}

/** The first of the browser's preferred languages that has a catalog, else English. */
export function browserLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

/** `{name}` placeholders filled from params. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A key in the given catalog (English where the catalog is absent or lacks it), placeholders filled. */
export function translate(
  catalog: Catalog | undefined,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  return format(catalog?.[key] ?? en[key], params);
}
