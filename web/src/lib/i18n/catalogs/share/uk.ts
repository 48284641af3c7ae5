/** Ukrainian strings of links and pictures. */
import type { ShareCatalog } from "./types";

export const shareUk: ShareCatalog = {
  "share.copyLink": "Копіювати посилання",
  "share.copyLinkTitle": "Скопіювати посилання, яке знову відкриє цей вигляд із цим промптом, налаштуваннями й вибором",
  "share.copied": "Посилання скопійовано: воно відкриє цей вигляд таким, як він є зараз",
  "share.copyFallback": "Скопіюйте це посилання:",
  "share.exportSvg": "Завантажити «{panel}» як зображення SVG",
  "share.exportPng": "Завантажити «{panel}» як зображення PNG (2×)",
  "share.saved": "Збережено: {file}",
  "share.failed": "Не вдалося створити зображення: {error}",
  "share.capModel": "Модель: {model}",
  "share.capPrompt": "Промпт: {prompt}",
  "share.capGenerated": "Згенеровано після нього: {text}",
  "share.capSettings": "Температура {t} · top-k {k} · top-p {p} · min-p {minp} · зерно {seed}",
  "share.capHead": "Шар {layer}, голова {head}, позиція запиту {pos} {token}",
  "share.capGrid": "Усі голови: {layers} шарів × {heads} голів",
  "share.capLens": "Logit lens: найімовірніший токен, прочитаний з кожного шару на кожній позиції",
  "share.capStep": "Контрольна точка: крок {step}",
  "share.capLoss": "Втрата впродовж кроків навчання",
};
