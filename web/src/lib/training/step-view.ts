/**
 * How an explained training step names its parts, shared by the training view's step panel and the guided tour's
 * training track (so "show me the real numbers" opens on the same checkpoint, with the same names): the checkpoint
 * a step starts from by default, and a parameter group's label and code name.
 */
import type { Site } from "../generated/schema";
import type { MessageKey } from "../i18n/catalogs";
import { t } from "../i18n/i18n.svelte";

/** The checkpoint a step starts from unless the learner picks one: the middle of the run, where the model already
 * predicts something but still has much to learn (the first checkpoint is noise, the last has little left). */
export function defaultStepCheckpoint(checkpoints: readonly number[]): number | null {
  return checkpoints.length ? (checkpoints[Math.floor(checkpoints.length / 2)] as number) : null;
}

/** `{layer: 2, part: "attn"}` → "block 2 · attention"; the component's name stays visible beside it. */
export function siteLabel(site: Site): string {
  return t(`training.site.${site.part}` as MessageKey, { layer: site.layer ?? "" });
}

/** The component's name in the house's (TransformerLens) vocabulary: `blocks.2.attn`, `embed`, `ln_final`. */
export function siteCode(site: Site): string {
  return site.layer === null || site.layer === undefined ? site.part : `blocks.${site.layer}.${site.part}`;
}

/** A stable key for a parameter group (its layer and part). */
export const siteKey = (site: Site): string => `${site.layer ?? ""}.${site.part}`;
