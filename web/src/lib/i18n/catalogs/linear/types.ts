import type { linearEn } from "./en";

/** Every language's linear-attention strings have exactly the English keys. */
export type LinearCatalog = Record<keyof typeof linearEn, string>;
