/**
 * The notebook widget's stylesheet, scoped to its root element: run on the built CSS by `vite.widget.config.ts`.
 *
 * The app's stylesheet is written for a page of its own — `:root` holds the colour variables and the theme,
 * `body` the font and background, and bare element selectors (`button`, `select`, `*`) style every element. Loaded
 * into a notebook as is, it would restyle JupyterLab itself. Here every selector is put under the widget's root
 * class: `:root`, `html` and `body` become the root element itself (so the variables, the theme's `data-theme` and
 * the font live on it), and everything else becomes a descendant of it. Every selector gains the same one class of
 * specificity (the three page-level ones keep theirs or gain one), so the order of the app's own rules holds.
 */
import postcss, { type AtRule, type Document, type Node, type Rule } from "postcss";

/** `:root`, `html` or `body` at the start of a selector, as a whole compound's type/pseudo (not `.body`, `html-x`). */
const PAGE_LEVEL = /^(?::root|html|body)(?![\w-])/;

/** One selector (no commas) under `scope`. */
export function scopeSelector(selector: string, scope: string): string {
  const s = selector.trim();
  if (s === scope || s.startsWith(`${scope} `) || s.startsWith(`${scope}[`) || s.startsWith(`${scope}:`)) return s;
  if (PAGE_LEVEL.test(s)) {
    // `html body x`, `:root body`: every page-level compound at the front is the root
    let rest = s;
    while (PAGE_LEVEL.test(rest)) rest = rest.replace(PAGE_LEVEL, "").replace(/^\s+(?=(?::root|html|body)(?![\w-]))/, "");
    return `${scope}${rest}`;
  }
  return `${scope} ${s}`;
}

function inKeyframes(rule: Rule): boolean {
  let node: Node | Document | undefined = rule.parent;
  while (node) {
    if (node.type === "atrule" && /keyframes$/i.test((node as AtRule).name)) return true;
    node = node.parent;
  }
  return false;
}

/** `css` with every rule's selectors under `.${rootClass}` (keyframe stops left as they are). */
export function scopeCss(css: string, rootClass: string): string {
  const scope = `.${rootClass}`;
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    if (inKeyframes(rule)) return;
    rule.selectors = rule.selectors.map((s) => scopeSelector(s, scope));
  });
  return root.toString();
}
