/**
 * A notebook widget's state host: the app's state lives in the widget model's `query` trait (synced with Python's
 * `GlassboxWidget.query`, `src/glassbox/notebook.py`), never in the notebook page's address — so two widgets in one
 * notebook each keep their own view and selection, JupyterLab's URL is left alone, and `widget.query` in Python
 * reads what the reader is looking at.
 */
import type { StateHost } from "../stores/host";

/** The part of anywidget's model the host uses (a fake one in the tests). */
export interface QueryModel {
  get(name: "query"): string;
  set(name: "query", value: string): void;
  save_changes(): void;
}

/** `query` without its "?" (the trait holds it as glassbox.widget wrote it: `view=detail&layer=1`). */
export function bareQuery(search: string): string {
  return search.startsWith("?") ? search.slice(1) : search;
}

/** Parameters the app reads only when it starts, never writes back (`tour=0`: the guided tour stays shut); kept,
 * so the same widget displayed again (another cell showing `w`) starts as the first display did. */
const START_ONLY = ["tour"] as const;

function withStartOnly(query: string, previous: string): string {
  const next = new URLSearchParams(query);
  const before = new URLSearchParams(previous);
  for (const name of START_ONLY) {
    const value = before.get(name);
    if (value !== null && !next.has(name)) next.set(name, value);
  }
  return next.toString();
}

export function widgetHost(model: QueryModel): StateHost {
  return {
    get search() {
      const query = model.get("query");
      return query ? `?${bareQuery(query)}` : "";
    },
    write(search) {
      const query = withStartOnly(bareQuery(search), bareQuery(model.get("query")));
      if (query === bareQuery(model.get("query"))) return;
      model.set("query", query);
      model.save_changes(); // to the kernel: `widget.query` follows the reader
    },
    // a notebook has no address to reopen: the link is the state itself, a query to append to any glassbox page's
    // address (`glassbox serve`, an export) or to pass back as glassbox.widget's keywords
    link(search) {
      return search;
    },
  };
}
