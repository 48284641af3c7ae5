/**
 * The page's pruning equals the engine's: on a real graph of the embedded model (fixtures/prune.json, written by
 * web/scripts/circuits_prune_fixture.py from `AttributionGraph.prune`), the nodes and edges prune.ts keeps at three
 * threshold pairs are exactly the engine's.
 */
import { describe, expect, it } from "vitest";
import type { CircuitsGraph } from "../generated/schema";
import fixture from "./fixtures/prune.json";
import { fromCircuitsGraph } from "./model";
import { findThreshold, keptNodes, prune } from "./prune";

interface Case {
  node_threshold: number;
  edge_threshold: number;
  node_ids: string[];
  edges: number[];
}

const payload = fixture.payload as unknown as CircuitsGraph;
const cases = fixture.cases as Case[];
const graph = fromCircuitsGraph(payload);
/** glassbox id → hook id, as the page names nodes */
const hook = new Map(payload.nodes.map((n, i) => [n.id, graph.nodes[i]?.id]));

describe("prune.ts against prune.py", () => {
  it.each(cases)("keeps the engine's nodes and edges at ($node_threshold, $edge_threshold)", (c) => {
    const got = prune(graph.nodes, graph.edges, c.node_threshold, c.edge_threshold);
    const ids = [...got.nodes].map((i) => graph.nodes[i]?.id).sort();
    expect(ids).toEqual(c.node_ids.map((id) => hook.get(id)).sort());
    expect(got.edges).toEqual(c.edges);
  });

  it("the cases differ from one another (the fixture exercises both stages)", () => {
    const sizes = new Set(cases.map((c) => `${c.node_ids.length}/${c.edges.length}`));
    expect(sizes.size).toBe(cases.length);
    expect(cases.some((c) => c.edges.length < graph.edges.length)).toBe(true);
  });

  it("the default pair equals the payload's own pruning at the defaults", () => {
    const got = prune(graph.nodes, graph.edges, graph.nodeThreshold, graph.edgeThreshold);
    expect(got.edges.length).toBe(graph.prunedAtDefaults?.edgeCount);
    expect(new Set([...got.nodes].map((i) => graph.nodes[i]?.id))).toEqual(new Set(graph.prunedAtDefaults?.nodeIds));
  });

  it("tokens and logits always stay through the node stage", () => {
    const keep = keptNodes(graph.nodes, 0.01);
    graph.nodes.forEach((n, i) => {
      if (n.kind === "embedding" || n.kind === "logit") expect(keep[i]).toBe(1);
    });
    expect(graph.nodes.some((n, i) => n.kind === "feature" && keep[i] === 0)).toBe(true);
  });
});

describe("findThreshold", () => {
  it("is the score whose cumulative share first reaches the threshold", () => {
    expect(findThreshold([1, 4, 3, 2], 0.5)).toBe(3); // 4/10, then 7/10 ≥ 0.5
    expect(findThreshold([1, 4, 3, 2], 0.4)).toBe(4);
    expect(findThreshold([1, 4, 3, 2], 1)).toBe(1);
    expect(findThreshold([], 0.5)).toBe(0);
    expect(findThreshold([0, 0], 0.5)).toBe(0);
  });
});
