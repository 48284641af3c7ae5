import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  cantor,
  CtJsonError,
  fileNodeId,
  fromCircuitTracerJson,
  parseCircuitTracerText,
  readCircuitTracerJson,
  toCircuitTracerJson,
} from "./ctjson";
import { graphPicture } from "./picture";
import { prune } from "./prune";

// the hand-written sample graph the e2e test opens too (not a file circuit-tracer wrote)
const SAMPLE_TEXT = readFileSync(
  resolve(
    __dirname,
    "../../../../tests/fixtures/circuits/sample_ct_graph.json",
  ),
  "utf-8",
);
const sample = () => JSON.parse(SAMPLE_TEXT) as Record<string, unknown>;

describe("fromCircuitTracerJson", () => {
  it("reads nodes with circuit-tracer's ids, errors as err_{layer}_{pos}, layers E and n_layers + 1", () => {
    const g = fromCircuitTracerJson(sample());
    expect(g.origin).toBe("circuit-tracer");
    expect(g.nLayers).toBe(2);
    expect(g.tokens).toEqual(["Cats", " <b>", " sat"]);
    expect(g.prompt).toBe("Cats <b> sat");
    expect(g.nodes.map((n) => n.id)).toEqual([
      "0_5_1", "1_7_2", "err_1_2", "E_10_0", "E_11_1", "E_12_2", "3_42_2", "3_43_2",
    ]); // prettier-ignore
    const f = g.nodes[1];
    expect(f).toMatchObject({
      kind: "feature",
      layer: 1,
      feature: 7,
      pos: 2,
      activation: 1.5,
      cumulative: 0.72,
    });
    expect(g.nodes[2]).toMatchObject({
      kind: "error",
      layer: 1,
      pos: 2,
      hookId: "err_1_2",
      ctLayer: "1",
    });
    expect(g.nodes[4]).toMatchObject({
      kind: "embedding",
      ctLayer: "E",
      tokenId: 11,
      token: " <b>",
      layer: null,
    });
    expect(g.nodes[6]).toMatchObject({
      kind: "logit",
      ctLayer: "3",
      tokenId: 42,
      token: " on",
      probability: 0.625,
    });
    expect(g.logitTargets).toEqual([
      { tokenId: 42, token: " on", prob: 0.625 },
      { tokenId: 43, token: " down", prob: 0.25 },
    ]);
    // the error's link arrives at the error node, not at some feature
    const errIdx = g.nodes.findIndex((n) => n.id === "err_1_2");
    expect(
      g.edges
        .filter((e) => e.s === errIdx)
        .map((e) => ({ t: g.nodes[e.t]?.id, w: e.w })),
    ).toEqual([{ t: "3_42_2", w: 0.5 }]);
    expect(g.edges).toHaveLength(7);
    expect(g.scores).toEqual({ replacement: 0.75, completeness: 0.875 });
  });

  it("draws a file's graph whole at its own thresholds: its nodes and edges are already pruned", () => {
    const g = fromCircuitTracerJson(sample());
    const kept = prune(
      g.nodes,
      g.edges,
      Math.min(g.nodeThreshold, g.nodeThresholdMax),
      g.edgeThreshold,
    );
    expect(kept.nodes.size).toBe(g.nodes.length);
    expect(kept.edges).toHaveLength(g.edges.length);
  });

  it("reads pins and supernodes from qParams", () => {
    const file = readCircuitTracerJson(sample());
    expect(file.ambiguous).toEqual([]);
    expect(file.pinned).toEqual(["0_5_1", "1_7_2"]);
    expect(file.supernodes).toEqual([
      { name: "cat-ness", ids: ["0_5_1", "1_7_2"] },
    ]);
  });

  it("keeps an error and a layer-0 feature with the same file id apart", () => {
    const json = sample();
    const nodes = json.nodes as Record<string, unknown>[];
    // a layer-0 feature 1 at position 2: circuit-tracer's id 0_1_2, the same as the layer-1 error's
    nodes.push({ node_id: "0_1_2", feature: cantor(0, 1), layer: "0", ctx_idx: 2,
      feature_type: "cross layer transcoder", jsNodeId: "0_1-0", activation: 0.5 }); // prettier-ignore
    const file = readCircuitTracerJson(json);
    expect(file.ambiguous).toEqual(["0_1_2"]);
    const ids = file.graph.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("0_1_2");
    expect(ids).toContain("err_1_2");
  });
});

