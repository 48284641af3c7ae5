import type { compareEn } from "./en";

/** Every language's models-side-by-side strings have exactly the English keys. */
export type CompareCatalog = Record<keyof typeof compareEn, string>;
