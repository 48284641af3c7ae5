/** French strings of the guided tour's training track; merged into the French catalog. */
import type { TourTrainingCatalog } from "./types";

export const tourTrainingFr: TourTrainingCatalog = {
  "tourTraining.batch.title": "Un lot de texte",
  "tourTraining.batch.caption":
    "Un modèle apprend sur du vrai texte. La phrase est découpée en tokens et, à chaque position, le modèle doit deviner le token suivant : les entrées sont les tokens, les cibles sont ces mêmes tokens décalés d’une place vers la gauche.",
  "tourTraining.loss.title": "À quel point s’est-il trompé ? La perte",
  "tourTraining.loss.caption":
    "À chaque position, le modèle a donné une probabilité p au vrai token suivant. La perte y vaut −log p : presque 0 quand le modèle était sûr du bon token, grande quand il a été surpris. L’entraînement cherche à faire baisser la moyenne de ces barres.",
  "tourTraining.gradients.title": "Les gradients remontent",
  "tourTraining.gradients.caption":
    "La rétropropagation part de la perte moyenne en sortie et remonte, bloc par bloc, jusqu’aux plongements. Pour chaque poids, elle calcule dans quel sens la perte changerait si ce poids augmentait un peu : son gradient. Chaque barre est la taille du gradient d’un groupe de poids.",
  "tourTraining.update.title": "Les poids sont ajustés",
  "tourTraining.update.caption":
    "L’optimiseur AdamW déplace chaque poids d’un petit pas à l’opposé de son gradient. Puis la même phrase repasse dans le modèle modifié, et l’on voit si sa perte a baissé.",
  "tourTraining.noHistory":
    "{model} n’a pas d’entraînement enregistré : il n’y a donc pas de point de sauvegarde d’où faire un vrai pas d’entraînement. Choisissez glassbox-tiny (ou un autre modèle entraîné avec glassbox train) dans la liste des modèles pour suivre cette partie de la visite.",
  "tourTraining.loading": "Un vrai pas d’entraînement sur une copie des poids…",
  "tourTraining.batchSummary": "« {text} » — {n} tokens, lus par {model} tel qu’il était après {step} pas d’entraînement.",
  "tourTraining.batchRun":
    "Pendant le vrai entraînement, chaque pas lisait un lot de {batch} textes de {ctx} tokens, {steps} pas en tout ; ce pas-ci ne lit que cette phrase : tous les nombres qui suivent sont les siens.",
  "tourTraining.inputs": "Entrées",
  "tourTraining.targets": "Cibles (le token suivant)",
  "tourTraining.tokenId": "identifiant du token {id}",
  "tourTraining.lossSummary":
    "Perte moyenne : {mean} nats. Le modèle a été le plus surpris par « {worst} » (perte {worstLoss}) et le plus sûr de « {best} » (perte {bestLoss}).",
  "tourTraining.lossAxis": "perte −log p(cible), en nats",
  "tourTraining.meanMark": "moyenne de toutes les positions",
  "tourTraining.flow": "Le gradient va de la sortie jusqu’aux plongements",
  "tourTraining.tier.output": "Côté sortie",
  "tourTraining.tier.block": "Bloc {layer}",
  "tourTraining.tier.input": "Plongements d’entrée",
  "tourTraining.gradSummary":
    "Le gradient de la perte moyenne ({loss}) sur les {groups} groupes de poids a une taille totale de {norm} ; il a atteint la sortie en premier et les plongements en dernier.",
  "tourTraining.updateSummary":
    "AdamW a déplacé chaque groupe de poids de la longueur indiquée (taux d’apprentissage {lr}), à côté de la longueur du groupe après le pas.",
  "tourTraining.question": "Pariez avant de regarder : après ce pas, la perte sur cette même phrase va-t-elle baisser ou monter ?",
  "tourTraining.guessDown": "Elle baisse",
  "tourTraining.guessUp": "Elle monte",
  "tourTraining.right": "Bien vu !",
  "tourTraining.wrong": "Pas cette fois — voici ce que disent les vrais nombres.",
  "tourTraining.lossMoved": "Perte moyenne sur la phrase : {before} → {after}",
  "tourTraining.perPosition": "Perte à chaque position : la barre estompée avant le pas, la barre vive après (orange là où la perte a monté).",
  "tourTraining.expert": "Voir ce pas avec tous ses nombres dans la vue Entraînement",
};
