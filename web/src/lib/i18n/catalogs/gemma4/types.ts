import type { gemma4En } from "./en";

/** Every language's per-layer-input strings have exactly the English keys. */
export type Gemma4Catalog = Record<keyof typeof gemma4En, string>;
