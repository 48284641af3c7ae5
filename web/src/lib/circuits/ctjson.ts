/**
 * circuit-tracer's graph JSON (what its `create_graph_files` and `glassbox graph --out` write, `CircuitTracerGraph`
 * in the schema) ⇄ the Circuits view's `CGraph`.
 *
 * Reading keeps circuit-tracer's node ids as the nodes' ids and test hooks, except for error nodes: their file id
 * `0_{layer}_{pos}` can equal a layer-0 feature's `0_{feature}_{pos}`, so they become `err_{layer}_{pos}` (issue 15).
 * The file is parsed with `JSON.parse` only (never evaluated) and every field is checked before it is used: a file
 * that is not such a graph gives a `CtJsonError` naming what is wrong, with a message key the page translates.
 *
 * Writing gives the visible graph (the nodes and edges drawn at the current thresholds) back in the same format,
 * with the pinned nodes in `qParams.pinnedIds` and the supernodes in `qParams.supernodes` as circuit-tracer's viewer
 * stores them — each a list whose first entry is the name and the rest the member ids.
 */
import type { CircuitTracerGraph, CTLink, CTNode } from "../generated/schema";
import type { CEdge, CGraph, CKind, CNode } from "./model";
import type { Supernode } from "./state.svelte";

/** A graph file as read: the graph, and the view state the file carried. */
export interface CtFile {
  graph: CGraph;
  pinned: string[];
  supernodes: Supernode[];
  /** file ids that name both an error node and a layer-0 feature (`0_{layer}_{pos}` = `0_{feature}_{pos}`): their
   * links cannot say which one they mean and are read as the feature's (the first in the file) */
  ambiguous: string[];
}

/** Why a file could not be read: `key` is a message key of the panels' catalog, `params` fill its placeholders. */
export class CtJsonError extends Error {
  constructor(
    readonly key:
      | "circuitsPanels.file.notJson"
      | "circuitsPanels.file.notGraph"
      | "circuitsPanels.file.badNode"
      | "circuitsPanels.file.badLink",
    readonly params: Record<string, string | number> = {},
    detail = "",
  ) {
    super(`${key}${detail ? `: ${detail}` : ""}`);
    this.name = "CtJsonError";
  }
}

const FEATURE_TYPES: Record<string, CKind> = {
  "cross layer transcoder": "feature",
  "mlp reconstruction error": "error",
  embedding: "embedding",
  logit: "logit",
};

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj =>
  typeof x === "object" && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number =>
  typeof x === "number" && Number.isFinite(x);
const optNum = (x: unknown): number | null => (isNum(x) ? x : null);

/** The error node's unique id and test hook (its file id can collide with a layer-0 feature's). */
export const errorHookId = (layer: number, pos: number): string =>
  `err_${layer}_${pos}`;

/** circuit-tracer's `feature` field of a transcoder feature: the Cantor pairing of (layer, feature index). */
export function cantor(x: number, y: number): number {
  return ((x + y) * (x + y + 1)) / 2 + y;
}

/** The token a logit node's `clerp` names — circuit-tracer writes `Output "TOKEN" (p=0.123)`. */
function logitToken(clerp: string): string | null {
  const m = /^Output "([\s\S]*)" \(p=[^)]*\)$/.exec(clerp);
  return m ? (m[1] ?? null) : null;
}

