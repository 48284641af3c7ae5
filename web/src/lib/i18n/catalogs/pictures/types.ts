import type { picturesEn } from "./en";

/** Every language's picture captions have exactly the English keys. */
export type PicturesCatalog = Record<keyof typeof picturesEn, string>;
