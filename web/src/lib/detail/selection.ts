/** The detailed view's selection: its panels, its part of the URL, and wrapping navigation. */
export const PANELS = ["embedding", "attention", "heads", "mlp", "residual", "lens", "contributions"] as const;
export type Panel = (typeof PANELS)[number];

export function isPanel(x: unknown): x is Panel {
  return typeof x === "string" && (PANELS as readonly string[]).includes(x);
}

export interface DetailUrl {
  panel?: Panel;
  layer?: number;
  head?: number;
  pos?: number;
  /** the overview's open block (its layer) */
  block?: number;
  /** the overview shows every block, not only the selected one */
  allBlocks?: boolean;
}

/** The detailed view's part of the URL (`panel`, `layer`, `head`, `pos`; the overview's `block` and `blocks=all`). */
export function readDetailUrl(search: string): DetailUrl {
  const q = new URLSearchParams(search);
  const out: DetailUrl = {};
  const panel = q.get("panel");
  if (isPanel(panel)) out.panel = panel;
  if (q.get("blocks") === "all") out.allBlocks = true;
  for (const key of ["layer", "head", "pos", "block"] as const) {
    const raw = q.get(key);
    if (raw === null || raw.trim() === "") continue;
    const v = Number(raw);
    if (Number.isInteger(v) && v >= 0) out[key] = v;
  }
  return out;
}

export function writeDetailUrl(s: { panel: Panel; layer: number; head: number; pos: number }): string {
  return new URLSearchParams({ panel: s.panel, layer: String(s.layer), head: String(s.head), pos: String(s.pos) }).toString();
}

/** Keep `i` inside [0, n) (wrapping), for keyboard navigation. */
export function wrap(i: number, n: number): number {
  return n <= 0 ? 0 : ((i % n) + n) % n;
}

/** 0, 1, …, n − 1 (for `{#each}` over a count). */
export function range(n: number): number[] {
  return Array.from({ length: Math.max(0, n) }, (_, i) => i);
}
