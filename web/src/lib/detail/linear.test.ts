import { describe, expect, it } from "vitest";
import { formatBytes, isHybrid, isLinearLayer, layerKind, maxAbsDiff, mixingRow, mixValues } from "./linear";

describe("linear-attention helpers", () => {
  const info = { layer_kinds: ["linear_attention", "attention"] as ("attention" | "linear_attention")[] };

  it("reads each layer's kind, softmax attention when the info lists none", () => {
    expect(layerKind(info, 0)).toBe("linear_attention");
    expect(layerKind(info, 1)).toBe("attention");
    expect(layerKind({ layer_kinds: [] }, 3)).toBe("attention");
    expect(layerKind(null, 0)).toBe("attention");
    expect(isLinearLayer(info, 0)).toBe(true);
    expect(isHybrid(info)).toBe(true);
    expect(isHybrid({ layer_kinds: ["attention", "attention"] })).toBe(false);
  });

  it("rebuilds Σ_s M[t, s] v_s from one row of the matrix", () => {
    // M [3 × 3] lower-triangular with a negative entry; v [3 positions × 2 dims]
    const m = new Float32Array([0.5, 0, 0, -0.25, 1, 0, 0.1, 0.2, 2]);
    const v = new Float32Array([1, 2, 3, 4, 5, 6]);
    const row = mixingRow(m, 3, 1);
    expect(Array.from(row)).toEqual([-0.25, 1, 0]);
    expect(Array.from(mixValues(row, v, 2))).toEqual([-0.25 * 1 + 3, -0.25 * 2 + 4]);
    expect(maxAbsDiff([1, 2], [1.5, 1])).toBe(1);
  });

  it("words the state's size in bytes", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(64 * 1024)).toBe("64.0 KiB");
    expect(formatBytes(2 << 20)).toBe("2.0 MiB");
  });
});
