import type { circuitsPanelsEn } from "./en";

/** Every language's Circuits side-panel strings have exactly the English keys. */
export type CircuitsPanelsCatalog = Record<keyof typeof circuitsPanelsEn, string>;
