/** Ukrainian strings of the guided tour's training track; merged into the Ukrainian catalog. */
import type { TourTrainingCatalog } from "./types";

export const tourTrainingUk: TourTrainingCatalog = {
  "tourTraining.batch.title": "Один пакет тексту",
  "tourTraining.batch.caption":
    "Модель навчається на справжньому тексті. Речення ділиться на токени, і на кожній позиції модель має вгадати наступний токен: входи — це токени, цілі — ті самі токени, зсунуті на одне місце ліворуч.",
  "tourTraining.loss.title": "Наскільки вона помилилася? Втрата",
  "tourTraining.loss.caption":
    "На кожній позиції модель дала справжньому наступному токену деяку ймовірність p. Втрата там дорівнює −log p: майже 0, коли модель була впевнена в правильному токені, і велика, коли вона здивувалася. Навчання намагається зменшити середнє цих стовпців.",
  "tourTraining.gradients.title": "Градієнти течуть назад",
  "tourTraining.gradients.caption":
    "Зворотне поширення починається від середньої втрати на виході й іде назад, блок за блоком, до ембедингів. Для кожної ваги воно знаходить, як змінилася б втрата, якби ця вага трохи зросла: її градієнт. Кожен стовпець — розмір градієнта однієї групи ваг.",
  "tourTraining.update.title": "Ваги трохи зсуваються",
  "tourTraining.update.caption":
    "Оптимізатор AdamW зсуває кожну вагу на невеликий крок проти її градієнта. Потім те саме речення знову проходить змінену модель, і видно, чи зменшилася втрата.",
  "tourTraining.noHistory":
    "{model} не має записаного навчання, тож немає контрольної точки, з якої можна зробити справжній крок навчання. Виберіть у списку моделей glassbox-tiny (або іншу модель, навчену командою glassbox train), щоб пройти цю частину екскурсії.",
  "tourTraining.loading": "Робимо один справжній крок навчання на копії ваг…",
  "tourTraining.batchSummary": "«{text}» — {n} токенів, як їх читає {model} після {step} кроків навчання.",
  "tourTraining.batchRun":
    "У справжньому навчанні кожен крок читав пакет із {batch} текстів по {ctx} токенів, усього {steps} кроків; цей крок читає лише це речення, тож усі наступні числа належать йому.",
  "tourTraining.inputs": "Входи",
  "tourTraining.targets": "Цілі (наступний токен)",
  "tourTraining.tokenId": "id токена {id}",
  "tourTraining.lossSummary":
    "Середня втрата: {mean} нат. Найбільше модель здивував «{worst}» (втрата {worstLoss}), а найвпевненішою вона була щодо «{best}» (втрата {bestLoss}).",
  "tourTraining.lossAxis": "втрата −log p(ціль), у натах",
  "tourTraining.meanMark": "середнє за всіма позиціями",
  "tourTraining.flow": "Градієнт іде від виходу назад до ембедингів",
  "tourTraining.tier.output": "Бік виходу",
  "tourTraining.tier.block": "Блок {layer}",
  "tourTraining.tier.input": "Вхідні ембединги",
  "tourTraining.gradSummary":
    "Градієнт середньої втрати ({loss}) за всіма {groups} групами ваг має загальний розмір {norm}; до виходу він дійшов першим, до ембедингів — останнім.",
  "tourTraining.updateSummary":
    "AdamW зсунув кожну групу ваг на показану довжину (швидкість навчання {lr}); поруч — довжина самої групи після кроку.",
  "tourTraining.question": "Спершу вгадайте: після цього кроку втрата на тому самому реченні зменшиться чи зросте?",
  "tourTraining.guessDown": "Зменшиться",
  "tourTraining.guessUp": "Зросте",
  "tourTraining.right": "Ви вгадали.",
  "tourTraining.wrong": "Цього разу ні — ось що кажуть справжні числа.",
  "tourTraining.lossMoved": "Середня втрата на реченні: {before} → {after}",
  "tourTraining.perPosition": "Втрата на кожній позиції: блідий стовпець — до кроку, яскравий — після (помаранчевий там, де втрата зросла).",
  "tourTraining.expert": "Переглянути цей крок з усіма числами у вкладці «Навчання»",
};
