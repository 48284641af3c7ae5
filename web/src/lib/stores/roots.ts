/**
 * The elements that carry the app's document-wide attributes — the theme (`data-theme`) and the language (`lang`).
 * A page of its own puts them on <html>; a notebook widget on its own root element (`widget-main.ts` adds it here),
 * so the notebook page keeps its own theme and language, and the widget's scoped stylesheet (`:root` rewritten to
 * the widget's root class, `lib/widget/scope-css.ts`) reads the theme from that element.
 */
const roots = new Set<HTMLElement>();

/** Make `el` carry the attributes (instead of <html>) until the returned function is called. */
export function addAppRoot(el: HTMLElement): () => void {
  roots.add(el);
  return () => void roots.delete(el);
}

/** The elements to write the attributes on: the added roots, or <html> when there are none (nothing outside a browser). */
export function appRoots(): HTMLElement[] {
  if (roots.size) return [...roots];
  return typeof document === "undefined" ? [] : [document.documentElement];
}
