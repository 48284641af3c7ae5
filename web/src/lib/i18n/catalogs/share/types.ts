import type { shareEn } from "./en";

/** Every language's link-and-picture strings have exactly the English keys. */
export type ShareCatalog = Record<keyof typeof shareEn, string>;
