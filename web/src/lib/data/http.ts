/**
 * The live server as a DataSource: every call goes through the client generated from the server's OpenAPI
 * document, so paths, bodies and answers are type-checked against the routes. Predictions carry a page id and an
 * increasing sequence number: a newer prediction aborts the older one here and makes the server drop it if it has
 * not started yet (fast typing never queues work). The live run's events are server-sent events, which OpenAPI does
 * not describe: their path is still checked against the routes, their payloads typed from the schema.
 */
import { createApiClient, unwrap, type ApiClient } from "../api/client";
import type { paths } from "../generated/api";
import type { LiveRunStatus } from "../generated/schema";
import type { DataSource, LiveEvent, LiveListener, LiveStream, PredictQuery } from "./source";

/** The event names the server sends (`event: <type>`), one per LiveEvent variant. */
const LIVE_EVENTS: readonly NonNullable<LiveEvent["type"]>[] = ["ready", "step", "sample", "end"];
const LIVE_EVENTS_PATH = "/api/training/live/{run_id}/events" satisfies keyof paths;

export class HttpSource implements DataSource {
  readonly #api: ApiClient;
  readonly #baseUrl: string;
  /** identifies this page to the server's sequencer (one counter per page, across models) */
  readonly clientId: string =
    typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `page-${Date.now()}`;
  #seq = 0;
  #inFlight: AbortController | null = null;

  constructor(baseUrl = ".") {
    this.#baseUrl = baseUrl;
    this.#api = createApiClient(baseUrl);
  }

