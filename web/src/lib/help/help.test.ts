/**
 * Help per view and per panel, the glossary and the sense of scale (issue 17, item 3): every string exists in all
 * seven languages, every link goes somewhere real, the scale arithmetic is right, and the components behave.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { flushSync } from "svelte";
import { afterEach, describe, expect, it } from "vitest";
import { contextWith } from "../data/context";
import { fakeSource } from "../data/fake";
import type { ModelInfo, TrainingHistory, TrainingInfo } from "../generated/schema";
import { PANELS } from "../detail/selection";
import { LANGUAGES, type Catalog, type Language } from "../i18n/catalogs";
import { cs } from "../i18n/catalogs/cs";
import { en } from "../i18n/catalogs/en";
import { fr } from "../i18n/catalogs/fr";
import { ja } from "../i18n/catalogs/ja";
import { ru } from "../i18n/catalogs/ru";
import { uk } from "../i18n/catalogs/uk";
import { zh } from "../i18n/catalogs/zh";
import { closeGlossary, glossary, openGlossary } from "../glossary/store.svelte";
import { definitionKey, filterTerms, TERM_IDS, TERMS, termKey, VIEW_LABEL } from "../glossary/terms";
import { PUBLISHED } from "../scale/published";
import { formatFactor, logAxis, ratio } from "../scale/scale";
import Help from "../components/Help.svelte";
import Glossary from "../components/glossary/Glossary.svelte";
import PanelHelp from "../components/help/PanelHelp.svelte";
import ScalePanel from "../components/help/ScalePanel.svelte";
import { HELP_PARTS, PANEL_TOPICS, panelHelpKey, VIEW_TERMS, VIEWS, viewHelpKey } from "./topics";

const CATALOGS: Record<Language, Catalog> = { en, cs, fr, uk, zh, ru, ja };
const ALL_TOPICS = Object.values(PANEL_TOPICS).flat();

describe("help per view", () => {
  it("every view has its own three paragraphs, in every language, none shared with another view", () => {
    for (const lang of LANGUAGES) {
      const seen = new Map<string, string>();
      for (const view of VIEWS) {
        for (const part of HELP_PARTS) {
          const text = CATALOGS[lang][viewHelpKey(view, part)];
          expect(text, `${lang} ${view}.${part}`).toBeTruthy();
          expect(seen.get(text), `${lang}: ${view}.${part} repeats ${seen.get(text)}`).toBeUndefined();
          seen.set(text, `${view}.${part}`);
        }
      }
    }
  });

  it("the panel shows the current view's text and changes with the view", async () => {
    const { rerender } = render(Help, { props: { open: true, view: "next" } });
    const shows = () => screen.getByTestId("help-shows").textContent;
    expect(shows()).toBe(en["help.next.shows"]);
    await rerender({ open: true, view: "training" });
    expect(shows()).toBe(en["help.training.shows"]);
    expect(screen.getByTestId("help").dataset.view).toBe("training");
    // the terms it links to are the training view's
    const linked = screen.getAllByTestId("term").map((b) => b.dataset.termLink);
    expect(linked).toEqual([...VIEW_TERMS.training]);
  });
});

describe("help per panel", () => {
  it("every panel topic has a distinct explanation in every language", () => {
    expect(new Set(ALL_TOPICS).size).toBe(ALL_TOPICS.length);
    for (const lang of LANGUAGES) {
      const texts = ALL_TOPICS.map((topic) => CATALOGS[lang][panelHelpKey(topic)]);
      expect(texts.every(Boolean), lang).toBe(true);
      expect(new Set(texts).size, lang).toBe(texts.length);
    }
  });

  it("every topic is placed in some panel component, and every placed topic is a known one", () => {
    const sources = import.meta.glob<string>("../components/**/*.svelte", { query: "?raw", import: "default", eager: true });
    const placed = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/<PanelHelp topic="(\w+)"/g)) placed.add(m[1] ?? "");
    }
    expect([...placed].sort()).toEqual([...ALL_TOPICS].sort());
  });

  it("the ? button toggles its explanation in place, with aria-expanded and a translated label", async () => {
    render(PanelHelp, { props: { topic: "distribution" } });
    const button = screen.getByTestId("panel-help");
    expect(button.getAttribute("aria-label")).toBe(en["help.panelButton"]);
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByTestId("panel-help-text")).toBeNull();
    await fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    const note = screen.getByTestId("panel-help-text");
    expect(note.textContent).toBe(en["help.panel.distribution"]);
    expect(button.getAttribute("aria-controls")).toBe(note.id);
    await fireEvent.click(button);
    expect(screen.queryByTestId("panel-help-text")).toBeNull();
  });
});

