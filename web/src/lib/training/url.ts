/**
 * The training view's part of the URL: `ckpt=<step>`, the recorded run's checkpoint the replay shows; and the step
 * panel's explained step — `step=<step>` (the checkpoint it starts from), `stext=<sentence>` and `stage=<stage>`
 * (how far its stages are shown; present only once a step has been run, and a link with it runs the step again).
 * A step that is not a checkpoint opens the nearest one; anything else is ignored (the replay starts at its first
 * checkpoint, the step panel waits for Run). A model served with `--checkpoints` adds the checkpoint compare panel's
 * two checkpoints and prompt — `cka=<label>`, `ckb=<label>`, `cktext=<prompt>` — present only once a comparison has
 * been run (a link with them runs it again; a label the server does not offer is ignored by the panel).
 */

/** The explained step's stages, in the order the step panel shows them. */
export const STEP_STAGES = ["forward", "loss", "backward", "update", "after"] as const;
export type StepStage = (typeof STEP_STAGES)[number];

export interface TrainingUrl {
  checkpoint?: number;
  /** the step panel's checkpoint, sentence and last stage shown */
  stepCheckpoint?: number;
  stepText?: string;
  stepStage?: StepStage;
  /** the checkpoint compare panel's two checkpoints (labels) and prompt */
  compareA?: string;
  compareB?: string;
  compareText?: string;
}

const STEP = /^\d{1,12}$/;

export function readTrainingUrl(search: string): TrainingUrl {
  const q = new URLSearchParams(search);
  const out: TrainingUrl = {};
  const ckpt = q.get("ckpt");
  if (ckpt !== null && STEP.test(ckpt)) out.checkpoint = Number(ckpt);
  const step = q.get("step");
  if (step !== null && STEP.test(step)) out.stepCheckpoint = Number(step);
  const text = q.get("stext");
  if (text) out.stepText = text;
  const stage = q.get("stage");
  if ((STEP_STAGES as readonly (string | null)[]).includes(stage)) out.stepStage = stage as StepStage;
  const a = q.get("cka");
  const b = q.get("ckb");
  const ctext = q.get("cktext");
  // all three or none: a comparison is reproduced only as a whole
  if (a && b && ctext) {
    out.compareA = a;
    out.compareB = b;
    out.compareText = ctext;
  }
  return out;
}

/** The checkpoint compare panel's part of the link: nothing until a comparison has been run. */
export function compareUrlParams(c: {
  a: string | null;
  b: string | null;
  text: string | null;
}): Record<string, string | null> {
  if (c.a === null || c.b === null || c.text === null) return {};
  return { cka: c.a, ckb: c.b, cktext: c.text };
}

/** The step panel's part of the link: nothing until a step has been run (`shown` stages, 0: none). */
export function stepUrlParams(s: {
  checkpoint: number | null;
  text: string | null;
  shown: number;
}): Record<string, string | number | null> {
  const stage = s.shown > 0 ? STEP_STAGES[Math.min(s.shown, STEP_STAGES.length) - 1] : undefined;
  if (!stage) return {};
  return { step: s.checkpoint, stext: s.text, stage };
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
