/** Russian picture captions (the Why view's heatmaps, the token tax, random start vs trained). */
import type { PicturesCatalog } from "./types";

export const picturesRu: PicturesCatalog = {
  "pictures.capMethod": "Метод: {method}",
  "pictures.capGeneration": "Каждый сгенерированный токен (строка), атрибутированный каждому токену перед ним (столбцы)",
  "pictures.capClean": "Чистый промпт: {prompt}",
  "pictures.capCorrupted": "Испорченный промпт: {prompt}",
  "pictures.capPatch": "logit(«{answer}») − logit(«{wrong}») на последней позиции, одна активация подставлена из чистого прогона: {site}",
  "pictures.capTokenizers": "Токенизаторы: {names}",
  "pictures.capTax": "Число токенов для одного и того же текста на {n} языках; × — отношение к числу для {reference}",
  "pictures.capInit": "Слой {layer}, голова {head}: начальные веса обучения (шаг 0) рядом с обученными весами",
};
