import type { tokenizersEn } from "./en";

/** Every language's tokenizer-lab strings have exactly the English keys. */
export type TokenizersCatalog = Record<keyof typeof tokenizersEn, string>;
