/**
 * The glossary's terms, in reading order: each id names its strings (`glossary.<id>.term`, `glossary.<id>.def`
 * in `i18n/catalogs/glossary/`) and the place in glassbox where the thing can be seen — a view, and for "Inside
 * the model" the panel that shows it. `Term.svelte` and `data-term` use the same ids.
 */
import type { MessageKey } from "../i18n/catalogs";
import type { Panel } from "../detail/selection";
import type { View } from "../stores/url";

export interface TermLink {
  view: View;
  /** the panel of "Inside the model" that shows it (only with view "detail") */
  panel?: Panel;
}

export const TERMS = {
  token: { view: "next" },
  tokenizer: { view: "tokenizers" },
  tokenId: { view: "next" },
  vocabulary: { view: "next" },
  embedding: { view: "detail", panel: "embedding" },
  positionEmbedding: { view: "detail", panel: "embedding" },
  attention: { view: "detail", panel: "attention" },
  attentionHead: { view: "detail", panel: "heads" },
  qkv: { view: "detail", panel: "attention" },
  softmax: { view: "next" },
  logit: { view: "next" },
  probability: { view: "next" },
  temperature: { view: "next" },
  topK: { view: "next" },
  topP: { view: "next" },
  minP: { view: "next" },
  mlp: { view: "detail", panel: "mlp" },
  neuron: { view: "detail", panel: "mlp" },
  residualStream: { view: "detail", panel: "residual" },
  layerNorm: { view: "detail", panel: "residual" },
  block: { view: "detail", panel: "heads" },
  logitLens: { view: "detail", panel: "lens" },
  contextWindow: { view: "next" },
  loss: { view: "training" },
  gradient: { view: "training" },
  optimizer: { view: "training" },
  learningRate: { view: "training" },
  checkpoint: { view: "training" },
  parameter: { view: "training" },
  inductionHead: { view: "detail", panel: "heads" },
  attribution: { view: "why" },
} as const satisfies Record<string, TermLink>;

export type TermId = keyof typeof TERMS;
export const TERM_IDS = Object.keys(TERMS) as TermId[];

export function isTermId(x: unknown): x is TermId {
  return typeof x === "string" && Object.hasOwn(TERMS, x);
}

export function termKey(id: TermId): MessageKey {
  return `glossary.${id}.term`;
}

export function definitionKey(id: TermId): MessageKey {
  return `glossary.${id}.def`;
}

/** The label of a view as its tab shows it. */
export const VIEW_LABEL: Record<View, MessageKey> = {
  next: "detail.viewNext",
  detail: "detail.viewInside",
  training: "training.view",
  why: "why.view",
  tokenizers: "tok.view",
  circuits: "circuits.view",
  compare: "cmp.view",
};

/**
 * The terms whose name or definition contains every word of `query` (case- and accent-insensitive), in glossary
 * order; `text(key)` translates. An empty query keeps them all.
 */
export function filterTerms(query: string, text: (key: MessageKey) => string): TermId[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return TERM_IDS;
  return TERM_IDS.filter((id) => {
    const hay = fold(`${text(termKey(id))} ${text(definitionKey(id))} ${id}`);
    return words.every((w) => hay.includes(w));
  });
}

function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
