import type { PromptCatalog } from "./types";

export const promptCs: PromptCatalog = {
  "prompt.truncated":
    "Tento prompt má víc tokenů, než zde model smí přečíst: jeho prvních {n} tokenů bylo vynecháno a model čte jen posledních {kept}.",
  "controls.topKNegative": "Top-k nemůže být záporné: zadejte 0 (vypnuto) nebo celé číslo od 1 do {max}.",
  "controls.topKNotInteger": "Top-k je počet tokenů: zadejte celé číslo (0 = vypnuto).",
  "controls.topKTooLarge": "Top-k může být na tomto serveru nejvýše {max}.",
  "controls.topKEmpty": "Zadejte top-k (0 = vypnuto).",
  "detail.emptyPrompt": "Zadejte nahoře prompt a uvidíte, co se děje uvnitř modelu.",
  "status.noPrediction": "Pro tento prompt není předpověď: zpráva výše říká proč a co změnit.",
};
