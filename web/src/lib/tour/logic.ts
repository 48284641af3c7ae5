/**
 * The guided tour's rules, as pure functions (tested without a browser): which stages a track has, where Next and
 * Back go, when the tour opens, how long Play dwells on a stage, and where "show me the real numbers" leads.
 */
import type { Panel } from "../detail/selection";
import {
  duration,
  GENERATION_STAGES,
  TRAINING_STAGES,
  type GenerationStage,
  type TourMotion,
  type TourStage,
  type TourTrack,
} from "./stages";

export const TRACKS: readonly TourTrack[] = ["generation", "training"];

export function stagesOf(track: TourTrack): readonly TourStage[] {
  return track === "generation" ? GENERATION_STAGES : TRAINING_STAGES;
}

/** The index `delta` stages away, kept inside the track (Back on the first stage and Next on the last stay). */
export function move(track: TourTrack, index: number, delta: number): number {
  const n = stagesOf(track).length;
  return Math.max(0, Math.min(n - 1, index + delta));
}

export function isFirst(index: number): boolean {
  return index <= 0;
}

export function isLast(track: TourTrack, index: number): boolean {
  return index >= stagesOf(track).length - 1;
}

/** Where the generation loop starts again once Next on `append` has generated a token: the tokens, now one more. */
export const LOOP_RESTART: GenerationStage = "tokens";

/** `?tour=0` in the URL: the visitor (or a link, or a test) asks not to be shown the tour. */
export function tourSkipped(search: string): boolean {
  return new URLSearchParams(search).get("tour") === "0";
}

/** How long Play stays on a stage: reading time, shorter at a higher speed (reduced motion does not shorten reading). */
export function dwellMs(motion: TourMotion): number {
  return Math.max(1200, 5000 / Math.max(0.25, motion.speed));
}

/** How long a stage's entrance animation runs (its elements start one after another `stagger` ms apart). */
export function animationMs(motion: TourMotion, base = 600): number {
  return duration(base, motion);
}

/** The selection a stage is told about: the block and head the tour draws, and the position (the last one). */
export interface TourSelection {
  layer: number;
  head: number;
  pos: number;
}

/** Where "show me the real numbers" leads from a generation stage. */
export type ExpertTarget =
  | { view: "next" }
  | { view: "detail"; panel: Panel; layer: number; head: number; pos: number };

export function expertTarget(stage: GenerationStage, sel: TourSelection): ExpertTarget {
  const at = { layer: sel.layer, head: sel.head, pos: sel.pos };
  switch (stage) {
    case "embedding":
      return { view: "detail", panel: "embedding", ...at };
    case "attention":
      return { view: "detail", panel: "attention", ...at };
    case "mlp":
      return { view: "detail", panel: "mlp", ...at };
    case "residual":
      return { view: "detail", panel: "residual", ...at };
    default:
      // text, tokens and ids are the next-token view's token chips; probabilities, sampling and append its
      // distribution, sampling pipeline and generation
      return { view: "next" };
  }
}

/** The canonical tensor each generation stage draws (names as `glassbox.capture.names` spells them). */
export function tensorName(stage: GenerationStage, sel: TourSelection, learnedPositions: boolean): string {
  switch (stage) {
    case "text":
      return "prompt";
    case "tokens":
      return "tokenizer(prompt)";
    case "ids":
      return "input_ids [pos]";
    case "embedding":
      return learnedPositions
        ? `hook_embed + hook_pos_embed → blocks.0.hook_resid_pre [d_model], pos ${sel.pos}`
        : `hook_embed → blocks.0.hook_resid_pre [d_model], pos ${sel.pos}`;
    case "attention":
      return `blocks.${sel.layer}.attn.hook_pattern [key_pos], head ${sel.head}, query_pos ${sel.pos}`;
    case "mlp":
      return `blocks.${sel.layer}.mlp.hook_post [d_mlp], pos ${sel.pos}`;
    case "residual":
      return `‖blocks.l.hook_resid_mid‖, ‖blocks.l.hook_resid_post‖, pos ${sel.pos}`;
    case "probabilities":
      return "softmax(logits / T) [d_vocab]";
    case "sampling":
      return "top-k → top-p → min-p → renormalise → u(seed, step)";
    case "append":
      return "generated_ids";
  }
}
