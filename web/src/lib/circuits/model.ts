/**
 * The Circuits view's graph, as every panel reads it: one shape whether the graph came from the server
 * (`CircuitsGraph`, glassbox's payload) or from a circuit-tracer JSON file (`fromCircuitTracerJson`, ./ctjson.ts).
 *
 * `id` is the node's hook id (`hookId`): circuit-tracer's node id, except errors, which get `err_{layer}_{pos}` —
 * circuit-tracer gives errors `0_{layer}_{pos}`, which can equal a layer-0 feature's id, and the page needs ids that
 * are unique (test hooks, pins, supernodes and saved files all name nodes by it).
 */
import type { CircuitsGraph } from "../generated/schema";

/** issue 15's `data-kind` words */
export type CKind = "feature" | "error" | "embedding" | "logit";

export interface CNode {
  /** unique in the graph: the hook id */
  id: string;
  /** `data-node-id`: circuit-tracer's id; errors `err_{layer}_{pos}` */
  hookId: string;
  /** circuit-tracer's layer string: `E` embeddings, `0…n_layers-1`, `n_layers + 1` logits */
  ctLayer: string;
  kind: CKind;
  layer: number | null;
  pos: number;
  feature: number | null;
  tokenId: number | null;
  token: string | null;
  activation: number | null;
  probability: number | null;
  influence: number | null;
  cumulative: number | null;
  errorShare: number | null;
  label: string | null;
}

/** an edge: indices into `nodes`, source → target, with its (signed) weight */
export interface CEdge {
  s: number;
  t: number;
  w: number;
}

export interface CGraph {
  origin: "glassbox" | "circuit-tracer";
  model: string;
  transcoders: string;
  prompt: string;
  tokens: string[];
  nLayers: number;
  nodes: CNode[];
  edges: CEdge[];
  logitTargets: { tokenId: number; token: string; prob: number }[];
  /** the default thresholds (circuit-tracer's 0.8 and 0.98 for a glassbox graph) */
  nodeThreshold: number;
  edgeThreshold: number;
  /** the loosest node threshold the graph's nodes allow (the node slider's maximum) */
  nodeThresholdMax: number;
  scores: { replacement: number; completeness: number } | null;
  /** the engine's own pruning at the default thresholds (glassbox graphs), which the page's must equal */
  prunedAtDefaults: { nodeIds: string[]; edgeCount: number } | null;
}

const KINDS: Record<string, CKind> = {
  feature: "feature",
  error: "error",
  token: "embedding",
  embedding: "embedding",
  logit: "logit",
};

/** The hook id of a payload node: circuit-tracer's id, errors `err_{layer}_{pos}`. */
export function hookIdOf(kind: CKind, ctId: string, layer: number | null, pos: number): string {
  return kind === "error" ? `err_${layer ?? 0}_${pos}` : ctId;
}

/** The server's payload as the page's graph: hook ids as ids, edges as index triples. */
export function fromCircuitsGraph(p: CircuitsGraph): CGraph {
  const nodes: CNode[] = p.nodes.map((n) => {
    const kind = KINDS[n.kind];
    if (kind === undefined) throw new Error(`unknown node kind ${String(n.kind)}`);
    const hookId = hookIdOf(kind, n.ct_id, n.layer ?? null, n.pos);
    return {
      id: hookId,
      hookId,
      ctLayer: n.ct_layer,
      kind,
      layer: n.layer ?? null,
      pos: n.pos,
      feature: n.feature ?? null,
      tokenId: n.token_id ?? null,
      token: n.token ?? null,
      activation: n.activation ?? null,
      probability: n.probability ?? null,
      influence: n.influence,
      cumulative: n.cumulative,
      errorShare: n.error_share ?? null,
      label: n.label ?? null,
    };
  });
  const byGlassboxId = new Map(p.nodes.map((n, i) => [n.id, nodes[i]?.id ?? n.id]));
  if (p.edge_targets.length !== p.edge_sources.length || p.edge_weights.length !== p.edge_sources.length) {
    throw new Error("edge arrays of different lengths");
  }
  const edges: CEdge[] = p.edge_sources.map((s, i) => ({ s, t: p.edge_targets[i] ?? 0, w: p.edge_weights[i] ?? 0 }));
  return {
    origin: "glassbox",
    model: p.model,
    transcoders: p.transcoders,
    prompt: p.prompt,
    tokens: p.tokens,
    nLayers: p.n_layers,
    nodes,
    edges,
    logitTargets: p.logit_targets.map((l) => ({ tokenId: l.token_id, token: l.token, prob: l.prob })),
    nodeThreshold: p.node_threshold,
    edgeThreshold: p.edge_threshold,
    nodeThresholdMax: p.node_threshold_max,
    scores: { replacement: p.scores.replacement, completeness: p.scores.completeness },
    prunedAtDefaults: {
      nodeIds: p.pruned.node_ids.map((id) => byGlassboxId.get(id) ?? id),
      edgeCount: p.pruned.edge_count,
    },
  };
}
