import type { PromptCatalog } from "./types";

export const promptUk: PromptCatalog = {
  "prompt.truncated":
    "Цей запит має більше токенів, ніж модель може тут прочитати: перші {n} токенів відкинуто, і модель читає лише останні {kept}.",
  "controls.topKNegative": "Top-k не може бути від'ємним: введіть 0 (вимкнено) або ціле число від 1 до {max}.",
  "controls.topKNotInteger": "Top-k — це кількість токенів: введіть ціле число (0 = вимкнено).",
  "controls.topKTooLarge": "На цьому сервері top-k не може перевищувати {max}.",
  "controls.topKEmpty": "Введіть top-k (0 = вимкнено).",
  "detail.emptyPrompt": "Введіть запит вище, щоб побачити, що відбувається всередині моделі.",
  "status.noPrediction": "Для цього запиту немає передбачення: повідомлення вище пояснює чому і що змінити.",
};
