import { describe, expect, it } from "vitest";
import { browserLanguage, CATALOGS, format, LANGUAGES } from "./catalogs";
import { en } from "./catalogs/en";
import { setLanguage } from "./i18n.svelte";
import { LazyCatalog } from "./lazy.svelte";

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
        ([k, v]) => v === en[k as keyof typeof en] && !/^(stage|controls|example)\./.test(k),
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
    setLanguage("cs", false);
    expect(probe.ready).toBe(false);
    expect(probe.t("x.hi", { name: "A" })).toBe("x.hi");
    await probe.load("cs");
    expect(probe.ready).toBe(true);
    expect(probe.t("x.hi", { name: "A" })).toBe("Ahoj A");
    setLanguage("fr", false);
    expect(probe.ready).toBe(false);
    expect(probe.t("x.hi", { name: "A" })).toBe("Hi A"); // English while French loads
    setLanguage("en", false);
  });
});
