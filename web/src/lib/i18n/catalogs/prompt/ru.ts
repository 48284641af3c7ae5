import type { PromptCatalog } from "./types";

export const promptRu: PromptCatalog = {
  "prompt.truncated":
    "В этом запросе больше токенов, чем модель может здесь прочитать: первые {n} токенов отброшены, и модель читает только последние {kept}.",
  "controls.topKNegative": "Top-k не может быть отрицательным: введите 0 (выключено) или целое число от 1 до {max}.",
  "controls.topKNotInteger": "Top-k — это число токенов: введите целое число (0 = выключено).",
  "controls.topKTooLarge": "На этом сервере top-k не может быть больше {max}.",
  "controls.topKEmpty": "Введите top-k (0 = выключено).",
  "detail.emptyPrompt": "Введите запрос выше, чтобы увидеть, что происходит внутри модели.",
  "status.noPrediction": "Для этого запроса нет предсказания: сообщение выше объясняет почему и что изменить.",
};
