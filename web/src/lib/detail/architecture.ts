/** The overview diagram's stages for a model, read from its ModelInfo (no architecture is special-cased elsewhere). */
import type { ModelInfo, Site } from "../generated/schema";
import { isSite } from "./sites";

export type SubStage =
  | "norm1"
  | "attention"
  | "add1"
  | "norm2"
  | "mlp"
  | "add2"
  | "post_attn_norm"
  | "post_mlp_norm"
  | "per_layer";

export interface BlockShape {
  /** the sub-stages of one block, in reading order (a parallel block reads one norm for both branches) */
  stages: SubStage[];
  parallel: boolean;
  /** a parallel block whose MLP reads its own norm of the block's input (GPT-NeoX), not attention's (Cohere) */
  parallelOwnNorms: boolean;
  norm: "LayerNorm" | "RMSNorm";
  mlp: "gelu" | "gated";
  activation: string;
  attention: "MHA" | "GQA" | "MQA";
  qkNorm: boolean;
  rotary: boolean;
}

export function blockShape(info: ModelInfo): BlockShape {
  const stages: SubStage[] = [];
  const ownNorms = info.parallel_block && info.parallel_mlp_norm === true;
  if (ownNorms) stages.push("norm1", "attention", "norm2", "mlp", "add1");
  else if (info.parallel_block) stages.push("norm1", "attention", "mlp", "add1");
  // sandwich (Gemma): a norm before and after each sublayer; OLMo (pre_norm false): after only
  else if (info.post_norm && info.pre_norm === true)
    stages.push("norm1", "attention", "post_attn_norm", "add1", "norm2", "mlp", "post_mlp_norm", "add2");
  else if (info.post_norm) stages.push("attention", "post_attn_norm", "add1", "mlp", "post_mlp_norm", "add2");
  else stages.push("norm1", "attention", "add1", "norm2", "mlp", "add2");
  // Gemma 4: after the MLP, the layer's own per-layer input is gated by the residual, projected, normed and added
  if (info.d_ple) stages.push("per_layer");
  return {
    stages,
    parallel: info.parallel_block,
    parallelOwnNorms: ownNorms,
    norm: info.norm === "rmsnorm" ? "RMSNorm" : "LayerNorm",
    mlp: info.gated_mlp ? "gated" : "gelu",
    activation: info.activation,
    attention: info.n_kv_heads === info.n_heads ? "MHA" : info.n_kv_heads === 1 ? "MQA" : "GQA",
    qkNorm: info.qk_norm,
    rotary: info.positional === "rotary",
  };
}

/** The residual-stream stage index (ResidualStream.stages) of `layer`'s output: its last stage (after the MLP, or
 * after Gemma 4's per-layer input step and layer scalar). */
export function blockOutStage(stages: Site[], layer: number): number {
  let last = -1;
  stages.forEach((s, i) => {
    if ((s.layer ?? null) === layer) last = i;
  });
  return last;
}

/** The residual-stream stage index (ResidualStream.stages) after each sublayer of `layer` (a parallel block's
 * attention and MLP add at once: one stage for both). */
export function residualStages(stages: Site[], layer: number): { attn: number; mlp: number } {
  const attn = stages.findIndex((s) => isSite(s, layer, "attn"));
  const mlp = stages.findIndex((s) => isSite(s, layer, "mlp"));
  const both = stages.findIndex((s) => isSite(s, layer, "attn_mlp"));
  return both >= 0 ? { attn: both, mlp: both } : { attn, mlp };
}
