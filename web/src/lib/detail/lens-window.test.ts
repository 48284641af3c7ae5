import { describe, expect, it } from "vitest";
import { LENS_WINDOW, lensAt, lensWindow } from "./lens-window";
import { DetailState } from "./state.svelte";
import { fakeSource } from "../data/fake";
import type { DetailOverview, LogitLens, LogitLensRequest } from "../generated/schema";

const tok = (id: number) => ({ id, text: `t${id}`, bytes_hex: "", is_special: false, partial_utf8: false });

function lens(positions: number[]): LogitLens {
  return {
    schema_version: "2.0",
    kind: "logit_lens",
    layers: [{ layer: null, part: "embed" }],
    positions,
    cells: positions.map((pos) => ({ layer: 0, pos, top: [{ token: tok(pos), prob: 0.5 }] })),
  };
}

describe("the logit lens of a long prompt, a window at a time", () => {
  it("asks for every position up to one window, then for the aligned window holding the position", () => {
    expect(lensWindow(LENS_WINDOW, 10)).toBeNull();
    const w = lensWindow(130, 70);
    expect(w?.[0]).toBe(64);
    expect(w?.length).toBe(LENS_WINDOW);
    expect(lensWindow(130, 129)).toEqual([128, 129]);
    expect(lensWindow(130, 0)?.at(-1)).toBe(63);
  });

  it("cuts a whole lens to the window (a static export holds every position)", () => {
    const cut = lensAt(lens([0, 1, 2, 3]), [1, 2]);
    expect(cut.positions).toEqual([1, 2]);
    expect(cut.cells.map((c) => c.pos)).toEqual([1, 2]);
    expect(lensAt(lens([0, 1]), undefined).positions).toEqual([0, 1]);
  });

  it("the detailed view asks the server for the selected position's window only", async () => {
    const asked: (number[] | null | undefined)[] = [];
    const n = 130;
    const overview = {
      schema_version: "2.0",
      kind: "detail_overview",
      model: "m",
      tokens: Array.from({ length: n }, (_, i) => tok(i)),
      info: { n_layers: 1, n_heads: 1 },
    } as unknown as DetailOverview;
    const source = fakeSource({
      overview: () => Promise.resolve(overview),
      logitLens: (req: LogitLensRequest) => {
        asked.push(req.positions);
        return Promise.resolve(lens(req.positions ?? []));
      },
    });
    const d = new DetailState(source, { panel: "lens", pos: 70 });
    await d.setText({ model: "m", prompt: "p", generated_ids: [], truncate: null });
    expect(asked).toEqual([lensWindow(n, 70)]);
    expect(d.lens?.positions[0]).toBe(64);
    d.select({ pos: 100 }); // the same window: nothing asked again
    await Promise.resolve();
    expect(asked.length).toBe(1);
    d.select({ pos: 5 });
    await new Promise((r) => setTimeout(r, 0));
    expect(asked.at(-1)).toEqual(lensWindow(n, 5));
    expect(d.lens?.positions[0]).toBe(0);
  });
});
