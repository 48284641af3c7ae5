import type { a11yEn } from "./en";

/** Every language's accessibility strings have exactly the English keys. */
export type A11yCatalog = Record<keyof typeof a11yEn, string>;
