/**
 * The entry of the notebook widget (`glassbox.widget()` / `glassbox.show()`, `src/glassbox/notebook.py`): an
 * anywidget ES module that mounts the same App on a KernelSource, which asks the Python kernel instead of a
 * server. Built as one self-contained module (`vite.widget.config.ts`), shipped in the package: no CDN, offline.
 *
 * A widget is a guest on the notebook's page: its state lives in its own widget model (`lib/widget/host.ts`), never
 * in the page's address, its theme and language go on its own root element (`stores/roots.ts`), and its stylesheet
 * is scoped to that root at build time (`lib/widget/scope-css.ts`), so the notebook around it is left as it was.
 */
import { mount, unmount } from "svelte";
import App from "./App.svelte";
import { contextWith } from "./lib/data/context";
import { KernelSource, type WidgetModel } from "./lib/data/kernel";
import { preferredLanguage, setLanguage } from "./lib/i18n/i18n.svelte";
import { addAppRoot } from "./lib/stores/roots";
import { readUrl } from "./lib/stores/url";
import { widgetHost, type QueryModel } from "./lib/widget/host";
import { WIDGET_ROOT_CLASS } from "./lib/widget/root";
import { followHostScheme } from "./lib/widget/host-scheme";
import "./app.css";
import "./lib/widget/widget.css";

interface AnyModel extends WidgetModel, QueryModel {
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
  const target = document.createElement("div");
  target.className = WIDGET_ROOT_CLASS;
  target.style.minHeight = `${model.get("height")}px`;
  el.appendChild(target);
  const removeRoot = addAppRoot(target);
  const stopScheme = followHostScheme(target);
  const host = widgetHost(model);
  const source = new KernelSource(model);
  await setLanguage(readUrl(host.search).lang ?? preferredLanguage(), false);
  const app = mount(App, {
    target,
    props: { host },
    context: contextWith(source),
  });
  return () => {
    void unmount(app);
    source.close();
    removeRoot();
    stopScheme();
    target.remove();
  };
}

export default { render };
