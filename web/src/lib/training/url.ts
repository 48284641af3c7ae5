/**
 * The training view's part of the URL: `ckpt=<step>`, the recorded run's checkpoint the replay shows. A step that
 * is not a checkpoint opens the nearest one; anything else is ignored (the replay starts at its first checkpoint).
 */
export interface TrainingUrl {
  checkpoint?: number;
}

export function readTrainingUrl(search: string): TrainingUrl {
  const raw = new URLSearchParams(search).get("ckpt");
  if (raw === null || !/^\d{1,12}$/.test(raw)) return {};
  return { checkpoint: Number(raw) };
}

/** The index of the checkpoint nearest `step` among `steps` (0 when there is no step or none to pick). */
export function nearestCheckpoint(steps: readonly number[], step: number | null | undefined): number {
  if (step === null || step === undefined || steps.length === 0) return 0;
  let best = 0;
  for (let i = 1; i < steps.length; i++) {
    if (Math.abs((steps[i] as number) - step) < Math.abs((steps[best] as number) - step)) best = i;
  }
  return best;
}
