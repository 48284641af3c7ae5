import type { promptEn } from "./en";

/** Every language's strings for the prompt fixes have exactly the English keys. */
export type PromptCatalog = Record<keyof typeof promptEn, string>;
