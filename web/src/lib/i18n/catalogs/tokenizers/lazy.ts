/** The tokenizer lab's strings, loaded with its view (see `../../lazy.svelte.ts`); only its tab label is eager. */
import { LazyCatalog } from "../../lazy.svelte";
import type { tokenizersEn } from "./en";

export const tokStrings = new LazyCatalog<keyof typeof tokenizersEn>(
  "tokenizers",
  {
    en: () => import("./en").then((m) => m.tokenizersEn),
    cs: () => import("./cs").then((m) => m.tokenizersCs),
    fr: () => import("./fr").then((m) => m.tokenizersFr),
    uk: () => import("./uk").then((m) => m.tokenizersUk),
    zh: () => import("./zh").then((m) => m.tokenizersZh),
    ru: () => import("./ru").then((m) => m.tokenizersRu),
    ja: () => import("./ja").then((m) => m.tokenizersJa),
  },
);
