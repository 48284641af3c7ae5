/**
 * A static export (`glassbox export`) as a DataSource: every answer comes from files written ahead of time, read
 * with no server and no `fetch` (Chromium refuses `fetch` and ES modules from `file://`). Each data file is a
 * classic script that registers its payload under `window.__glassbox_data__[key]`; a file is loaded on demand by
 * adding a `<script>` tag. `data/manifest.js` (the models and prompts) is in the page before the app starts.
 *
 * `predict` answers along each prompt's exported generation: the full-vocabulary logits of every position are
 * there (float16, deflated: `decodeLogits`), so the page re-samples them with any settings exactly as live; a
 * step off that path, a new prompt, training and the other computations reject with `not_built`, and the message
 * says why in the page's language. The Why and Circuits views answer from each prompt's own files (`./static-views.ts`).
 */
import { lensAt } from "../detail/lens-window";
import type {
  EncodedLogits,
  ExportedPrompt,
  ModelList,
  PredictResponse,
  PromptTrace,
  SamplingSettings,
  StaticManifest,
  TensorPayload,
  Vocab,
} from "../generated/schema";
import { t } from "../i18n/i18n.svelte";
import { ApiFailure } from "./failure";
import type { DataSource, LiveStream, PredictQuery } from "./source";
import { ExportedViews } from "./static-views";

/** The window property the data files register their payloads under (`glassbox.export_site.GLOBAL`). */
export const DATA_GLOBAL = "__glassbox_data__";

type Registry = Record<string, unknown>;

function registry(): Registry {
  const w = window as unknown as Record<string, Registry | undefined>;
  w[DATA_GLOBAL] ??= {};
  return w[DATA_GLOBAL];
}

/** The manifest the page's `data/manifest.js` registered, or null when this page is not a static export. */
export function staticManifest(): StaticManifest | null {
  const m = registry()["manifest"] as StaticManifest | undefined;
  return m?.kind === "static_manifest" ? m : null;
}

const pending = new Map<string, Promise<unknown>>();

/** The payload of `data/<key>.js`, loading the file by a script tag the first time. */
export function loadData<T>(key: string, base = "data/"): Promise<T> {
  const have = registry()[key];
  if (have !== undefined) return Promise.resolve(have as T);
  let p = pending.get(key);
  if (!p) {
    p = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = `${base}${encodeURIComponent(key)}.js`;
      script.onload = () => {
        const value = registry()[key];
        if (value === undefined) reject(new ApiFailure("corrupted_file", `${script.src} registered no data`));
        else resolve(value);
      };
      script.onerror = () => {
        pending.delete(key);
        reject(new ApiFailure("not_found", `${script.src} is missing from this export`));
      };
      document.head.append(script);
    });
    pending.set(key, p);
  }
  return p as Promise<T>;
}

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function bytesToBase64(bytes: Uint8Array): string {
  let bin = "";
  const CHUNK = 0x8000; // String.fromCharCode takes its arguments on the stack: a vocabulary at once overflows it
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}

/** Inflate zlib data with the browser's own DecompressionStream (no library, works from file://). */
async function inflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const body = new Response(bytes).body;
  if (!body) throw new ApiFailure("corrupted_file", "encoded logits: no bytes");
  return new Uint8Array(await new Response(body.pipeThrough(new DecompressionStream("deflate"))).arrayBuffer());
}

/** The float32 logits of an `EncodedLogits` (glassbox.schema.traces.LOGITS_ENCODING; the inverse of
 * `glassbox.traces.encode_logits`): inflate, rejoin each float16's low and high byte, widen, add the shift. */
export async function decodeLogits(enc: EncodedLogits): Promise<Float32Array> {
  const split = await inflate(base64ToBytes(enc.data));
  const n = enc.d_vocab;
  if (split.length !== 2 * n) throw new ApiFailure("corrupted_file", `encoded logits: ${split.length} bytes for ${n}`);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = enc.shift + halfToFloat((split[i] ?? 0) | ((split[n + i] ?? 0) << 8));
  return out;
}

function float32Payload(values: Float32Array): TensorPayload {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  return { dtype: "float32", shape: [values.length], dims: ["d_vocab"], data: bytesToBase64(bytes) };
}

