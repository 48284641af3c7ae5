/**
 * Where the views' numbers come from: one small interface, so the same views run on any host.
 *
 * Implementations:
 * - `HttpSource` (`./http.ts`): the live `glassbox serve` server, through the client generated from its OpenAPI.
 * - `StaticSource` (`./static.ts`): a static export (`glassbox export`, from any static host or `file://`):
 *   `models`, `vocab` and the detailed view's slices are data files read by key; `predict` answers from the
 *   exported positions, the Why and Circuits views from each prompt's own files (`./static-views.ts`); what
 *   nothing there can compute (a new prompt, training, the live run, a question not exported) rejects with
 *   `not_built`.
 * - `KernelSource` (`./kernel.ts`): a notebook kernel (`glassbox.widget`, an anywidget model): each method sends a
 *   message to the Python side, which answers with the same payloads through the server's own routes, in-process.
 *
 * Every method resolves with a generated payload type or rejects with an `ApiFailure` (`./failure.ts`). Views and
 * stores never `fetch`: they receive a source (the app's states take it in their constructor; components read
 * it from Svelte context, `./context.ts`).
 */
import type { TraceFile, TraceList } from "../generated/schema";
import type { CheckpointCompare, CheckpointCompareRequest, CheckpointReplay } from "../generated/schema";
import type { ModelCompareRequest, ModelComparison } from "../generated/schema";
import type {
  CircuitsGraph,
  CircuitsGraphRequest,
  CircuitsInfo,
  CircuitsJob,
  FeatureCard,
  FeatureInterventionRequest,
  FeatureInterventionResult,
} from "../generated/schema";
import type {
  ChatRendering,
  ChatRequest,
  Comparison,
  MergesRequest,
  MergeTrace,
  ParallelSet,
  TaxRequest,
  TokenizeRequest,
  TokenizerCatalogue,
  TokenTax,
} from "../generated/schema";
import type {
  AblateRequest,
  Ablation,
  AttentionGrid,
  AttentionHead,
  AttentionHeadRequest,
  AttributeRequest,
  Attribution,
  AttributionMatrix,
  AttributionMatrixRequest,
  DetailOverview,
  DetailRequest,
  DirectLogitAttribution,
  DlaRequest,
  EmbeddingDetail,
  EmbeddingRequest,
  InitVsTrained,
  InitVsTrainedRequest,
  LiveEventEnvelope,
  LiveRunStatus,
  LiveStartRequest,
  LogitLens,
  LogitLensRequest,
  MlpDetail,
  MlpRequest,
  LinearAttentionHead,
  Routing,
  RoutingRequest,
  PerLayerInput,
  PerLayerInputRequest,
  ModelList,
  PatchCellRequest,
  PatchedCell,
  PatchRequest,
  Patching,
  PredictRequest,
  PredictResponse,
  ScoreRequest,
  TextScore,
  TokenAcrossLayers,
  TokenAcrossLayersRequest,
  TrainingHistory,
  TrainingInfo,
  TrainStepRequest,
  TrainStepResult,
  Vocab,
} from "../generated/schema";

/** One event of a live run's stream (the schema's LiveEvent union), told apart by `type`. */
export type LiveEvent = LiveEventEnvelope["event"];

/** A subscription to a live run's events; closing it stops an active run (the server sees the page leave). */
export interface LiveStream {
  close(): void;
}

export interface LiveListener {
  event(e: LiveEvent): void;
  /** the stream broke (the server went away): it is closed, not replayed */
  lost(): void;
}

/** A prediction as a view asks for it: the source adds what identifies the page's request order. */
export type PredictQuery = Omit<PredictRequest, "client_id" | "seq">;

export interface DataSource {
  /** true for a source that answers from files written ahead of time (a static export): the views disable what
   * needs a running model, and say why */
  readonly readOnly?: boolean;
  /** the models offered, the default one, and the request limits */
  models(): Promise<ModelList>;
  /** the display text of every token of a model, by id */
  vocab(model: string): Promise<Vocab>;
  /** full-vocabulary next-token logits; a newer prediction supersedes (rejects) an older one still pending */
  predict(query: PredictQuery): Promise<PredictResponse>;

