/** The "Why?" view's sections and its part of the URL (`why=<section>`), so a link opens the same section. */
export const SECTIONS = [
  "attribution",
  "generation",
  "patching",
  "score",
] as const;
export type Section = (typeof SECTIONS)[number];

function isSection(x: unknown): x is Section {
  return typeof x === "string" && (SECTIONS as readonly string[]).includes(x);
}

export function readWhyUrl(search: string): { section?: Section } {
  const section = new URLSearchParams(search).get("why");
  return isSection(section) ? { section } : {};
}

export function writeWhyUrl(s: { section: Section }): string {
  return new URLSearchParams({ why: s.section }).toString();
}
