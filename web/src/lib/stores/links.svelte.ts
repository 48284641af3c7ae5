/**
 * Links are state: the registry of per-view URL parts. The page's URL is `writeUrl`'s common part (model, prompt,
 * sampling settings, language, generated tokens), then `view=<id>`, then the part the open view registered here —
 * its selection (layer, head, position, tab, method, checkpoint…). A view adds its parameters by registering a
 * writer once (`registerUrlPart("circuits", () => ({ node: … }))`) and reading them back from `location.search`
 * when it is built; nothing else changes. Writers are read inside the effect that keeps the URL in step
 * (`router.svelte.ts`), so every piece of state they read moves the URL. Parameter names are documented in
 * `docs/links.md`; they must not collide with the common ones (`COMMON_PARAMS`).
 */

import { paramsText, type UrlPartWriter } from "./url-parts";

export { COMMON_PARAMS, paramsText, type UrlParams, type UrlPartWriter } from "./url-parts";

let parts = $state.raw<Readonly<Record<string, UrlPartWriter>>>({});

/** Register (or replace) `view`'s URL part; the returned function removes it again. */
export function registerUrlPart(view: string, write: UrlPartWriter): () => void {
  parts = { ...parts, [view]: write };
  return () => {
    if (parts[view] !== write) return;
    parts = Object.fromEntries(Object.entries(parts).filter(([name]) => name !== view));
  };
}

/** `view`'s part of the URL ("" when it registered none). */
export function urlPart(view: string): string {
  const write = parts[view];
  return write ? paramsText(write()) : "";
}