function settingsText(s: SamplingSettings): string {
  return `T ${s.temperature ?? 1}, top-k ${s.top_k ?? 0}, top-p ${s.top_p ?? 1}, min-p ${s.min_p ?? 0}, seed ${s.seed ?? 0}`;
}

const notBuilt =
  (key: "export.newPrompt" | "export.notDetail" | "export.cannot" | "exportViews.intervene" | "exportViews.patching") =>
  (): Promise<never> =>
    Promise.reject(new ApiFailure("not_built", t(key)));

export class StaticSource implements DataSource {
  readonly #manifest: StaticManifest;
  readonly #base: string;
  readonly #views: ExportedViews;
  #seq = 0;
  /** answers from files written ahead of time: what needs a model is disabled in the views, with the reason */
  readonly readOnly = true;

  constructor(manifest: StaticManifest, base = "data/") {
    this.#manifest = manifest;
    this.#base = base;
    this.#views = new ExportedViews(manifest, (key) => loadData(key, base));
  }

  get prompts(): readonly ExportedPrompt[] {
    return this.#manifest.prompts;
  }

  async #trace(model: string, prompt: string): Promise<PromptTrace> {
    const entry = this.#manifest.prompts.find((p) => p.prompt === prompt);
    if (!entry || !this.#manifest.models.models.some((m) => m.id === model)) {
      throw new ApiFailure("not_built", t("export.newPrompt"));
    }
    return loadData<PromptTrace>(entry.key, this.#base);
  }

