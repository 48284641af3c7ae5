/** The Circuits side panels on a hand-written graph: supernodes by the keyboard's events, the card's numbers as
 * given, tokens as text, the intervention request built from the pins. */
import { fireEvent, render, screen } from "@testing-library/svelte";
import { flushSync } from "svelte";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { FeatureCard as Card, FeatureInterventionRequest, FeatureInterventionResult } from "../../generated/schema";
import { readCircuitTracerJson } from "../../circuits/ctjson";
import { CircuitsState } from "../../circuits/state.svelte";
import FeatureCard from "./FeatureCard.svelte";
import InterventionPanel from "./InterventionPanel.svelte";
import Supernodes from "./Supernodes.svelte";

const SAMPLE = JSON.parse(
  readFileSync(resolve(__dirname, "../../../../../tests/fixtures/circuits/sample_ct_graph.json"), "utf-8"),
) as unknown;
const XSS = "<img src=x onerror=alert(1)>";

function state(): CircuitsState {
  const s = new CircuitsState();
  s.setGraph(readCircuitTracerJson(SAMPLE).graph);
  return s;
}

describe("Supernodes", () => {
  it("groups the ungrouped pins under a name, renames and ungroups", async () => {
    const s = state();
    s.pin("0_5_1");
    s.pin("err_1_2");
    render(Supernodes, { circuits: s });
    await fireEvent.input(screen.getByTestId("supernode-name"), { target: { value: "pair" } });
    await fireEvent.submit(screen.getByTestId("supernode-group").closest("form") as HTMLFormElement);
    expect(s.supernodes).toEqual([{ name: "pair", ids: ["0_5_1", "err_1_2"] }]);
    // nothing left to group until another pin
    expect((screen.getByTestId("supernode-group") as HTMLButtonElement).disabled).toBe(true);
    s.pin("1_7_2");
    flushSync();
    await fireEvent.submit(screen.getByTestId("supernode-group").closest("form") as HTMLFormElement);
    expect(s.supernodes.map((g) => g.name)).toEqual(["pair", "Group 2"]);
    expect(s.supernodes[1]?.ids).toEqual(["1_7_2"]);
    await fireEvent.click(screen.getAllByTestId("supernode-rename")[1] as HTMLElement);
    await fireEvent.input(screen.getByTestId("supernode-rename-input"), { target: { value: XSS } });
    await fireEvent.submit(screen.getByTestId("supernode-rename-input").closest("form") as HTMLFormElement);
    expect(s.supernodes[1]?.name).toBe(XSS);
    expect(document.querySelector("img")).toBeNull(); // the name is text
    await fireEvent.click(screen.getAllByTestId("supernode-ungroup")[0] as HTMLElement);
    expect(s.supernodes.map((g) => g.name)).toEqual([XSS]);
  });
});

describe("FeatureCard", () => {
  const card: Card = {
    model: "m",
    transcoders: "t",
    layer: 1,
    feature: 7,
    label: "“sat” → “on”",
    density: 0.0123,
    max_activation: 4.5,
    top_contexts: [{ tokens: ["a", XSS, "c"], activations: [0, 4.5, 1.25], peak: 1 }],
    quantile_examples: [{ quantile: 0.5, context: { tokens: ["x"], activations: [2.25], peak: 0 } }],
    promoted: [{ token_id: 42, token: " on", prob: 0.75 }],
    suppressed: [{ token_id: 43, token: " down", prob: -0.5 }],
    sampled_tokens: 4096,
  };

  it("shows the server's numbers for the selected feature, tokens as text", async () => {
    const s = state();
    const load = vi.fn((layer: number, feature: number) => Promise.resolve({ ...card, layer, feature }));
    render(FeatureCard, { circuits: s, loadCard: load });
    expect(screen.getByTestId("feature-card-empty")).toBeTruthy();
    s.select("1_7_2");
    flushSync();
    await vi.waitFor(() => expect(screen.getByTestId("feature-label")).toBeTruthy());
    expect(load).toHaveBeenCalledWith(1, 7);
    expect(screen.getByTestId("feature-density").dataset.value).toBe("0.0123");
    expect(screen.getByTestId("feature-max-activation").dataset.value).toBe("4.5");
    const acts = [...document.querySelectorAll<HTMLElement>(".ctx-tok")].map((e) => Number(e.dataset.activation));
    expect(acts).toEqual([0, 4.5, 1.25, 2.25]);
    expect(document.querySelector("img")).toBeNull();
    const weights = [...document.querySelectorAll<HTMLElement>("[data-weight]")].map((e) => Number(e.dataset.weight));
    expect(weights).toEqual([0.75, -0.5]);
  });

  it("explains an error node without asking the server, and says when the server cannot give cards", () => {
    const s = state();
    const load = vi.fn(() => Promise.resolve(card));
    const first = render(FeatureCard, { circuits: s, loadCard: load });
    s.select("err_1_2");
    flushSync();
    expect(screen.getByTestId("feature-card").dataset.kind).toBe("error");
    // a file's graph holds no influences: no share to show
    expect(screen.queryByTestId("card-error-share")).toBeNull();
    expect(load).not.toHaveBeenCalled();
    first.unmount();
    render(FeatureCard, { circuits: s, loadCard: null });
    s.select("0_5_1");
    flushSync();
    expect(screen.getByTestId("feature-card-no-server")).toBeTruthy();
  });
});

describe("InterventionPanel", () => {
  it("sends the pinned features (not errors) with the chosen scale and shows each outcome", async () => {
    const s = state();
    s.pin("0_5_1");
    s.pin("err_1_2");
    s.pin("1_7_2");
    const result: FeatureInterventionResult = {
      model: "m",
      transcoders: "t",
      prompt: "Cats <b> sat",
      interventions: [],
      outcomes: (["original", "replacement", "real"] as const).map((mode, i) => ({
        mode,
        top: [{ token_id: 42, token: " on", prob: 0.5 - i / 10 }],
        continuation: [{ token_id: 43, token: XSS, prob: 0.25 }],
      })),
    };
    const run = vi.fn<(req: FeatureInterventionRequest) => Promise<FeatureInterventionResult>>(() =>
      Promise.resolve(result),
    );
    render(InterventionPanel, { circuits: s, modelId: "m", run });
    expect(screen.getByTestId("intervene-targets").dataset.count).toBe("2");
    await fireEvent.click(screen.getByTestId("intervene-mode-scale"));
    await fireEvent.input(screen.getByTestId("intervene-scale"), { target: { value: "-1.5" } });
    await fireEvent.click(screen.getByTestId("intervene-button"));
    await vi.waitFor(() => expect(screen.getAllByTestId("intervene-outcome")).toHaveLength(3));
    expect(run).toHaveBeenCalledWith({
      model: "m",
      prompt: "Cats <b> sat",
      interventions: [
        { layer: 0, pos: 1, feature: 5, scale: -1.5 },
        { layer: 1, pos: 2, feature: 7, scale: -1.5 },
      ],
    });
    expect(screen.getAllByTestId("intervene-prob").map((e) => Number(e.dataset.prob))).toEqual([0.5, 0.4, 0.3]);
    expect(document.querySelector("img")).toBeNull();
  });
});
