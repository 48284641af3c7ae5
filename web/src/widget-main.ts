/**
 * The entry of the notebook widget (`glassbox.widget()` / `glassbox.show()`, `src/glassbox/notebook.py`): an
 * anywidget ES module that mounts the same App on a KernelSource, which asks the Python kernel instead of a
 * server. Built as one self-contained module (`vite.widget.config.ts`), shipped in the package: no CDN, offline.
 */
import { mount, unmount } from "svelte";
import App from "./App.svelte";
import { contextWith } from "./lib/data/context";
import { KernelSource, type WidgetModel } from "./lib/data/kernel";
import { preferredLanguage, setLanguage } from "./lib/i18n/i18n.svelte";
import { readUrl } from "./lib/stores/url";
import "./app.css";

interface AnyModel extends WidgetModel {
  get(name: "query"): string;
  get(name: "height"): number;
}

async function render({
  model,
  el,
}: {
  model: AnyModel;
  el: HTMLElement;
}): Promise<() => void> {
  // The App reads its state (view, prompt, selection) from the page's query string, as a link carries it: the
  // widget's `query` (from glassbox.widget's arguments) becomes that query, keeping the notebook's path and hash.
  const query = model.get("query");
  if (query)
    history.replaceState(
      history.state,
      "",
      `${location.pathname}?${query}${location.hash}`,
    );
  const target = document.createElement("div");
  target.className = "glassbox-widget";
  target.style.minHeight = `${model.get("height")}px`;
  el.appendChild(target);
  const source = new KernelSource(model);
  await setLanguage(
    readUrl(location.search).lang ?? preferredLanguage(),
    false,
  );
  const app = mount(App, { target, context: contextWith(source) });
  return () => {
    void unmount(app);
    source.close();
    target.remove();
  };
}

export default { render };
