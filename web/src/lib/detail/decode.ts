/** Decoded tensors, remembered per payload object: a panel shown again does not decode again. */
import { decodeTensor } from "../data/tensor";
import type { TensorPayload } from "../generated/schema";

const decoded = new WeakMap<TensorPayload, Float32Array>();

export function tensor(payload: TensorPayload | null | undefined): Float32Array {
  if (!payload) return new Float32Array();
  let out = decoded.get(payload);
  if (!out) {
    out = decodeTensor(payload);
    decoded.set(payload, out);
  }
  return out;
}
