/**
 * The training track's data, on a real step: `train-step.fixture.json` is the server's answer for the embedded
 * model (written by `tests/fixtures/make_train_step_fixture.py`). The tests hold relations the step must satisfy
 * (tokens shifted by one, the mean of the per-position losses, the global gradient norm as the root sum of squares
 * of the groups', the order backpropagation reaches the groups), never what the model predicts.
 */
import { describe, expect, it, vi } from "vitest";
import type { TrainStepRequest, TrainStepResult } from "../generated/schema";
import fixture from "./train-step.fixture.json";
import { batchView, gradientFlow, lossMove, lossView, reveal, runShape, StepCache, stepKey, type LossView } from "./training-track";

const step = fixture as TrainStepResult;

describe("batchView", () => {
  it("pairs every input token with the next token as its target", () => {
    const b = batchView(step);
    expect(b.tokens.length).toBeGreaterThan(2);
    expect(b.pairs).toHaveLength(b.tokens.length - 1);
    b.pairs.forEach((p, i) => {
      expect(p.pos).toBe(i);
      expect(p.input.id).toBe(b.tokens[i]?.id);
      expect(p.target.id).toBe(b.tokens[i + 1]?.id);
    });
    expect(b.checkpoint).toBe(step.checkpoint_step);
    expect(b.model).toBe(step.model);
  });
});

describe("runShape", () => {
  it("reads the recorded run's batch, context and steps, and nothing when one is missing", () => {
    expect(runShape({ batch_size: 24, n_ctx: 128, steps: 2100, seed: 0 })).toEqual({ batch: 24, ctx: 128, steps: 2100 });
    expect(runShape({ batch_size: 24, n_ctx: "128", steps: 2100 })).toBeNull();
    expect(runShape(null)).toBeNull();
  });
});

describe("lossView", () => {
  const v = lossView(step) as LossView;
  it("has one bar per position, and the mean is the mean of the bars", () => {
    expect(v.bars.map((b) => b.loss)).toEqual(step.positions.map((p) => p.loss_before));
    const mean = v.bars.reduce((s, b) => s + b.loss, 0) / v.bars.length;
    expect(v.mean).toBe(step.loss_before);
    expect(Math.abs(v.mean - mean)).toBeLessThan(1e-5 * mean); // the server's float32 mean of the same losses
  });

  it("is null for a step with nothing to predict", () => {
    expect(lossView({ ...step, positions: [] })).toBeNull();
  });

  it("scales the bars to the largest loss and names the most and least surprising positions", () => {
    const losses = v.bars.map((b) => b.loss);
    expect(v.worst.loss).toBe(Math.max(...losses));
    expect(v.best.loss).toBe(Math.min(...losses));
    expect(v.worst.share).toBe(1);
    for (const b of v.bars) {
      expect(b.share).toBeGreaterThan(0);
      expect(b.share).toBeLessThanOrEqual(1);
    }
  });
});

describe("gradientFlow", () => {
  const tiers = gradientFlow(step);
  it("runs from the output, through the blocks last to first, to the input embeddings", () => {
    expect(tiers[0]?.kind).toBe("output");
    expect(tiers.at(-1)?.kind).toBe("input");
    const layers = tiers.filter((t) => t.kind === "block").map((t) => t.layer as number);
    const nBlocks = new Set(step.groups.map((g) => g.site.layer).filter((l) => l !== null && l !== undefined)).size;
    expect(layers).toHaveLength(nBlocks);
    expect(layers).toEqual([...layers].sort((a, b) => b - a));
    // inside a block the MLP (the block's last part) is reached before the attention beneath it
    for (const t of tiers.filter((x) => x.kind === "block")) {
      const parts = t.groups.map((g) => g.site.part);
      expect(parts.indexOf("mlp")).toBeLessThan(parts.indexOf("attn"));
    }
  });

  it("keeps every group once, and the bands' norms make up the step's global gradient norm", () => {
    const seen = tiers.flatMap((t) => t.groups);
    expect(seen).toHaveLength(step.groups.length);
    expect(new Set(seen)).toEqual(new Set(step.groups));
    const total = Math.sqrt(tiers.reduce((s, t) => s + t.gradNorm ** 2, 0));
    expect(Math.abs(total - step.grad_norm_total) / step.grad_norm_total).toBeLessThan(1e-4);
  });
});

