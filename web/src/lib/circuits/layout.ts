/**
 * Where each drawn node goes: layers as rows (token embeddings at the bottom, then layer 0 … n_layers − 1, the
 * logits on top, as circuit-tracer's viewer draws them), token positions as columns, the nodes of one (row, column)
 * cell side by side. A column is as wide as its fullest cell, so a position with many active features takes the
 * room it needs and an empty one stays narrow. Pure: the drawing and its tests share it.
 */
import type { CGraph, CNode } from "./model";

export const ROW_H = 64;
export const NODE_GAP = 15;
export const COL_MIN = 38;
export const COL_PAD = 10;
export const MARGIN = { left: 46, right: 16, top: 54, bottom: 74 } as const;

export interface Placed {
  /** index into the graph's nodes */
  index: number;
  x: number;
  y: number;
  /** radius (half the side of a square or diamond) */
  r: number;
}

export interface Layout {
  width: number;
  height: number;
  /** by node index; only the drawn nodes */
  at: Map<number, Placed>;
  /** each token position's column: left edge, width and centre */
  columns: { x: number; w: number; cx: number }[];
  /** each row's y, bottom (embeddings, row 0) to top (logits, row n_layers + 1) */
  rows: number[];
}

/** The row of a node: 0 embeddings, layer + 1 for features and errors, n_layers + 1 logits. */
export function rowOf(n: CNode, nLayers: number): number {
  if (n.kind === "embedding") return 0;
  if (n.kind === "logit") return nLayers + 1;
  return (n.layer ?? 0) + 1;
}

/** Order inside a cell: features by feature index, then the error node; logits by probability, highest first. */
function cellOrder(a: CNode, b: CNode): number {
  if (a.kind !== b.kind) return a.kind === "error" ? 1 : b.kind === "error" ? -1 : 0;
  if (a.kind === "logit") return (b.probability ?? 0) - (a.probability ?? 0);
  return (a.feature ?? 0) - (b.feature ?? 0);
}

/** Radius from a node's influence relative to the largest among the drawn nodes (area ∝ influence). */
export function radius(n: CNode, maxInfluence: number): number {
  if (n.kind === "embedding") return 6;
  if (n.kind === "logit") return 4 + 6 * Math.sqrt(Math.max(0, n.probability ?? 0));
  const share = maxInfluence > 0 ? Math.max(0, n.influence ?? 0) / maxInfluence : 0;
  return 3 + 5 * Math.sqrt(share);
}

export function layout(g: CGraph, drawn: Iterable<number>): Layout {
  const nRows = g.nLayers + 2;
  const nPos = g.tokens.length;
  const cells = new Map<string, number[]>();
  let maxInfluence = 0;
  const shown = [...drawn];
  for (const i of shown) {
    const n = g.nodes[i];
    if (n === undefined) continue;
    if (n.kind === "feature" || n.kind === "error") maxInfluence = Math.max(maxInfluence, n.influence ?? 0);
    const key = `${rowOf(n, g.nLayers)}:${n.pos}`;
    const list = cells.get(key);
    if (list) list.push(i);
    else cells.set(key, [i]);
  }
  const widest = new Array<number>(nPos).fill(0);
  for (const [key, list] of cells) {
    const pos = Number(key.split(":")[1]);
    if (pos >= 0 && pos < nPos) widest[pos] = Math.max(widest[pos] ?? 0, list.length);
  }
  const columns: Layout["columns"] = [];
  let x = MARGIN.left;
  for (let p = 0; p < nPos; p++) {
    const w = Math.max(COL_MIN, (widest[p] ?? 0) * NODE_GAP + COL_PAD);
    columns.push({ x, w, cx: x + w / 2 });
    x += w;
  }
  const rows = Array.from({ length: nRows }, (_, r) => MARGIN.top + (nRows - 1 - r) * ROW_H);
  const at = new Map<number, Placed>();
  for (const [key, list] of cells) {
    const [row, pos] = key.split(":").map(Number) as [number, number];
    const col = columns[pos];
    if (col === undefined) continue;
    list.sort((a, b) => cellOrder(g.nodes[a] as CNode, g.nodes[b] as CNode));
    list.forEach((i, k) => {
      const n = g.nodes[i] as CNode;
      at.set(i, {
        index: i,
        x: col.cx + (k - (list.length - 1) / 2) * NODE_GAP,
        y: rows[row] ?? 0,
        r: radius(n, maxInfluence),
      });
    });
  }
  return { width: x + MARGIN.right, height: MARGIN.top + (nRows - 1) * ROW_H + MARGIN.bottom, at, columns, rows };
}
