/** The UI language as reactive state: URL `lang` first, then the saved choice, then the browser's language. */
import { browserLanguage, isLanguage, translate, type Language, type MessageKey } from "./catalogs";

const STORAGE_KEY = "glassbox.lang";

function savedLanguage(): Language | null {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return isLanguage(saved) ? saved : null;
  } catch {
    return null;
  }
}

export const i18n = $state<{ lang: Language }>({
  lang: savedLanguage() ?? browserLanguage(typeof navigator === "undefined" ? [] : navigator.languages),
});

export function setLanguage(lang: Language, persist = true): void {
  i18n.lang = lang;
  if (typeof document !== "undefined") document.documentElement.lang = lang;
  if (!persist) return;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice still lives in the URL
  }
}

/** Translate in the current language (reactive: reads `i18n.lang`). */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(i18n.lang, key, params);
}
