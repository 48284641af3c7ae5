import { describe, expect, it } from "vitest";
import type { TensorPayload } from "../generated/schema";
import { decodeTensor } from "./tensor";

function b64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

describe("decodeTensor", () => {
  it("decodes little-endian float32", () => {
    const values = new Float32Array([1.5, -2, 3.25e-8, Infinity]);
    const payload: TensorPayload = { dtype: "float32", shape: [4], dims: ["d_vocab"], data: b64(new Uint8Array(values.buffer)) };
    expect(Array.from(decodeTensor(payload))).toEqual(Array.from(values));
  });

  it("widens float16", () => {
    // 1.0 = 0x3c00, -2.0 = 0xc000, 65504 = 0x7bff, smallest subnormal = 0x0001
    const half = new Uint8Array([0x00, 0x3c, 0x00, 0xc0, 0xff, 0x7b, 0x01, 0x00]);
    const out = decodeTensor({ dtype: "float16", shape: [2, 2], dims: ["head", "pos"], data: b64(half) });
    expect(Array.from(out)).toEqual([1, -2, 65504, 2 ** -24]);
  });

  it("refuses a payload whose size does not match its shape", () => {
    expect(() => decodeTensor({ dtype: "float32", shape: [3], dims: ["d_vocab"], data: b64(new Uint8Array(8)) })).toThrow();
  });
});
