/**
 * `KernelSource`: the DataSource of the notebook widget (`glassbox.widget()`, `src/glassbox/notebook.py`). Each
 * method sends one custom message `{id, method, args}` through the anywidget model to the Python kernel, which
 * answers `{id, ok: true, payload}` or `{id, ok: false, error}` with the server's own payloads and error bodies
 * (it calls the server's routes in-process), so an answer here is exactly what `HttpSource` would get.
 */
import type { LiveRunStatus } from "../generated/schema";
import { ApiFailure, isErrorResponse } from "./failure";
import type {
  DataSource,
  LiveListener,
  LiveStream,
  PredictQuery,
} from "./source";

/** The part of anywidget's model this source uses (a fake one in the tests). */
export interface WidgetModel {
  send(content: unknown): void;
  on(event: "msg:custom", callback: (msg: unknown) => void): void;
  off(event: "msg:custom", callback: (msg: unknown) => void): void;
}

interface Pending {
  resolve(payload: unknown): void;
  reject(err: ApiFailure): void;
  timer: ReturnType<typeof setTimeout>;
}

/** A kernel that never answers (restarted, busy for minutes) must not leave a view waiting for ever. */
export const KERNEL_TIMEOUT_MS = 120_000;

export class KernelSource implements DataSource {
  readonly #model: WidgetModel;
  readonly #timeoutMs: number;
  readonly #pending = new Map<number, Pending>();
  readonly #listener = (msg: unknown) => this.#answer(msg);
  #nextId = 1;
  /** identifies this widget to the kernel's sequencer (one counter per widget, as one per page on a server) */
  readonly clientId: string =
    typeof crypto !== "undefined" && "randomUUID" in crypto
      ? crypto.randomUUID()
      : `widget-${Date.now()}`;
  #seq = 0;
  #predictId: number | null = null;

