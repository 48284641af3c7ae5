/**
 * A real model's checkpoints in the pre-training view, rendered from a fake source: the replay follows the slider
 * and draws a loss curve only when the names give steps; custom prompts (no language) are all listed; the comparison
 * sends the two chosen labels and shows per-token losses only when the prompt was scored.
 */
import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { contextWith } from "../../data/context";
import { fakeSource } from "../../data/fake";
import type {
  CheckpointCompare,
  CheckpointCompareRequest,
  CheckpointEntry,
  CheckpointReplay,
  CheckpointSide,
} from "../../generated/schema";
import CheckpointReplayPanel from "./CheckpointReplayPanel.svelte";
import { CompareSelection } from "../../training/state.svelte";

// the loss chart sizes itself to its container (bind:clientWidth); jsdom has no ResizeObserver and no layout
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
} as unknown as typeof ResizeObserver;

const entry = (label: string, step: number | null, loss: number): CheckpointEntry => ({
  label,
  step,
  source: "folder",
  revision: null,
  n_params: 1000,
  probe_loss: loss,
  probe_tokens: 12,
});

function replay(order: "step" | "given", labels: [string, number | null][], language = ""): CheckpointReplay {
  const probes = [
    { id: "p0", language, task: "prompt", prompt: "Hello", expected: "", token_ids: [0, 5] },
    { id: "p1", language: language ? "fr" : "", task: "prompt", prompt: "Bonjour", expected: "", token_ids: [0, 6] },
  ];
  return {
    kind: "checkpoint_replay",
    schema_version: "2.0",
    model: "m",
    ordered_by: order,
    top_k: 5,
    checkpoints: labels.map(([l, s], i) => entry(l, s, 5 - i)),
    probes,
    snapshots: labels.map(([l], i) => ({
      label: l,
      predictions: probes.map((p) => ({ probe_id: p.id, top: [{ token_id: 10 + i, token: `t${i}`, prob: 0.5 }] })),
    })),
    peak_checkpoint_bytes: 4000,
  };
}

const side = (label: string, losses: boolean): CheckpointSide => ({
  label,
  step: null,
  top: [{ token: { id: 7, text: " x", bytes_hex: "2078", is_special: false, partial_utf8: false }, prob: 0.25 }],
  entropy: 1.5,
  token_losses: losses ? [{ pos: 1, prob: 0.5, loss: Math.log(2) }] : null,
  mean_loss: losses ? Math.log(2) : null,
});

