/** Decode a TensorPayload ({dtype, shape, dims, data: base64 little-endian}) into a typed array. */
import type { TensorPayload } from "../generated/schema";

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}

/** The payload's values as float32, whatever its wire dtype (float16 is widened). */
export function decodeTensor(payload: TensorPayload): Float32Array {
  const bytes = base64ToBytes(payload.data);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = payload.shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(n);
  if (payload.dtype === "float32") {
    if (bytes.byteLength !== n * 4) throw new Error(`tensor payload: ${bytes.byteLength} bytes for ${n} float32`);
    if (LITTLE_ENDIAN) return new Float32Array(bytes.buffer, bytes.byteOffset, n);
    for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
  } else {
    if (bytes.byteLength !== n * 2) throw new Error(`tensor payload: ${bytes.byteLength} bytes for ${n} float16`);
    for (let i = 0; i < n; i++) out[i] = halfToFloat(view.getUint16(i * 2, true));
  }
  return out;
}
