/**
 * Building a graph: ask the server whether a model has transcoders, start a job, poll its progress (done / total
 * attribution rows) and fetch the finished graph into the page's CircuitsState. A newer build or model supersedes
 * an older one still polling (its answers are dropped).
 */
import type { CircuitsInfo, CircuitsJob } from "../generated/schema";
import { ApiFailure, failureOf } from "../data/failure";
import type { DataSource } from "../data/source";
import { fromCircuitsGraph } from "./model";
import type { CircuitsState } from "./state.svelte";

/** how often a running job is asked for its progress */
export const POLL_MS = 250;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class CircuitsBuild {
  /** the current model's answer (null while asked) */
  info = $state.raw<CircuitsInfo | null>(null);
  /** the models of this server that have transcoders (for the "which models have them" message) */
  withTranscoders = $state.raw<string[] | null>(null);
  job = $state.raw<CircuitsJob | null>(null);
  error = $state.raw<ApiFailure | null>(null);
  building = $state(false);
  #generation = 0;
  #infoFor = "";

  constructor(
    private readonly source: DataSource,
    private readonly state: CircuitsState,
  ) {}

  /** Ask once per model whether it has transcoders; when it does not, which of `models` do. */
  async check(model: string, models: readonly string[]): Promise<void> {
    if (!model || model === this.#infoFor) return;
    this.#infoFor = model;
    this.info = null;
    this.withTranscoders = null;
    try {
      const info = await this.source.circuitsInfo(model);
      if (this.#infoFor !== model) return;
      this.info = info;
      if (!info.available) {
        const answers = await Promise.all(models.map((m) => this.source.circuitsInfo(m).catch(() => null)));
        if (this.#infoFor === model) this.withTranscoders = models.filter((_, i) => answers[i]?.available === true);
      }
    } catch (err) {
      if (this.#infoFor === model) this.error = failureOf(err);
    }
  }

  /** Build the graph of `prompt` (all salient logits, or only `logitTokenId`) and hand it to the state. */
  async build(model: string, prompt: string, logitTokenId: number | null = null): Promise<void> {
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    this.building = true;
    this.error = null;
    this.job = null;
    try {
      let job = await this.source.circuitsStart({ model, prompt, logit_token_id: logitTokenId });
      while (current() && job.state === "running") {
        this.job = job;
        await wait(POLL_MS);
        if (!current()) return;
        job = await this.source.circuitsJob(job.job_id);
      }
      if (!current()) return;
      this.job = job;
      if (job.state === "failed") throw new ApiFailure("internal", job.error ?? "");
      const payload = await this.source.circuitsGraph(job.job_id);
      if (current()) this.state.setGraph(fromCircuitsGraph(payload));
    } catch (err) {
      if (current()) this.error = failureOf(err);
    } finally {
      if (current()) this.building = false;
    }
  }

  /** Drop a build still running (its answers are ignored). */
  cancel(): void {
    this.#generation += 1;
    this.building = false;
  }
}
