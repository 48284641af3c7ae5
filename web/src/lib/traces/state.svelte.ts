/**
 * The trace player's state: the host's trace files (when it offers any), the trace being played (from the host or
 * from a file the reader opened), and the step shown. Reads only through the DataSource it is given; a file from
 * disk is read in the page by `reader.ts`, never sent anywhere.
 */
import { failureOf, type FailureCode } from "../data/failure";
import type { DataSource } from "../data/source";
import type { TraceFile, TraceListEntry } from "../generated/schema";
import { readTraceText, TraceReadError } from "./reader";

export type TraceProblem =
  | { kind: "file"; reason: TraceReadError["reason"]; name: string }
  | { kind: "failure"; code: FailureCode; message: string };

export class TraceState {
  /** the host's trace files (empty when it offers none) */
  entries = $state.raw<TraceListEntry[]>([]);
  /** the trace being played; null: the live model is shown */
  current = $state.raw<TraceFile | null>(null);
  /** where it came from: a listed name, or a file opened from disk */
  origin = $state<"server" | "disk" | null>(null);
  step = $state(0);
  problem = $state<TraceProblem | null>(null);
  loading = $state(false);

  steps = $derived(
    this.current?.inference?.generation_steps.length ??
      this.current?.training?.training_steps.length ??
      0,
  );

  constructor(readonly source: DataSource) {}

  /** Ask the host for its trace files (a host without them answers nothing and the picker stays hidden). */
  async load(): Promise<void> {
    if (!this.source.traces) return;
    try {
      const list = await this.source.traces();
      this.entries = list.traces;
    } catch (err) {
      const { code, message } = failureOf(err);
      this.problem = { kind: "failure", code, message };
    }
  }

  async pick(name: string): Promise<void> {
    if (name === "") {
      this.close();
      return;
    }
    if (!this.source.trace) return;
    this.loading = true;
    try {
      this.show(await this.source.trace(name), "server");
    } catch (err) {
      const { code, message } = failureOf(err);
      this.problem = { kind: "failure", code, message };
    } finally {
      this.loading = false;
    }
  }

  /** A file the reader chose on their disk, read here in the page. */
  open(text: string, name: string): void {
    try {
      this.show(readTraceText(text, name), "disk");
    } catch (err) {
      if (err instanceof TraceReadError)
        this.problem = { kind: "file", reason: err.reason, name };
      else this.problem = { kind: "file", reason: "broken", name };
    }
  }

  show(trace: TraceFile, origin: "server" | "disk"): void {
    this.current = trace;
    this.origin = origin;
    this.step = 0;
    this.problem = null;
  }

  close(): void {
    this.current = null;
    this.origin = null;
    this.step = 0;
  }

  go(step: number): void {
    this.step = Math.max(0, Math.min(this.steps - 1, step));
  }
}
