/**
 * The "Why?" view's part of the URL, so a link opens the same section with the same main choices:
 * `why=<section>`, `method=<attribution method>`, `target=<token>`, `foil=<token>`, `gmethod=<method across a
 * generation>`, `site=<patching site>`. A token is its id when the value is all digits, else the typed text.
 * A value this view does not know is left out (the form keeps its default).
 */
export const SECTIONS = [
  "attribution",
  "generation",
  "patching",
  "score",
] as const;
export type Section = (typeof SECTIONS)[number];

/** The attribution methods (here, not in `state.svelte.ts`, so the URL code needs no runes). */
export const METHODS = [
  "gradient_x_input",
  "integrated_gradients",
  "occlusion",
  "shapley",
] as const;
export type Method = (typeof METHODS)[number];
export const SITES = [
  "resid_pre",
  "attn_out",
  "mlp_out",
  "head_result",
] as const;
export type PatchSite = (typeof SITES)[number];

/** A token as a form names it: an id picked from the candidates, or a typed text (exactly one token). */
export type TokenChoice = number | string | null;

const oneOf =
  <T extends string>(list: readonly T[]) =>
  (x: unknown): x is T =>
    typeof x === "string" && (list as readonly string[]).includes(x);
const isSection = oneOf(SECTIONS);
const isMethod = oneOf(METHODS);
const isSite = oneOf(SITES);

export interface WhyUrl {
  section?: Section;
  method?: Method;
  target?: TokenChoice;
  foil?: TokenChoice;
  genMethod?: Method;
  site?: PatchSite;
}

/** A token from the URL: digits are an id (at most 9 of them), other text is typed text (at most 200 chars). */
function readToken(raw: string | null): TokenChoice | undefined {
  if (raw === null || raw === "" || raw.length > 200) return undefined;
  if (/^\d+$/.test(raw)) return raw.length <= 9 ? Number(raw) : undefined;
  return raw;
}

export function readWhyUrl(search: string): WhyUrl {
  const q = new URLSearchParams(search);
  const out: WhyUrl = {};
  const section = q.get("why");
  if (isSection(section)) out.section = section;
  const method = q.get("method");
  if (isMethod(method)) out.method = method;
  const genMethod = q.get("gmethod");
  if (isMethod(genMethod)) out.genMethod = genMethod;
  const site = q.get("site");
  if (isSite(site)) out.site = site;
  const target = readToken(q.get("target"));
  if (target !== undefined) out.target = target;
  const foil = readToken(q.get("foil"));
  if (foil !== undefined) out.foil = foil;
  return out;
}

/** The parameters of the open section only: the others' choices do not change what a link shows. */
export function whyUrlParams(s: {
  section: Section;
  method?: Method;
  target?: TokenChoice;
  foil?: TokenChoice;
  genMethod?: Method;
  site?: PatchSite;
}): Record<string, string> {
  const out: Record<string, string> = { why: s.section };
  if (s.section === "attribution") {
    if (s.method) out.method = s.method;
    if (s.target != null && s.target !== "") out.target = String(s.target);
    if (s.foil != null && s.foil !== "") out.foil = String(s.foil);
  } else if (s.section === "generation" && s.genMethod) out.gmethod = s.genMethod;
  else if (s.section === "patching" && s.site) out.site = s.site;
  return out;
}

export function writeWhyUrl(s: Parameters<typeof whyUrlParams>[0]): string {
  return new URLSearchParams(whyUrlParams(s)).toString();
}
