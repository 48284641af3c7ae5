/** The pure half of the per-view URL parts (`links.svelte.ts` holds the registry): names and serialisation. */

/** A view's parameters; null, undefined and "" are left out of the URL. */
export type UrlParams = Record<string, string | number | boolean | null | undefined>;
export type UrlPartWriter = () => UrlParams;

/** The parameters every link carries (`stores/url.ts`): a view's part must use other names. */
export const COMMON_PARAMS = ["model", "prompt", "t", "k", "p", "minp", "seed", "lang", "gen", "view", "tour"] as const;

/** The query text of a set of parameters, in their order, empty values left out. */
export function paramsText(params: UrlParams): string {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    // a view may not take a common name: that would change what every other view reads from the link
    if ((COMMON_PARAMS as readonly string[]).includes(name)) continue;
    pairs.push([name, String(value)]);
  }
  return new URLSearchParams(pairs).toString();
}
