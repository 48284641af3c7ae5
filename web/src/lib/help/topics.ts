/**
 * What the help says where: three paragraphs per view (`help.<view>.shows|read|try`) and one short explanation per
 * panel (`help.panel.<topic>`, opened by the "?" beside the panel's heading). The strings live in
 * `i18n/catalogs/help/`; a test checks that every view and topic here has its keys in every language.
 */
import type { TermId } from "../glossary/terms";
import type { MessageKey } from "../i18n/catalogs";
import type { View } from "../stores/url";

export const VIEWS: readonly View[] = ["next", "detail", "training", "why", "tokenizers", "circuits", "compare"];
export const HELP_PARTS = ["shows", "read", "try"] as const;
export type HelpPart = (typeof HELP_PARTS)[number];

export function viewHelpKey(view: View, part: HelpPart): MessageKey {
  return `help.${view}.${part}`;
}

/** The panels with a "?" of their own, by the view they belong to. */
export const PANEL_TOPICS = {
  next: ["tokens", "generation", "distribution", "controls", "pipeline"],
  detail: ["overview", "embedding", "attention", "heads", "mlp", "residual", "lens", "contributions", "ablation"],
  training: ["replay", "lossChart", "step", "init", "live", "micro"],
  why: ["attribution", "whyGeneration", "patching", "score"],
  tokenizers: ["tokCompare", "tokTax", "tokMerges", "tokChat"],
  circuits: ["circuitsGraph"],
  compare: ["compareNext", "compareLens"],
} as const satisfies Record<View, readonly string[]>;

export type PanelTopic = (typeof PANEL_TOPICS)[View][number];

export function panelHelpKey(topic: PanelTopic): MessageKey {
  return `help.panel.${topic}`;
}

/** The glossary terms each view's help links to ("terms used here"). */
export const VIEW_TERMS: Record<View, readonly TermId[]> = {
  next: ["token", "tokenId", "vocabulary", "logit", "softmax", "probability", "temperature", "topK", "topP", "minP", "contextWindow"],
  detail: ["embedding", "positionEmbedding", "block", "attention", "attentionHead", "qkv", "mlp", "neuron", "layerNorm", "residualStream", "logitLens", "inductionHead"],
  training: ["loss", "gradient", "optimizer", "learningRate", "checkpoint", "parameter"],
  why: ["attribution", "logit", "attentionHead", "neuron", "probability"],
  tokenizers: ["tokenizer", "token", "tokenId", "vocabulary", "contextWindow"],
  circuits: ["attribution", "mlp", "logit", "token", "probability"],
  compare: ["tokenizer", "vocabulary", "probability", "logitLens", "residualStream"],
};
