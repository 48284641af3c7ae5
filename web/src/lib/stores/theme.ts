/** Light, dark, or the system's choice; persisted, applied as `data-theme` on <html>. */
export const THEMES = ["auto", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

const KEY = "glassbox.theme";

export function initialTheme(): Theme {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved && (THEMES as readonly string[]).includes(saved)) return saved as Theme;
  } catch {
    // storage unavailable: follow the system
  }
  return "auto";
}

export function setTheme(theme: Theme, persist = false): void {
  document.documentElement.dataset.theme = theme;
  if (!persist) return;
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // ignore
  }
}
