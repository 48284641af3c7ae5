/** French strings of the "models side by side" view. */
import type { CompareCatalog } from "./types";

export const compareFr: CompareCatalog = {
  "cmp.view": "Comparer les modèles",
  "cmp.title": "Des modèles côte à côte",
  "cmp.intro":
    "Le même prompt passé à deux des modèles qu’offre ce serveur. Chacun découpe le texte avec son propre tokenizer et prédit sur son propre vocabulaire : les jetons suivants sont donc rapprochés par les octets qu’ils représentent, et la lentille des logits de chaque modèle est tracée selon sa profondeur relative, car les modèles n’ont pas forcément le même nombre de couches.",
  "cmp.first": "Premier modèle",
  "cmp.second": "Second modèle",
  "cmp.prompt": "Texte d’entrée",
  "cmp.oneModel":
    "Ce serveur n’offre qu’un modèle. Lancez-le avec deux modèles ou plus pour les comparer, par exemple : glassbox serve --model glassbox-tiny --model ./mon-modele",
  "cmp.pickTwo": "Choisissez deux modèles différents.",
  "cmp.loading": "Les deux modèles calculent…",
  "cmp.tokens": "{n} jetons",
  "cmp.tokensCaption": "Comment le tokenizer de chaque modèle découpe le prompt.",
  "cmp.entropy": "entropie du jeton suivant {value} nats",
  "cmp.nextTitle": "Le jeton suivant, rapproché par ses octets",
  "cmp.nextCaption":
    "La réunion des {k} jetons suivants les plus probables de chaque modèle, sur tout son vocabulaire. Un tiret : le vocabulaire de ce modèle n’a aucun jeton ayant exactement ces octets.",
  "cmp.notInVocab": "aucun jeton de ce vocabulaire",
  "cmp.token": "jeton suivant",
  "cmp.tv":
    "Distance en variation totale entre les deux distributions du jeton suivant : {value} (0 : la même distribution, 1 : aucun recouvrement), sur les octets du jeton suivant.",
  "cmp.sameTokenizer": "Les deux modèles utilisent le même tokenizer : leurs identifiants et leurs octets coïncident exactement.",
  "cmp.otherTokenizers":
    "Leurs tokenizers diffèrent : un même texte est souvent découpé autrement, si bien qu’un jeton suivant de l’un peut n’être qu’une partie d’un jeton suivant de l’autre.",
  "cmp.lensTitle": "Quand chaque modèle se fixe-t-il sur sa réponse ?",
  "cmp.lensCaption":
    "La lentille des logits à la dernière position : le flux résiduel après chaque couche, lu à travers la normalisation finale et le dé-plongement du modèle lui-même. Chaque courbe est la probabilité du jeton final le plus probable du modèle après chaque couche ; en abscisse, la profondeur (0 après les plongements, 1 après le dernier bloc).",
  "cmp.depth": "profondeur relative",
  "cmp.probFinal": "p(jeton final en tête)",
  "cmp.settles": "jeton en tête {token} à partir de cette couche : {where}",
  "cmp.lensTable": "Jeton en tête après chaque couche",
  "cmp.chartLine": "{model} : {first} après les plongements, {last} à la sortie",
  "help.compare.shows":
    "Deux modèles face au même prompt : comment le tokenizer de chacun le découpe, la distribution du jeton suivant de chacun avec les jetons rapprochés d’un vocabulaire à l’autre, et la lentille des logits de chacun selon la profondeur relative.",
  "help.compare.read":
    "Les barres d’une ligne sont les probabilités que deux modèles donnent au même texte suivant. La courbe de la lentille montre à quelle profondeur chaque modèle s’engage sur sa réponse finale ; une courbe plate en bas qui bondit à la fin signifie que seules les dernières couches décident.",
  "help.compare.try":
    "Lancez le serveur avec deux modèles (glassbox serve --model A --model B), tapez un fait comme « The capital of France is », et voyez quel modèle est le plus sûr, et lequel se fixe plus tôt sur la réponse.",
  "help.panel.compareNext":
    "Les jetons suivants les plus probables de chaque modèle, rapprochés par les octets qu’ils représentent ; un modèle dont le vocabulaire n’a pas ce jeton affiche un tiret.",
  "help.panel.compareLens":
    "La probabilité du jeton final en tête de chaque modèle après chaque couche, sur un axe commun de profondeur relative ; le tableau donne le jeton en tête propre à chaque couche.",
};
