/**
 * A live micro-training run as the page follows it: its status, the loss points and greedy samples streamed
 * from the data source, and the start / stop / resume actions. Closing it closes the stream, which stops an
 * active run (the server sees nobody watching). The stream is closed on the run's `end` event too (the server
 * ends it there as well); resuming opens a new one from the first event not yet seen. Once stopped or done, the
 * status names the model id the trained micro model is offered under.
 */
import { ApiFailure, failureOf } from "../data/failure";
import type { DataSource, LiveEvent, LiveStream } from "../data/source";
import type { LiveRunStatus, LiveSample } from "../generated/schema";

/** How many of the latest samples the panel keeps. */
const SAMPLES_SHOWN = 4;

export class LiveRun {
  status = $state<LiveRunStatus | null>(null);
  points = $state.raw<{ step: number; loss: number }[]>([]);
  samples = $state.raw<LiveSample[]>([]);
  tokensPerS = $state(0);
  elapsed = $state(0);
  /** tokens in the training stream, once the run is ready */
  streamTokens = $state<number | null>(null);
  failure = $state.raw<ApiFailure | null>(null);
  busy = $state(false);
  running = $derived(this.status?.state === "running" || this.status?.state === "preparing");
  #stream: LiveStream | null = null;
  /** events of this run received so far: a new stream (after a resume) starts from the next one */
  #received = 0;

  constructor(readonly source: DataSource) {}

  /** Start a run on the built-in corpus, or on pasted text. */
  async start(source: LiveRunStatus["source"], text: string | null): Promise<void> {
    this.failure = null;
    this.busy = true;
    try {
      const s = await this.source.startLive({ source, text });
      this.status = s;
      this.points = [];
      this.samples = [];
      this.tokensPerS = 0;
      this.elapsed = 0;
      this.streamTokens = null;
      this.#received = 0;
      this.#listen(s.run_id);
    } catch (err) {
      this.failure = failureOf(err);
    } finally {
      this.busy = false;
    }
  }

  stop(): Promise<void> {
    return this.#act((id) => this.source.stopLive(id));
  }

  resume(): Promise<void> {
    return this.#act((id) => this.source.resumeLive(id));
  }

  /** Stop following the run (the page or the panel went away). */
  close(): void {
    this.#stream?.close();
    this.#stream = null;
  }

  async #act(fn: (id: string) => Promise<LiveRunStatus>): Promise<void> {
    if (!this.status) return;
    this.failure = null;
    this.busy = true;
    try {
      const s = await fn(this.status.run_id);
      this.status = s;
      if (!this.#stream && (s.state === "running" || s.state === "preparing")) this.#listen(s.run_id);
    } catch (err) {
      this.failure = failureOf(err);
    } finally {
      this.busy = false;
    }
  }

  async #refresh(id: string): Promise<void> {
    try {
      const s = await this.source.liveStatus(id);
      if (this.status?.run_id === id) this.status = s;
    } catch (err) {
      this.failure = failureOf(err);
    }
  }

  #listen(id: string): void {
    this.#stream?.close();
    const stream = this.source.listenLive(id, this.#received, {
      event: (e) => {
        this.#received += 1;
        this.#apply(id, e);
      },
      lost: () => {
        // the connection broke (server gone): say so rather than reconnect and replay the run's events
        if (this.#stream === stream) this.#stream = null;
        if (this.running) this.failure = new ApiFailure("network", "");
        void this.#refresh(id);
      },
    });
    this.#stream = stream;
  }

  #apply(id: string, e: LiveEvent): void {
    const status = this.status;
    switch (e.type) {
      case "ready":
        this.streamTokens = e.tokens;
        if (status?.state === "preparing") this.status = { ...status, state: "running" };
        break;
      case "step":
        if (e.step <= (this.points.at(-1)?.step ?? 0)) return; // already shown
        this.points = [...this.points, { step: e.step, loss: e.loss }];
        this.tokensPerS = e.tokens_per_s;
        this.elapsed = e.elapsed_s;
        if (status) this.status = { ...status, step: e.step };
        break;
      case "sample":
        if (!this.samples.some((s) => s.step === e.step)) this.samples = [e, ...this.samples].slice(0, SAMPLES_SHOWN);
        break;
      case "end":
        this.close(); // nothing follows an end: free the connection (a resume opens a new stream)
        if (status) this.status = { ...status, state: e.state, reason: e.reason, step: e.step, error: e.error };
        void this.#refresh(id); // the source says under which id the trained model is offered
        break;
    }
  }
}
