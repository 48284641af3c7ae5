/**
 * Sub-catalogs that load with their view instead of with the page.
 *
 * A view's strings can live in a lazy catalog: one module per language, each loaded by a dynamic `import()` so the
 * bundler puts it in its own chunk, fetched the first time the view needs that language (English, the fallback,
 * comes with it). The view renders once `ready` is true and translates with the catalog's own `t`, which is as
 * reactive as the global one (it follows `i18n.lang`).
 *
 * To make a view's sub-catalog lazy: stop spreading it into the seven main catalogs, keep any key the initial page
 * needs (its tab's label) in the main catalogs, and add `catalogs/<view>/lazy.ts`:
 *
 *     export const fooStrings = new LazyCatalog<keyof typeof fooEn>("foo", {
 *       en: () => import("./en").then((m) => m.fooEn),
 *       cs: () => import("./cs").then((m) => m.fooCs), …
 *     });
 *
 * `i18n.test.ts` finds every `lazy.ts` under `catalogs/` and checks that each language has exactly the English
 * keys, as it does for the main catalogs.
 */
import { format, LANGUAGES, type Language } from "./catalogs";
import { i18n } from "./i18n.svelte";

export type LazyLoaders<K extends string> = Record<
  Language,
  () => Promise<Record<K, string>>
>;

export class LazyCatalog<K extends string> {
  /** the languages loaded so far (replaced, never mutated, so reading it is reactive) */
  private loaded = $state.raw<Partial<Record<Language, Record<K, string>>>>({});
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- in-flight loads, read by no markup
  private pending = new Map<Language, Promise<void>>();

  constructor(
    readonly name: string,
    readonly loaders: LazyLoaders<K>,
  ) {}

  /** Fetch a language's strings (and English's, the fallback); resolves at once when they are already here. */
  load(lang: Language): Promise<void> {
    const wanted = lang === "en" ? (["en"] as const) : (["en", lang] as const);
    return Promise.all(wanted.map((l) => this.loadOne(l))).then(
      () => undefined,
    );
  }

  private loadOne(lang: Language): Promise<void> {
    if (this.loaded[lang]) return Promise.resolve();
    let promise = this.pending.get(lang);
    if (promise === undefined) {
      promise = this.loaders[lang]().then((strings) => {
        this.loaded = { ...this.loaded, [lang]: strings };
      });
      promise.catch(() => this.pending.delete(lang)); // a failed chunk can be fetched again
      this.pending.set(lang, promise);
    }
    return promise;
  }

  /** Are the current language's strings here (reactive)? */
  get ready(): boolean {
    return this.loaded[i18n.lang] !== undefined;
  }

  /** Translate in the current language; English while that language is still loading, the key before either. */
  t(key: K, params?: Record<string, string | number>): string {
    const text = this.loaded[i18n.lang]?.[key] ?? this.loaded.en?.[key] ?? key;
    return format(text, params);
  }

  /** Every language's strings (tests: load everything and compare keys). */
  async all(): Promise<Record<Language, Record<K, string>>> {
    const entries = await Promise.all(
      LANGUAGES.map(async (l) => [l, await this.loaders[l]()] as const),
    );
    return Object.fromEntries(entries) as Record<Language, Record<K, string>>;
  }
}
