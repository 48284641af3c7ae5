/**
 * Beginner or expert, as reactive state: remembered (localStorage, like the theme). A first visit (nothing
 * remembered) is a beginner's, with the guided tour open; an expert sees the views alone.
 */
import { tourSkipped } from "./logic";

export const MODES = ["beginner", "expert"] as const;
export type Mode = (typeof MODES)[number];

const KEY = "glassbox.mode";

export function isMode(x: unknown): x is Mode {
  return typeof x === "string" && (MODES as readonly string[]).includes(x);
}

/** The remembered mode, or null on a first visit (or where storage is unavailable). */
export function savedMode(storage: Pick<Storage, "getItem"> | null = safeStorage()): Mode | null {
  try {
    const saved = storage?.getItem(KEY) ?? null;
    return isMode(saved) ? saved : null;
  } catch {
    return null;
  }
}

/** The mode a visit starts in: the remembered one, else beginner. */
export function startingMode(saved: Mode | null): Mode {
  return saved ?? "beginner";
}

/** Does the tour open when the page loads? In beginner mode, unless the URL says `tour=0`. */
export function tourOpensAtStart(mode: Mode, search: string): boolean {
  return mode === "beginner" && !tourSkipped(search);
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

export const mode = $state<{ value: Mode }>({ value: startingMode(savedMode()) });

export function setMode(value: Mode, persist = true, storage: Pick<Storage, "setItem"> | null = safeStorage()): void {
  mode.value = value;
  if (!persist) return;
  try {
    storage?.setItem(KEY, value);
  } catch {
    // private mode: the choice lasts until the page closes
  }
}
