import type { helpEn } from "./en";

/** Every language's help strings (per view, per panel, the scale panel) have exactly the English keys. */
export type HelpCatalog = Record<keyof typeof helpEn, string>;
