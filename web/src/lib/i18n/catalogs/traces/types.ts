import type { tracesEn } from "./en";

/** Every language's trace-file strings have exactly the English keys. */
export type TracesCatalog = Record<keyof typeof tracesEn, string>;
