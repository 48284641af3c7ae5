/** Ukrainian picture captions (the Why view's heatmaps, the token tax, random start vs trained). */
import type { PicturesCatalog } from "./types";

export const picturesUk: PicturesCatalog = {
  "pictures.capMethod": "Метод: {method}",
  "pictures.capGeneration": "Кожен згенерований токен (рядок), атрибутований кожному токену перед ним (стовпці)",
  "pictures.capClean": "Чистий промпт: {prompt}",
  "pictures.capCorrupted": "Пошкоджений промпт: {prompt}",
  "pictures.capPatch": "logit(«{answer}») − logit(«{wrong}») на останній позиції, одну активацію підставлено з чистого прогону: {site}",
  "pictures.capTokenizers": "Токенізатори: {names}",
  "pictures.capTax": "Кількість токенів для того самого тексту {n} мовами; × — відношення до кількості для {reference}",
  "pictures.capInit": "Шар {layer}, голова {head}: початкові ваги навчання (крок 0) поруч із навченими вагами",
};