  constructor(model: WidgetModel, timeoutMs = KERNEL_TIMEOUT_MS) {
    this.#model = model;
    this.#timeoutMs = timeoutMs;
    model.on("msg:custom", this.#listener);
  }

  /** stop listening and fail what is still pending (the widget's view was removed) */
  close(): void {
    this.#model.off("msg:custom", this.#listener);
    for (const [id, p] of this.#pending)
      this.#settle(id, p, new ApiFailure("network", "the widget was closed"));
  }

  #settle(
    id: number,
    p: Pending,
    err: ApiFailure | null,
    payload?: unknown,
  ): void {
    clearTimeout(p.timer);
    this.#pending.delete(id);
    if (err) p.reject(err);
    else p.resolve(payload);
  }

  #answer(msg: unknown): void {
    if (typeof msg !== "object" || msg === null || !("id" in msg)) return;
    const m = msg as {
      id: unknown;
      ok?: unknown;
      payload?: unknown;
      error?: unknown;
      status?: unknown;
    };
    if (typeof m.id !== "number") return;
    const p = this.#pending.get(m.id);
    if (!p) return; // superseded, timed out or not ours
    if (m.ok === true) {
      this.#settle(m.id, p, null, m.payload);
    } else if (isErrorResponse(m.error)) {
      const status = typeof m.status === "number" ? m.status : 0;
      this.#settle(
        m.id,
        p,
        new ApiFailure(m.error.error.code, m.error.error.message, status),
      );
    } else {
      this.#settle(
        m.id,
        p,
        new ApiFailure("http", "the kernel's answer is not an error body"),
      );
    }
  }

  #start<T>(
    method: string,
    args: unknown[],
  ): { id: number; promise: Promise<T> } {
    const id = this.#nextId++;
    const promise = new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const p = this.#pending.get(id);
        if (p)
          this.#settle(
            id,
            p,
            new ApiFailure("network", `the kernel did not answer ${method}`),
          );
      }, this.#timeoutMs);
      this.#pending.set(id, {
        resolve: resolve as (x: unknown) => void,
        reject,
        timer,
      });
    });
    try {
      this.#model.send({ id, method, args });
    } catch (err) {
      const p = this.#pending.get(id);
      if (p)
        this.#settle(
          id,
          p,
          new ApiFailure(
            "network",
            err instanceof Error ? err.message : String(err),
          ),
        );
    }
    return { id, promise };
  }

  #call<T>(method: string, ...args: unknown[]): Promise<T> {
    return this.#start<T>(method, args).promise;
  }

  models: DataSource["models"] = () => this.#call("models");
  vocab: DataSource["vocab"] = (model) => this.#call("vocab", model);

  predict(query: PredictQuery): ReturnType<DataSource["predict"]> {
    // as HttpSource: a newer prediction supersedes the pending one (the kernel's sequencer drops it too)
    const older =
      this.#predictId === null ? undefined : this.#pending.get(this.#predictId);
    if (older && this.#predictId !== null) {
      this.#settle(
        this.#predictId,
        older,
        new ApiFailure("superseded", "a newer prediction replaced this one"),
      );
    }
    this.#seq += 1;
    const { id, promise } = this.#start<
      Awaited<ReturnType<DataSource["predict"]>>
    >("predict", [{ ...query, client_id: this.clientId, seq: this.#seq }]);
    this.#predictId = id;
    return promise;
  }

  overview: DataSource["overview"] = (req) => this.#call("overview", req);
  attentionHead: DataSource["attentionHead"] = (req) =>
    this.#call("attentionHead", req);
  attentionGrid: DataSource["attentionGrid"] = (req) =>
    this.#call("attentionGrid", req);
  embedding: DataSource["embedding"] = (req) => this.#call("embedding", req);
  mlp: DataSource["mlp"] = (req) => this.#call("mlp", req);
  routing: DataSource["routing"] = (req) => this.#call("routing", req);
  perLayerInput: DataSource["perLayerInput"] = (req) => this.#call("perLayerInput", req);
  linearAttentionHead: DataSource["linearAttentionHead"] = (req) => this.#call("linearAttentionHead", req);
  logitLens: DataSource["logitLens"] = (req) => this.#call("logitLens", req);
  tokenAcrossLayers: DataSource["tokenAcrossLayers"] = (req) =>
    this.#call("tokenAcrossLayers", req);
  trainingInfo: DataSource["trainingInfo"] = (model) =>
    this.#call("trainingInfo", model);
  trainingHistory: DataSource["trainingHistory"] = (model) =>
    this.#call("trainingHistory", model);
  trainStep: DataSource["trainStep"] = (req) => this.#call("trainStep", req);
  initVsTrained: DataSource["initVsTrained"] = (req) =>
    this.#call("initVsTrained", req);
  checkpointReplay: DataSource["checkpointReplay"] = (model) =>
    this.#call("checkpointReplay", model);
  compareCheckpoints: DataSource["compareCheckpoints"] = (req) =>
    this.#call("compareCheckpoints", req);
  compareModels: DataSource["compareModels"] = (req) => this.#call("compareModels", req);
  startLive: DataSource["startLive"] = (req) => this.#call("startLive", req);
  liveStatus = (runId: string): Promise<LiveRunStatus> =>
    this.#call("liveStatus", runId);
  stopLive = (runId: string): Promise<LiveRunStatus> =>
    this.#call("stopLive", runId, {});
  resumeLive = (runId: string): Promise<LiveRunStatus> =>
    this.#call("resumeLive", runId, {});

  /** A kernel has no event stream here: the listener hears at once that there is none (the view says so). */
  listenLive(_runId: string, _since: number, on: LiveListener): LiveStream {
    const timer = setTimeout(() => on.lost(), 0);
    return { close: () => clearTimeout(timer) };
  }

  attribute: DataSource["attribute"] = (req) => this.#call("attribute", req);
  attributionMatrix: DataSource["attributionMatrix"] = (req) =>
    this.#call("attributionMatrix", req);
  dla: DataSource["dla"] = (req) => this.#call("dla", req);
  ablate: DataSource["ablate"] = (req) => this.#call("ablate", req);
  patch: DataSource["patch"] = (req) => this.#call("patch", req);
  patchCell: DataSource["patchCell"] = (req) => this.#call("patchCell", req);
  scoreText: DataSource["scoreText"] = (req) => this.#call("scoreText", req);
  tokenizerCatalogue: DataSource["tokenizerCatalogue"] = () =>
    this.#call("tokenizerCatalogue");
  parallelSet: DataSource["parallelSet"] = () => this.#call("parallelSet");
  tokenizeText: DataSource["tokenizeText"] = (req) =>
    this.#call("tokenizeText", req);
  tokenTax: DataSource["tokenTax"] = (req) => this.#call("tokenTax", req);
  bpeMerges: DataSource["bpeMerges"] = (req) => this.#call("bpeMerges", req);
  renderChat: DataSource["renderChat"] = (req) => this.#call("renderChat", req);
  circuitsInfo: DataSource["circuitsInfo"] = (model) =>
    this.#call("circuitsInfo", model);
  circuitsStart: DataSource["circuitsStart"] = (req) =>
    this.#call("circuitsStart", req);
  circuitsJob: DataSource["circuitsJob"] = (jobId) =>
    this.#call("circuitsJob", jobId);
  circuitsGraph: DataSource["circuitsGraph"] = (jobId) =>
    this.#call("circuitsGraph", jobId);
  circuitsFeature: DataSource["circuitsFeature"] = (model, layer, feature) =>
    this.#call("circuitsFeature", model, layer, feature);
  circuitsIntervene: DataSource["circuitsIntervene"] = (req) =>
    this.#call("circuitsIntervene", req);
  traces: NonNullable<DataSource["traces"]> = () => this.#call("traces");
  trace: NonNullable<DataSource["trace"]> = (name) => this.#call("trace", name);
}
