/** Gemma 4's per-layer inputs in the detailed view: the diagram's stage and the panel's state. */
import { describe, expect, it } from "vitest";
import type {
  DetailRequest,
  ModelInfo,
  PerLayerInput,
  TensorPayload,
} from "../generated/schema";
import { fakeSource } from "../data/fake";
import { blockOutStage, blockShape } from "./architecture";
import { PerLayerState } from "./per-layer.svelte";

const INFO: ModelInfo = {
  name: "g4",
  architecture: "Gemma4ForCausalLM",
  family: "gemma",
  model_type: "gemma4_text",
  n_layers: 4,
  n_heads: 4,
  n_kv_heads: 2,
  d_model: 64,
  d_head: 16,
  d_mlp: 128,
  d_vocab: 512,
  n_ctx: 128,
  positional: "rotary",
  norm: "rmsnorm",
  activation: "gelu_pytorch_tanh",
  gated_mlp: true,
  parallel_block: false,
  qk_norm: true,
  post_norm: true,
  pre_norm: true,
  n_params: 1000,
  dtype: "float32",
  device: "cpu",
};

const TEXT: Required<DetailRequest> = {
  model: "g4",
  prompt: "x",
  generated_ids: [],
  truncate: null,
};
const EMPTY: TensorPayload = {
  dtype: "float32",
  shape: [0],
  dims: ["d_ple"],
  data: "",
};

function answer(pos: number): PerLayerInput {
  const v = { ...EMPTY };
  return {
    kind: "per_layer_input", layer: 2, pos, d_ple: 8, token_part: v, context_part: v, input: v, gate: v, gated: v,
    out_norm: [1, 2], mlp_out_norm: [3, 4], layer_scalar: 0.5, kv_source: 0,
  } as PerLayerInput; // prettier-ignore
}

describe("Gemma 4's per-layer input", () => {
  it("adds a stage after the MLP only for models that have per-layer inputs", () => {
    const sandwich = [
      "norm1",
      "attention",
      "post_attn_norm",
      "add1",
      "norm2",
      "mlp",
      "post_mlp_norm",
      "add2",
    ];
    expect(blockShape(INFO).stages).toEqual(sandwich);
    expect(blockShape({ ...INFO, d_ple: 8 }).stages).toEqual([
      ...sandwich,
      "per_layer",
    ]);
    expect(blockShape({ ...INFO, d_ple: 0 }).stages).toEqual(sandwich);
  });

  it("reads a block's output after its per-layer input stage when it has one", () => {
    const stages = [
      { layer: null, part: "embed" },
      { layer: 0, part: "attn" },
      { layer: 0, part: "mlp" },
      { layer: 0, part: "ple" },
      { layer: 1, part: "attn" },
      { layer: 1, part: "mlp" },
    ] as const;
    expect(blockOutStage([...stages], 0)).toBe(3);
    expect(blockOutStage([...stages], 1)).toBe(5);
    expect(blockOutStage([...stages], 2)).toBe(-1);
  });

  it("keeps the answer to the latest request when an older one arrives later", async () => {
    const pending: Array<() => void> = [];
    const source = fakeSource({
      perLayerInput: (req) =>
        new Promise((resolve) => pending.push(() => resolve(answer(req.pos)))),
    });
    const state = new PerLayerState(source);
    const first = state.load(TEXT, 2, 0);
    const second = state.load(TEXT, 2, 1);
    pending[1]?.();
    await second;
    pending[0]?.();
    await first;
    expect(state.value?.pos).toBe(1);
    expect(state.error).toBeNull();
  });

  it("keeps the source's error for the page to show", async () => {
    const state = new PerLayerState(fakeSource());
    await state.load(TEXT, 0, 0);
    expect(state.value).toBeNull();
    expect(state.error?.code).toBe("not_built");
  });
});