describe("predict, then reveal", () => {
  const actual = step.loss_after < step.loss_before ? "down" : "up";
  const other = actual === "down" ? "up" : "down";

  it("says the guess was right exactly when it matches what the real loss did", () => {
    expect(lossMove(step)).toBe(actual);
    expect(reveal(actual, step)).toMatchObject({ correct: true, actual, before: step.loss_before, after: step.loss_after });
    expect(reveal(other, step)).toMatchObject({ correct: false, actual });
  });

  it("reads a step whose loss went up as up, and names the targets that got less likely either way", () => {
    // the same real step played backwards: every probability and loss swapped
    const backwards: TrainStepResult = {
      ...step,
      loss_before: step.loss_after,
      loss_after: step.loss_before,
      positions: step.positions.map((p) => ({ ...p, prob_before: p.prob_after, prob_after: p.prob_before, loss_before: p.loss_after, loss_after: p.loss_before })),
    };
    expect(lossMove(backwards)).toBe(other);
    const fell = step.positions.filter((p) => p.prob_after < p.prob_before).length;
    expect(reveal("down", step).outcome.down).toHaveLength(fell);
    expect(reveal("down", backwards).outcome.up).toHaveLength(fell);
  });

  it("calls an unchanged loss neither up nor down", () => {
    expect(lossMove({ ...step, loss_after: step.loss_before })).toBe("same");
  });
});

describe("StepCache", () => {
  const req: TrainStepRequest = { model: step.model, text: "The capital of France is Paris.", checkpoint_step: step.checkpoint_step };

  it("fetches a (model, text, checkpoint) once, and again for another checkpoint", async () => {
    const trainStep = vi.fn(async () => step);
    const cache = new StepCache();
    expect(cache.peek(req)).toBeNull();
    const [a, b] = await Promise.all([cache.get({ trainStep }, req), cache.get({ trainStep }, req)]);
    expect(a).toBe(step);
    expect(b).toBe(step);
    expect(cache.peek(req)).toBe(step);
    expect(trainStep).toHaveBeenCalledTimes(1);
    await cache.get({ trainStep }, { ...req, checkpoint_step: req.checkpoint_step + 1 });
    expect(trainStep).toHaveBeenCalledTimes(2);
    expect(stepKey(req)).not.toBe(stepKey({ ...req, text: req.text + " " }));
  });

  it("forgets a failed fetch so that the next visit tries again", async () => {
    const trainStep = vi.fn().mockRejectedValueOnce(new Error("server down")).mockResolvedValueOnce(step);
    const cache = new StepCache();
    await expect(cache.get({ trainStep }, req)).rejects.toThrow("server down");
    expect(cache.peek(req)).toBeNull();
    await expect(cache.get({ trainStep }, req)).resolves.toBe(step);
    expect(trainStep).toHaveBeenCalledTimes(2);
  });

  it("keeps the learner's guess with its step, and drops the oldest step beyond its capacity", async () => {
    const trainStep = vi.fn(async () => step);
    const cache = new StepCache(2);
    cache.setGuess(req, "up"); // no such step yet: nothing to remember it with
    expect(cache.guessOf(req)).toBeNull();
    await cache.get({ trainStep }, req);
    cache.setGuess(req, "down");
    expect(cache.guessOf(req)).toBe("down");
    await cache.get({ trainStep }, { ...req, checkpoint_step: 1 });
    await cache.get({ trainStep }, { ...req, checkpoint_step: 2 });
    expect(cache.guessOf(req)).toBeNull();
    expect(cache.peek(req)).toBeNull();
    await cache.get({ trainStep }, req);
    expect(trainStep).toHaveBeenCalledTimes(4);
  });
});
