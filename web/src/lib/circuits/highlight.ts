/** Which edges light up around a selected node: its strongest drawn inputs and outputs, by |weight|. */
import type { CEdge } from "./model";

export const STRONGEST = 5;

export interface Lit {
  incoming: number[];
  outgoing: number[];
  /** the selected node and the nodes at the other end of a lit edge */
  nodes: Set<number>;
}

export function strongestEdges(edges: readonly CEdge[], drawn: readonly number[], node: number, k = STRONGEST): Lit {
  const by = (list: number[]) =>
    list.sort((a, b) => Math.abs(edges[b]?.w ?? 0) - Math.abs(edges[a]?.w ?? 0)).slice(0, k);
  const incoming = by(drawn.filter((e) => edges[e]?.t === node));
  const outgoing = by(drawn.filter((e) => edges[e]?.s === node));
  const nodes = new Set<number>([node]);
  for (const e of incoming) nodes.add(edges[e]?.s ?? node);
  for (const e of outgoing) nodes.add(edges[e]?.t ?? node);
  return { incoming, outgoing, nodes };
}
