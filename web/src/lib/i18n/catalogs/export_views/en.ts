/**
 * English strings of the Why and Circuits views in a static export (`glassbox export`, issue 19 item 1): what the
 * export holds, and why a choice beyond it cannot be answered. Spread into the main catalog, like `export/`.
 */
export const exportViewsEn = {
  "exportViews.whyNote":
    "Static export: these answers were computed ahead of time for the exported prompts — every method at its default options with one of the top next tokens as the target (no foil), the attribution across the greedy continuation and across the exported generation, and the logprobs of the prompt itself. Other choices, and activation patching, need a running model (glassbox serve).",
  "exportViews.whyOther":
    "Not in this export: it holds every method at its default options, with one of the top next tokens as the target and no foil. This choice needs a running model (glassbox serve).",
  "exportViews.matrixOther":
    "Not in this export: it holds the attribution across the greedy continuation of {n} tokens (before any step) and across the whole exported generation (step to its end), at the default options. This needs a running model (glassbox serve).",
  "exportViews.scoreOther":
    "Not in this export: it holds the logprobs of each exported prompt's own text, by this page's model. Another text or model needs a running model (glassbox serve).",
  "exportViews.whyLeftOut":
    "This static export was made without the Why view (glassbox export --no-why).",
  "exportViews.patching":
    "Activation patching needs a running model (glassbox serve): it is not in this export.",
  "exportViews.circuitsNote":
    "Static export: this graph was computed ahead of time, for the most likely next tokens. The thresholds, selection, feature cards and supernodes work here; tracing another token and interventions need a running model (glassbox serve).",
  "exportViews.circuitsLeftOut":
    "This static export holds no attribution graphs: it was made with --no-circuits, or its model has no transcoders.",
  "exportViews.otherPrompt":
    "Not in this export: it holds the attribution graph of each exported prompt as it was exported, not of an edited one.",
  "exportViews.otherLogit":
    "Tracing another token needs a running model (glassbox serve): this export holds the graph of the most likely next tokens only.",
  "exportViews.intervene":
    "Interventions need a running model (glassbox serve): a static export cannot run them.",
  "exportViews.noCard":
    "Not in this export: it holds the cards of the features in each exported graph only.",
};
