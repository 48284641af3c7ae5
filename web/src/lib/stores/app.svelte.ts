/**
 * The page's state: the model, the prompt, its tokens, the logits of every position generated so far, and
 * the sampling settings. The distribution is *derived* — sliders re-run the pipeline in the browser on the
 * logits already here, with no request; only a new prompt or a new token asks the data source.
 */
import { failureOf, isSuperseded, type FailureCode } from "../data/failure";
import type { DataSource } from "../data/source";
import { decodeTensor } from "../data/tensor";
import type { Limits, ModelCard, PredictResponse, TokenInfo } from "../generated/schema";
import { DEFAULT_SETTINGS, prepare, samplingPipeline, type PipelineResult, type Prepared, type Settings } from "../sampling/pipeline";
import { clampSettings, type UrlToken } from "./url";

export interface GeneratedToken {
  id: number;
  text: string;
  /** probability of the token under the final distribution it was drawn from (0 if forced past the filters) */
  prob: number;
  forced: boolean;
}

export type Finish = "eos" | "limit" | "context" | null;

const DEBOUNCE_MS = 120;

export class AppState {
  models = $state<ModelCard[]>([]);
  limits = $state<Required<Limits>>({ max_prompt_tokens: 512, max_new_tokens: 256, max_top_k: 1000 });
  modelId = $state("");
  prompt = $state("");
  settings = $state<Settings>({ ...DEFAULT_SETTINGS });
  promptTokens = $state.raw<TokenInfo[]>([]);
  generated = $state.raw<GeneratedToken[]>([]);
  /** logits after the prompt, then after each generated token: positions[i] predicts generated[i] */
  positions = $state.raw<Prepared[]>([]);
  vocab = $state.raw<string[]>([]);
  /** texts learnt from responses, for when the vocabulary has not arrived yet */
  knownTexts = $state.raw<Readonly<Record<number, string>>>({});
  /** the last failure: a code the page translates, and the server's own detail */
  error = $state<{ code: FailureCode; message: string } | null>(null);
  busy = $state(false);
  /** tokens the server dropped from the prompt's start so that it fits the model's context (0: none) */
  droppedTokens = $state(0);
  playing = $state(false);
  /** steps per second while playing */
  speed = $state(2);
  finish = $state<Finish>(null);
  /** incremented whenever a step is taken (drives the pipeline animation) */
  stepCount = $state(0);

  card = $derived(this.models.find((m) => m.id === this.modelId) ?? null);
  current = $derived(this.positions[this.generated.length] ?? null);
  result = $derived<PipelineResult | null>(
    this.current ? samplingPipeline(this.current, this.settings, this.generated.length) : null,
  );

  #timer: ReturnType<typeof setTimeout> | null = null;
  #playTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(readonly source: DataSource) {}

  async init(wanted: {
    model?: string;
    prompt?: string;
    settings: Partial<Settings>;
    generated?: readonly UrlToken[];
  }): Promise<void> {
    try {
      const list = await this.source.models();
      this.models = list.models;
      this.limits = { ...this.limits, ...list.limits };
      this.modelId = list.models.some((m) => m.id === wanted.model) ? (wanted.model as string) : list.default_model;
      this.settings = clampSettings(wanted.settings, this.limits.max_top_k, DEFAULT_SETTINGS);
      void this.loadVocab();
      if (wanted.prompt === undefined) return;
      if (wanted.prompt !== "" && wanted.generated?.length) {
        // a link that carries a generation: predict the prompt, then take its steps again
        this.prompt = wanted.prompt;
        await this.predictPrompt();
        await this.replay(wanted.generated);
      } else this.setPrompt(wanted.prompt, true);
    } catch (err) {
      this.fail(err);
    }
  }

  /**
   * Take the steps a link recorded, one request each (every position's logits are kept, so rewinding and the
   * pipeline work as if they had been taken here). Each token is appended as recorded — sampled or forced —
   * and its probability is read from the distribution the current settings give. Stops early when the prompt
   * changes meanwhile, a step fails, or the generation ends (end of text, limit, context).
   */
  async replay(tokens: readonly UrlToken[]): Promise<void> {
    const prompt = this.prompt;
    const vocab = this.card?.info.d_vocab ?? Infinity;
    for (const token of tokens) {
      if (prompt !== this.prompt || this.finish || this.error || token.id >= vocab) return;
      const before = this.generated.length;
      await this.step(token.id, token.forced);
      if (this.generated.length !== before + 1) return;
    }
  }

  textOf(id: number): string {
    return this.vocab[id] ?? this.knownTexts[id] ?? `#${id}`;
  }

  async loadVocab(): Promise<void> {
    const model = this.modelId;
    try {
      const v = await this.source.vocab(model);
      if (this.modelId === model) this.vocab = v.texts;
    } catch (err) {
      this.fail(err);
    }
  }

  /** Ask the server for its models again (a live run offers its trained micro model under a new id). */
  async refreshModels(): Promise<void> {
    try {
      const list = await this.source.models();
      this.models = list.models;
    } catch (err) {
      this.fail(err);
    }
  }

