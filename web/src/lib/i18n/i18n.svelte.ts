/**
 * The UI language as reactive state: URL `lang` first, then the saved choice, then the browser's language.
 *
 * English is always here; any other language's catalog is fetched (one chunk, see `CATALOG_LOADERS`) before the
 * page switches to it, so `i18n.lang` only ever names a language whose strings are loaded and `t` stays synchronous.
 * `main.ts` awaits the starting language before mounting (no English flash); the header's picker switches once the
 * chunk arrives, and a chunk that fails to arrive leaves the page in the language it was in.
 */
import { appRoots } from "../stores/roots";
import {
  browserLanguage,
  CATALOG_LOADERS,
  isLanguage,
  translate,
  type Catalog,
  type Language,
  type MessageKey,
} from "./catalogs";
import { en } from "./catalogs/en";

const STORAGE_KEY = "glassbox.lang";

function savedLanguage(): Language | null {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return isLanguage(saved) ? saved : null;
  } catch {
    return null;
  }
}

/** The language a visitor wants when the URL names none: the saved choice, else the browser's first supported one. */
export function preferredLanguage(): Language {
  return savedLanguage() ?? browserLanguage(typeof navigator === "undefined" ? [] : navigator.languages);
}

/** The language shown; English until another one's catalog has arrived and `setLanguage` switched to it. */
export const i18n = $state<{ lang: Language }>({ lang: "en" });

/** the catalogs here so far (replaced, never mutated, so reading it is reactive) */
let loaded = $state.raw<Partial<Record<Language, Catalog>>>({ en });
// in-flight fetches, so two quick picks of one language fetch its chunk once; read by no markup
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- in-flight loads, read by no markup
const pending = new Map<Language, Promise<Catalog>>();
/** bumped by every `setLanguage`: only the latest request may switch the page (a slow earlier chunk must not) */
let latestRequest = 0;

/** Is this language's catalog here (reactive)? */
export function isLoaded(lang: Language): boolean {
  return loaded[lang] !== undefined;
}

/** Fetch a language's catalog (at once when it is already here); rejects when its chunk cannot be fetched. */
export function loadLanguage(lang: Language): Promise<Catalog> {
  const have = loaded[lang];
  if (have) return Promise.resolve(have);
  if (lang === "en") return Promise.resolve(en); // unreachable (English is always loaded); narrows the type
  let promise = pending.get(lang);
  if (promise === undefined) {
    promise = CATALOG_LOADERS[lang]().then(
      (catalog) => {
        loaded = { ...loaded, [lang]: catalog };
        pending.delete(lang);
        return catalog;
      },
      (error: unknown) => {
        pending.delete(lang); // a failed chunk can be fetched again on the next pick
        throw error;
      },
    );
    pending.set(lang, promise);
  }
  return promise;
}

function apply(lang: Language, persist: boolean): void {
  i18n.lang = lang;
  for (const root of appRoots()) root.lang = lang;
  if (!persist) return;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice still lives in the URL
  }
}

/**
 * Switch the UI to `lang` once its catalog is here: at once (synchronously) when it already is, else when its chunk
 * arrives. Resolves true when the page switched; false when the chunk failed (the page stays in its language) or a
 * later `setLanguage` overtook this one. Never rejects.
 */
export function setLanguage(lang: Language, persist = true): Promise<boolean> {
  const request = ++latestRequest;
  if (isLoaded(lang)) {
    apply(lang, persist);
    return Promise.resolve(true);
  }
  return loadLanguage(lang).then(
    () => {
      if (request !== latestRequest) return false;
      apply(lang, persist);
      return true;
    },
    (error: unknown) => {
      console.warn(`glassbox: the ${lang} strings could not be loaded; staying in ${i18n.lang}`, error);
      return false;
    },
  );
}

/** Translate in the current language (reactive: reads `i18n.lang` and the loaded catalogs). */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(loaded[i18n.lang], key, params);
}
