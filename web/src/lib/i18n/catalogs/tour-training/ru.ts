/** Russian strings of the guided tour's training track; merged into the Russian catalog. */
import type { TourTrainingCatalog } from "./types";

export const tourTrainingRu: TourTrainingCatalog = {
  "tourTraining.batch.title": "Один пакет текста",
  "tourTraining.batch.caption":
    "Модель учится на настоящем тексте. Предложение делится на токены, и в каждой позиции модель должна угадать следующий токен: входы — это токены, цели — те же токены, сдвинутые на одно место влево.",
  "tourTraining.loss.title": "Насколько она ошиблась? Функция потерь",
  "tourTraining.loss.caption":
    "В каждой позиции модель дала настоящему следующему токену некоторую вероятность p. Потеря там равна −log p: почти 0, когда модель была уверена в правильном токене, и большая, когда она удивилась. Обучение стремится уменьшить среднее этих столбцов.",
  "tourTraining.gradients.title": "Градиенты текут назад",
  "tourTraining.gradients.caption":
    "Обратное распространение начинается со средней потери на выходе и идёт назад, блок за блоком, до эмбеддингов. Для каждого веса оно находит, как изменилась бы потеря, если бы этот вес немного вырос: его градиент. Каждый столбец — размер градиента одной группы весов.",
  "tourTraining.update.title": "Веса слегка сдвигаются",
  "tourTraining.update.caption":
    "Оптимизатор AdamW сдвигает каждый вес на небольшой шаг против его градиента. Затем то же предложение снова проходит через изменённую модель, и видно, уменьшилась ли потеря.",
  "tourTraining.noHistory":
    "У {model} нет записанного обучения, поэтому нет контрольной точки, с которой можно сделать настоящий шаг обучения. Выберите в списке моделей glassbox-tiny (или другую модель, обученную командой glassbox train), чтобы пройти эту часть экскурсии.",
  "tourTraining.loading": "Делаем один настоящий шаг обучения на копии весов…",
  "tourTraining.batchSummary": "«{text}» — {n} токенов, как их читает {model} после {step} шагов обучения.",
  "tourTraining.batchRun":
    "В настоящем обучении каждый шаг читал пакет из {batch} текстов по {ctx} токенов, всего {steps} шагов; этот шаг читает только это предложение, так что все следующие числа относятся к нему.",
  "tourTraining.inputs": "Входы",
  "tourTraining.targets": "Цели (следующий токен)",
  "tourTraining.tokenId": "id токена {id}",
  "tourTraining.lossSummary":
    "Средняя потеря: {mean} нат. Больше всего модель удивил «{worst}» (потеря {worstLoss}), а увереннее всего она была в «{best}» (потеря {bestLoss}).",
  "tourTraining.lossAxis": "потеря −log p(цель), в натах",
  "tourTraining.meanMark": "среднее по всем позициям",
  "tourTraining.flow": "Градиент идёт от выхода назад к эмбеддингам",
  "tourTraining.tier.output": "Сторона выхода",
  "tourTraining.tier.block": "Блок {layer}",
  "tourTraining.tier.input": "Входные эмбеддинги",
  "tourTraining.gradSummary":
    "Градиент средней потери ({loss}) по всем {groups} группам весов имеет общий размер {norm}; до выхода он дошёл первым, до эмбеддингов — последним.",
  "tourTraining.updateSummary":
    "AdamW сдвинул каждую группу весов на показанную длину (скорость обучения {lr}); рядом — длина самой группы после шага.",
  "tourTraining.question": "Сначала угадайте: после этого шага потеря на том же предложении уменьшится или вырастет?",
  "tourTraining.guessDown": "Уменьшится",
  "tourTraining.guessUp": "Вырастет",
  "tourTraining.right": "Вы угадали.",
  "tourTraining.wrong": "На этот раз нет — вот что говорят настоящие числа.",
  "tourTraining.lossMoved": "Средняя потеря на предложении: {before} → {after}",
  "tourTraining.perPosition": "Потеря в каждой позиции: бледный столбец — до шага, яркий — после (оранжевый там, где потеря выросла).",
  "tourTraining.expert": "Посмотреть этот шаг со всеми числами во вкладке «Обучение»",
};
