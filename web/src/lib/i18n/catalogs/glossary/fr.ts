import type { GlossaryCatalog } from "./types";

export const glossaryFr: GlossaryCatalog = {
  "glossary.button": "Glossaire",
  "glossary.title": "Glossaire",
  "glossary.filter": "Filtrer les termes",
  "glossary.placeholder": "p. ex. softmax",
  "glossary.none": "Aucun terme ne correspond à « {q} ».",
  "glossary.count": "{n} termes",
  "glossary.seeIn": "À voir dans :",
  "glossary.close": "Fermer le glossaire",

  "glossary.token.term": "Jeton (token)",
  "glossary.token.def":
    "L’unité qu’un modèle de langage lit et écrit : un mot, un morceau de mot, un caractère ou quelques octets. Le texte entre sous forme de liste de jetons et sort un jeton à la fois.",
  "glossary.tokenizer.term": "Tokeniseur",
  "glossary.tokenizer.def":
    "Le programme qui découpe le texte en jetons et les transforme en identifiants, et inversement. Chaque modèle a son propre tokeniseur, appris sur du texte avant l’entraînement du modèle.",
  "glossary.tokenId.term": "Identifiant de jeton",
  "glossary.tokenId.def":
    "Le numéro d’un jeton dans le vocabulaire. Le modèle ne voit jamais de lettres : il ne voit que ces nombres, un par jeton.",
  "glossary.vocabulary.term": "Vocabulaire",
  "glossary.vocabulary.def":
    "La liste fixe de tous les jetons qu’un modèle connaît. À chaque pas, le modèle donne une probabilité à chaque entrée de cette liste, pas seulement aux quelques-unes affichées en tête.",
  "glossary.embedding.term": "Plongement (embedding)",
  "glossary.embedding.def":
    "La liste de nombres (un vecteur) qui représente un jeton dans le modèle. C’est une ligne d’une table apprise, lue grâce à l’identifiant du jeton ; des jetons employés de façon semblable finissent avec des vecteurs proches.",
  "glossary.positionEmbedding.term": "Plongement de position",
  "glossary.positionEmbedding.def":
    "Comment le modèle sait où se trouve un jeton dans le texte. Certains modèles ajoutent au vecteur du jeton un vecteur appris par position ; d’autres (RoPE) font tourner requêtes et clés d’un angle qui croît avec la position.",
  "glossary.attention.term": "Attention",
  "glossary.attention.def":
    "L’étape où chaque position rassemble l’information des positions précédentes. Elle calcule la pertinence de chaque jeton antérieur, la transforme en poids par un softmax et prend le mélange pondéré de leurs valeurs.",
  "glossary.attentionHead.term": "Tête d’attention",
  "glossary.attentionHead.def":
    "L’un des calculs d’attention qui tournent côte à côte dans une couche, chacun avec ses propres poids. Les têtes apprennent à chercher des choses différentes, comme le jeton précédent ou un mot identique.",
  "glossary.qkv.term": "Requête, clé, valeur",
  "glossary.qkv.def":
    "Trois vecteurs que l’attention calcule pour chaque position. La requête dit ce que cherche une position, la clé ce par quoi on la trouve, et la valeur ce qu’elle transmet une fois trouvée ; les scores requête·clé fixent les poids.",
  "glossary.softmax.term": "Softmax",
  "glossary.softmax.def":
    "La fonction qui transforme n’importe quelle liste de scores en probabilités : e à la puissance de chaque score, divisé par leur somme. Les scores élevés reçoivent une plus grande part et le tout fait 1.",
  "glossary.logit.term": "Logit",
  "glossary.logit.def":
    "Le score brut du modèle pour un jeton avant le softmax. Seules les différences de logits comptent : un jeton d’un logit plus haut est e ≈ 2,7 fois plus probable.",
  "glossary.probability.term": "Probabilité",
  "glossary.probability.def":
    "À quel point le modèle juge probable qu’un jeton vienne ensuite, de 0 à 1 (0 % à 100 %). Les probabilités de tous les jetons du vocabulaire font 1 au total.",
  "glossary.temperature.term": "Température",
  "glossary.temperature.def":
    "Un nombre par lequel on divise les logits avant le softmax. En dessous de 1, elle rend les jetons probables encore plus probables (0 : toujours le premier) ; au-dessus de 1, elle aplatit la distribution et rend le texte plus surprenant.",
  "glossary.topK.term": "Top-k",
  "glossary.topK.def":
    "Un filtre d’échantillonnage qui ne garde que les k jetons les plus probables et renormalise leurs probabilités. Avec k = 1, c’est le décodage glouton ; 0 désactive le filtre.",
  "glossary.topP.term": "Top-p (nucleus)",
  "glossary.topP.def":
    "Un filtre d’échantillonnage qui garde le plus petit ensemble de jetons les plus probables dont les probabilités totalisent au moins p. Quand le modèle est sûr, peu de jetons restent ; sinon, beaucoup.",
  "glossary.minP.term": "Min-p",
  "glossary.minP.def":
    "Un filtre d’échantillonnage qui écarte tout jeton dont la probabilité est inférieure à min-p fois celle du jeton le plus probable. Il coupe la longue traîne en suivant le degré de certitude du modèle.",
  "glossary.mlp.term": "MLP (réseau à propagation avant)",
  "glossary.mlp.def":
    "La seconde moitié de chaque bloc : un petit réseau à deux couches appliqué à chaque position séparément. Il étend le vecteur vers de nombreux neurones, applique une fonction non linéaire et le reprojette.",
  "glossary.neuron.term": "Neurone",
  "glossary.neuron.def":
    "Une unité de la couche cachée du MLP : un seul nombre par position, calculé à partir de l’entrée et passé par la fonction d’activation. Certains neurones réagissent à des motifs reconnaissables ; la plupart sont difficiles à nommer.",
  "glossary.residualStream.term": "Flux résiduel",
  "glossary.residualStream.def":
    "Le vecteur qui circule dans le modèle à chaque position. Chaque attention et chaque MLP le lit et y ajoute sa sortie : il transporte tout ce qui a été calculé jusque-là vers la couche suivante.",
  "glossary.layerNorm.term": "Normalisation de couche",
  "glossary.layerNorm.def":
    "Une étape qui remet un vecteur à une taille standard avant qu’une sous-couche ne le lise (LayerNorm le centre aussi ; RMSNorm ne fait que le mettre à l’échelle). Elle garde les nombres dans une plage où l’entraînement reste stable.",
  "glossary.block.term": "Bloc (couche)",
  "glossary.block.def":
    "L’unité répétée d’un transformer : attention, puis MLP, chacun avec sa normalisation, chacun ajoutant au flux résiduel. Un modèle est une pile de blocs identiques aux poids différents.",
  "glossary.logitLens.term": "Lentille des logits",
  "glossary.logitLens.def":
    "Une façon de lire le flux résiduel à mi-chemin : après n’importe quelle couche, lui appliquer la normalisation finale et le dé-plongement pour voir ce que le modèle prédirait s’il s’arrêtait là. Elle montre à quelle couche la réponse finale prend forme.",
  "glossary.contextWindow.term": "Fenêtre de contexte",
  "glossary.contextWindow.def":
    "Le nombre maximal de jetons qu’un modèle peut lire d’un coup. Au-delà, le texte doit être coupé : glassbox garde les derniers jetons qui tiennent et indique combien ont été écartés.",
  "glossary.loss.term": "Perte (entropie croisée)",
  "glossary.loss.def":
    "Le nombre que l’entraînement cherche à réduire : moins le logarithme de la probabilité donnée au bon jeton suivant, moyenné sur les positions. Une perte de 0 serait une certitude ; deviner uniformément donne le logarithme de la taille du vocabulaire.",
  "glossary.gradient.term": "Gradient",
  "glossary.gradient.def":
    "Pour chaque paramètre, de combien la perte changerait si ce paramètre bougeait un peu. La passe arrière calcule tous les gradients d’un coup ; l’entraînement déplace chaque paramètre à l’opposé de son gradient.",
  "glossary.optimizer.term": "Optimiseur (AdamW)",
  "glossary.optimizer.def":
    "La règle qui transforme les gradients en mises à jour des poids. AdamW tient des moyennes glissantes de chaque gradient et de son carré pour choisir un pas par paramètre, et réduit légèrement les poids (weight decay).",
  "glossary.learningRate.term": "Taux d’apprentissage",
  "glossary.learningRate.def":
    "La taille du pas que fait l’optimiseur à chaque mise à jour. Trop grand, l’entraînement devient instable ; trop petit, il apprend lentement. Il monte généralement au début puis décroît pendant l’entraînement.",
  "glossary.checkpoint.term": "Point de contrôle",
  "glossary.checkpoint.def":
    "Une copie enregistrée de tous les poids du modèle à un pas d’entraînement. Les points de contrôle permettent de revenir voir ce que le modèle savait à ce moment-là.",
  "glossary.parameter.term": "Paramètre (poids)",
  "glossary.parameter.def":
    "Un nombre appris du modèle ; les plongements et les matrices d’attention et du MLP en sont faits. La taille d’un modèle se donne en général par son nombre de paramètres.",
  "glossary.inductionHead.term": "Tête d’induction",
  "glossary.inductionHead.def":
    "Une tête d’attention qui complète les motifs répétés : ayant vu « A B » plus tôt, sur un « A » ultérieur elle regarde ce qui suivait le premier A et prédit « B ». C’est l’un des circuits les mieux compris des transformers.",
  "glossary.attribution.term": "Attribution",
  "glossary.attribution.def":
    "Des méthodes qui estiment combien chaque jeton d’entrée (ou tête, ou neurone) a contribué à une prédiction. Des méthodes différentes mesurent des choses différentes et peuvent diverger : comparez-les.",
};
