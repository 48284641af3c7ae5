/**
 * What one explained training step really did to its own sentence, read from the step's real numbers: which
 * targets became more likely, which less likely, and whether the mean loss went down. A step lowers the loss of
 * the batch it was computed on only to first order; AdamW's first step from zero state moves every weight by
 * about the learning rate (see `training.outcomeWhy`), which can overshoot, so the page says what happened
 * instead of what "should" happen.
 */
import type { PositionStep, TrainStepResult } from "../generated/schema";

export interface StepOutcome {
  /** targets whose probability rose, largest rise first */
  up: PositionStep[];
  /** targets whose probability fell, largest fall first */
  down: PositionStep[];
  /** targets whose probability did not change at all (float32 equality) */
  same: PositionStep[];
  /** did the mean loss over the sentence fall? */
  lossDown: boolean;
}

/** Sort a step's positions by the change in their target's probability. */
export function stepOutcome(result: Pick<TrainStepResult, "positions" | "loss_before" | "loss_after">): StepOutcome {
  const change = (p: PositionStep) => p.prob_after - p.prob_before;
  const up = result.positions.filter((p) => change(p) > 0).sort((a, b) => change(b) - change(a));
  const down = result.positions.filter((p) => change(p) < 0).sort((a, b) => change(a) - change(b));
  const same = result.positions.filter((p) => change(p) === 0);
  return { up, down, same, lossDown: result.loss_after < result.loss_before };
}
