/**
 * English strings of the static export (`glassbox export`, issue 19): the read-only notice, the prompt picker
 * and why something cannot be computed there. Spread into the main catalog, like `detail/`.
 */
export const exportEn = {
  "export.notice":
    "A static export: {n} prompts traced ahead of time on {model}. Nothing is computed here — pick one of the exported prompts.",
  "export.picker": "Exported prompt",
  "export.newPrompt": "This page is a static export: it can only show the prompts traced when it was exported, not a new one.",
  "export.offPath":
    "This page is a static export: it holds the distributions along the exported generation only. With these settings the model would pick another token here — rewind, or use the settings it was exported with ({settings}).",
  "export.notDetail":
    "This page is a static export: the detailed view holds the exported prompt's own tokens only (no generated token), and of each head only the last position.",
  "export.cannot":
    "This page is a static export: this needs a running glassbox server (glassbox serve). Live training, new prompts and interventions on the model cannot run here.",
};
