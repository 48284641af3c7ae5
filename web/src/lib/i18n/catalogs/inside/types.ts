import type { insideEn } from "./en";

/** Every language's strings for the "Inside the model" fixes (head stages, attention maps, lens) have exactly the English keys. */
export type InsideCatalog = Record<keyof typeof insideEn, string>;
