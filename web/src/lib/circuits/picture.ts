/**
 * The Circuits view's graph as a picture file: an SVG document built from the graph's numbers (the nodes and edges
 * the thresholds keep, the prompt's tokens under their columns, the supernodes as labelled boxes, and a caption
 * with the model, the prompt and the thresholds), handed to the shared export helpers (`../export/picture.ts`) for
 * the SVG and PNG downloads.
 *
 * It uses the page's own layout (`./layout.ts`: layers as rows, token positions as columns) at zoom 1, so the file
 * shows what the page draws, whatever the reader's zoom and scroll; edges are lines here (the page paints them on
 * a canvas, which a file cannot hold as vectors). Every text goes through `esc`, so a token like `<script>` is text.
 */
import { SIGNED } from "../d3/colour";
import type { Picture } from "../export/picture";
import { layout, MARGIN, type Placed } from "./layout";
import type { CGraph, CNode } from "./model";
import type { Supernode } from "./state.svelte";

/** What the picture shows: the drawn nodes and edges (indices), supernodes, thresholds, and the caption's words. */
export interface PictureInput {
  graph: CGraph;
  nodes: ReadonlySet<number>;
  edges: readonly number[];
  supernodes: readonly Supernode[];
  nodeThreshold: number;
  edgeThreshold: number;
  /** the caption's lines (translated by the caller): model, prompt, thresholds */
  caption: readonly string[];
  /** each row's label, bottom (embeddings) to top (logits), as the page words them; default E, L0…, n_layers + 1 */
  rowLabels?: readonly string[];
}

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const KIND_FILL: Record<CNode["kind"], string> = {
  feature: "#9ecae1",
  error: "#bdbdbd",
  embedding: "#fdd0a2",
  logit: SIGNED.positive,
};

const CAPTION_LINE = 16;
/** the box drawn around a supernode's members, this far outside their circles */
export const BOX_PAD = 6;

