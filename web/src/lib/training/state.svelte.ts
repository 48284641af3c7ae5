/**
 * The training view's state: the selected model's training info and recorded history, fetched through the data
 * source whenever the model changes. A newer load wins: an older answer that arrives late is dropped.
 */
import { failureOf, type ApiFailure } from "../data/failure";
import type { DataSource } from "../data/source";
import type { TrainingHistory, TrainingInfo } from "../generated/schema";
import { STEP_STAGES, type TrainingUrl } from "./url";

/** The step panel's explained step, as a link reopens it: the checkpoint and sentence of the step that was run and
 * how many of its stages are shown (0: no step run yet). Held here, not in the panel, so the URL can follow it. */
export class StepSelection {
  /** the checkpoint the step starts from (null: the panel's default); a link's step may not be a checkpoint */
  checkpoint = $state<number | null>(null);
  /** the sentence of the step (null: the panel's example sentence) */
  text = $state<string | null>(null);
  shown = $state(0);

  constructor(initial: TrainingUrl = {}) {
    if (initial.stepCheckpoint !== undefined) this.checkpoint = initial.stepCheckpoint;
    if (initial.stepText !== undefined) this.text = initial.stepText;
    if (initial.stepStage !== undefined) this.shown = STEP_STAGES.indexOf(initial.stepStage) + 1;
  }
}

/** The checkpoint compare panel's last comparison (labels and prompt; null: none run yet), held here so the URL
 * can follow it (`cka`, `ckb`, `cktext`). */
export class CompareSelection {
  a = $state<string | null>(null);
  b = $state<string | null>(null);
  text = $state<string | null>(null);

  constructor(initial: TrainingUrl = {}) {
    this.a = initial.compareA ?? null;
    this.b = initial.compareB ?? null;
    this.text = initial.compareText ?? null;
  }
}

export class TrainingState {
  info = $state.raw<TrainingInfo | null>(null);
  history = $state.raw<TrainingHistory | null>(null);
  error = $state.raw<ApiFailure | null>(null);
  loading = $state(false);
  /** the recorded run's checkpoint the replay shows (its step; null: the first), kept in the URL as `ckpt` */
  checkpoint = $state<number | null>(null);
  /** the step panel's explained step (`step`, `stext`, `stage` in the URL) */
  readonly step: StepSelection;
  /** the checkpoint compare panel's comparison (`cka`, `ckb`, `cktext` in the URL) */
  readonly compare: CompareSelection;
  #ticket = 0;

  constructor(
    readonly source: DataSource,
    initial: TrainingUrl = {},
  ) {
    if (initial.checkpoint !== undefined) this.checkpoint = initial.checkpoint;
    this.step = new StepSelection(initial);
    this.compare = new CompareSelection(initial);
  }

  /** Fetch the model's training info, and its history where it has one. */
  async load(model: string): Promise<void> {
    const ticket = ++this.#ticket;
    this.loading = true;
    this.error = null;
    this.info = null;
    this.history = null;
    try {
      const info = await this.source.trainingInfo(model);
      const history = info.has_history ? await this.source.trainingHistory(model) : null;
      if (ticket !== this.#ticket) return;
      this.info = info;
      this.history = history;
    } catch (err) {
      if (ticket === this.#ticket) this.error = failureOf(err);
    } finally {
      if (ticket === this.#ticket) this.loading = false;
    }
  }

  /** Forget a load still in flight (the view closed, or another model was picked). */
  cancel(): void {
    this.#ticket += 1;
  }
}