function parseNode(
  raw: unknown,
  index: number,
  tokens: string[],
): { node: CNode; fileId: string } {
  const bad = (what: string) =>
    new CtJsonError("circuitsPanels.file.badNode", { index, what }, what);
  if (!isObj(raw)) throw bad("not an object");
  const {
    node_id: fileId,
    layer,
    ctx_idx: pos,
    feature_type: type,
    feature,
  } = raw;
  if (typeof fileId !== "string" || fileId === "") throw bad("node_id");
  if (typeof layer !== "string") throw bad("layer");
  if (!isNum(pos) || !Number.isInteger(pos) || pos < 0) throw bad("ctx_idx");
  const kind = typeof type === "string" ? FEATURE_TYPES[type] : undefined;
  if (kind === undefined) throw bad("feature_type");
  const parts = fileId.split("_");
  const clerp = typeof raw.clerp === "string" ? raw.clerp : "";
  const node: CNode = {
    id: fileId,
    hookId: fileId,
    ctLayer: layer,
    kind,
    layer: null,
    pos,
    feature: null,
    tokenId: null,
    token: null,
    activation: optNum(raw.activation),
    probability: null,
    influence: null,
    // the file's `influence` is the node's cumulative share of influence (what node pruning thresholds)
    cumulative: optNum(raw.influence),
    errorShare: null,
    label: clerp === "" ? null : clerp,
  };
  if (kind === "feature" || kind === "error") {
    const l = Number(layer);
    if (!Number.isInteger(l) || l < 0) throw bad("layer");
    node.layer = l;
  }
  if (kind === "feature") {
    // `{layer}_{feature}_{pos}`: the index is in the id (the `feature` field is a pairing of layer and index)
    const f = Number(parts[1]);
    if (parts.length !== 3 || !Number.isInteger(f) || f < 0)
      throw bad("node_id");
    node.feature = f;
  } else if (kind === "error") {
    node.id = node.hookId = errorHookId(node.layer ?? 0, pos);
  } else if (kind === "embedding") {
    const tid = Number(parts[1]);
    node.tokenId = parts.length === 3 && Number.isInteger(tid) ? tid : null;
    node.token = tokens[pos] ?? null;
  } else {
    if (!isNum(feature)) throw bad("feature");
    node.tokenId = feature;
    node.probability = optNum(raw.token_prob);
    node.token = logitToken(clerp);
    node.label = null;
  }
  return { node, fileId };
}