  async models() {
    return unwrap(await this.#api.GET("/api/models"));
  }

  async vocab(model: string) {
    return unwrap(await this.#api.GET("/api/models/{model_id}/vocab", { params: { path: { model_id: model } } }));
  }

  async predict(query: PredictQuery) {
    this.#inFlight?.abort();
    const controller = new AbortController();
    this.#inFlight = controller;
    this.#seq += 1;
    try {
      const body = { ...query, client_id: this.clientId, seq: this.#seq };
      return unwrap(await this.#api.POST("/api/predict", { body, signal: controller.signal }));
    } finally {
      if (this.#inFlight === controller) this.#inFlight = null;
    }
  }

  overview: DataSource["overview"] = async (body) => unwrap(await this.#api.POST("/api/detail/overview", { body }));
  attentionHead: DataSource["attentionHead"] = async (body) =>
    unwrap(await this.#api.POST("/api/detail/attention_head", { body }));
  attentionGrid: DataSource["attentionGrid"] = async (body) =>
    unwrap(await this.#api.POST("/api/detail/attention_grid", { body }));
  embedding: DataSource["embedding"] = async (body) => unwrap(await this.#api.POST("/api/detail/embedding", { body }));
  mlp: DataSource["mlp"] = async (body) => unwrap(await this.#api.POST("/api/detail/mlp", { body }));
  routing: DataSource["routing"] = async (body) => unwrap(await this.#api.POST("/api/detail/routing", { body }));
  perLayerInput: DataSource["perLayerInput"] = async (body) =>
    unwrap(await this.#api.POST("/api/detail/per_layer_input", { body }));
  linearAttentionHead: DataSource["linearAttentionHead"] = async (body) =>
    unwrap(await this.#api.POST("/api/detail/linear_attention_head", { body }));
  logitLens: DataSource["logitLens"] = async (body) => unwrap(await this.#api.POST("/api/detail/logit_lens", { body }));
  tokenAcrossLayers: DataSource["tokenAcrossLayers"] = async (body) =>
    unwrap(await this.#api.POST("/api/detail/token", { body }));

  async trainingInfo(model: string) {
    return unwrap(await this.#api.GET("/api/training/{model}/info", { params: { path: { model } } }));
  }

  async trainingHistory(model: string) {
    return unwrap(await this.#api.GET("/api/training/{model}/history", { params: { path: { model } } }));
  }

  trainStep: DataSource["trainStep"] = async (body) => unwrap(await this.#api.POST("/api/training/step", { body }));
  async checkpointReplay(model: string) {
    return unwrap(await this.#api.GET("/api/training/{model}/checkpoints", { params: { path: { model } } }));
  }
  compareCheckpoints: DataSource["compareCheckpoints"] = async (body) =>
    unwrap(await this.#api.POST("/api/training/checkpoints/compare", { body }));
  compareModels: DataSource["compareModels"] = async (body) =>
    unwrap(await this.#api.POST("/api/compare", { body }));
  initVsTrained: DataSource["initVsTrained"] = async (body) =>
    unwrap(await this.#api.POST("/api/training/init_vs_trained", { body }));
  startLive: DataSource["startLive"] = async (body) =>
    unwrap(await this.#api.POST("/api/training/live/start", { body }));

  async liveStatus(runId: string): Promise<LiveRunStatus> {
    return unwrap(await this.#api.GET("/api/training/live/{run_id}", { params: { path: { run_id: runId } } }));
  }

  // a JSON body, even an empty one: the server refuses a state-changing request without one (a page of
  // another site could send that without asking first)
  async stopLive(runId: string): Promise<LiveRunStatus> {
    return unwrap(
      await this.#api.POST("/api/training/live/{run_id}/stop", { params: { path: { run_id: runId } }, body: {} }),
    );
  }

  async resumeLive(runId: string): Promise<LiveRunStatus> {
    return unwrap(
      await this.#api.POST("/api/training/live/{run_id}/resume", { params: { path: { run_id: runId } }, body: {} }),
    );
  }

  attribute: DataSource["attribute"] = async (body) => unwrap(await this.#api.POST("/api/why/attribute", { body }));
  attributionMatrix: DataSource["attributionMatrix"] = async (body) =>
    unwrap(await this.#api.POST("/api/why/attribution_matrix", { body }));
  dla: DataSource["dla"] = async (body) => unwrap(await this.#api.POST("/api/why/dla", { body }));
  ablate: DataSource["ablate"] = async (body) => unwrap(await this.#api.POST("/api/why/ablate", { body }));
  patch: DataSource["patch"] = async (body) => unwrap(await this.#api.POST("/api/why/patch", { body }));
  patchCell: DataSource["patchCell"] = async (body) => unwrap(await this.#api.POST("/api/why/patch_cell", { body }));
  scoreText: DataSource["scoreText"] = async (body) => unwrap(await this.#api.POST("/api/why/score", { body }));
  tokenizerCatalogue: DataSource["tokenizerCatalogue"] = async () => unwrap(await this.#api.GET("/api/tokenizers"));
  parallelSet: DataSource["parallelSet"] = async () => unwrap(await this.#api.GET("/api/tokenizers/parallel"));
  tokenizeText: DataSource["tokenizeText"] = async (body) =>
    unwrap(await this.#api.POST("/api/tokenizers/tokenize", { body }));
  tokenTax: DataSource["tokenTax"] = async (body) => unwrap(await this.#api.POST("/api/tokenizers/tax", { body }));
  bpeMerges: DataSource["bpeMerges"] = async (body) => unwrap(await this.#api.POST("/api/tokenizers/merges", { body }));
  renderChat: DataSource["renderChat"] = async (body) => unwrap(await this.#api.POST("/api/tokenizers/chat", { body }));

  async circuitsInfo(model: string) {
    return unwrap(await this.#api.GET("/api/circuits/{model}/info", { params: { path: { model } } }));
  }

  circuitsStart: DataSource["circuitsStart"] = async (body) =>
    unwrap(await this.#api.POST("/api/circuits/jobs", { body }));

  async circuitsJob(jobId: string) {
    return unwrap(await this.#api.GET("/api/circuits/jobs/{job_id}", { params: { path: { job_id: jobId } } }));
  }

  async circuitsGraph(jobId: string) {
    return unwrap(await this.#api.GET("/api/circuits/jobs/{job_id}/graph", { params: { path: { job_id: jobId } } }));
  }

  async circuitsFeature(model: string, layer: number, feature: number) {
    return unwrap(
      await this.#api.GET("/api/circuits/feature/{model}/{layer}/{feature}", {
        params: { path: { model, layer, feature } },
      }),
    );
  }

  circuitsIntervene: DataSource["circuitsIntervene"] = async (body) =>
    unwrap(await this.#api.POST("/api/circuits/intervene", { body }));

  traces: NonNullable<DataSource["traces"]> = async () => unwrap(await this.#api.GET("/api/traces"));
  trace: NonNullable<DataSource["trace"]> = async (name) =>
    unwrap(await this.#api.GET("/api/traces/{name}", { params: { path: { name } } }));

  listenLive(runId: string, since: number, on: LiveListener): LiveStream {
    const path = LIVE_EVENTS_PATH.replace("{run_id}", encodeURIComponent(runId));
    const source = new EventSource(`${this.#baseUrl}${path}?since=${since}`);
    for (const name of LIVE_EVENTS) {
      // the payload is the schema's model of this event (`type` included), as the server validated it
      source.addEventListener(name, (e) => on.event(JSON.parse((e as MessageEvent<string>).data) as LiveEvent));
    }
    source.onerror = () => {
      // the connection broke (server gone): say so rather than reconnect and replay the run's events
      source.close();
      on.lost();
    };
    return source;
  }
}
