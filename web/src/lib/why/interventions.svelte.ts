/**
 * The detailed view's "why" parts: the direct logit attribution of one token (the layers × (heads + MLP) map) and
 * interventions (heads and neurons switched off, several at once, and the next-token distribution before and after).
 * Both read through the `DataSource`; the numbers are the server's.
 */
import type { DataSource } from "../data/source";
import type {
  AblateRequest,
  Ablation,
  DirectLogitAttribution,
  DlaRequest,
} from "../generated/schema";
import { pairKey, parsePair } from "./format";
import { Query } from "./query.svelte";

/** The text the detailed view shows: the model, the prompt and the tokens generated after it. */
export interface WhyText {
  model: string;
  prompt: string;
  generated_ids: number[];
}

export type AblationMode = "zero" | "mean";

/** How many changed tokens the ablation lists (the server's `k`). */
const CHANGES_K = 10;

export class ContributionsState {
  /** the token whose logit is attributed; null: the model's top next token */
  target = $state<number | null>(null);
  readonly dla: Query<DlaRequest, DirectLogitAttribution>;

  constructor(readonly source: DataSource) {
    this.dla = new Query((req) => source.dla(req));
  }

  request(text: WhyText): DlaRequest {
    const req: DlaRequest = {
      model: text.model,
      prompt: text.prompt,
      generated_ids: text.generated_ids,
    };
    if (this.target !== null) req.target = this.target;
    return req;
  }

  /** Fetch the attribution for this text and the chosen token, unless the answer shown is already that. */
  async load(text: WhyText): Promise<void> {
    const req = this.request(text);
    if (
      JSON.stringify(req) === JSON.stringify(this.dla.asked) &&
      this.dla.value
    )
      return;
    await this.dla.run(req);
  }

  async choose(target: number | null, text: WhyText | null): Promise<void> {
    this.target = target;
    if (text) await this.load(text);
  }
}

export class AblationState {
  /** heads switched off, as "layer:head" keys, in the order they were switched */
  heads = $state.raw<string[]>([]);
  /** neurons switched off, as "layer:neuron" keys */
  neurons = $state.raw<string[]>([]);
  mode = $state<AblationMode>("zero");
  readonly result: Query<AblateRequest, Ablation>;
  #text: WhyText | null = null;

  count = $derived(this.heads.length + this.neurons.length);

  constructor(readonly source: DataSource) {
    this.result = new Query((req) => source.ablate(req));
  }

  isHeadOff(layer: number, head: number): boolean {
    return this.heads.includes(pairKey(layer, head));
  }

  isNeuronOff(layer: number, neuron: number): boolean {
    return this.neurons.includes(pairKey(layer, neuron));
  }

  toggleHead(layer: number, head: number): void {
    this.heads = toggled(this.heads, pairKey(layer, head));
    void this.refresh();
  }

  toggleNeuron(layer: number, neuron: number): void {
    this.neurons = toggled(this.neurons, pairKey(layer, neuron));
    void this.refresh();
  }

  setMode(mode: AblationMode): void {
    this.mode = mode;
    void this.refresh();
  }

  /** Switch everything back on. */
  clear(): void {
    this.heads = [];
    this.neurons = [];
    this.result.clear();
  }

  /**
   * A new text: the switches stay (a person compares prompts with the same heads off) unless the model changed,
   * whose heads and neurons are other ones.
   */
  setText(text: WhyText): void {
    const modelChanged = this.#text !== null && this.#text.model !== text.model;
    this.#text = text;
    if (modelChanged) this.clear();
    else void this.refresh();
  }

  request(text: WhyText): AblateRequest {
    return {
      model: text.model,
      // the prompt and the continuation shown: "before" is the detailed view's own last position
      prompt: text.prompt,
      generated_ids: text.generated_ids,
      heads: this.heads.map((k) => {
        const [layer, head] = parsePair(k);
        return { layer, head };
      }),
      neurons: this.neurons.map((k) => {
        const [layer, neuron] = parsePair(k);
        return { layer, neuron };
      }),
      mode: this.mode,
      k: CHANGES_K,
    };
  }

  async refresh(): Promise<void> {
    const text = this.#text;
    if (!text || this.count === 0) {
      this.result.clear();
      return;
    }
    await this.result.run(this.request(text));
  }
}

function toggled(keys: readonly string[], key: string): string[] {
  return keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key];
}
