/** French strings of the beginner mode and the guided tour. */
import type { TourCatalog } from "./types";

export const tourFr: TourCatalog = {
  "tour.mode.label": "Mode d’affichage",
  "tour.mode.beginner": "Débutant",
  "tour.mode.expert": "Avancé",
  "tour.mode.hint": "Débutant : une visite guidée au-dessus des vues. Avancé : les vues seules.",
  "tour.title": "Visite guidée",
  "tour.open": "Ouvrir la visite guidée",
  "tour.close": "Fermer la visite",
  "tour.next": "Suivant",
  "tour.back": "Retour",
  "tour.play": "Lecture",
  "tour.pause": "Mettre en pause",
  "tour.speed": "Vitesse",
  "tour.still": "Sans mouvement",
  "tour.track.label": "Visite de",
  "tour.track.generation": "Une étape de génération",
  "tour.track.training": "Une étape d'entraînement",
  "tour.progress": "Étape {n} sur {total}",
  "tour.expert": "Montrez-moi les vrais nombres",
  "tour.tensor": "Tiré de : {name}",
  "tour.keys": "Cliquez sur l'image ou appuyez sur une touche pour finir l'animation · ← → étapes · Échap ferme",
  "tour.loading": "Récupération des vraies valeurs…",
  "tour.noPrompt": "Saisissez un texte dans la zone ci-dessous : la visite raconte ce que le modèle en fait.",
  "tour.again": "Suivant génère ce token pour de vrai et raconte l'étape suivante.",
  "tour.ended": "La génération s'arrête ici (fin de texte, limite de tokens ou contexte du modèle) : changez le texte pour recommencer.",
  "tour.block": "Bloc",
  "tour.head": "Tête",
  "tour.position": "en position {pos}",
  "tour.norm": "longueur ‖x‖ = {value}",
  "tour.hoverCells": "Pointez une cellule pour lire sa valeur.",
  "tour.othersShare": "{n} autres positions se partagent les {p} restants.",
  "tour.neuron": "neurone {i}",
  "tour.vectorOnItsWay": "Le vecteur du dernier token, étape par étape",
  "tour.guess": "Avant la réponse : quel token le modèle trouve-t-il le plus probable, selon vous ?",
  "tour.reveal": "Montrez-moi directement",
  "tour.guessRight": "Exact : « {token} » est le plus probable.",
  "tour.guessWrong": "Pas cette fois : vous avez choisi « {guess} », le modèle préfère « {token} ».",
  "tour.greedy": "Température 0 : pas de tirage, le token le plus probable est pris.",
  "tour.draw": "Le nombre aléatoire u = {u} (avec graine) tombe sur « {token} ».",
  "tour.kept": "{n} tokens passent les filtres",
  "tour.chosen": "choisi",
  "tour.gen.text.title": "Votre texte",
  "tour.gen.text.caption":
    "Tout commence par le texte de la zone de saisie : « {text} ». Un modèle ne sait pas lire des lettres : sa première tâche est de découper le texte en morceaux qu'il connaît.",
  "tour.gen.tokens.title": "Texte → tokens",
  "tour.gen.tokens.caption":
    "Le tokenizer découpe le texte en {n} tokens : des mots entiers, des morceaux de mots ou des caractères, pris dans un vocabulaire fixe de {vocab}. Une espace voyage en général avec le mot qui la suit.",
  "tour.gen.ids.title": "Tokens → identifiants",
  "tour.gen.ids.caption":
    "Chaque token est en réalité un nombre, sa ligne dans le vocabulaire, et le modèle ne voit que ces {n} identifiants. Le dernier, {id} (« {token} »), est la position où le token suivant est prédit.",
  "tour.gen.embedding.title": "Identifiants → vecteurs",
  "tour.gen.embedding.caption":
    "L'identifiant {id} choisit une ligne de la table d'embeddings : une liste de {d} nombres, dessinés en cases (orange au-dessus de zéro, bleu en dessous). Ce vecteur est le point de départ du token ; sa longueur est {norm}.",
  "tour.gen.attention.title": "L'attention : regarder en arrière",
  "tour.gen.attention.caption":
    "Dans le bloc {layer}, la tête {head} permet au dernier token « {token} » de recueillir l'information des positions précédentes. Les lignes montrent combien il regarde chacune, surtout « {top} » ({weight}) ; les poids font 1 au total.",
  "tour.gen.mlp.title": "Le MLP : chaque position seule",
  "tour.gen.mlp.caption":
    "Après l'attention, le MLP du bloc transforme chaque position séparément : {d} neurones lisent le vecteur et quelques-uns s'activent fortement. Dans le bloc {layer}, le neurone {neuron} s'active le plus à cette position ({value}).",
  "tour.gen.residual.title": "Le flux résiduel grandit",
  "tour.gen.residual.caption":
    "L'attention et le MLP ne remplacent pas le vecteur : chacun lui ajoute son résultat, bloc après bloc. Sa longueur passe de {first} après l'embedding à {last} après le dernier bloc.",
  "tour.gen.probabilities.title": "Scores → probabilités",
  "tour.gen.probabilities.caption":
    "Le vecteur final est comparé à chacun des {vocab} tokens pour leur donner un score ; le softmax transforme les scores en probabilités dont la somme vaut 1. Le token suivant le plus probable est « {token} », à {prob}.",
  "tour.gen.sampling.title": "L'échantillonnage : en choisir un",
  "tour.gen.sampling.caption":
    "Un token est maintenant choisi avec vos réglages (température {temp}, graine {seed}) : les filtres écartent les tokens improbables, puis un nombre aléatoire choisit parmi les autres. Cette fois c'est « {token} », dont la probabilité était {prob}.",
  "tour.gen.append.title": "Ajouter, et recommencer",
  "tour.gen.append.caption":
    "« {token} » est ajouté à la fin du texte, et exactement la même étape recommence pour prédire le token suivant. Générer du texte, ce n'est que cette boucle.",
};
