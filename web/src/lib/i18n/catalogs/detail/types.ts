import type { detailEn } from "./en";

/** Every language's detailed-view strings have exactly the English keys. */
export type DetailCatalog = Record<keyof typeof detailEn, string>;
