/**
 * Places in the model, as the server sends them (`Site`: `{layer, part}`), worded in the reader's language.
 * The browser never parses a label: it matches sites by structure and words them through the i18n catalog.
 */
import type { Site } from "../generated/schema";
import type { MessageKey } from "../i18n/catalogs";
import { t } from "../i18n/i18n.svelte";

export type SitePart = Site["part"];

const SITE_KEY: Record<SitePart, MessageKey> = {
  embed: "detail.site.embed",
  pos_embed: "detail.site.pos_embed",
  attn: "detail.site.attn",
  mlp: "detail.site.mlp",
  attn_mlp: "detail.site.attn_mlp",
  block: "detail.site.block",
  ln1: "detail.site.ln1",
  ln2: "detail.site.ln2",
  ln_final: "detail.site.ln_final",
  unembed: "detail.site.unembed",
  ple: "detail.site.ple",
};

/** The site in words, e.g. {layer: 3, part: "attn"} → "L3 attn" (English). */
export function siteLabel(site: Site): string {
  return t(SITE_KEY[site.part], { layer: site.layer ?? "" });
}

/** Is `site` the place `part` of block `layer` (`null`: outside the blocks)? */
export function isSite(site: Site, layer: number | null, part: SitePart): boolean {
  return (site.layer ?? null) === layer && site.part === part;
}

/** A stable key for a site (keyed `#each` blocks, lookups). */
export function siteKey(site: Site): string {
  return `${site.layer ?? ""}:${site.part}`;
}
