/**
 * The guided tour's stages, in order: the contract of the `tour-stage` test hook (`data-stage` is one of these
 * ids). One generation step (text → … → the new token appended) and one pre-training step (batch → … → update).
 */
export const GENERATION_STAGES = [
  "text",
  "tokens",
  "ids",
  "embedding",
  "attention",
  "mlp",
  "residual",
  "probabilities",
  "sampling",
  "append",
] as const;

export const TRAINING_STAGES = ["batch", "loss", "gradients", "update"] as const;

export type GenerationStage = (typeof GENERATION_STAGES)[number];
export type TrainingStage = (typeof TRAINING_STAGES)[number];
export type TourTrack = "generation" | "training";
export type TourStage = GenerationStage | TrainingStage;

/** How the tour animates: `reduced` honours `prefers-reduced-motion` (and the tour's own switch): no movement,
 * values appear at once; `speed` multiplies every animation's pace (1 = normal, 2 = twice as fast). */
export interface TourMotion {
  reduced: boolean;
  speed: number;
}

/** An animation's duration in ms at this motion setting (0 when motion is reduced). */
export function duration(ms: number, motion: TourMotion): number {
  return motion.reduced ? 0 : ms / Math.max(0.25, motion.speed);
}