/** Read a parsed graph file; throws `CtJsonError` when it is not circuit-tracer's graph JSON. */
export function readCircuitTracerJson(json: unknown): CtFile {
  if (
    !isObj(json) ||
    !isObj(json.metadata) ||
    !Array.isArray(json.nodes) ||
    !Array.isArray(json.links)
  ) {
    throw new CtJsonError(
      "circuitsPanels.file.notGraph",
      {},
      "metadata, nodes and links are required",
    );
  }
  const meta = json.metadata;
  const tokens = Array.isArray(meta.prompt_tokens)
    ? meta.prompt_tokens.map((t) => String(t))
    : [];
  const nodes: CNode[] = [];
  // a file id → the node index; an error id that equals a feature's keeps the first node in file order, as
  // the file itself cannot say which one a link meant
  const byFileId = new Map<string, number>();
  const ambiguous: string[] = [];
  json.nodes.forEach((raw, i) => {
    const { node, fileId } = parseNode(raw, i, tokens);
    if (!byFileId.has(fileId)) byFileId.set(fileId, nodes.length);
    else ambiguous.push(fileId);
    nodes.push(node);
  });
  const edges: CEdge[] = json.links.map((raw, i) => {
    const s =
      isObj(raw) && typeof raw.source === "string"
        ? byFileId.get(raw.source)
        : undefined;
    const t =
      isObj(raw) && typeof raw.target === "string"
        ? byFileId.get(raw.target)
        : undefined;
    const w = isObj(raw) ? raw.weight : undefined;
    if (s === undefined || t === undefined || !isNum(w)) {
      throw new CtJsonError(
        "circuitsPanels.file.badLink",
        { index: i },
        JSON.stringify(raw)?.slice(0, 80),
      );
    }
    return { s, t, w };
  });
  const logits = nodes.filter((n) => n.kind === "logit");
  const featureLayers = nodes
    .filter((n) => n.layer !== null)
    .map((n) => n.layer ?? 0);
  const logitLayer = logits.length > 0 ? Number(logits[0]?.ctLayer) : NaN;
  const nLayers = Number.isInteger(logitLayer)
    ? logitLayer - 1
    : Math.max(0, ...featureLayers.map((l) => l + 1));
  const nodeThreshold = isNum(meta.node_threshold) ? meta.node_threshold : 0.8;
  const scores =
    isObj(json.scores) &&
    isNum(json.scores.replacement) &&
    isNum(json.scores.completeness)
      ? {
          replacement: json.scores.replacement,
          completeness: json.scores.completeness,
        }
      : null;
  const graph: CGraph = {
    origin: "circuit-tracer",
    model: typeof meta.scan === "string" ? meta.scan : "",
    transcoders: Array.isArray(meta.transcoder_list)
      ? meta.transcoder_list.map(String).join(", ")
      : "",
    prompt: typeof meta.prompt === "string" ? meta.prompt : tokens.join(""),
    tokens,
    nLayers,
    nodes,
    edges,
    logitTargets: logits
      .map((n) => ({
        tokenId: n.tokenId ?? -1,
        token: n.token ?? "",
        prob: n.probability ?? 0,
      }))
      .sort((a, b) => b.prob - a.prob),
    nodeThreshold,
    // the file's edges are what its own pruning kept (its edge threshold is not recorded): 1 keeps every one of
    // them on the page — pruning them again at 0.98 would drop more — and a lower value prunes further
    edgeThreshold: 1,
    // the file's nodes are already pruned: the page can only prune further
    nodeThresholdMax: nodeThreshold,
    scores,
    prunedAtDefaults: null,
  };
  const q = isObj(json.qParams) ? json.qParams : {};
  const idOf = (fileId: unknown): string | null => {
    if (typeof fileId !== "string") return null;
    const i = byFileId.get(fileId);
    return i === undefined ? null : (nodes[i]?.id ?? null);
  };
  const pinned = (Array.isArray(q.pinnedIds) ? q.pinnedIds : [])
    .map(idOf)
    .filter((x): x is string => x !== null);
  const supernodes: Supernode[] = [];
  for (const entry of Array.isArray(q.supernodes) ? q.supernodes : []) {
    if (!Array.isArray(entry) || typeof entry[0] !== "string") continue;
    const ids = entry
      .slice(1)
      .map(idOf)
      .filter((x): x is string => x !== null);
    if (ids.length > 0) supernodes.push({ name: entry[0], ids });
  }
  return { graph, pinned, supernodes, ambiguous };
}

/** Parse a file's text: JSON only (never evaluated), then `readCircuitTracerJson`. */
export function parseCircuitTracerText(text: string): CtFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CtJsonError(
      "circuitsPanels.file.notJson",
      {},
      e instanceof Error ? e.message : String(e),
    );
  }
  return readCircuitTracerJson(json);
}

/** The graph of a circuit-tracer file (issue 15's name for `readCircuitTracerJson(json).graph`). */
export function fromCircuitTracerJson(json: unknown): CGraph {
  return readCircuitTracerJson(json).graph;
}

/** A node's id in circuit-tracer's file (errors get back their `0_{layer}_{pos}`). */
export function fileNodeId(n: CNode): string {
  return n.kind === "error" ? `0_${n.layer ?? 0}_${n.pos}` : n.hookId;
}