describe("the checkpoint replay panel", () => {
  it("follows the slider and draws the computed loss curve when the names give steps", async () => {
    const source = fakeSource({ checkpointReplay: () => Promise.resolve(replay("step", [["step0", 0], ["step9", 9]], "en")) });
    render(CheckpointReplayPanel, { props: { model: "m" }, context: contextWith(source) });
    await screen.findByTestId("ckpt-loss-chart");
    expect(screen.getByTestId("ckpt-current").dataset.label).toBe("step0");
    expect(screen.getAllByTestId("ckpt-probe-row").map((r) => r.dataset.probe)).toEqual(["p0"]); // English only
    await fireEvent.input(screen.getByTestId("ckpt-slider"), { target: { value: "1" } });
    expect(screen.getByTestId("ckpt-current").dataset.label).toBe("step9");
    expect(screen.getAllByTestId("ckpt-probe-prediction").map((c) => c.dataset.tokenId)).toEqual(["11"]);
  });

  it("draws no curve without steps, says the order is the given one, and lists prompts without a language", async () => {
    const source = fakeSource({ checkpointReplay: () => Promise.resolve(replay("given", [["late", null], ["early", null]])) });
    render(CheckpointReplayPanel, { props: { model: "m" }, context: contextWith(source) });
    expect((await screen.findByTestId("ckpt-order")).dataset.order).toBe("given");
    expect(screen.queryByTestId("ckpt-loss-chart")).toBeNull();
    expect(screen.queryByTestId("ckpt-language")).toBeNull();
    expect(screen.getAllByTestId("ckpt-probe-row")).toHaveLength(2);
  });

  it("compares the two chosen checkpoints, with per-token losses only when scored", async () => {
    const sent: CheckpointCompareRequest[] = [];
    const source = fakeSource({
      checkpointReplay: () => Promise.resolve(replay("step", [["step0", 0], ["step5", 5], ["step9", 9]])),
      compareCheckpoints: (req) => {
        sent.push(req);
        const tokens = [0, 7].map((id) => ({ id, text: `w${id}`, bytes_hex: "", is_special: false, partial_utf8: false }));
        const answer: CheckpointCompare = {
          kind: "checkpoint_compare",
          schema_version: "2.0",
          model: "m",
          tokens,
          a: side(req.a, req.score ?? false),
          b: side(req.b, req.score ?? false),
        };
        return Promise.resolve(answer);
      },
    });
    render(CheckpointReplayPanel, { props: { model: "m" }, context: contextWith(source) });
    await fireEvent.click(await screen.findByTestId("ckpt-compare-run"));
    expect(sent[0]).toMatchObject({ model: "m", a: "step0", b: "step9", score: false });
    expect((await screen.findAllByTestId("ckpt-side")).map((s) => s.dataset.label)).toEqual(["step0", "step9"]);
    expect(screen.queryByTestId("ckpt-token-loss")).toBeNull();
    await fireEvent.click(screen.getByTestId("ckpt-compare-score"));
    await fireEvent.click(screen.getByTestId("ckpt-compare-run"));
    expect(sent[1]?.score).toBe(true);
    expect((await screen.findAllByTestId("ckpt-token-loss")).map((x) => x.dataset.pos)).toEqual(["1", "1"]);
  });
  it("keeps the comparison in its selection (the URL's cka/ckb/cktext): a link runs it again, a run writes it", async () => {
    const sent: CheckpointCompareRequest[] = [];
    const source = fakeSource({
      checkpointReplay: () => Promise.resolve(replay("step", [["step0", 0], ["step5", 5], ["step9", 9]])),
      compareCheckpoints: (req) => {
        sent.push(req);
        const tokens = [{ id: 0, text: "w", bytes_hex: "", is_special: false, partial_utf8: false }];
        return Promise.resolve<CheckpointCompare>({
          kind: "checkpoint_compare",
          schema_version: "2.0",
          model: "m",
          tokens,
          a: side(req.a, false),
          b: side(req.b, false),
        });
      },
    });
    const compare = new CompareSelection({ compareA: "step5", compareB: "step0", compareText: "Linked prompt" });
    render(CheckpointReplayPanel, { props: { model: "m", compare }, context: contextWith(source) });
    // the link's comparison is shown without a click, with its own checkpoints and prompt in the inputs
    expect((await screen.findAllByTestId("ckpt-side")).map((s) => s.dataset.label)).toEqual(["step5", "step0"]);
    expect(sent[0]).toMatchObject({ a: "step5", b: "step0", prompt: "Linked prompt" });
    expect((screen.getByTestId("ckpt-compare-prompt") as HTMLInputElement).value).toBe("Linked prompt");
    await fireEvent.change(screen.getByTestId("ckpt-compare-b"), { target: { value: "step9" } });
    await fireEvent.click(screen.getByTestId("ckpt-compare-run"));
    await screen.findAllByTestId("ckpt-side");
    expect(sent[1]).toMatchObject({ a: "step5", b: "step9" });
    expect({ a: compare.a, b: compare.b, text: compare.text }).toEqual({ a: "step5", b: "step9", text: "Linked prompt" });
  });

  it("ignores a linked comparison naming a checkpoint the server does not offer", async () => {
    const sent: CheckpointCompareRequest[] = [];
    const source = fakeSource({
      checkpointReplay: () => Promise.resolve(replay("step", [["step0", 0], ["step9", 9]])),
      compareCheckpoints: (req) => {
        sent.push(req);
        return Promise.reject(new Error("not expected"));
      },
    });
    const compare = new CompareSelection({ compareA: "gone", compareB: "step0", compareText: "x" });
    render(CheckpointReplayPanel, { props: { model: "m", compare }, context: contextWith(source) });
    expect((await screen.findByTestId("ckpt-compare-a")) as HTMLSelectElement).toHaveProperty("value", "step0");
    expect((screen.getByTestId("ckpt-compare-b") as HTMLSelectElement).value).toBe("step9");
    expect(sent).toEqual([]);
  });
});
