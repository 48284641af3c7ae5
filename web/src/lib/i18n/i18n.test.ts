import { describe, expect, it } from "vitest";
import { browserLanguage, CATALOGS, format, LANGUAGES } from "./catalogs";
import { en } from "./catalogs/en";

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