describe("glossary", () => {
  afterEach(() => {
    closeGlossary();
    glossary.query = "";
  });

  it("has every term the issue names", () => {
    expect(TERM_IDS.length).toBeGreaterThanOrEqual(31);
    for (const id of ["token", "logit", "softmax", "residualStream", "attentionHead", "loss", "gradient", "inductionHead"]) {
      expect(TERM_IDS).toContain(id);
    }
  });

  it("every term has a name and a definition of two or three sentences in all seven catalogs", () => {
    for (const lang of LANGUAGES) {
      for (const id of TERM_IDS) {
        const name = CATALOGS[lang][termKey(id)];
        const def = CATALOGS[lang][definitionKey(id)];
        expect(name, `${lang} ${id}`).toBeTruthy();
        expect(def.length, `${lang} ${id}`).toBeGreaterThan(name.length);
        // sentence ends in Latin, Cyrillic and CJK punctuation
        const sentences = def.split(/[.!?。！？](?:\s|$)|[。！？]/).filter((s) => s.trim().length > 0);
        expect(sentences.length, `${lang} ${id}: ${def}`).toBeGreaterThanOrEqual(2);
        expect(sentences.length, `${lang} ${id}: ${def}`).toBeLessThanOrEqual(3);
        if (lang !== "en") expect(def, `${lang} ${id} is untranslated`).not.toBe(en[definitionKey(id)]);
      }
    }
  });

  it("every term links to a real view, and to a real panel only inside the model", () => {
    for (const id of TERM_IDS) {
      const link: { view: string; panel?: string } = TERMS[id];
      expect(VIEWS, id).toContain(link.view);
      expect(VIEW_LABEL[link.view as keyof typeof VIEW_LABEL], id).toBeTruthy();
      if (link.panel !== undefined) {
        expect(link.view, id).toBe("detail");
        expect(PANELS, id).toContain(link.panel);
      }
    }
  });

  it("filters on names and definitions, ignoring case and accents", () => {
    const t = (key: keyof typeof en) => en[key];
    expect(filterTerms("", t)).toEqual(TERM_IDS);
    expect(filterTerms("SOFTMAX", t)).toContain("softmax");
    expect(filterTerms("softmax", t)).not.toContain("checkpoint");
    expect(filterTerms("no such term at all", t)).toEqual([]);
    const frT = (key: keyof typeof en) => fr[key];
    expect(filterTerms("temperature", frT)).toContain("temperature"); // "Température" without its accent
  });

  it("opens at an entry, filters, follows a link, and closes with Escape", async () => {
    const opened: unknown[] = [];
    render(Glossary, { props: { onopen: (link) => opened.push(link) } });
    expect(screen.queryByTestId("glossary")).toBeNull();
    openGlossary("logit");
    flushSync();
    const entry = screen.getByTestId("glossary").querySelector<HTMLElement>('[data-term="logit"]');
    expect(entry?.classList.contains("current")).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(entry));
    expect(screen.getAllByTestId("glossary-entry")).toHaveLength(TERM_IDS.length);

    await fireEvent.input(screen.getByTestId("glossary-filter"), { target: { value: "gradient" } });
    const shown = screen.getAllByTestId("glossary-entry").map((e) => e.dataset.term);
    expect(shown).toContain("gradient");
    expect(shown.length).toBeLessThan(TERM_IDS.length);

    const gradient = screen.getByTestId("glossary").querySelector('[data-term="gradient"] [data-testid="glossary-link"]');
    await fireEvent.click(gradient as HTMLElement);
    expect(opened).toEqual([TERMS.gradient]);
    expect(glossary.open).toBe(false); // following a link shows the view

    openGlossary();
    flushSync();
    await fireEvent.keyDown(screen.getByTestId("glossary"), { key: "Escape" });
    expect(screen.queryByTestId("glossary")).toBeNull();
  });
});