describe("parse errors", () => {
  const key = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof CtJsonError
        ? [e.key, e.params]
        : ["other", String(e)];
    }
    return ["none"];
  };

  it("names what is wrong", () => {
    expect(key(() => parseCircuitTracerText("{not json"))).toEqual([
      "circuitsPanels.file.notJson",
      {},
    ]);
    expect(key(() => parseCircuitTracerText('{"a": 1}'))).toEqual([
      "circuitsPanels.file.notGraph",
      {},
    ]);
    expect(key(() => parseCircuitTracerText("[1, 2]"))).toEqual([
      "circuitsPanels.file.notGraph",
      {},
    ]);
    const badType = sample();
    (badType.nodes as Record<string, unknown>[])[3] = {
      node_id: "E_10_0",
      layer: "E",
      ctx_idx: 0,
      feature_type: "x",
    };
    expect(key(() => readCircuitTracerJson(badType))).toEqual([
      "circuitsPanels.file.badNode",
      { index: 3, what: "feature_type" },
    ]);
    const badPos = sample();
    (badPos.nodes as Record<string, unknown>[])[0] = {
      ...(badPos.nodes as Record<string, unknown>[])[0],
      ctx_idx: -1,
    };
    expect(key(() => readCircuitTracerJson(badPos))).toEqual([
      "circuitsPanels.file.badNode",
      { index: 0, what: "ctx_idx" },
    ]);
    const badLink = sample();
    (badLink.links as Record<string, unknown>[]).push({
      source: "nowhere",
      target: "3_42_2",
      weight: 1,
    });
    expect(key(() => readCircuitTracerJson(badLink))).toEqual([
      "circuitsPanels.file.badLink",
      { index: 7 },
    ]);
    const noWeight = sample();
    (noWeight.links as Record<string, unknown>[])[0] = {
      source: "E_11_1",
      target: "0_5_1",
      weight: "1",
    };
    expect(key(() => readCircuitTracerJson(noWeight))).toEqual([
      "circuitsPanels.file.badLink",
      { index: 0 },
    ]);
  });

  it("never evaluates the file: a token that looks like code stays text", () => {
    const json = sample();
    (json.metadata as Record<string, unknown>).prompt_tokens = [
      "alert(1)",
      "<script>x</script>",
      "${1+1}",
    ];
    const g = fromCircuitTracerJson(json);
    expect(g.tokens).toEqual(["alert(1)", "<script>x</script>", "${1+1}"]);
    expect(g.nodes.find((n) => n.id === "E_11_1")?.token).toBe(
      "<script>x</script>",
    );
  });
});

