/** The "forward again" stage says what the step did, from its numbers, including targets that got less likely. */
import { describe, expect, it } from "vitest";
import type { PositionStep } from "../generated/schema";
import { stepOutcome } from "./outcome";

const pos = (i: number, before: number, after: number): PositionStep => ({
  pos: i,
  input: { id: i, text: `in${i}`, bytes_hex: "", is_special: false, partial_utf8: false },
  target: { id: 100 + i, text: `t${i}`, bytes_hex: "", is_special: false, partial_utf8: false },
  top: [],
  prob_before: before,
  prob_after: after,
  loss_before: -Math.log(before),
  loss_after: -Math.log(after),
});

describe("stepOutcome", () => {
  it("names the targets that got less likely, not only the ones that got more likely", () => {
    const positions = [pos(0, 0.2, 0.5), pos(1, 0.6, 0.3), pos(2, 0.1, 0.12), pos(3, 0.4, 0.39), pos(4, 0.5, 0.5)];
    const mean = (k: "loss_before" | "loss_after") => positions.reduce((s, p) => s + p[k], 0) / positions.length;
    const out = stepOutcome({ positions, loss_before: mean("loss_before"), loss_after: mean("loss_after") });
    expect(out.up.map((p) => p.target.text)).toEqual(["t0", "t2"]); // +0.3 first, then +0.02
    expect(out.down.map((p) => p.target.text)).toEqual(["t1", "t3"]); // −0.3 first, then −0.01
    expect(out.same.map((p) => p.pos)).toEqual([4]);
    // the mean loss still fell (6.03 → 5.65 nats summed): t0's rise gains more than t1's fall costs
    expect(out.lossDown).toBe(true);
  });

  it("reports a step where every target got less likely and the loss went up", () => {
    const out = stepOutcome({ positions: [pos(0, 0.3, 0.2), pos(1, 0.5, 0.45)], loss_before: 0.95, loss_after: 1.2 });
    expect(out.up).toEqual([]);
    expect(out.down.map((p) => p.pos)).toEqual([0, 1]);
    expect(out.lossDown).toBe(false);
  });
});
