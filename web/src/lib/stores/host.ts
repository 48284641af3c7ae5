/**
 * Where the app keeps its state — the query string a link carries (view, prompt, selection) — while it runs.
 *
 * A page of its own keeps it in the address bar (`locationHost`), so a reload or a copied link reopens the same
 * moment. A notebook widget must not: the notebook page's address belongs to JupyterLab, two widgets in one
 * notebook would share (and fight over) it, and reopening the notebook would hand one widget's state to all of
 * them — so a widget keeps its state in its own widget model instead (`lib/widget/host.ts`). The App is given its
 * host when it is mounted (`App.svelte`'s `host` prop) and offers it to the views through context.
 */
import { getContext, setContext } from "svelte";

export interface StateHost {
  /** the state now, as a query string ("?model=…&view=…", or "" when there is none yet) */
  readonly search: string;
  /** keep `search` (a query string beginning with "?") as the state */
  write(search: string): void;
  /** what "Copy link" copies for the state `search` */
  link(search: string): string;
}

/** The address bar: the standalone page, the static export. */
export function locationHost(): StateHost {
  return {
    get search() {
      return window.location.search;
    },
    write(search) {
      if (search !== window.location.search) history.replaceState(null, "", search);
    },
    link(search) {
      // from href, not origin: a page opened from file:// (a static export) has the origin "null"
      return `${window.location.href.split(/[?#]/)[0] ?? ""}${search}`;
    },
  };
}

const KEY = Symbol("glassbox.state-host");

/** Offer `host` to the components below the caller (App does, while it initialises). */
export function provideStateHost(host: StateHost): void {
  setContext(KEY, host);
}

/** The host the App was mounted with; the address bar where none was given (a component mounted alone in a test). */
export function useStateHost(): StateHost {
  return getContext<StateHost | undefined>(KEY) ?? locationHost();
}
