/** Czech picture captions (the Why view's heatmaps, the token tax, random start vs trained). */
import type { PicturesCatalog } from "./types";

export const picturesCs: PicturesCatalog = {
  "pictures.capMethod": "Metoda: {method}",
  "pictures.capGeneration": "Každý vygenerovaný token (řádek) přiřazený každému tokenu před ním (sloupce)",
  "pictures.capClean": "Čistý prompt: {prompt}",
  "pictures.capCorrupted": "Poškozený prompt: {prompt}",
  "pictures.capPatch": "logit(„{answer}“) − logit(„{wrong}“) na poslední pozici, jedna aktivace vložená z čistého běhu: {site}",
  "pictures.capTokenizers": "Tokenizéry: {names}",
  "pictures.capTax": "Počet tokenů pro tentýž text v {n} jazycích; × je počet vůči jazyku {reference}",
  "pictures.capInit": "Vrstva {layer}, hlava {head}: počáteční váhy běhu (krok 0) vedle natrénovaných vah",
};
