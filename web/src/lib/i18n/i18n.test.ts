import { afterEach, describe, expect, it, vi } from "vitest";
import { browserLanguage, CATALOG_LOADERS, format, LANGUAGES, type Catalog, type Language } from "./catalogs";
import { cs } from "./catalogs/cs";
import { en } from "./catalogs/en";
import { fr } from "./catalogs/fr";
import { ja } from "./catalogs/ja";
import { ru } from "./catalogs/ru";
import { uk } from "./catalogs/uk";
import { zh } from "./catalogs/zh";
import { i18n, isLoaded, loadLanguage, setLanguage, t } from "./i18n.svelte";
import { LazyCatalog } from "./lazy.svelte";

// Every language statically, for the key checks: tests are not the bundle (the page fetches all but English lazily).
const CATALOGS: Record<Language, Catalog> = { en, cs, fr, uk, zh, ru, ja };

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("catalogs", () => {
  const reference = Object.keys(en).sort();
  for (const lang of LANGUAGES) {
    it(`${lang} has exactly the English keys, none empty, same placeholders`, () => {
      const catalog = CATALOGS[lang] as Record<string, string>;
      expect(Object.keys(catalog).sort()).toEqual(reference);
      for (const key of reference) {
        const text = catalog[key];
        expect(text, `${lang}:${key}`).toBeTruthy();
        expect(placeholders(text ?? ""), `${lang}:${key}`).toEqual(placeholders(en[key as keyof typeof en]));
      }
    });
  }

  it("translations are not English copies (catches an untranslated catalog)", () => {
    for (const lang of LANGUAGES.filter((l) => l !== "en")) {
      const same = Object.entries(CATALOGS[lang]).filter(
        // a glossary term's name is often the same technical word in every language (Softmax, Top-k, Logit)
        ([k, v]) => v === en[k as keyof typeof en] && !/^(stage|controls|example)\.|^glossary\.\w+\.term$/.test(k),
      );
      expect(same.length, `${lang}: ${same.map(([k]) => k).join(", ")}`).toBeLessThan(10);
    }
  });
});

describe("language helpers", () => {
  it("picks the first supported browser language", () => {
    expect(browserLanguage(["de-DE", "fr-CA", "en"])).toBe("fr");
    expect(browserLanguage(["zh-Hans-CN"])).toBe("zh");
    expect(browserLanguage(["de"])).toBe("en");
  });
  it("fills placeholders", () => {
    expect(format("{n} of {total}", { n: 3, total: 10 })).toBe("3 of 10");
    expect(format("{missing}", {})).toBe("{missing}");
  });
});

