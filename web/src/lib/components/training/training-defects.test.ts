/**
 * Issue 17's pre-training defects, in the rendered components: the explained step says which targets rose and
 * which fell (it used to claim most became more likely), and micro models sit apart in the model picker,
 * labelled, with their training history in the training view.
 */
import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { contextWith } from "../../data/context";
import { fakeSource } from "../../data/fake";
import type { LiveHistory, ModelCard, PositionStep, TrainStepResult } from "../../generated/schema";
import { AppState } from "../../stores/app.svelte";
import Header from "../Header.svelte";
import MicroHistoryPanel from "./MicroHistoryPanel.svelte";
import StepPanel from "./StepPanel.svelte";

const info = (id: number, text: string) => ({ id, text, bytes_hex: "", is_special: false, partial_utf8: false });
const position = (pos: number, target: string, before: number, after: number): PositionStep => ({
  pos,
  input: info(pos, `in${pos}`),
  target: info(100 + pos, target),
  top: [],
  prob_before: before,
  prob_after: after,
  loss_before: -Math.log(before),
  loss_after: -Math.log(after),
});

function stepResult(positions: PositionStep[]): TrainStepResult {
  const mean = (k: "loss_before" | "loss_after") => positions.reduce((s, p) => s + p[k], 0) / positions.length;
  return {
    kind: "train_step",
    model: "m",
    checkpoint_step: 10,
    tokens: [],
    positions,
    loss_before: mean("loss_before"),
    loss_after: mean("loss_after"),
    grad_norm_total: 2,
    grad_clip: 1,
    clip_scale: 0.5,
    lr: 0.003,
    beta1: 0.9,
    beta2: 0.98,
    weight_decay: 0.01,
    moments_fresh: true,
    groups: [],
  } as unknown as TrainStepResult;
}

async function runStep(result: TrainStepResult): Promise<void> {
  const source = fakeSource({ trainStep: () => Promise.resolve(result) });
  render(StepPanel, { props: { model: "m", checkpoints: [10] }, context: contextWith(source) });
  await fireEvent.click(screen.getByTestId("train-step-run"));
  await fireEvent.click(await screen.findByTestId("train-step-all"));
}

describe("the explained step's last stage", () => {
  it("says which targets got less likely, and why a first AdamW step is large", async () => {
    await runStep(stepResult([position(0, "Paris", 0.2, 0.6), position(1, "capital", 0.5, 0.3), position(2, "is", 0.4, 0.35)]));
    const outcome = await screen.findByTestId("step-outcome");
    expect([outcome.dataset.up, outcome.dataset.down]).toEqual(["1", "2"]);
    const fell = screen.getByTestId("step-outcome-down");
    expect(fell.textContent).toContain("Less likely after the step (2 of 3)");
    expect([...fell.querySelectorAll(".chip")].map((c) => c.textContent?.trim())).toEqual(["capital", "is"]);
    expect(screen.getByTestId("step-outcome-up").textContent).toContain("Paris");
    expect(screen.getByTestId("training-step").textContent).not.toContain("most targets become more likely");
    expect(screen.getByTestId("step-outcome-why").textContent).toContain("about the learning rate (3.000e-3)");
  });

  it("says so when the loss rose", async () => {
    await runStep(stepResult([position(0, "a", 0.5, 0.2), position(1, "b", 0.3, 0.31)]));
    const outcome = await screen.findByTestId("step-outcome");
    expect(outcome.dataset.lossDown).toBe("false");
    expect(outcome.textContent).toContain("rose from");
  });
});

const card = (id: string, micro: ModelCard["micro"] = null): ModelCard =>
  ({ id, info: { d_vocab: 10, n_ctx: 16 }, eos_token_ids: [], micro }) as unknown as ModelCard;

describe("micro models in the model picker", () => {
  it("are grouped apart and labelled with their steps and loss", () => {
    const app = new AppState(fakeSource());
    app.models = [
      card("glassbox-tiny"),
      card("micro-aaaa", { steps: 600, source: "corpus", final_loss: 3.2567, kept: 4 }),
      card("micro-bbbb", { steps: 57, source: "text", final_loss: null, kept: 4 }),
    ];
    app.modelId = "glassbox-tiny";
    render(Header, { props: { app } });
    const group = screen.getByTestId("model-micro-group");
    expect(group.getAttribute("label")).toBe("Micro models trained here (the last 4 are kept)");
    expect([...group.querySelectorAll("option")].map((o) => o.textContent)).toEqual([
      "micro-aaaa · 600 steps · loss 3.26",
      "micro-bbbb · 57 steps · loss –",
    ]);
    const outside = [...screen.getByTestId("model-select").children].filter((el) => el.tagName === "OPTION");
    expect(outside.map((o) => o.getAttribute("value"))).toEqual(["glassbox-tiny"]);
  });

  it("has no group when the server offers none", () => {
    const app = new AppState(fakeSource());
    app.models = [card("glassbox-tiny")];
    render(Header, { props: { app } });
    expect(screen.queryByTestId("model-micro-group")).toBeNull();
  });
});

describe("a micro model's history", () => {
  // the loss chart sizes itself to its container (bind:clientWidth); jsdom has no ResizeObserver, and no layout
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };

  it("shows every recorded step and the newest samples first", () => {
    const live = {
      source: "text",
      steps: [1, 2, 3].map((step) => ({ type: "step", step, loss: 6 - step, lr: 0.001, tokens: 64 * step, elapsed_s: step, tokens_per_s: 64 })),
      samples: [
        { type: "sample", step: 0, samples: [["Once", " xq"]] },
        { type: "sample", step: 3, samples: [["Once", " upon"]] },
      ],
    } as unknown as LiveHistory;
    render(MicroHistoryPanel, { props: { live, model: "micro-aaaa", kept: 4 } });
    const panel = screen.getByTestId("training-micro-history");
    expect(panel.dataset.steps).toBe("3");
    expect(panel.textContent).toContain("3 steps on pasted text");
    expect(panel.textContent).toContain("last 4 micro models");
    expect(screen.getAllByTestId("micro-sample").map((s) => s.dataset.step)).toEqual(["3", "0"]);
  });
});
