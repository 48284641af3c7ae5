import postcss, { type AtRule } from "postcss";
import { describe, expect, it } from "vitest";
import { scopeCss, scopeSelector } from "./scope-css";

const S = ".gbw";

describe("scopeSelector", () => {
  it("turns the page-level selectors into the root itself", () => {
    expect(scopeSelector(":root", S)).toBe(".gbw");
    expect(scopeSelector(':root[data-theme="dark"]', S)).toBe('.gbw[data-theme="dark"]');
    expect(scopeSelector("body", S)).toBe(".gbw");
    expect(scopeSelector("html body .x", S)).toBe(".gbw .x");
    expect(scopeSelector("html[lang=ja] .x", S)).toBe(".gbw[lang=ja] .x");
  });

  it("puts everything else under the root, and leaves look-alikes and scoped selectors alone", () => {
    expect(scopeSelector("button:hover:not(:disabled)", S)).toBe(".gbw button:hover:not(:disabled)");
    expect(scopeSelector("*", S)).toBe(".gbw *");
    expect(scopeSelector(":focus-visible", S)).toBe(".gbw :focus-visible");
    expect(scopeSelector(".body .html", S)).toBe(".gbw .body .html");
    expect(scopeSelector("body-text", S)).toBe(".gbw body-text");
    expect(scopeSelector(".gbw .x", S)).toBe(".gbw .x");
  });
});

describe("scopeCss", () => {
  it("scopes every rule, inside media queries too, and not keyframe stops", () => {
    const css = [
      ":root{--bg:#fff}",
      'body{margin:0;background:var(--bg)}',
      "button,select{font:inherit}",
      "@media (max-width:480px){body{font-size:15px}.card{padding:0}}",
      "@keyframes pulse{from{opacity:0}50%{opacity:.5}to{opacity:1}}",
    ].join("\n");
    const out = scopeCss(css, "gbw");
    expect(out).toContain(".gbw{--bg:#fff}");
    expect(out).toContain(".gbw{margin:0;background:var(--bg)}");
    expect(out).toContain(".gbw button,.gbw select{font:inherit}");
    expect(out).toContain("@media (max-width:480px){.gbw{font-size:15px}.gbw .card{padding:0}}");
    expect(out).toContain("@keyframes pulse{from{opacity:0}50%{opacity:.5}to{opacity:1}}");
    // nothing is left that could match outside the root
    const selectors: string[] = [];
    postcss.parse(out).walkRules((rule) => {
      if (rule.parent?.type !== "atrule" || !/keyframes/.test((rule.parent as AtRule).name))
        selectors.push(...rule.selectors);
    });
    expect(selectors.length).toBe(6);
    expect(selectors.filter((s) => !s.startsWith(".gbw"))).toEqual([]);
  });
});
