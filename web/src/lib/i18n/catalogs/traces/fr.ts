/** French strings of the trace files. */
import type { TracesCatalog } from "./types";

export const tracesFr: TracesCatalog = {
  "traces.title": "Fichiers de traces",
  "traces.picker": "Trace de ce serveur",
  "traces.pickerNone": "— modèle en direct —",
  "traces.unreadable": "illisible",
  "traces.chooseFile": "Choisir un fichier…",
  "traces.noFile": "Aucun fichier choisi",
  "traces.open": "Ouvrir un fichier de trace",
  "traces.export": "Exporter en trace AnimatedLLM",
  "traces.exportHint":
    "Enregistre la génération comme trace d'inférence AnimatedLLM : les 10 meilleurs candidats de chaque étape avec leurs vraies probabilités.",
  "traces.close": "Revenir au modèle en direct",
  "traces.loading": "Chargement de la trace…",
  "traces.labelInference":
    "Trace précalculée de {model} : top-{k} seulement, pas de modèle en direct. Les nombres sont ceux du fichier, non recalculés, et rien ne peut être rééchantillonné.",
  "traces.labelTraining":
    "Trace d'entraînement précalculée de {model} : à chaque position, les meilleures prédictions enregistrées, la probabilité du token cible et la perte. Pas de modèle en direct.",
  "traces.formatAnimatedInference": "Trace d'inférence AnimatedLLM",
  "traces.formatAnimatedTraining": "Trace d'entraînement AnimatedLLM",
  "traces.formatGeneration": "génération glassbox",
  "traces.formatPromptTrace": "trace de prompt glassbox",
  "traces.formatTrace": "trace glassbox",
  "traces.fromDisk": "ouvert depuis votre disque",
  "traces.fromServer": "du dossier de traces de ce serveur",
  "traces.step": "Étape {n} sur {total}",
  "traces.prev": "Étape précédente",
  "traces.next": "Étape suivante",
  "traces.stepSlider": "Étape",
  "traces.prompt": "Invite (prompt)",
  "traces.input": "Ce que le modèle a vu",
  "traces.inputCaption":
    "En surbrillance : les tokens spéciaux et ceux du modèle de chat.",
  "traces.candidates": "Candidats enregistrés",
  "traces.candidatesCaption":
    "Les {k} candidats que le fichier garde pour cette étape, avec leurs probabilités. Le reste du vocabulaire ({rest} de probabilité) n'est pas dans le fichier.",
  "traces.token": "Candidat",
  "traces.id": "N° de token",
  "traces.prob": "Probabilité",
  "traces.logprob": "Log-probabilité",
  "traces.chosen": "Choisi",
  "traces.chosenBy": "Choisi par {method}",
  "traces.method.greedy": "décodage glouton (le token le plus probable)",
  "traces.method.sampling": "échantillonnage",
  "traces.method.random": "un tirage au hasard",
  "traces.method.forced": "l'utilisateur (forcé)",
  "traces.method.unknown": "une méthode sans nom",
  "traces.notAmongStored":
    "Le token choisi {token} ne fait pas partie des candidats enregistrés.",
  "traces.nothingChosen":
    "Ce fichier ne garde que la prédiction : aucun token n'a été choisi.",
  "traces.partial":
    "Morceau UTF-8 incomplet : le fichier ne garde pas ses octets.",
  "traces.special": "token spécial",
  "traces.temperature": "Température {t}",
  "traces.language": "Langue {lang}",
  "traces.text": "Texte",
  "traces.source": "Source : {source}",
  "traces.target": "Token cible",
  "traces.targetProb": "Probabilité de la cible",
  "traces.loss": "Perte (nats)",
  "traces.lossChart": "Perte et probabilité de la cible par position",
  "traces.lossChartCaption":
    "Barres : la perte à chaque position (−log de la probabilité que le modèle a donnée au vrai token suivant). Points : cette probabilité. Valeurs du fichier.",
  "traces.meanLoss": "Perte moyenne {loss} nats sur {n} positions",
  "traces.topPredictions": "Meilleures prédictions à cette position",
  "traces.error.notJson":
    "{name} n'est pas du JSON : ce ne peut pas être un fichier de trace.",
  "traces.error.notTrace":
    "{name} n'est pas un fichier de trace : on peut ouvrir les traces d'inférence et d'entraînement d'AnimatedLLM et les générations et traces de glassbox.",
  "traces.error.noSteps": "{name} ne contient aucune étape à jouer.",
  "traces.error.tooLarge": "{name} dépasse 32 Mio : non lu.",
  "traces.error.broken": "{name} a un champ cassé et ne peut pas être lu.",
  "traces.model": "Modèle {model}",
  "traces.sizes":
    "{layers} couches, {heads} têtes, d_model {d}, vocabulaire {vocab}",
};
