import { afterEach, describe, expect, it } from "vitest";
import { followHostScheme, hostScheme } from "./host-scheme";

function body(attrs: Record<string, string>): HTMLElement {
  const el = document.createElement("body");
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

afterEach(() => {
  document.body.removeAttribute("data-jp-theme-light");
});

describe("hostScheme", () => {
  it("reads JupyterLab's and VS Code's theme, and nothing from a page that says none", () => {
    expect(hostScheme(body({ "data-jp-theme-light": "false" }))).toBe("dark");
    expect(hostScheme(body({ "data-jp-theme-light": "true" }))).toBe("light");
    expect(hostScheme(body({ "data-vscode-theme-kind": "vscode-dark" }))).toBe("dark");
    expect(hostScheme(body({ "data-vscode-theme-kind": "vscode-high-contrast" }))).toBe("dark");
    expect(hostScheme(body({ "data-vscode-theme-kind": "vscode-high-contrast-light" }))).toBe("light");
    expect(hostScheme(body({ "data-vscode-theme-kind": "vscode-light" }))).toBe("light");
    expect(hostScheme(body({}))).toBeNull();
    expect(hostScheme(null)).toBeNull();
  });

  it("follows a theme switched while the widget is shown", async () => {
    const root = document.createElement("div");
    const stop = followHostScheme(root);
    expect(root.dataset.hostScheme).toBeUndefined();
    document.body.setAttribute("data-jp-theme-light", "false");
    await Promise.resolve(); // mutation observers run as microtasks
    expect(root.dataset.hostScheme).toBe("dark");
    document.body.setAttribute("data-jp-theme-light", "true");
    await Promise.resolve();
    expect(root.dataset.hostScheme).toBe("light");
    stop();
    document.body.setAttribute("data-jp-theme-light", "false");
    await Promise.resolve();
    expect(root.dataset.hostScheme).toBe("light");
  });
});
