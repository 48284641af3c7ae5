/** The caption lines every picture of a text's panel starts with: the model, the prompt, what was generated. */
import { t } from "../../i18n/i18n.svelte";
import type { AppState } from "../../stores/app.svelte";
import type { Settings } from "../../sampling/pipeline";

export function textCaption(app: Pick<AppState, "modelId" | "prompt" | "generated">): string[] {
  const lines = [t("share.capModel", { model: app.modelId }), t("share.capPrompt", { prompt: `“${app.prompt}”` })];
  if (app.generated.length) {
    lines.push(t("share.capGenerated", { text: `“${app.generated.map((g) => g.text).join("")}”` }));
  }
  return lines;
}

/** The sampling settings a distribution was drawn with. */
export function settingsCaption(s: Settings): string {
  return t("share.capSettings", { t: s.temperature, k: s.top_k, p: s.top_p, minp: s.min_p, seed: s.seed });
}

/** The text a run's tokens spell, quoted, without the special tokens the model added (a BOS is not the prompt). */
export function tokensCaption(tokens: readonly { text: string; is_special?: boolean }[]): string {
  return `“${tokens
    .filter((tok) => !tok.is_special)
    .map((tok) => tok.text)
    .join("")}”`;
}