describe("languages load on demand (only English ships with the page)", () => {
  afterEach(async () => {
    vi.restoreAllMocks();
    await setLanguage("en", false);
  });

  it("each language's loader yields exactly its catalog", async () => {
    for (const lang of LANGUAGES.filter((l) => l !== "en")) {
      expect(await CATALOG_LOADERS[lang](), lang).toBe(CATALOGS[lang]);
    }
  });

  it("switching language fetches its catalog first, then t returns that language's string", async () => {
    expect(isLoaded("uk")).toBe(false);
    expect(t("lang.label")).toBe(en["lang.label"]);
    const loader = vi.spyOn(CATALOG_LOADERS, "uk");
    const switching = setLanguage("uk", false);
    expect(i18n.lang).toBe("en"); // nothing switches before the strings are here: no half-translated page
    expect(t("lang.label")).toBe(en["lang.label"]);
    expect(await switching).toBe(true);
    expect(loader).toHaveBeenCalledTimes(1);
    expect(i18n.lang).toBe("uk");
    expect(document.documentElement.lang).toBe("uk");
    expect(t("lang.label")).toBe(uk["lang.label"]);
    expect(uk["lang.label"]).not.toBe(en["lang.label"]);
    expect(t("tok.view")).toBe(uk["tok.view"]);
    // back and forth again: already here, so the switch is immediate and nothing is fetched twice
    await setLanguage("en", false);
    const again = setLanguage("uk", false);
    expect(i18n.lang).toBe("uk");
    expect(await again).toBe(true);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it("a chunk that fails keeps the current language, and a later pick fetches it again", async () => {
    await setLanguage("fr", false);
    const loader = vi.spyOn(CATALOG_LOADERS, "ja").mockRejectedValueOnce(new Error("offline"));
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await setLanguage("ja", false)).toBe(false);
    expect(i18n.lang).toBe("fr");
    expect(t("lang.label")).toBe(fr["lang.label"]);
    expect(isLoaded("ja")).toBe(false);
    expect(await setLanguage("ja", false)).toBe(true);
    expect(loader).toHaveBeenCalledTimes(2);
    expect(t("lang.label")).toBe(ja["lang.label"]);
  });

  it("only the latest pick switches: a slower earlier chunk does not override it", async () => {
    let release: (c: Catalog) => void = () => {};
    vi.spyOn(CATALOG_LOADERS, "ru").mockReturnValueOnce(new Promise<Catalog>((resolve) => (release = resolve)));
    const slow = setLanguage("ru", false);
    expect(await setLanguage("zh", false)).toBe(true);
    release(ru);
    expect(await slow).toBe(false);
    expect(i18n.lang).toBe("zh");
    expect(t("lang.label")).toBe(zh["lang.label"]);
    await expect(loadLanguage("ru")).resolves.toBe(ru); // it still arrived, for the next pick
  });
});

describe("lazy catalogs (loaded with their view)", () => {
  // every catalogs/<view>/lazy.ts, found by the bundler's glob, so a new lazy catalog is covered without listing it
  const modules = import.meta.glob<Record<string, unknown>>("./catalogs/*/lazy.ts", { eager: true });

  it("there is at least the tokenizer lab's", () => {
    expect(Object.keys(modules)).toContain("./catalogs/tokenizers/lazy.ts");
  });

  for (const [path, mod] of Object.entries(modules)) {
    for (const lazy of Object.values(mod).filter((v): v is LazyCatalog<string> => v instanceof LazyCatalog)) {
      it(`${path}: every language has exactly the English keys, none empty, same placeholders, not copies`, async () => {
        const all = await lazy.all();
        const english = all.en;
        const reference = Object.keys(english).sort();
        expect(reference.length).toBeGreaterThan(0);
        for (const lang of LANGUAGES) {
          const catalog = all[lang];
          expect(Object.keys(catalog).sort(), `${path} ${lang}`).toEqual(reference);
          for (const key of reference) {
            expect(catalog[key], `${lang}:${key}`).toBeTruthy();
            expect(placeholders(catalog[key] ?? ""), `${lang}:${key}`).toEqual(placeholders(english[key] ?? ""));
          }
          // no key in both a lazy and a main catalog: the lazy one would be shadowed in one place and not another
          for (const key of reference) expect(CATALOGS[lang], `${lang}:${key}`).not.toHaveProperty(key);
          if (lang !== "en") {
            const same = reference.filter((k) => catalog[k] === english[k]);
            expect(same.length, `${lang}: ${same.join(", ")}`).toBeLessThan(Math.max(3, reference.length / 4));
          }
        }
      });
    }
  }

  it("translates in the current language once loaded, English before, the key before either", async () => {
    const probe = new LazyCatalog<"x.hi">("probe", {
      en: async () => ({ "x.hi": "Hi {name}" }),
      cs: async () => ({ "x.hi": "Ahoj {name}" }),
      fr: async () => ({ "x.hi": "Salut {name}" }),
      uk: async () => ({ "x.hi": "Привіт {name}" }),
      zh: async () => ({ "x.hi": "你好 {name}" }),
      ru: async () => ({ "x.hi": "Привет {name}" }),
      ja: async () => ({ "x.hi": "こんにちは {name}" }),
    });
    await setLanguage("cs", false);
    expect(probe.ready).toBe(false);
    expect(probe.t("x.hi", { name: "A" })).toBe("x.hi");
    await probe.load("cs");
    expect(probe.ready).toBe(true);
    expect(probe.t("x.hi", { name: "A" })).toBe("Ahoj A");
    await setLanguage("fr", false);
    expect(probe.ready).toBe(false);
    expect(probe.t("x.hi", { name: "A" })).toBe("Hi A"); // English while French loads
    await setLanguage("en", false);
  });
});
