/** Russian strings of links and pictures. */
import type { ShareCatalog } from "./types";

export const shareRu: ShareCatalog = {
  "share.copyLink": "Копировать ссылку",
  "share.copyLinkTitle": "Скопировать ссылку, которая снова откроет этот вид с этим промптом, настройками и выбором",
  "share.copied": "Ссылка скопирована: она откроет этот вид таким, какой он сейчас",
  "share.copyFallback": "Скопируйте эту ссылку:",
  "share.exportSvg": "Скачать «{panel}» как изображение SVG",
  "share.exportPng": "Скачать «{panel}» как изображение PNG (2×)",
  "share.saved": "Сохранено: {file}",
  "share.failed": "Не удалось создать изображение: {error}",
  "share.capModel": "Модель: {model}",
  "share.capPrompt": "Промпт: {prompt}",
  "share.capGenerated": "Сгенерировано после него: {text}",
  "share.capSettings": "Температура {t} · top-k {k} · top-p {p} · min-p {minp} · зерно {seed}",
  "share.capHead": "Слой {layer}, голова {head}, позиция запроса {pos} {token}",
  "share.capGrid": "Все головы: {layers} слоёв × {heads} голов",
  "share.capLens": "Logit lens: самый вероятный токен, прочитанный с каждого слоя на каждой позиции",
  "share.capStep": "Контрольная точка: шаг {step}",
  "share.capLoss": "Потери по шагам обучения",
};
