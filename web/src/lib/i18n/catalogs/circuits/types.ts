import type { circuitsEn } from "./en";

/** Every language's Circuits-view strings (the graph, its controls and help) have exactly the English keys. */
export type CircuitsCatalog = Record<keyof typeof circuitsEn, string>;