  // the detailed view: each call returns one slice of a trace the source keeps
  overview(req: DetailRequest): Promise<DetailOverview>;
  attentionHead(req: AttentionHeadRequest): Promise<AttentionHead>;
  attentionGrid(req: DetailRequest): Promise<AttentionGrid>;
  embedding(req: EmbeddingRequest): Promise<EmbeddingDetail>;
  mlp(req: MlpRequest): Promise<MlpDetail>;
  /** a mixture of experts' router over the text and the chosen experts' outputs at one position */
  routing(req: RoutingRequest): Promise<Routing>;
  /** a Gemma 4 layer's own per-layer input at one position, its gate, and what the step adds over the text */
  perLayerInput(req: PerLayerInputRequest): Promise<PerLayerInput>;
  /** one head of a linear-attention layer: its gates, its state and its exact token-mixing matrix */
  linearAttentionHead(req: AttentionHeadRequest): Promise<LinearAttentionHead>;
  logitLens(req: LogitLensRequest): Promise<LogitLens>;
  tokenAcrossLayers(req: TokenAcrossLayersRequest): Promise<TokenAcrossLayers>;

  // the training view
  trainingInfo(model: string): Promise<TrainingInfo>;
  trainingHistory(model: string): Promise<TrainingHistory>;
  trainStep(req: TrainStepRequest): Promise<TrainStepResult>;
  initVsTrained(req: InitVsTrainedRequest): Promise<InitVsTrained>;
  /** the probe prompts' predictions across a served model's training checkpoints (glassbox serve --checkpoints) */
  checkpointReplay(model: string): Promise<CheckpointReplay>;
  /** one prompt through two of those checkpoints, side by side */
  compareCheckpoints(req: CheckpointCompareRequest): Promise<CheckpointCompare>;

  /** one prompt through two to four served models: tokens, next tokens matched by bytes, logit lens by depth */
  compareModels(req: ModelCompareRequest): Promise<ModelComparison>;

  // live micro-training
  startLive(req: LiveStartRequest): Promise<LiveRunStatus>;
  liveStatus(runId: string): Promise<LiveRunStatus>;
  stopLive(runId: string): Promise<LiveRunStatus>;
  resumeLive(runId: string): Promise<LiveRunStatus>;
  /** the run's events from event number `since` on */
  listenLive(runId: string, since: number, on: LiveListener): LiveStream;

  // "Why did it say that?": attribution, contributions, interventions, patching, logprobs
  attribute(req: AttributeRequest): Promise<Attribution>;
  attributionMatrix(req: AttributionMatrixRequest): Promise<AttributionMatrix>;
  dla(req: DlaRequest): Promise<DirectLogitAttribution>;
  ablate(req: AblateRequest): Promise<Ablation>;
  patch(req: PatchRequest): Promise<Patching>;
  /** one patching cell opened: the next-token distribution after that one patch, beside the corrupted run's */
  patchCell(req: PatchCellRequest): Promise<PatchedCell>;
  scoreText(req: ScoreRequest): Promise<TextScore>;

  // the tokenizer lab: the catalogue, one text through several tokenizers, the token tax, merges, chat templates
  tokenizerCatalogue(): Promise<TokenizerCatalogue>;
  parallelSet(): Promise<ParallelSet>;
  tokenizeText(req: TokenizeRequest): Promise<Comparison>;
  tokenTax(req: TaxRequest): Promise<TokenTax>;
  bpeMerges(req: MergesRequest): Promise<MergeTrace>;
  renderChat(req: ChatRequest): Promise<ChatRendering>;

  // the Circuits view: attribution graphs built as jobs (poll, then fetch), feature cards, feature interventions
  /** whether the server has transcoders for a model (`available: false` with the reason, not an error) */
  circuitsInfo(model: string): Promise<CircuitsInfo>;
  circuitsStart(req: CircuitsGraphRequest): Promise<CircuitsJob>;
  circuitsJob(jobId: string): Promise<CircuitsJob>;
  /** the finished job's graph (rejects while it still runs) */
  circuitsGraph(jobId: string): Promise<CircuitsGraph>;
  circuitsFeature(model: string, layer: number, feature: number): Promise<FeatureCard>;
  circuitsIntervene(req: FeatureInterventionRequest): Promise<FeatureInterventionResult>;

  // precomputed trace files (`glassbox serve --traces DIR`): a source with none may leave both out
  /** the trace files the host offers (`enabled: false` when it was given no folder) */
  traces?(): Promise<TraceList>;
  /** one of them, by a name from that list (never a path), normalised */
  trace?(name: string): Promise<TraceFile>;
}
