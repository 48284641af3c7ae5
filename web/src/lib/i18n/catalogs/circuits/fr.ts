/** French strings of the Circuits view's graph, controls and help. */
import type { CircuitsCatalog } from "./types";

export const circuitsFr: CircuitsCatalog = {
  "circuits.view": "Les circuits",
  "circuits.title": "Circuits : comment la réponse a été atteinte",
  "circuits.intro":
    "Un graphe d'attribution remonte d'une prédiction jusqu'au prompt. Chaque MLP est remplacé par un transcodeur dont les caractéristiques se lisent plus facilement ; chaque flèche est un effet direct réel d'un nœud sur un autre dans cette passe, et les nœuds d'erreur portent ce que les transcodeurs manquent. Les tokens d'entrée sont en bas, la réponse en haut.",
  "circuits.prompt": "Prompt à tracer",
  "circuits.build": "Construire le graphe",
  "circuits.rebuild": "Reconstruire",
  "circuits.forward": "Exécution du modèle et des transcodeurs…",
  "circuits.progress": "Attribution : {done} lignes sur {total}",
  "circuits.checking": "Vérification des transcodeurs de ce modèle…",
  "circuits.unavailable":
    "Impossible de construire un graphe d'attribution pour {model} : il n'a pas de transcodeurs sur ce serveur.",
  "circuits.withTranscoders": "Modèles avec transcodeurs ici : {models}.",
  "circuits.noneWithTranscoders":
    "Aucun modèle de ce serveur n'a de transcodeurs (entraînez-en avec « glassbox transcoders train »).",
  "circuits.empty":
    "Construisez le graphe du prompt ci-dessus pour voir quelles caractéristiques le mènent à la réponse.",
  "circuits.nodeThreshold": "Seuil des nœuds",
  "circuits.nodeThresholdHelp":
    "garde les nœuds les plus influents jusqu'à ce qu'ils portent cette part de l'influence",
  "circuits.edgeThreshold": "Seuil des arêtes",
  "circuits.edgeThresholdHelp": "puis garde les arêtes les plus fortes jusqu'à cette part de l'influence des arêtes",
  "circuits.counts": "{nodes} nœuds et {edges} arêtes affichés, sur {allNodes} nœuds et {allEdges} arêtes reçus",
  "circuits.scores": "Scores du graphe entier (non élagué)",
  "circuits.replacement": "Score de remplacement",
  "circuits.replacementHelp":
    "la part de l'influence de l'entrée vers la réponse qui passe par des caractéristiques plutôt que par des nœuds d'erreur",
  "circuits.completeness": "Score de complétude",
  "circuits.completenessHelp":
    "la part des entrées des nœuds, pondérée par l'influence, expliquée par des caractéristiques et des tokens plutôt que par des erreurs",
  "circuits.logit": "Token de sortie tracé",
  "circuits.logitAll": "les prédictions principales ({n})",
  "circuits.logitType": "ou tapez un token",
  "circuits.logitTrace": "Tracer ce token",
  "circuits.logitUnknown": "« {token} » n'est pas un token du vocabulaire de ce modèle.",
  "circuits.logitNoVocab": "Le vocabulaire du modèle n'est pas encore chargé.",
  "circuits.graph": "Graphe d'attribution : couches en lignes, positions des tokens en colonnes",
  "circuits.rowTokens": "tokens d'entrée",
  "circuits.rowOutput": "sortie",
  "circuits.rowLayer": "C{layer}",
  "circuits.zoomIn": "Zoomer",
  "circuits.zoomOut": "Dézoomer",
  "circuits.zoomReset": "Ajuster",
  "circuits.legend":
    "Flèches : orange excite, bleu inhibe, largeur ∝ |poids|. Cercles : caractéristiques (taille : influence sur la réponse ; couleur : activation). Losanges gris : nœuds d'erreur. Carrés : tokens d'entrée.",
  "circuits.hint":
    "Survolez un nœud pour son étiquette et son activation ; cliquez (ou Tab puis Entrée) pour le sélectionner, l'épingler et éclairer ses arêtes les plus fortes. Glissez ou faites défiler pour vous déplacer, Ctrl + molette pour zoomer.",
  "circuits.kind.feature": "caractéristique {feature} · couche {layer} · position {pos}",
  "circuits.kind.error": "nœud d'erreur · couche {layer} · position {pos}",
  "circuits.kind.embedding": "token d'entrée « {token} » · position {pos}",
  "circuits.kind.logit": "sortie « {token} »",
  "circuits.activation": "valeur d’activation {value}",
  "circuits.influence": "influence sur la réponse {value}",
  "circuits.probability": "probabilité {value}",
  "circuits.errorShare": "{share} de son entrée vient des nœuds d'erreur",
  "circuits.errorWhat": "ce que le transcodeur de la couche {layer} manque à cette position",
  "circuits.labelDerived": "étiquette (dérivée) : {label}",
  "circuits.selected": "Sélection",
  "circuits.pinnedCount": "{n} épinglés",
  "circuits.unpinAll": "Tout désépingler",
  "circuits.strongIn": "entrées les plus fortes",
  "circuits.strongOut": "sorties les plus fortes",
  "circuits.side": "Le nœud sélectionné",
  "help.circuits.shows":
    "Le graphe d'attribution d'une prédiction : les tokens du prompt en bas, au-dessus les caractéristiques du transcodeur de chaque couche, les tokens de sortie en haut, et les effets directs entre eux en flèches — calculés sur ce modèle, dans cette passe.",
  "help.circuits.read":
    "Suivez les grosses flèches orange depuis la réponse vers le bas : elles montrent quelles caractéristiques l'ont poussée et quels tokens ces caractéristiques lisent. Les losanges gris sont des nœuds d'erreur : la part de chaque MLP que le transcodeur n'explique pas. Les scores de remplacement et de complétude disent quelle part du calcul les caractéristiques expliquent.",
  "help.circuits.try":
    "Baissez le seuil des nœuds pour ne garder que le chemin principal ; montez-le pour en voir plus. Tracez un autre token de sortie avec le sélecteur et comparez les chemins. Le graphe est une hypothèse sur le modèle : vérifiez-la par une intervention.",
  "help.panel.circuitsGraph":
    "Les lignes sont les couches (tokens d'entrée en bas, sorties en haut), les colonnes les positions des tokens. Chaque flèche est l'effet direct d'un nœud sur un autre, motifs d'attention figés ; l'élagage garde les nœuds et flèches qui portent l'essentiel de l'influence sur la réponse.",
};
