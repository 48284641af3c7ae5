/**
 * Whether the glossary is open and at which term: module state, so any `Term` link anywhere in the page (a caption
 * in any view) can open it without being handed anything.
 */
import type { TermId } from "./terms";

export const glossary = $state<{ open: boolean; term: TermId | null; query: string; seq: number }>({
  open: false,
  term: null,
  query: "",
  seq: 0,
});

/** the element focused when the glossary opened: focus goes back there when it closes */
let opener: HTMLElement | null = null;

/** Open the glossary, at `term` when given (its filter cleared, so the entry is shown). */
export function openGlossary(term?: TermId): void {
  if (!glossary.open && typeof document !== "undefined" && document.activeElement instanceof HTMLElement) {
    opener = document.activeElement;
  }
  glossary.term = term ?? null;
  if (term) glossary.query = "";
  glossary.open = true;
  glossary.seq += 1; // the same term asked for again still scrolls to it
}

export function closeGlossary(): void {
  glossary.open = false;
  const back = opener;
  opener = null;
  if (back?.isConnected) back.focus();
}
