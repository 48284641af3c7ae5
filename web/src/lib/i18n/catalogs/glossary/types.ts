import type { glossaryEn } from "./en";

/** Every language's glossary has exactly the English keys. */
export type GlossaryCatalog = Record<keyof typeof glossaryEn, string>;
