import type { moeEn } from "./en";

/** Every language's routing-panel strings have exactly the English keys. */
export type MoeCatalog = Record<keyof typeof moeEn, string>;
