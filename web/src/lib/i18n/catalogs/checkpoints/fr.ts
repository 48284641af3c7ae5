/** French strings of a real model's training checkpoints in the pre-training view. */
import type { CheckpointsCatalog } from "./types";

export const checkpointsFr: CheckpointsCatalog = {
  "ckpt.trainingIntro":
    "Un modèle commence comme des nombres aléatoires et apprend en répétant des millions de fois un petit pas : prédire chaque jeton suivant d’un vrai texte, mesurer son erreur et déplacer un peu chaque poids dans le sens qui l’aurait réduite. L’entraînement de ce modèle n’a pas été enregistré par glassbox ; ci-dessous, les instantanés de ses poids publiés pendant son entraînement, et un micro-modèle que vous pouvez entraîner vous-même.",
  "ckpt.title": "Points de contrôle de l’entraînement de {model}",
  "ckpt.intro":
    "Ce modèle a été publié avec des instantanés de ses poids pris pendant l’entraînement. Chaque point de contrôle a été lu sur cet ordinateur (le cache Hugging Face local ou un dossier) et a reçu les mêmes prompts de test : regardez les prédictions changer au fil de l’entraînement.",
  "ckpt.orderStep": "Classés selon l’étape d’entraînement indiquée dans le nom de chaque point de contrôle.",
  "ckpt.orderGiven":
    "Le nom de chaque point de contrôle n’indique pas toujours son étape d’entraînement : ils sont donc montrés dans l’ordre donné au démarrage du serveur.",
  "ckpt.memory":
    "Les points de contrôle sont chargés un par un puis libérés : au plus {size} de poids en plus du modèle servi.",
  "ckpt.loading": "Rejeu des points de contrôle…",
  "ckpt.lossChart": "Perte sur les textes de test",
  "ckpt.probeLoss": "perte sur les textes de test",
  "ckpt.lossCaption":
    "Aucune perte d’entraînement n’est enregistrée avec ces points de contrôle, donc aucune n’est tracée. Cette courbe est calculée ici : la perte moyenne de chaque point de contrôle sur les textes de test (chaque prompt de test suivi de sa réponse attendue, {n} tokens).",
  "ckpt.noChart":
    "Les noms des points de contrôle ne donnent pas d’étapes d’entraînement : pas d’axe des étapes, donc pas de courbe ; la perte de chaque point de contrôle sur les textes de test est indiquée à côté de lui.",
  "ckpt.capLoss":
    "perte moyenne sur les textes de test par point de contrôle, calculée par glassbox (ce n’est pas une perte d’entraînement)",
  "ckpt.params": "{n} paramètres",
  "ckpt.probesCaption":
    "Les mêmes prompts de test à chaque point de contrôle : les 5 tokens suivants les plus probables. En surbrillance : la suite qu’un modèle entraîné devrait donner.",
  "ckpt.compareTitle": "Le même prompt à travers deux points de contrôle",
  "ckpt.compareCaption":
    "Tapez n’importe quel prompt et choisissez deux points de contrôle, un précoce et un tardif : la distribution du token suivant pour chacun, côte à côte. Cochez « évaluer comme texte » pour voir aussi la perte de chaque token du prompt.",
  "ckpt.first": "Premier point de contrôle",
  "ckpt.second": "Second point de contrôle",
  "ckpt.score": "Évaluer comme texte (perte de chaque token)",
  "ckpt.compare": "Comparer",
  "ckpt.entropy": "entropie {value} nats",
  "ckpt.meanLoss": "perte moyenne {value} nats",
  "ckpt.nextTokens": "Tokens suivants les plus probables (sur tout le vocabulaire)",
  "ckpt.tokenLosses": "Perte de chaque token sachant ceux qui le précèdent (nats)",
  "ckpt.tokenLoss": "{token} : perte {loss} nats, probabilité {prob}",
};
