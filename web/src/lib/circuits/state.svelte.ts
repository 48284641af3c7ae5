/**
 * The Circuits view's state, one instance per page, shared by the graph drawing and the side panels (feature card,
 * supernodes, interventions, files): the graph, the thresholds, what is hovered, selected and pinned, the
 * supernodes, and — derived — what the thresholds keep (the client-side pruning, ./prune.ts).
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- the Map and Sets here are derived values, rebuilt whole when
   their inputs change and never mutated afterwards: plain collections are what the markup should read */
import type { CGraph } from "./model";
import { prune, type Pruned } from "./prune";

export interface Supernode {
  name: string;
  ids: string[];
}

export class CircuitsState {
  graph = $state.raw<CGraph | null>(null);
  nodeThreshold = $state(0.8);
  edgeThreshold = $state(0.98);
  hovered = $state<string | null>(null);
  selected = $state<string | null>(null);
  pinned = $state<string[]>([]);
  supernodes = $state<Supernode[]>([]);

  /** node index by id, for the panels (ids are unique) */
  readonly indexOf = $derived.by(() => new Map((this.graph?.nodes ?? []).map((n, i) => [n.id, i])));

  /** what the thresholds keep: recomputed when the graph or a threshold changes, never on hover or selection */
  readonly visible: Pruned = $derived.by(() => {
    const g = this.graph;
    if (g === null) return { nodes: new Set<number>(), edges: [] };
    return prune(g.nodes, g.edges, Math.min(this.nodeThreshold, g.nodeThresholdMax), this.edgeThreshold);
  });

  /** a new graph: its default thresholds, nothing selected; pins and supernodes kept only for nodes it still has */
  setGraph(g: CGraph): void {
    const ids = new Set(g.nodes.map((n) => n.id));
    this.graph = g;
    this.nodeThreshold = Math.min(g.nodeThreshold, g.nodeThresholdMax);
    this.edgeThreshold = g.edgeThreshold;
    this.hovered = null;
    this.selected = null;
    this.pinned = this.pinned.filter((id) => ids.has(id));
    this.supernodes = this.supernodes
      .map((s) => ({ name: s.name, ids: s.ids.filter((id) => ids.has(id)) }))
      .filter((s) => s.ids.length > 0);
  }

  pin(id: string): void {
    if (!this.pinned.includes(id)) this.pinned = [...this.pinned, id];
  }

  unpin(id: string): void {
    this.pinned = this.pinned.filter((p) => p !== id);
  }

  select(id: string | null): void {
    this.selected = id;
  }
}
