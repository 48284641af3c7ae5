import type { trainingEn } from "./en";

/** Every language's pre-training-view strings have exactly the English keys. */
export type TrainingCatalog = Record<keyof typeof trainingEn, string>;
