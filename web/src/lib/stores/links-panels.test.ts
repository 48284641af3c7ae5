/**
 * Links reopen the training view's explained step (its checkpoint, sentence and stage) and the detailed view's
 * open block: their parameters round-trip through the page's own registered URL parts, a hand-edited value is
 * clamped or ignored, and a link naming a stage runs that step again and shows it up to that stage.
 */
import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import StepPanel from "../components/training/StepPanel.svelte";
import { contextWith } from "../data/context";
import { fakeSource } from "../data/fake";
import { DetailState, readDetailUrl } from "../detail/state.svelte";
import type { DetailOverview, TrainStepRequest, TrainStepResult } from "../generated/schema";
import { StepSelection } from "../training/state.svelte";
import { readTrainingUrl, stepUrlParams } from "../training/url";
import { paramsText, urlPart } from "./links.svelte";
import { Page } from "./page.svelte";

describe("the training step panel's part", () => {
  it("is written only once a step has been run, and names its checkpoint, sentence and last stage shown", () => {
    expect(stepUrlParams({ checkpoint: 400, text: "x", shown: 0 })).toEqual({});
    const q = paramsText(stepUrlParams({ checkpoint: 400, text: "Ще & <b>", shown: 3 }));
    expect(q).toBe("step=400&stext=%D0%A9%D0%B5+%26+%3Cb%3E&stage=backward");
    expect(readTrainingUrl(`?view=training&${q}`)).toEqual({ stepCheckpoint: 400, stepText: "Ще & <b>", stepStage: "backward" });
    expect(stepUrlParams({ checkpoint: 1, text: null, shown: 99 }).stage).toBe("after");
  });

  it("ignores a stage or step it does not know", () => {
    expect(readTrainingUrl("?step=-3&stage=magic&stext=")).toEqual({});
    expect(new StepSelection(readTrainingUrl("?stage=loss")).shown).toBe(2);
  });

  it("round-trips through the page's registered part", () => {
    new Page(fakeSource(), "?view=training&ckpt=100&step=400&stext=Hello+there&stage=update");
    expect(urlPart("training")).toBe("ckpt=100&step=400&stext=Hello+there&stage=update");
  });
});

describe("the detailed view's open block", () => {
  it("reads `block` and `blocks=all`, ignoring what is not a layer", () => {
    expect(readDetailUrl("?block=2&blocks=all")).toEqual({ block: 2, allBlocks: true });
    expect(readDetailUrl("?block=-1&blocks=some")).toEqual({});
  });

  it("round-trips through the page's registered part", () => {
    new Page(fakeSource(), "?view=detail&panel=mlp&layer=1&block=1&blocks=all");
    expect(urlPart("detail")).toBe("panel=mlp&layer=1&head=0&pos=-1&block=1&blocks=all");
    new Page(fakeSource(), "?view=detail&layer=1");
    expect(urlPart("detail")).toBe("panel=attention&layer=1&head=0&pos=-1");
  });

  it("opens the last block for a block past the model's last layer, once the model's shape is known", async () => {
    const overview = { info: { n_layers: 3, n_heads: 2 }, tokens: [{}, {}] } as unknown as DetailOverview;
    const d = new DetailState(fakeSource({ overview: () => Promise.resolve(overview) }), readDetailUrl("?block=9"));
    expect(d.openBlock).toBe(9);
    await d.setText({ model: "m", prompt: "p", generated_ids: [], truncate: null });
    expect(d.openBlock).toBe(2);
  });
});

describe("a link to an explained step", () => {
  it("runs the linked step again, on the nearest checkpoint, and shows it up to the linked stage", async () => {
    const asked: TrainStepRequest[] = [];
    const result = {
      kind: "train_step",
      model: "m",
      checkpoint_step: 100,
      tokens: [],
      positions: [],
      loss_before: 2,
      loss_after: 1.5,
      grad_norm_total: 1,
      grad_clip: 1,
      clip_scale: 1,
      lr: 0.001,
      beta1: 0.9,
      beta2: 0.98,
      weight_decay: 0,
      moments_fresh: false,
      groups: [],
    } as unknown as TrainStepResult;
    const source = fakeSource({
      trainStep: (req) => {
        asked.push(req);
        return Promise.resolve(result);
      },
    });
    const selection = new StepSelection(readTrainingUrl("?step=120&stext=Linked+sentence&stage=backward"));
    render(StepPanel, { props: { model: "m", checkpoints: [0, 100, 1000], selection }, context: contextWith(source) });
    await screen.findByTestId("grad-norm-total");
    expect(asked).toEqual([{ model: "m", text: "Linked sentence", checkpoint_step: 100 }]);
    expect(screen.getAllByTestId("train-step-stage").map((s) => s.dataset.stage)).toEqual(["forward", "loss", "backward"]);
    expect((screen.getByTestId("train-step-text") as HTMLInputElement).value).toBe("Linked sentence");
    // not playing on: the link's moment stays until the reader moves on
    expect(screen.getByTestId("train-step-play").getAttribute("aria-pressed")).toBe("false");
    expect(paramsText(stepUrlParams(selection))).toBe("step=100&stext=Linked+sentence&stage=backward");
  });
});
