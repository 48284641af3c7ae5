import type { exportViewsEn } from "./en";

/** Every language's strings of the exported Why and Circuits views have exactly the English keys. */
export type ExportViewsCatalog = Record<keyof typeof exportViewsEn, string>;
