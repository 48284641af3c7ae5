/** Light, dark, or the system's choice, as reactive state: persisted, applied as `data-theme` on <html> (on a
 * notebook widget's root instead, `stores/roots.ts`). */
import { appRoots } from "./roots";

export const THEMES = ["auto", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

const KEY = "glassbox.theme";

function savedTheme(): Theme {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved && (THEMES as readonly string[]).includes(saved)) return saved as Theme;
  } catch {
    // storage unavailable: follow the system
  }
  return "auto";
}

export const theme = $state<{ value: Theme }>({ value: savedTheme() });

export function setTheme(value: Theme, persist = false): void {
  theme.value = value;
  for (const root of appRoots()) root.dataset.theme = value;
  if (!persist) return;
  try {
    localStorage.setItem(KEY, value);
  } catch {
    // private mode: the choice lasts until the page closes
  }
}
