/** Every UI string, per language. English is the reference; a test fails when another catalog differs in keys. */
import { cs } from "./catalogs/cs";
import { en, type Catalog, type MessageKey } from "./catalogs/en";
import { fr } from "./catalogs/fr";
import { ja } from "./catalogs/ja";
import { ru } from "./catalogs/ru";
import { uk } from "./catalogs/uk";
import { zh } from "./catalogs/zh";

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

export const CATALOGS: Record<Language, Catalog> = { en, cs, fr, uk, zh, ru, ja };

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

export function translate(lang: Language, key: MessageKey, params?: Record<string, string | number>): string {
  return format(CATALOGS[lang][key] ?? en[key], params);
}
