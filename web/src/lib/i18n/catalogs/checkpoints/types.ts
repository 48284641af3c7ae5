import type { checkpointsEn } from "./en";

/** Every language's checkpoint-replay strings have exactly the English keys. */
export type CheckpointsCatalog = Record<keyof typeof checkpointsEn, string>;