/** The box around a supernode's drawn members (null when none of them is drawn): shared with the page's drawing. */
export function supernodeBox(
  ids: readonly string[],
  indexOf: ReadonlyMap<string, number>,
  at: ReadonlyMap<number, Placed>,
): { x: number; y: number; w: number; h: number } | null {
  const pts = ids.map((id) => at.get(indexOf.get(id) ?? -1)).filter((p): p is Placed => p !== undefined);
  if (pts.length === 0) return null;
  const x0 = Math.min(...pts.map((p) => p.x - p.r)) - BOX_PAD;
  const x1 = Math.max(...pts.map((p) => p.x + p.r)) + BOX_PAD;
  const y0 = Math.min(...pts.map((p) => p.y - p.r)) - BOX_PAD;
  const y1 = Math.max(...pts.map((p) => p.y + p.r)) + BOX_PAD;
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

const f1 = (x: number) => x.toFixed(1);

/** The SVG document with its size (the export helpers' `Picture`): one `<circle class="node" data-node-id>` per
 * drawn node, one `<line class="edge">` per drawn edge, a `<g class="supernode">` box per supernode with members
 * drawn, and a `<text class="caption">` per caption line. */
export function graphPicture(input: PictureInput): Picture {
  const { graph: g } = input;
  const lay = layout(g, input.nodes);
  // the token labels are slanted down-left from their column: room on the left for the longest of them
  // (about 6.5 px a character at 11 px, cos 35° of it horizontally)
  const dx = Math.ceil(Math.max(0, ...lay.columns.map((c, p) => 5.4 * (g.tokens[p]?.length ?? 0) - c.cx + 4)));
  const captionTop = lay.height + 8;
  // wide enough for the longest caption line too
  const longest = Math.max(0, ...input.caption.map((l) => l.length));
  const width = Math.ceil(Math.max(lay.width + dx, 16 + 6.5 * longest));
  const height = captionTop + CAPTION_LINE * input.caption.length + 8;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
      ` font-family="system-ui, sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g transform="translate(${dx}, 0)">`,
  ];
  lay.rows.forEach((y, r) => {
    const label =
      input.rowLabels?.[r] ?? (r === 0 ? "E" : r === g.nLayers + 1 ? String(g.nLayers + 1) : `L${r - 1}`);
    parts.push(
      `<line x1="${MARGIN.left - 6}" x2="${f1(lay.width - MARGIN.right)}" y1="${y}" y2="${y}" stroke="#e3e3e3"/>`,
      `<text x="4" y="${y + 4}" fill="#555">${esc(label)}</text>`,
    );
  });
  let maxW = 0;
  for (const i of input.edges) maxW = Math.max(maxW, Math.abs(g.edges[i]?.w ?? 0));
  const edgeParts: string[] = [];
  for (const i of input.edges) {
    const e = g.edges[i];
    const a = e && lay.at.get(e.s);
    const b = e && lay.at.get(e.t);
    if (!e || !a || !b) continue;
    const w = maxW > 0 ? 0.5 + 3 * (Math.abs(e.w) / maxW) : 1;
    edgeParts.push(
      `<line class="edge" x1="${f1(a.x)}" y1="${f1(a.y)}" x2="${f1(b.x)}" y2="${f1(b.y)}"` +
        ` stroke="${e.w >= 0 ? SIGNED.positive : SIGNED.negative}" stroke-opacity="0.6"` +
        ` stroke-width="${w.toFixed(2)}" data-weight="${e.w}"/>`,
    );
  }
  parts.push(`<g class="edges">${edgeParts.join("")}</g>`);
  const indexOf = new Map(g.nodes.map((n, i) => [n.id, i]));
  for (const s of input.supernodes) {
    const box = supernodeBox(s.ids, indexOf, lay.at);
    if (!box) continue;
    parts.push(
      `<g class="supernode" data-name="${esc(s.name)}"><rect x="${f1(box.x)}" y="${f1(box.y)}" width="${f1(box.w)}"` +
        ` height="${f1(box.h)}" rx="6" fill="#6a51a3" fill-opacity="0.08" stroke="#6a51a3" stroke-width="1.5"/>` +
        `<text x="${f1(box.x)}" y="${f1(box.y - 3)}" fill="#3f007d" font-weight="600">${esc(s.name)}</text></g>`,
    );
  }
  const nodeParts: string[] = [];
  for (const [i, p] of lay.at) {
    const n = g.nodes[i] as CNode;
    nodeParts.push(
      `<circle class="node" data-node-id="${esc(n.hookId)}" data-kind="${n.kind}" cx="${f1(p.x)}" cy="${f1(p.y)}"` +
        ` r="${f1(p.r)}" fill="${KIND_FILL[n.kind]}" stroke="#333" stroke-width="0.8"` +
        `${n.kind === "error" ? ' stroke-dasharray="2 1.5"' : ""}><title>${esc(n.label ?? n.token ?? n.id)}</title></circle>`,
    );
    if (n.kind === "logit" && n.token !== null) {
      parts.push(`<text x="${f1(p.x)}" y="${f1(p.y - p.r - 4)}" text-anchor="middle">${esc(n.token)}</text>`);
    }
  }
  parts.push(`<g class="nodes">${nodeParts.join("")}</g>`);
  const yTok = (lay.rows[0] ?? 0) + 18;
  lay.columns.forEach((c, pos) => {
    parts.push(
      `<text class="token" text-anchor="end" transform="translate(${f1(c.cx)}, ${yTok}) rotate(-35)">` +
        `${esc(g.tokens[pos] ?? "")}</text>`,
    );
  });
  parts.push(`</g>`);
  input.caption.forEach((line, i) => {
    parts.push(`<text class="caption" x="8" y="${captionTop + CAPTION_LINE * (i + 1) - 4}" fill="#333">${esc(line)}</text>`);
  });
  parts.push(`</svg>`);
  return { svg: parts.join("\n"), width, height };
}
