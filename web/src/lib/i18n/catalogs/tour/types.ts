import type { tourEn } from "./en";

/** Every language's guided-tour strings have exactly the English keys. */
export type TourCatalog = Record<keyof typeof tourEn, string>;
