import type { tourTrainingEn } from "./en";

/** Every language's training-track strings have exactly the English keys. */
export type TourTrainingCatalog = Record<keyof typeof tourTrainingEn, string>;