describe("scale arithmetic", () => {
  it("gives how many times bigger, either way round", () => {
    expect(ratio(405e9, 1.975e6)).toEqual({ bigger: true, factor: 405e9 / 1.975e6 });
    expect(ratio(124e6, 8e9)).toEqual({ bigger: false, factor: 8e9 / 124e6 });
    expect(ratio(5, 5)).toEqual({ bigger: true, factor: 1 });
    expect(() => ratio(0, 5)).toThrow(RangeError);
    expect(() => ratio(5, -1)).toThrow(RangeError);
  });

  it("formats a factor with three significant digits and separators", () => {
    expect(formatFactor(205063.29)).toBe("205,000");
    expect(formatFactor(405e9 / 1.97e6)).toBe("206,000");
    expect(formatFactor(62.78)).toBe("62.8");
    expect(formatFactor(1)).toBe("1");
  });

  it("places sizes on a log axis between whole powers of ten", () => {
    const axis = logAxis([2e6, 124e6, 1.23e9, 405e9]);
    expect(axis.ticks).toEqual([1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12]);
    expect(axis.at(1e6)).toBe(0);
    expect(axis.at(1e12)).toBe(1);
    expect(axis.at(1e9)).toBeCloseTo(0.5, 12);
    // equal ratios are equal distances: the point of a log scale
    expect(axis.at(4e8) - axis.at(4e7)).toBeCloseTo(axis.at(4e7) - axis.at(4e6), 12);
    expect(logAxis([100]).ticks).toEqual([100, 1000]);
  });

  it("the published figures are the cited ones", () => {
    const byId = Object.fromEntries(PUBLISHED.map((m) => [m.id, m]));
    expect(byId["gpt2"]).toMatchObject({ params: 124e6, layers: 12, context: 1024, tokens: null });
    expect(byId["llama-3.2-1b"]).toMatchObject({ params: 1.23e9, layers: 16, context: 131072, tokens: 9e12, tokensUpTo: true });
    expect(byId["llama-3.1-405b"]).toMatchObject({ params: 405e9, layers: 126, context: 131072, tokens: 15.6e12 });
    for (const m of PUBLISHED) {
      expect(m.sources.length, m.id).toBeGreaterThan(0);
      for (const s of m.sources) expect(s.url, m.id).toMatch(/^https:\/\//);
    }
  });
});

describe("ScalePanel", () => {
  const info = { name: "tiny", n_params: 1_975_000, n_layers: 4, n_ctx: 128 } as ModelInfo;
  const withHistory = (tokensSeen: number[]) =>
    fakeSource({
      trainingInfo: () => Promise.resolve({ has_history: true } as TrainingInfo),
      trainingHistory: () =>
        Promise.resolve({ steps: tokensSeen.map((n, i) => ({ step: i + 1, tokens_seen: n })) } as TrainingHistory),
    });

  it("shows the served model's own figures, its training tokens from its history, and the ratios", async () => {
    render(ScalePanel, { props: { model: "tiny", info }, context: contextWith(withHistory([1000, 2000, 3_500_000])) });
    const row = screen.getByTestId("scale-served");
    expect(row.dataset.params).toBe("1975000");
    expect(row.dataset.layers).toBe("4");
    expect(row.dataset.context).toBe("128");
    await waitFor(() => expect(row.dataset.tokens).toBe("3500000"));
    expect(screen.getByTestId("scale-served-tokens").textContent).toBe("3.5M");
    const big = screen.getAllByTestId("scale-ratio").find((li) => li.dataset.model === "llama-3.1-405b");
    expect(big?.textContent?.trim()).toBe("Llama 3.1 405B has 205,000× the parameters of this model.");
    expect(screen.getByTestId("scale-published-gpt2-tokens")?.textContent).toBe(en["scale.notPublished"]);
    // the bars grow with the size
    const widths = screen.getAllByTestId("scale-bar").map((b) => parseFloat(b.style.width));
    expect(widths).toEqual([...widths].sort((a, b) => a - b));
    expect(screen.getByTestId("scale-sources").textContent).toContain("https://arxiv.org/abs/2407.21783");
  });

  it("says 'not recorded' when the model has no training history", async () => {
    const source = fakeSource({ trainingInfo: () => Promise.resolve({ has_history: false } as TrainingInfo) });
    render(ScalePanel, { props: { model: "x", info }, context: contextWith(source) });
    await waitFor(() => expect(screen.getByTestId("scale-served-tokens").textContent).toBe(en["scale.notRecorded"]));
    expect(screen.getByTestId("scale-served").dataset.tokens).toBe("");
  });
});
