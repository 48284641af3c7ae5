/**
 * The guided tour's training track, as data: what each stage (batch → loss → gradients → update) draws, read from
 * one real explained step (`TrainStepResult`, the step panel's own `trainStep` answer), the predict-then-reveal
 * verdict, and the cache that fetches a step once per (model, text, checkpoint) while the learner moves between
 * stages. No number here is made up: each is a field of the step, or a sum/maximum of its fields.
 */
import type { DataSource } from "../data/source";
import type { ParamGroupStep, PositionStep, Site, TokenInfo, TrainStepRequest, TrainStepResult } from "../generated/schema";
import { stepOutcome, type StepOutcome } from "../training/outcome";

/** `batch`: the sentence as tokens; each position's input and the target it must predict (the next token). */
export interface BatchView {
  model: string;
  checkpoint: number;
  tokens: TokenInfo[];
  pairs: { pos: number; input: TokenInfo; target: TokenInfo }[];
}

export function batchView(r: TrainStepResult): BatchView {
  return {
    model: r.model,
    checkpoint: r.checkpoint_step,
    tokens: r.tokens,
    pairs: r.positions.map((p) => ({ pos: p.pos, input: p.input, target: p.target })),
  };
}

/** The recorded run's batch shape, from its `TrainConfig` (the history's `config`): null where a field is missing. */
export function runShape(config: Record<string, unknown> | null | undefined): { batch: number; ctx: number; steps: number } | null {
  const num = (k: string) => (typeof config?.[k] === "number" ? (config[k] as number) : null);
  const [batch, ctx, steps] = [num("batch_size"), num("n_ctx"), num("steps")];
  return batch !== null && ctx !== null && steps !== null ? { batch, ctx, steps } : null;
}

/** One loss bar: −log p(target) at a position, and its length as a share of the largest. */
export interface LossBar {
  pos: number;
  input: TokenInfo;
  target: TokenInfo;
  loss: number;
  share: number;
}

/** `loss`: a bar per position and the mean the backward pass starts from (the server's `loss_before`). */
export interface LossView {
  bars: LossBar[];
  mean: number;
  /** the position the model was most surprised by, and the one it was surest of */
  worst: LossBar;
  best: LossBar;
}

/** `null` for a step with no position (a one-token text has nothing to predict; the server refuses it anyway). */
export function lossView(r: TrainStepResult): LossView | null {
  const max = Math.max(1e-12, ...r.positions.map((p) => p.loss_before));
  const bars = r.positions.map((p) => ({ pos: p.pos, input: p.input, target: p.target, loss: p.loss_before, share: p.loss_before / max }));
  if (!bars.length) return null;
  const by = (better: (a: LossBar, b: LossBar) => boolean) => bars.reduce((m, b) => (better(b, m) ? b : m));
  return { bars, mean: r.loss_before, worst: by((a, b) => a.loss > b.loss), best: by((a, b) => a.loss < b.loss) };
}

/** Where a parameter group sits on the way back from the output to the embedding. */
export type TierKind = "output" | "block" | "input";

/** A band of the model the gradient passes through: the output side, one block, or the input embeddings. */
export interface Tier {
  kind: TierKind;
  /** the block's index (`block` tiers only) */
  layer: number | null;
  /** the band's groups, in the order backpropagation reaches them */
  groups: ParamGroupStep[];
  /** L2 norm of the band's whole gradient: √(Σ group norm²) */
  gradNorm: number;
  /** L2 norm of the band's whole update */
  updateNorm: number;
}

// a block's parts in forward order; backpropagation meets them in the reverse order
const FORWARD_PARTS: Site["part"][] = ["embed", "pos_embed", "ln1", "attn", "attn_mlp", "ln2", "mlp", "block", "ln_final", "unembed"];
const INPUT_PARTS = new Set<Site["part"]>(["embed", "pos_embed"]);

const rss = (xs: number[]): number => Math.sqrt(xs.reduce((s, x) => s + x * x, 0));

function tierOf(site: Site): { kind: TierKind; layer: number | null } {
  if (site.layer !== null && site.layer !== undefined) return { kind: "block", layer: site.layer };
  return { kind: INPUT_PARTS.has(site.part) ? "input" : "output", layer: null };
}

/**
 * The step's parameter groups in bands, in the order the gradient reaches them: the output side first (final norm,
 * unembedding), then the blocks from the last to the first, then the input embeddings. Within a band, the parts
 * are in reverse forward order (an MLP before the attention beneath it).
 */