  setModel(id: string): void {
    if (id === this.modelId) return;
    this.pause();
    this.modelId = id;
    this.vocab = [];
    this.knownTexts = {};
    this.positions = [];
    this.generated = [];
    void this.loadVocab();
    this.setPrompt(this.prompt, true);
  }

  setPrompt(text: string, immediate = false): void {
    this.prompt = text;
    this.pause();
    if (this.#timer) clearTimeout(this.#timer);
    if (text === "") {
      this.promptTokens = [];
      this.positions = [];
      this.generated = [];
      this.finish = null;
      return;
    }
    const run = () => void this.predictPrompt();
    if (immediate) run();
    else this.#timer = setTimeout(run, DEBOUNCE_MS);
  }

  setSettings(patch: Partial<Settings>): void {
    this.settings = clampSettings({ ...this.settings, ...patch }, this.limits.max_top_k, this.settings);
  }

  async predictPrompt(): Promise<void> {
    const prompt = this.prompt;
    const response = await this.ask(prompt, []);
    if (!response && prompt === this.prompt && this.error !== null) {
      // the prompt itself was refused: show no stale prediction beside the error
      this.promptTokens = [];
      this.positions = [];
      this.generated = [];
      this.finish = null;
      this.droppedTokens = 0;
    }
    if (!response || prompt !== this.prompt) return;
    this.promptTokens = response.tokens;
    this.droppedTokens = response.dropped_tokens ?? 0;
    this.generated = [];
    this.finish = null;
    this.positions = [prepare(decodeTensor(response.logits))];
    this.error = null;
  }

  /** Append one token: the sampled one, or `forcedId` (a branch); `forced` overrides whether it counts as forced
   * (a replayed link says how each token was chosen). */
  async step(forcedId?: number, forced?: boolean): Promise<boolean> {
    const r = this.result;
    if (!r || this.busy) return false;
    if (this.finish && forcedId === undefined) return false;
    if (this.generated.length >= this.limits.max_new_tokens) {
      this.finish = "limit";
      return false;
    }
    const id = forcedId ?? r.tokenId;
    const token: GeneratedToken = {
      id,
      text: this.textOf(id),
      prob: r.finalProbs[id] ?? 0,
      forced: forced ?? (forcedId !== undefined && forcedId !== r.tokenId),
    };
    const before = this.generated;
    const positions = this.positions.slice(0, before.length + 1);
    this.generated = [...before, token];
    this.positions = positions;
    this.finish = null;
    this.stepCount += 1;
    if (this.card?.eos_token_ids.includes(id)) {
      this.finish = "eos";
      return false;
    }
    if (this.generated.length >= this.limits.max_new_tokens) {
      this.finish = "limit";
      return false;
    }
    if (this.card && this.promptTokens.length + this.generated.length >= this.card.info.n_ctx) {
      this.finish = "context"; // the model cannot look further back than its context
      return false;
    }
    const prompt = this.prompt;
    const response = await this.ask(prompt, this.generated.map((g) => g.id));
    if (!response || prompt !== this.prompt) {
      if (prompt === this.prompt && this.generated.length === before.length + 1) this.generated = before;
      return false;
    }
    const texts = response.generated;
    this.generated = this.generated.map((g, i) => ({ ...g, text: texts[i]?.text ?? g.text }));
    this.positions = [...positions, prepare(decodeTensor(response.logits))];
    this.error = null;
    return true;
  }

  rewind(): void {
    if (this.generated.length === 0) return;
    this.pause();
    this.generated = this.generated.slice(0, -1);
    this.positions = this.positions.slice(0, this.generated.length + 1);
    this.finish = null;
  }

  reset(): void {
    this.pause();
    this.generated = [];
    this.positions = this.positions.slice(0, 1);
    this.finish = null;
  }

  play(): void {
    if (this.playing || !this.result) return;
    this.playing = true;
    const tick = async () => {
      if (!this.playing) return;
      const ok = await this.step();
      if (!ok || !this.playing) {
        this.playing = false;
        return;
      }
      this.#playTimer = setTimeout(() => void tick(), 1000 / this.speed);
    };
    void tick();
  }

  pause(): void {
    this.playing = false;
    if (this.#playTimer) clearTimeout(this.#playTimer);
    this.#playTimer = null;
  }

  togglePlay(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  dismissError(): void {
    this.error = null;
  }

  #pending = 0;

  private async ask(prompt: string, generatedIds: number[]): Promise<PredictResponse | null> {
    this.#pending += 1;
    this.busy = true;
    try {
      const response = await this.source.predict({
        model: this.modelId,
        prompt,
        generated_ids: generatedIds,
        top_n: 20,
        // a prompt longer than the context keeps its last tokens that fit; the answer says how many went
        truncate: "left",
      });
      const known: Record<number, string> = { ...this.knownTexts };
      for (const t of [...response.tokens, ...response.generated, ...response.top.map((x) => x.token)]) {
        known[t.id] = t.text;
      }
      this.knownTexts = known;
      return response;
    } catch (err) {
      if (!isSuperseded(err)) this.fail(err);
      return null;
    } finally {
      this.#pending -= 1;
      this.busy = this.#pending > 0;
    }
  }

  private fail(err: unknown): void {
    this.pause();
    const { code, message } = failureOf(err);
    this.error = { code, message };
  }
}