describe("toCircuitTracerJson", () => {
  it("round-trips: the saved file opens to the same graph, pins and supernodes", () => {
    const first = readCircuitTracerJson(sample());
    const saved = toCircuitTracerJson(first.graph, {
      pinned: first.pinned,
      supernodes: first.supernodes,
    });
    const again = readCircuitTracerJson(JSON.parse(JSON.stringify(saved)));
    expect(again.graph).toEqual(first.graph);
    expect(again.pinned).toEqual(first.pinned);
    expect(again.supernodes).toEqual(first.supernodes);
  });

  it("writes circuit-tracer's format: file ids (errors 0_{layer}_{pos}), Cantor features, qParams", () => {
    const { graph } = readCircuitTracerJson(sample());
    const saved = toCircuitTracerJson(graph, {
      pinned: ["err_1_2", "1_7_2"],
      supernodes: [{ name: "say “on”", ids: ["1_7_2", "err_1_2"] }],
      slug: "s",
    });
    expect(saved.qParams.pinnedIds).toEqual(["0_1_2", "1_7_2"]);
    expect(saved.qParams.supernodes).toEqual([["say “on”", "1_7_2", "0_1_2"]]);
    const byId = new Map(saved.nodes.map((n) => [n.node_id, n]));
    expect(byId.get("1_7_2")).toMatchObject({ feature: 43, layer: "1", ctx_idx: 2, jsNodeId: "1_7-0",
      feature_type: "cross layer transcoder", activation: 1.5, influence: 0.72 }); // prettier-ignore
    expect(byId.get("0_1_2")).toMatchObject({
      feature: -1,
      layer: "1",
      feature_type: "mlp reconstruction error",
    });
    expect(byId.get("3_42_2")).toMatchObject({
      token_prob: 0.625,
      is_target_logit: true,
      clerp: 'Output " on" (p=0.625)',
    });
    expect(byId.get("3_43_2")?.is_target_logit).toBe(false);
    expect(saved.metadata).toEqual({
      slug: "s",
      scan: "sample-2-layer",
      transcoder_list: [
        "sample-tc/layer_0.safetensors",
        "sample-tc/layer_1.safetensors",
      ],
      prompt_tokens: ["Cats", " <b>", " sat"],
      prompt: "Cats <b> sat",
      node_threshold: 0.8,
      schema_version: 1,
    });
    expect("scores" in saved && saved.scores).toEqual({
      replacement: 0.75,
      completeness: 0.875,
    });
    expect(graph.nodes.map(fileNodeId)).toEqual(
      sample().nodes &&
        (sample().nodes as { node_id: string }[]).map((n) => n.node_id),
    );
  });

  it("writes only the selected nodes and edges, tokens and logits always; no scores when the graph has none", () => {
    const { graph } = readCircuitTracerJson(sample());
    const noScores = { ...graph, scores: null };
    // keep the feature 0_5_1 (index 0) and the edges E_11_1 → 0_5_1 (0) and 0_1_2 → logit (4, dropped: error not kept)
    const saved = toCircuitTracerJson(noScores, {
      selection: { nodes: new Set([0]), edges: [0, 4] },
    });
    expect(saved.nodes.map((n) => n.node_id)).toEqual([
      "0_5_1",
      "E_10_0",
      "E_11_1",
      "E_12_2",
      "3_42_2",
      "3_43_2",
    ]);
    expect(saved.links).toEqual([
      { source: "E_11_1", target: "0_5_1", weight: 0.75 },
    ]);
    expect("scores" in saved).toBe(false);
  });
});

describe("graphPicture", () => {
  it("draws the selected nodes and edges, the supernode boxes, tokens as text and the caption", () => {
    const { graph, supernodes } = readCircuitTracerJson(sample());
    const nodes = new Set([0, 1, 3, 4, 5, 6, 7]);
    const { svg, width, height } = graphPicture({ graph, nodes, edges: [0, 1, 2, 3], supernodes, nodeThreshold: 0.8, edgeThreshold: 0.98,
      caption: ["sample · “Cats <b> sat”"] }); // prettier-ignore
    const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
    expect(doc.documentElement.getAttribute("width")).toBe(String(width));
    expect(doc.documentElement.getAttribute("height")).toBe(String(height));
    expect(doc.querySelector("parsererror")).toBeNull();
    expect(doc.querySelectorAll("circle.node")).toHaveLength(7);
    expect(doc.querySelectorAll("line.edge")).toHaveLength(4);
    expect(
      [...doc.querySelectorAll("g.supernode")].map((g) =>
        g.getAttribute("data-name"),
      ),
    ).toEqual(["cat-ness"]);
    expect(
      [...doc.querySelectorAll("text.token")].map((t) => t.textContent),
    ).toEqual(["Cats", " <b>", " sat"]);
    expect(doc.querySelector("b")).toBeNull();
    expect(doc.querySelector("text.caption")?.textContent).toBe(
      "sample · “Cats <b> sat”",
    );
    expect(doc.querySelector('circle[data-node-id="err_1_2"]')).toBeNull();
  });
});