function toCtNode(n: CNode, topLogit: number | null): CTNode {
  const common = { node_id: fileNodeId(n), layer: n.ctLayer, ctx_idx: n.pos };
  const influence = n.cumulative ?? undefined;
  if (n.kind === "feature") {
    const layer = n.layer ?? 0;
    const f = n.feature ?? 0;
    const node: CTNode = { ...common, feature: cantor(layer, f), feature_type: "cross layer transcoder",
      jsNodeId: `${layer}_${f}-0`, influence, clerp: n.label ?? "" }; // prettier-ignore
    if (n.activation !== null) node.activation = n.activation;
    return node;
  }
  if (n.kind === "error") {
    return { ...common, feature: -1, feature_type: "mlp reconstruction error", jsNodeId: `${n.layer ?? 0}_${n.pos}-0`,
      influence }; // prettier-ignore
  }
  if (n.kind === "embedding") {
    return { ...common, feature: n.pos, feature_type: "embedding", jsNodeId: `E_${n.tokenId ?? 0}-${n.pos}`,
      influence }; // prettier-ignore
  }
  const p = n.probability ?? 0;
  return {
    ...common,
    feature: n.tokenId ?? 0,
    feature_type: "logit",
    token_prob: p,
    is_target_logit: n.tokenId === topLogit,
    jsNodeId: `L_${n.tokenId ?? 0}-${n.pos}`,
    clerp: `Output "${n.token ?? ""}" (p=${p.toFixed(3)})`,
  };
}

/** What part of the graph to write: node and edge indices (default: all of it). */
export interface CtSelection {
  nodes?: ReadonlySet<number>;
  edges?: readonly number[];
}

/**
 * The graph as circuit-tracer's JSON: the selected nodes (tokens and logits always) and the selected edges between
 * them, `pinned`/`supernodes` (ids of `CNode`s) in `qParams`. `scores` is written only when the graph has them
 * (a file circuit-tracer wrote has none; glassbox's schema requires them, circuit-tracer's viewer ignores them).
 */
export function toCircuitTracerJson(
  g: CGraph,
  view: {
    pinned?: readonly string[];
    supernodes?: readonly Supernode[];
    selection?: CtSelection;
    slug?: string;
    /** the node threshold the selection was pruned at (default: the graph's) */
    nodeThreshold?: number;
  } = {},
): CircuitTracerGraph | Omit<CircuitTracerGraph, "scores"> {
  const keep = (i: number) => view.selection?.nodes?.has(i) ?? true;
  const kept: number[] = [];
  g.nodes.forEach((n, i) => {
    if (keep(i) || n.kind === "embedding" || n.kind === "logit") kept.push(i);
  });
  const keptSet = new Set(kept);
  const edgeIdx = view.selection?.edges ?? g.edges.map((_, i) => i);
  const top = g.logitTargets[0]?.tokenId ?? null;
  const fileIds = new Map(g.nodes.map((n) => [n.id, fileNodeId(n)]));
  const links: CTLink[] = [];
  for (const i of edgeIdx) {
    const e = g.edges[i];
    if (!e || !keptSet.has(e.s) || !keptSet.has(e.t)) continue;
    const s = g.nodes[e.s];
    const t = g.nodes[e.t];
    if (s && t)
      links.push({ source: fileNodeId(s), target: fileNodeId(t), weight: e.w });
  }
  const present = new Set(kept.map((i) => g.nodes[i]?.id));
  const asFileIds = (ids: readonly string[]) =>
    ids.filter((id) => present.has(id)).map((id) => fileIds.get(id) ?? id);
  const out: Omit<CircuitTracerGraph, "scores"> & {
    scores?: CircuitTracerGraph["scores"];
  } = {
    metadata: {
      slug: view.slug ?? "glassbox-graph",
      scan: g.model,
      transcoder_list: g.transcoders === "" ? [] : g.transcoders.split(", "),
      prompt_tokens: g.tokens,
      prompt: g.prompt,
      node_threshold: view.nodeThreshold ?? g.nodeThreshold,
      schema_version: 1,
    },
    qParams: {
      pinnedIds: asFileIds(view.pinned ?? []),
      supernodes: (view.supernodes ?? []).map((s) => [
        s.name,
        ...asFileIds(s.ids),
      ]),
      linkType: "both",
      clickedId: "",
      sg_pos: "",
    },
    nodes: kept.map((i) => toCtNode(g.nodes[i] as CNode, top)),
    links,
  };
  if (g.scores)
    out.scores = {
      replacement: g.scores.replacement,
      completeness: g.scores.completeness,
    };
  return out;
}
