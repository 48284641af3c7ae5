/**
 * Which view the page shows ("next": the next-token view, "detail": inside the model, "training", "why"), and keeping
 * the URL in step with everything a link must reproduce.
 */
import { locationHost, type StateHost } from "./host";
import { readView, type View } from "./url";

export class Router {
  view = $state<View>("next");

  constructor(search: string) {
    this.view = readView(search);
  }

  open(view: View): void {
    this.view = view;
  }
}

/** history.replaceState costs several milliseconds, which a slider move cannot spend if the bars are to follow
 * within a frame: the URL follows a quarter of a second later. */
const URL_DEBOUNCE_MS = 250;

/**
 * Keep the host's state (`location.search` on a page of its own, the widget model's `query` in a notebook) equal
 * to `search()` (null: nothing to write yet). Call while a component initialises: the effect lives as long as that
 * component.
 */
export function keepUrlInStep(search: () => string | null, host: StateHost = locationHost()): void {
  $effect(() => {
    const wanted = search();
    if (wanted === null) return;
    const timer = setTimeout(() => {
      if (wanted !== host.search) host.write(wanted);
    }, URL_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  });
}
