import type { exportEn } from "./en";

/** Every language's static-export strings have exactly the English keys. */
export type ExportCatalog = Record<keyof typeof exportEn, string>;
