import type { whyEn } from "./en";

/** Every language's "Why?" strings have exactly the English keys. */
export type WhyCatalog = Record<keyof typeof whyEn, string>;