export function gradientFlow(r: TrainStepResult): Tier[] {
  const tiers = new Map<string, Tier>();
  for (const g of r.groups) {
    const { kind, layer } = tierOf(g.site);
    const key = `${kind}:${layer ?? ""}`;
    const tier = tiers.get(key) ?? { kind, layer, groups: [], gradNorm: 0, updateNorm: 0 };
    tier.groups.push(g);
    tiers.set(key, tier);
  }
  // output side first, then the last block down to the first, then the embeddings
  const rank = (t: Tier) => (t.kind === "output" ? -Infinity : t.kind === "input" ? Infinity : -(t.layer as number));
  const backward = (a: ParamGroupStep, b: ParamGroupStep) => FORWARD_PARTS.indexOf(b.site.part) - FORWARD_PARTS.indexOf(a.site.part);
  return [...tiers.values()]
    .sort((a, b) => (rank(a) === rank(b) ? 0 : rank(a) < rank(b) ? -1 : 1))
    .map((t) => {
      const groups = [...t.groups].sort(backward);
      return { ...t, groups, gradNorm: rss(groups.map((g) => g.grad_norm)), updateNorm: rss(groups.map((g) => g.update_norm)) };
    });
}

/** The learner's guess, and what really happened to the mean loss on the same sentence. */
export type Guess = "down" | "up";
export type LossMove = Guess | "same";

export interface Reveal {
  guess: Guess;
  actual: LossMove;
  correct: boolean;
  before: number;
  after: number;
  /** which targets became more and less likely (the step panel's own reading of the step) */
  outcome: StepOutcome;
  /** per position: the loss before and after the step */
  positions: PositionStep[];
}

/** What the loss on the step's own sentence did: down, up, or (float equality) not at all. */
export function lossMove(r: Pick<TrainStepResult, "positions" | "loss_before" | "loss_after">): LossMove {
  if (stepOutcome(r).lossDown) return "down";
  return r.loss_after > r.loss_before ? "up" : "same";
}

export function reveal(guess: Guess, r: TrainStepResult): Reveal {
  const actual = lossMove(r);
  return {
    guess,
    actual,
    correct: guess === actual,
    before: r.loss_before,
    after: r.loss_after,
    outcome: stepOutcome(r),
    positions: r.positions,
  };
}

/** The identity of a step: the same (model, text, checkpoint) is the same step, fetched once. */
export function stepKey(req: TrainStepRequest): string {
  return JSON.stringify([req.model, req.text, req.checkpoint_step]);
}

/**
 * Fetches each step once and keeps the last few (a step costs the server a forward, a backward and a forward
 * again on a copy of the weights): moving Back and Next between stages, or the stage's component being
 * recreated, reuses the answer. A failed fetch is forgotten so that the next visit tries again. The learner's
 * guess is kept with its step, so a revealed answer stays revealed.
 */
export class StepCache {
  #steps = new Map<string, Promise<TrainStepResult>>();
  #settled = new Map<string, TrainStepResult>();
  #guesses = new Map<string, Guess>();

  constructor(readonly capacity = 8) {}

  get(source: Pick<DataSource, "trainStep">, req: TrainStepRequest): Promise<TrainStepResult> {
    const key = stepKey(req);
    const known = this.#steps.get(key);
    if (known) return known;
    const pending = source.trainStep(req).then(
      (r) => {
        this.#settled.set(key, r);
        return r;
      },
      (err: unknown) => {
        this.#steps.delete(key);
        throw err;
      },
    );
    this.#steps.set(key, pending);
    // the oldest step leaves first (a Map iterates in insertion order)
    while (this.#steps.size > this.capacity) {
      const oldest = this.#steps.keys().next().value as string;
      this.#steps.delete(oldest);
      this.#settled.delete(oldest);
      this.#guesses.delete(oldest);
    }
    return pending;
  }

  /** The step's answer if it has already arrived (so a recreated stage draws at once, without a loading flash). */
  peek(req: TrainStepRequest): TrainStepResult | null {
    return this.#settled.get(stepKey(req)) ?? null;
  }

  guessOf(req: TrainStepRequest): Guess | null {
    return this.#guesses.get(stepKey(req)) ?? null;
  }

  setGuess(req: TrainStepRequest, guess: Guess): void {
    if (this.#steps.has(stepKey(req))) this.#guesses.set(stepKey(req), guess);
  }
}

/** The page's one cache: the tour's stages share it however often they are recreated. */
export const tourSteps = new StepCache();
