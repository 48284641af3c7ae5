/** French strings of "Inside the model"'s attention maps, One head stages and logit lens position. */
import type { InsideCatalog } from "./types";

export const insideFr: InsideCatalog = {
  "inside.masked": "masqué",
  "inside.maskLegend":
    "Cette clé vient après la requête, qui ne peut pas regarder en avant (masque causal). Le modèle remplace son score mis à l'échelle par −∞, donc softmax lui donne un poids d'exactement 0.",
  "inside.maskLegendWindow":
    "Cette clé vient après la requête, ou se trouve {n} positions ou plus avant elle (fenêtre glissante). Le modèle remplace son score mis à l'échelle par −∞, donc softmax lui donne un poids d'exactement 0.",
  "inside.col.scaled": "× {scale} = mis à l'échelle",
  "inside.col.afterMask": "après le masque",
  "inside.col.weight": "softmax = poids",
  "inside.stagesNote":
    "De gauche à droite, dans l'ordre où le modèle les calcule : q·k pour chaque clé ; × l'échelle pour chaque clé (une clé masquée a bien un score mis à l'échelle réel) ; le masque (les scores d'attention du modèle, hook_attn_scores) ; softmax sur ce que le masque a gardé (les poids d'attention, hook_pattern).",
  "inside.weightsLater": "Les poids d'attention n'existent pas encore : ils apparaissent à l'étape {n} ({step}).",
  "inside.weightScale": "poids d'attention : sortie de softmax, de 0 à 1",
  "inside.maskedSwatch": "masqué (poids exactement 0)",
  "inside.mapAxes": "lignes : la position qui lit (requête) · colonnes : les positions qu'elle lit (clés)",
  "inside.mapCell": "requête {q} « {qt} » → clé {k} « {kt} » : {w}",
  "inside.mapHint": "Survolez une cellule pour voir son poids ; cliquez sur le token d'une ligne pour choisir cette position.",
  "inside.selectPos": "choisir la position {pos} « {tok} »",
  "inside.keysRegion": "toutes les clés de la requête {pos} (défilement)",
  "inside.mapRegion": "carte d'attention (défilement)",
  "inside.gridHint":
    "Chaque image est la carte d'attention d'une tête : les lignes sont les positions des requêtes, les colonnes les clés, la position 0 en haut à gauche. Ouvrez une tête pour voir ses tokens sur les deux axes.",
  "inside.gridPooled": "Une longue invite : chaque case montre le plus grand poids d'un bloc de {block} × {block} positions. Ouvrez une tête pour voir chaque poids.",
  "inside.lensWindow": "Positions {from}–{to} sur {n} : la lentille d'une longue invite est calculée une fenêtre à la fois. Sélectionnez une position en dehors pour déplacer la fenêtre.",
  "inside.lensAt": "position choisie {pos}",
};
