/** Ukrainian strings of "Inside the model"'s attention maps, One head stages and logit lens position. */
import type { InsideCatalog } from "./types";

export const insideUk: InsideCatalog = {
  "inside.masked": "замасковано",
  "inside.maskLegend":
    "Цей ключ стоїть після запиту, а запит не може дивитися вперед (каузальна маска). Модель замінює його масштабовану оцінку на −∞, тож softmax дає йому вагу рівно 0.",
  "inside.maskLegendWindow":
    "Цей ключ стоїть після запиту або на {n} чи більше позицій перед ним (ковзне вікно). Модель замінює його масштабовану оцінку на −∞, тож softmax дає йому вагу рівно 0.",
  "inside.col.scaled": "× {scale} = масштабовано",
  "inside.col.afterMask": "після маски",
  "inside.col.weight": "softmax = вага",
  "inside.stagesNote":
    "Зліва направо в порядку, у якому їх обчислює модель: q·k для кожного ключа; × масштаб для кожного ключа (замаскований ключ теж має справжню масштабовану оцінку); маска (оцінки уваги моделі, hook_attn_scores); softmax над тим, що лишила маска (ваги уваги, hook_pattern).",
  "inside.weightsLater": "Ваг уваги ще немає: вони з'являються на кроці {n} ({step}).",
  "inside.weightScale": "вага уваги: вихід softmax, від 0 до 1",
  "inside.maskedSwatch": "замасковано (вага рівно 0)",
  "inside.mapAxes": "рядки: позиція, що читає (запит) · стовпці: позиції, які вона читає (ключі)",
  "inside.mapCell": "запит {q} «{qt}» → ключ {k} «{kt}»: {w}",
  "inside.mapHint": "Наведіть на клітинку, щоб побачити її вагу; клацніть токен рядка, щоб вибрати цю позицію.",
  "inside.selectPos": "вибрати позицію {pos} «{tok}»",
  "inside.keysRegion": "усі ключі запиту {pos} (прокручується)",
  "inside.mapRegion": "карта уваги (прокручується)",
  "inside.gridHint":
    "Кожне зображення — карта уваги однієї голови: рядки — позиції запитів, стовпці — ключі, позиція 0 угорі ліворуч. Відкрийте голову, щоб побачити її токени на обох осях.",
  "inside.lensAt": "вибрана позиція {pos}",
};