  /** The exported slices of a text: only the prompt's own (the detailed view of a generation was not exported). */
  async #detail(req: { model: string; prompt: string; generated_ids?: number[] }) {
    const trace = await this.#trace(req.model, req.prompt);
    if ((req.generated_ids?.length ?? 0) > 0 || !trace.detail) throw new ApiFailure("not_built", t("export.notDetail"));
    return trace.detail;
  }

  async models(): Promise<ModelList> {
    return this.#manifest.models;
  }

  async vocab(model: string): Promise<Vocab> {
    if (!this.#manifest.models.models.some((m) => m.id === model)) {
      throw new ApiFailure("unknown_model", `this export holds no model ${model}`);
    }
    return loadData<Vocab>("vocab", this.#base);
  }

  async predict(query: PredictQuery): Promise<PredictResponse> {
    this.#seq += 1;
    const seq = this.#seq;
    const trace = await this.#trace(query.model, query.prompt);
    const ids = query.generated_ids ?? [];
    const onPath = ids.every((id, i) => trace.steps[i]?.token.id === id);
    const dist = onPath ? trace.distributions.find((d) => d.generated === ids.length) : undefined;
    if (!dist) throw new ApiFailure("not_built", t("export.offPath", { settings: settingsText(trace.settings) }));
    const logits = await decodeLogits(dist.logits);
    // as the live source does: a newer prediction of this page replaces one still pending
    if (seq !== this.#seq) throw new ApiFailure("superseded", "");
    return {
      kind: "prediction",
      schema_version: trace.schema_version,
      model: query.model,
      tokens: trace.tokens,
      generated: trace.steps.slice(0, ids.length).map((s) => s.token),
      logits: float32Payload(logits),
      top: dist.top.slice(0, query.top_n ?? 20),
      forward_ms: dist.forward_ms,
      dropped_tokens: 0,
    };
  }

  overview: DataSource["overview"] = async (req) => (await this.#detail(req)).overview;
  attentionGrid: DataSource["attentionGrid"] = async (req) => (await this.#detail(req)).attention_grid;
  attentionHead: DataSource["attentionHead"] = async (req) => {
    const d = await this.#detail(req);
    const head = d.heads.find((h) => h.layer === req.layer && h.head === req.head && h.query_pos === req.query_pos);
    if (!head) throw new ApiFailure("not_built", t("export.notDetail"));
    return head;
  };
  embedding: DataSource["embedding"] = async (req) => {
    const e = (await this.#detail(req)).embeddings.find((x) => x.pos === req.pos);
    if (!e) throw new ApiFailure("not_built", t("export.notDetail"));
    return e;
  };
  mlp: DataSource["mlp"] = async (req) => {
    const d = await this.#detail(req);
    const m = d.mlps.find((x) => x.layer === req.layer && x.pos === req.pos);
    if (!m || (req.k ?? 10) !== m.top.length) throw new ApiFailure("not_built", t("export.notDetail"));
    return m;
  };
  logitLens: DataSource["logitLens"] = async (req) => {
    const lens = (await this.#detail(req)).logit_lens;
    // exported with the view's k (glassbox.traces.LENS_K): another k was not computed
    if ((req.k ?? 5) !== (lens.cells[0]?.top.length ?? 0)) throw new ApiFailure("not_built", t("export.notDetail"));
    return lensAt(lens, req.positions); // exported at every position: the window asked for
  };
  tokenAcrossLayers: DataSource["tokenAcrossLayers"] = notBuilt("export.notDetail");
  routing: DataSource["routing"] = notBuilt("export.notDetail");
  perLayerInput: DataSource["perLayerInput"] = notBuilt("export.notDetail");
  linearAttentionHead: DataSource["linearAttentionHead"] = async (req) => {
    const d = await this.#detail(req);
    const head = (d.linear_heads ?? []).find((h) => h.layer === req.layer && h.head === req.head && h.query_pos === req.query_pos);
    if (!head) throw new ApiFailure("not_built", t("export.notDetail"));
    return head;
  };

  trainingInfo: DataSource["trainingInfo"] = notBuilt("export.cannot");
  trainingHistory: DataSource["trainingHistory"] = notBuilt("export.cannot");
  trainStep: DataSource["trainStep"] = notBuilt("export.cannot");
  initVsTrained: DataSource["initVsTrained"] = notBuilt("export.cannot");
  checkpointReplay: DataSource["checkpointReplay"] = notBuilt("export.cannot");
  compareCheckpoints: DataSource["compareCheckpoints"] = notBuilt("export.cannot");
  compareModels: DataSource["compareModels"] = notBuilt("export.cannot");
  startLive: DataSource["startLive"] = notBuilt("export.cannot");
  liveStatus: DataSource["liveStatus"] = notBuilt("export.cannot");
  stopLive: DataSource["stopLive"] = notBuilt("export.cannot");
  resumeLive: DataSource["resumeLive"] = notBuilt("export.cannot");
  listenLive(_runId: string, _since: number, on: { lost(): void }): LiveStream {
    queueMicrotask(() => on.lost());
    return { close() {} };
  }

  // the Why and Circuits views: each prompt's exported answers (./static-views.ts), nothing else
  attribute: DataSource["attribute"] = (req) => this.#views.attribute(req);
  attributionMatrix: DataSource["attributionMatrix"] = (req) => this.#views.attributionMatrix(req);
  scoreText: DataSource["scoreText"] = (req) => this.#views.scoreText(req);
  circuitsInfo: DataSource["circuitsInfo"] = (model) => this.#views.circuitsInfo(model);
  circuitsStart: DataSource["circuitsStart"] = (req) => this.#views.circuitsStart(req);
  circuitsJob: DataSource["circuitsJob"] = (jobId) => this.#views.circuitsJob(jobId);
  circuitsGraph: DataSource["circuitsGraph"] = (jobId) => this.#views.circuitsGraph(jobId);
  circuitsFeature: DataSource["circuitsFeature"] = (model, layer, feature) =>
    this.#views.circuitsFeature(model, layer, feature);
  circuitsIntervene: DataSource["circuitsIntervene"] = notBuilt("exportViews.intervene");
  dla: DataSource["dla"] = notBuilt("export.cannot");
  ablate: DataSource["ablate"] = notBuilt("export.cannot");
  patch: DataSource["patch"] = notBuilt("exportViews.patching");
  patchCell: DataSource["patchCell"] = notBuilt("exportViews.patching");
  tokenizerCatalogue: DataSource["tokenizerCatalogue"] = notBuilt("export.cannot");
  parallelSet: DataSource["parallelSet"] = notBuilt("export.cannot");
  tokenizeText: DataSource["tokenizeText"] = notBuilt("export.cannot");
  tokenTax: DataSource["tokenTax"] = notBuilt("export.cannot");
  bpeMerges: DataSource["bpeMerges"] = notBuilt("export.cannot");
  renderChat: DataSource["renderChat"] = notBuilt("export.cannot");
}
