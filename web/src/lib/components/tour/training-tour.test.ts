/**
 * The training track's stage bodies, rendered on a real step (the embedded model's `trainStep` answer, in
 * `tour/train-step.fixture.json`): every stage draws the step's own numbers, the step is fetched once however the
 * learner moves between stages, the guess is revealed against the real after-step loss, a model with no training
 * record says so instead of asking, and "show me the real numbers" hands over to the shell.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { fakeSource } from "../../data/fake";
import type { TrainingInfo, TrainStepRequest, TrainStepResult } from "../../generated/schema";
import { AppState } from "../../stores/app.svelte";
import { TrainingState } from "../../training/state.svelte";
import { TRAINING_STAGES, type TourMotion, type TrainingStage } from "../../tour/stages";
import fixture from "../../tour/train-step.fixture.json";
import TrainingTour from "./TrainingTour.svelte";

const step = fixture as TrainStepResult;
const REDUCED: TourMotion = { reduced: true, speed: 1 };

function setup(model: string, opts: { history?: boolean; motion?: TourMotion } = {}) {
  const info: TrainingInfo = {
    model,
    has_history: opts.history ?? true,
    step_checkpoints: opts.history === false ? [] : [0, step.checkpoint_step, step.checkpoint_step * 2],
    init_available: opts.history ?? true,
  };
  const trainStep = vi.fn((req: TrainStepRequest) => Promise.resolve({ ...step, model: req.model, checkpoint_step: req.checkpoint_step }));
  const source = fakeSource({
    trainingInfo: () => Promise.resolve(info),
    trainingHistory: () => Promise.resolve({ kind: "training_history" } as never),
    trainStep,
  });
  const app = new AppState(source);
  app.modelId = model;
  const training = new TrainingState(source);
  const onexpert = vi.fn();
  const props = (stage: TrainingStage) => ({ stage, app, training, motion: opts.motion ?? REDUCED, onexpert });
  return { trainStep, onexpert, props };
}

const values = (testid: string, attr = "value") => screen.getAllByTestId(testid).map((el) => Number(el.getAttribute(`data-${attr}`)));

describe("TrainingTour", () => {
  it("draws every stage from the one real step, fetched once", async () => {
    const { trainStep, props } = setup("tour-a");
    const { rerender, unmount } = render(TrainingTour, { props: props("batch") });
    await waitFor(() => expect(screen.getAllByTestId("tour-pair")).toHaveLength(step.positions.length));
    // the step panel's request: its example sentence, at the middle checkpoint
    expect(trainStep).toHaveBeenCalledWith({ model: "tour-a", text: "The capital of France is Paris.", checkpoint_step: step.checkpoint_step });
    expect(screen.getAllByTestId("tour-batch-token").map((el) => Number(el.dataset.id))).toEqual(step.tokens.map((tk) => tk.id));
    expect(values("tour-pair", "target-id")).toEqual(step.tokens.slice(1).map((tk) => tk.id));

    await rerender(props("loss"));
    expect(values("tour-loss")).toEqual(step.positions.map((p) => p.loss_before));
    expect(values("tour-mean-loss")).toEqual([step.loss_before]);

    await rerender(props("gradients"));
    const grads = screen.getAllByTestId("tour-grad");
    expect(grads).toHaveLength(step.groups.length);
    for (const g of step.groups) {
      const el = grads.find((e) => e.dataset.part === g.site.part && (e.dataset.layer ?? null) === (g.site.layer?.toString() ?? null));
      expect(Number(el?.dataset.value), `${g.site.layer}.${g.site.part}`).toBe(g.grad_norm);
    }
    // the bands run from the output down to the embeddings
    const kinds = screen.getAllByTestId("tour-grad-tier").map((el) => el.dataset.kind);
    expect(kinds[0]).toBe("output");
    expect(kinds.at(-1)).toBe("input");
    expect(values("tour-grad-total")).toEqual([step.grad_norm_total]);

    await rerender(props("update"));
    expect(values("tour-update").sort()).toEqual(step.groups.map((g) => g.update_norm).sort());
    // back to the first stage, and the stage recreated from scratch: still the one request
    await rerender(props("batch"));
    unmount();
    render(TrainingTour, { props: props("loss") });
    expect(values("tour-loss")).toEqual(step.positions.map((p) => p.loss_before));
    expect(trainStep).toHaveBeenCalledTimes(1);
  });

  it("asks before it reveals, then shows the real loss after the step", async () => {
    const { props } = setup("tour-b");
    const { rerender, unmount } = render(TrainingTour, { props: props("update") });
    await screen.findAllByTestId("tour-update");
    expect(screen.queryByTestId("tour-reveal")).toBeNull();
    const actual = step.loss_after < step.loss_before ? "down" : "up";
    const wrong = actual === "down" ? "up" : "down";
    await fireEvent.click(screen.getAllByTestId("tour-guess").find((b) => b.dataset.guess === wrong) as HTMLElement);
    const shown = screen.getByTestId("tour-reveal");
    expect(shown.dataset.correct).toBe("false");
    expect(shown.dataset.actual).toBe(actual);
    expect(Number(shown.dataset.lossAfter)).toBe(step.loss_after);
    expect(values("tour-after")).toEqual(step.positions.map((p) => p.loss_after));
    // the first AdamW step from zero state is explained with the step's own learning rate
    expect(screen.getByTestId("tour-outcome-why").textContent).toContain(step.lr.toExponential(3));
    const fell = step.positions.filter((p) => p.prob_after < p.prob_before).length;
    expect(screen.getByTestId("tour-outcome-down").dataset.n).toBe(String(fell));

    await fireEvent.click(screen.getAllByTestId("tour-guess").find((b) => b.dataset.guess === actual) as HTMLElement);
    expect(screen.getByTestId("tour-reveal").dataset.correct).toBe("true");
    // the guess stays with the step when the learner goes back and comes again
    await rerender(props("gradients"));
    unmount();
    render(TrainingTour, { props: props("update") });
    expect(screen.getByTestId("tour-reveal").dataset.correct).toBe("true");
  });

  it("says why a model with no training record has no step, and asks for none", async () => {
    const { trainStep, props } = setup("hub-model", { history: false });
    render(TrainingTour, { props: props("loss") });
    const note = await screen.findByTestId("tour-training-unavailable");
    expect(note.textContent).toContain("hub-model has no recorded training run");
    expect(trainStep).not.toHaveBeenCalled();
  });

  it("hands over to the expert view, and animates only when motion is allowed", async () => {
    for (const [i, motion] of [REDUCED, { reduced: false, speed: 2 }].entries()) {
      const { onexpert, props } = setup(`tour-c${i}`, { motion });
      const { unmount } = render(TrainingTour, { props: props(TRAINING_STAGES[i] as TrainingStage) });
      await screen.findAllByTestId(i === 0 ? "tour-pair" : "tour-loss");
      const root = screen.getByTestId("tour-training");
      expect(root.classList.contains("still")).toBe(motion.reduced);
      // the second bar waits for the first (120 ms at normal speed, 60 ms at twice the speed, 0 when still)
      if (!motion.reduced) expect(screen.getAllByTestId("tour-loss")[1]?.querySelector<HTMLElement>(".bar")?.style.getPropertyValue("--delay")).toBe("60ms");
      await fireEvent.click(screen.getByTestId("tour-training-expert"));
      expect(onexpert).toHaveBeenCalledTimes(1);
      unmount();
    }
  });
});
