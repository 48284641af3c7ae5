/**
 * circuit-tracer's pruning, on the page: a faithful port of `src/glassbox/graph/prune.py` (float64 throughout, edge
 * lists in the payload's order), so that moving a threshold slider re-draws the graph without a request and the
 * nodes and edges drawn are the engine's own `prune(node_threshold, edge_threshold)`.
 *
 * The payload holds every node kept at the loosest node threshold (`nodeThresholdMax`) and every edge among them.
 * Node pruning needs each node's share of *all* influence, which only the whole graph knows: the server sends it as
 * `cumulative` (each node's cumulative share, most influential first), and the node that crosses a threshold
 * decides, as in prune.py, by its influence (`infl >= infl[crossing]`, so nodes tied with it stay too).
 */
import type { CEdge, CNode } from "./model";

export interface Pruned {
  /** indices into the graph's nodes */
  nodes: Set<number>;
  /** indices into the graph's edges, ascending */
  edges: number[];
}

/** Nodes that pruning never drops (prune.py: tokens and logits always stay). */
function alwaysKept(n: CNode): boolean {
  return n.kind === "embedding" || n.kind === "logit";
}

/**
 * prune.py's `find_threshold`: the score at which the best scores, taken in order, first reach `threshold` of their
 * total (`searchsorted` on the cumulative share, left side, clamped to the last score).
 */
export function findThreshold(scores: ArrayLike<number>, threshold: number): number {
  const n = scores.length;
  if (n === 0) return 0;
  const ordered = Float64Array.from(scores).sort().reverse();
  let total = 0;
  for (let i = 0; i < n; i++) total += ordered[i] ?? 0;
  if (total === 0) return 0;
  let running = 0;
  for (let i = 0; i < n; i++) {
    running += ordered[i] ?? 0;
    if (running / total >= threshold) return ordered[i] ?? 0;
  }
  return ordered[n - 1] ?? 0;
}

/** The node stage: which nodes the node threshold keeps, from each node's influence and cumulative share. */
export function keptNodes(nodes: readonly CNode[], nodeThreshold: number): Uint8Array {
  const keep = new Uint8Array(nodes.length);
  // the crossing node: the first, in influence order, whose cumulative share reaches the threshold — the one with
  // the smallest cumulative share at or above it (the shares grow along that order)
  let crossing: CNode | null = null;
  for (const n of nodes) {
    const c = n.cumulative;
    if (c === null || n.influence === null || c < nodeThreshold) continue;
    if (crossing === null || c < (crossing.cumulative ?? Infinity)) crossing = n;
  }
  // no node reaches the threshold among those sent: the threshold is looser than the graph's — keep them all
  const bar = crossing?.influence ?? -Infinity;
  nodes.forEach((n, i) => {
    keep[i] = alwaysKept(n) || n.influence === null || n.influence >= bar ? 1 : 0;
  });
  return keep;
}

/** prune.py's `influence`: `start Â + start Â² + …` over the normalised edge weights (the graph is acyclic). */
export function influence(
  edges: readonly CEdge[],
  normed: Float64Array,
  start: Float64Array,
  maxIter = 1000,
): Float64Array {
  const n = start.length;
  // one step: out[s] += from[t] · Â[t, s], edge by edge in the payload's order (as index_add_ does)
  const step = (from: Float64Array): Float64Array => {
    const out = new Float64Array(n);
    edges.forEach((e, i) => {
      out[e.s] = (out[e.s] ?? 0) + (from[e.t] ?? 0) * (normed[i] ?? 0);
    });
    return out;
  };
  let current = step(start);
  const total = Float64Array.from(current);
  for (let it = 0; it < maxIter; it++) {
    if (!current.some((v) => v !== 0)) return total;
    current = step(current);
    current.forEach((v, i) => {
      total[i] = (total[i] ?? 0) + v;
    });
  }
  throw new Error(`influence did not converge in ${maxIter} steps: the graph has a cycle`);
}

/** prune.py's `normalize` on the edges `kept` marks (others count as weight 0). */
function normalize(n: number, edges: readonly CEdge[], kept: Uint8Array): Float64Array {
  const rowsum = new Float64Array(n);
  edges.forEach((e, i) => {
    if (kept[i]) rowsum[e.t] = (rowsum[e.t] ?? 0) + Math.abs(e.w);
  });
  const normed = new Float64Array(edges.length);
  edges.forEach((e, i) => {
    if (kept[i]) normed[i] = Math.abs(e.w) / Math.max(rowsum[e.t] ?? 0, 1e-10);
  });
  return normed;
}

/** circuit-tracer's `prune_graph` at these thresholds, on the graph's nodes and edges. */
export function prune(
  nodes: readonly CNode[],
  edges: readonly CEdge[],
  nodeThreshold: number,
  edgeThreshold: number,
): Pruned {
  const n = nodes.length;
  const nodeMask = keptNodes(nodes, nodeThreshold);
  const kept = Uint8Array.from(edges, (e) => (nodeMask[e.s] ?? 0) & (nodeMask[e.t] ?? 0));
  const normed = normalize(n, edges, kept);
  const lw = Float64Array.from(nodes, (x) => (x.kind === "logit" ? (x.probability ?? 0) : 0));
  const prunedInfl = influence(edges, normed, lw);
  lw.forEach((v, i) => {
    prunedInfl[i] = (prunedInfl[i] ?? 0) + v;
  });
  const scores = Float64Array.from(edges, (e, i) => (normed[i] ?? 0) * (prunedInfl[e.t] ?? 0));
  const bar = findThreshold(scores, edgeThreshold);
  const edgeMask = Uint8Array.from(edges, (_, i) => ((scores[i] ?? 0) >= bar && kept[i] ? 1 : 0));
  // repeatedly drop features and errors that feed nothing, and features that nothing feeds
  for (;;) {
    const hasOut = new Uint8Array(n);
    const hasIn = new Uint8Array(n);
    edges.forEach((e, i) => {
      if (edgeMask[i]) {
        hasOut[e.s] = 1;
        hasIn[e.t] = 1;
      }
    });
    let changed = false;
    nodes.forEach((x, i) => {
      if (!nodeMask[i]) return;
      const dangling =
        ((x.kind === "feature" || x.kind === "error") && !hasOut[i]) || (x.kind === "feature" && !hasIn[i]);
      if (dangling) {
        nodeMask[i] = 0;
        changed = true;
      }
    });
    edges.forEach((e, i) => {
      if (edgeMask[i] && !(nodeMask[e.s] && nodeMask[e.t])) edgeMask[i] = 0;
    });
    if (!changed) break;
  }
  const keptNodeSet = new Set<number>();
  nodeMask.forEach((v, i) => {
    if (v) keptNodeSet.add(i);
  });
  const keptEdges: number[] = [];
  edgeMask.forEach((v, i) => {
    if (v) keptEdges.push(i);
  });
  return { nodes: keptNodeSet, edges: keptEdges };
}
