/** The graph's layout: rows bottom-up (tokens, layers, logits), one column per position, no two nodes on top of
 * each other, and highlight of the strongest edges — on the real fixture graph and on hand-made cases. */
import { describe, expect, it } from "vitest";
import type { CircuitsGraph } from "../generated/schema";
import fixture from "./fixtures/prune.json";
import { strongestEdges } from "./highlight";
import { COL_MIN, layout, NODE_GAP, rowOf } from "./layout";
import { fromCircuitsGraph } from "./model";
import { prune } from "./prune";

const graph = fromCircuitsGraph(fixture.payload as unknown as CircuitsGraph);
const drawn = prune(graph.nodes, graph.edges, 0.8, 0.98);
const lay = layout(graph, drawn.nodes);

describe("layout", () => {
  it("places every drawn node and only those", () => {
    expect(new Set(lay.at.keys())).toEqual(drawn.nodes);
  });

  it("puts token embeddings at the bottom, then the layers in order, the logits on top", () => {
    const yOf = (kind: string) =>
      [...lay.at.values()].filter((p) => graph.nodes[p.index]?.kind === kind).map((p) => p.y);
    const tokenY = Math.min(...yOf("embedding"));
    const logitY = Math.max(...yOf("logit"));
    for (const p of lay.at.values()) {
      const n = graph.nodes[p.index];
      if (n?.kind === "feature" || n?.kind === "error") {
        expect(p.y).toBeLessThan(tokenY);
        expect(p.y).toBeGreaterThan(logitY);
        expect(p.y).toBe(lay.rows[rowOf(n, graph.nLayers)]);
      }
    }
    for (let r = 1; r < lay.rows.length; r++) expect(lay.rows[r]).toBeLessThan(lay.rows[r - 1] ?? 0);
  });

  it("keeps each node in its position's column, nodes of a cell apart, columns as wide as their fullest cell", () => {
    const seen = new Map<string, number[]>();
    for (const p of lay.at.values()) {
      const n = graph.nodes[p.index];
      const col = n && lay.columns[n.pos];
      expect(col).toBeDefined();
      if (!n || !col) continue;
      expect(p.x).toBeGreaterThan(col.x);
      expect(p.x).toBeLessThan(col.x + col.w);
      const key = `${p.y}:${n.pos}`;
      seen.set(key, [...(seen.get(key) ?? []), p.x]);
    }
    for (const xs of seen.values()) {
      xs.sort((a, b) => a - b);
      for (let i = 1; i < xs.length; i++) expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeCloseTo(NODE_GAP);
    }
    for (const c of lay.columns) expect(c.w).toBeGreaterThanOrEqual(COL_MIN);
    expect(lay.columns).toHaveLength(graph.tokens.length);
  });
});

describe("strongestEdges", () => {
  it("keeps the k heaviest |weights| in and out of a node among the drawn edges", () => {
    const edges = [
      { s: 0, t: 2, w: 0.1 },
      { s: 1, t: 2, w: -0.9 },
      { s: 3, t: 2, w: 0.5 },
      { s: 2, t: 4, w: 0.2 },
      { s: 2, t: 5, w: -0.3 },
    ];
    const lit = strongestEdges(edges, [0, 1, 2, 3], 2, 2);
    expect(lit.incoming).toEqual([1, 2]);
    expect(lit.outgoing).toEqual([3]); // edge 4 is not drawn
    expect(lit.nodes).toEqual(new Set([2, 1, 3, 4]));
  });
});
