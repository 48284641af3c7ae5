/**
 * The data source as Svelte context: the host that mounts the app (the page's `main.ts`, a notebook widget, a
 * test) chooses the source; every component below reads it with `useSource()`, never a module-level client.
 */
import { getContext } from "svelte";
import type { DataSource } from "./source";

const KEY = Symbol("glassbox.source");

/** The context map to mount (or render) a component tree with, e.g. `mount(App, { target, context })`. */
export function contextWith(source: DataSource): Map<symbol, DataSource> {
  return new Map([[KEY, source]]);
}

/** The source this component tree was mounted with (call during component initialisation). */
export function useSource(): DataSource {
  const source = getContext<DataSource | undefined>(KEY);
  if (!source) throw new Error("no data source in context: mount the app with contextWith(source)");
  return source;
}
