/**
 * The notebook's own light or dark theme, for a widget whose theme is "Auto": JupyterLab says it on <body> as
 * `data-jp-theme-light="true|false"`, VS Code's notebooks as `data-vscode-theme-kind="vscode-light|vscode-dark|…"`.
 * "Auto" on a page of its own follows the system; inside a notebook it follows the notebook (`widget.css` reads the
 * root's `data-host-scheme`), so a widget in a dark JupyterLab is dark. Null: the host says nothing (marimo, a bare
 * page) and the system's preference stays in charge.
 */
export type HostScheme = "light" | "dark";

export function hostScheme(body: HTMLElement | null): HostScheme | null {
  if (!body) return null;
  const jupyter = body.dataset.jpThemeLight;
  if (jupyter === "true") return "light";
  if (jupyter === "false") return "dark";
  const vscode = body.dataset.vscodeThemeKind;
  if (vscode) return /dark|high-contrast(?!-light)/.test(vscode) ? "dark" : "light";
  return null;
}

/** Keep `root`'s `data-host-scheme` equal to the notebook's scheme as it changes; the returned function stops. */
export function followHostScheme(root: HTMLElement): () => void {
  const apply = () => {
    const scheme = hostScheme(document.body);
    if (scheme) root.dataset.hostScheme = scheme;
    else delete root.dataset.hostScheme;
  };
  apply();
  const observer = new MutationObserver(apply);
  observer.observe(document.body, { attributes: true, attributeFilter: ["data-jp-theme-light", "data-vscode-theme-kind"] });
  return () => observer.disconnect();
}
