import type { HelpCatalog } from "./types";

export const helpFr: HelpCatalog = {
  "help.section.shows": "Ce que montre cette vue",
  "help.section.read": "Comment la lire",
  "help.section.try": "À essayer d’abord",
  "help.panelButton": "Expliquer ce panneau",
  "help.openGlossary": "Glossaire : chaque terme expliqué",
  "help.terms": "Termes utilisés ici :",

  "help.next.shows":
    "Un modèle de langage lit le texte sous forme de jetons — des morceaux de mots avec un identifiant numérique ; les pastilles colorées montrent comment votre texte a été découpé. Pour la position suivante, le modèle donne un score (un logit) à chaque jeton de son vocabulaire, et le softmax transforme ces scores en probabilités de somme 1 — sur tout le vocabulaire, pas seulement les premiers.",
  "help.next.read":
    "L’échantillonnage choisit un jeton : la température accentue ou aplatit la distribution, top-k, top-p et min-p écartent les jetons improbables, et un nombre aléatoire issu de la graine choisit parmi le reste. La même graine donne toujours le même texte.",
  "help.next.try":
    "« Pas » ajoute un jeton à la fois, « Lecture » continue tout seul. Cliquez sur un candidat pour l’imposer et voir où va le texte. Pas de magie : les mêmes opérations, un jeton à la fois.",
  "help.detail.shows":
    "À l’intérieur du modèle : chaque opération d’une passe avant sur votre texte, des plongements des jetons à travers chaque bloc (l’attention, puis le MLP, chacun ajoutant au flux résiduel) jusqu’aux probabilités finales. Chaque nombre est lu dans les activations réelles du modèle affiché.",
  "help.detail.read":
    "Le schéma de gauche montre le modèle des jetons (en haut) aux probabilités (en bas) ; cliquez sur une partie, ou choisissez une couche, une tête et une position au-dessus, pour l’ouvrir à côté du schéma. Dans les cartes, la couleur représente la valeur de chaque case.",
  "help.detail.try":
    "Ouvrez Une tête et suivez une position à travers la requête, les clés, les scores, le softmax et la somme pondérée. Ouvrez ensuite Lentille des logits et trouvez la couche où la réponse finale apparaît pour la première fois.",
  "help.training.shows":
    "Comment le modèle a appris : son entraînement enregistré rejoué point de contrôle par point de contrôle, un vrai pas d’entraînement décomposé, les poids aléatoires de départ à côté des poids entraînés, et un micro-modèle que vous pouvez entraîner ici en direct.",
  "help.training.read":
    "La perte mesure la surprise du modèle devant le bon jeton suivant (plus bas, c’est mieux) et doit baisser au fil de l’entraînement. Un point de contrôle, ce sont les poids enregistrés à un pas ; les sondes montrent ce que le modèle prédisait à chacun.",
  "help.training.try":
    "Faites défiler la relecture du pas 0 jusqu’à la fin et regardez les prédictions des sondes passer du bruit aux mots. Lancez ensuite un pas d’entraînement et voyez quelles cibles sont devenues plus probables — et lesquelles non.",
  "help.why.shows":
    "Pourquoi le modèle a-t-il dit cela ? Des mesures de la part des jetons d’entrée, des têtes et des neurones qui ont poussé la prédiction vers un jeton : attribution des entrées, attribution au fil d’une génération, patching d’activations entre deux prompts, et log-probabilité de chaque jeton d’un texte.",
  "help.why.read":
    "Chaque méthode répond à une question un peu différente et chacune peut tromper : les gradients ne voient que la pente locale, l’occlusion retire un seul jeton à la fois. Quand deux méthodes concordent, la réponse est plus fiable.",
  "help.why.try":
    "Attribuez le prompt actuel avec deux méthodes et comparez-les. Puis évaluez une phrase et cherchez les jetons où le modèle a hésité.",
  "help.tokenizers.shows":
    "Le labo des tokeniseurs : un même texte découpé par plusieurs vrais tokeniseurs côte à côte, la taxe en jetons d’un même texte dans de nombreuses langues, les fusions BPE pas à pas, et les modèles de chat.",
  "help.tokenizers.read":
    "Chaque pastille est un jeton avec son identifiant ; survolez-la pour voir ses octets. Moins de jetons pour le même texte, c’est plus de texte dans le contexte du modèle et une requête moins chère.",
  "help.tokenizers.try":
    "Tapez une phrase dans votre langue et comparez le tokeniseur de GPT-2 à un plus récent. Cherchez ensuite dans le tableau de la taxe la langue qui coûte le plus de jetons.",

  "help.panel.tokens":
    "Votre prompt tel que le modèle le reçoit : chaque pastille est un jeton (survolez-la pour son identifiant et ses octets). Le modèle ne voit jamais de lettres, seulement ces nombres.",
  "help.panel.generation":
    "Le texte jusqu’ici, un jeton par pas : « Pas » tire un jeton avec les réglages affichés, « Lecture » continue, « Reculer » retire le dernier. Les jetons imposés en cliquant sur un candidat restent aussi dans le texte.",
  "help.panel.distribution":
    "La probabilité de chaque jeton suivant possible, calculée sur tout le vocabulaire ; les barres les plus longues sont les plus probables. Les barres pâles sont les probabilités avant que les filtres d’échantillonnage ne coupent quoi que ce soit.",
  "help.panel.controls":
    "Les réglages d’échantillonnage : la température divise les logits, top-k, top-p et min-p écartent les jetons improbables, et la graine fixe le tirage aléatoire. Bouger un curseur rééchantillonne aussitôt, dans la page.",
  "help.panel.pipeline":
    "Le chemin exact des logits au jeton choisi, avec les vrais nombres de ce pas : division par la température, softmax, filtres, renormalisation, puis un nombre aléatoire issu de la graine choisit un jeton.",
  "help.panel.overview":
    "Le modèle entier en schéma : les plongements, les blocs (attention puis MLP, chacun ajoutant au flux résiduel), la normalisation finale et le dé-plongement. Cliquez sur une partie pour l’ouvrir à droite.",
  "help.panel.embedding":
    "Comment un identifiant de jeton devient un vecteur : la ligne de la matrice de plongement pour cet identifiant, plus le vecteur de la position quand le modèle en apprend un (un modèle rotatif fait plutôt tourner requêtes et clés dans l’attention).",
  "help.panel.attention":
    "Une tête d’attention à une position, pas à pas : requêtes, clés et valeurs, leurs produits scalaires divisés par √d_head, le masque causal, le softmax et la somme pondérée des valeurs.",
  "help.panel.heads":
    "Toutes les têtes de toutes les couches à la fois : chaque petite carte montre où les requêtes d’une tête (lignes) regardent parmi les clés (colonnes). Cherchez les têtes qui regardent le jeton précédent, ou le premier.",
  "help.panel.mlp":
    "Le MLP d’un bloc à une position : son entrée est projetée vers de nombreux neurones, passe par la fonction d’activation et est reprojetée. Les neurones les plus actifs sont listés avec leurs valeurs.",
  "help.panel.residual":
    "Le flux résiduel à une position au fil des blocs : ce que chaque attention et chaque MLP y ajoutent, et comment les normalisations le remettent à l’échelle avant que chacun ne le lise.",
  "help.panel.lens":
    "La lentille des logits applique la normalisation finale et le dé-plongement au flux résiduel après chaque couche : ce que le modèle prédirait s’il s’arrêtait là. Regardez la réponse finale monter couche après couche.",
  "help.panel.contributions":
    "Attribution directe des logits : combien chaque tête et chaque MLP ont ajouté, directement, au logit d’un jeton. Positif pousse vers lui, négatif l’en éloigne ; les effets qui passent par des couches ultérieures ne sont pas comptés.",
  "help.panel.ablation":
    "Les têtes et neurones désactivés dans cette vue, et comment la prédiction a changé sans eux. Réactivez-les pour comparer.",
  "help.panel.replay":
    "L’entraînement enregistré, rejoué : choisissez un point de contrôle pour voir la perte à ce pas et ce que le modèle prédisait alors après chaque prompt de sonde.",
  "help.panel.lossChart":
    "La perte d’entraînement de chaque lot et la perte sur données réservées (du texte jamais vu à l’entraînement) en fonction du pas. Une perte réservée qui monte pendant que celle d’entraînement baisse, c’est du surapprentissage.",
  "help.panel.step":
    "Un vrai pas d’entraînement sur une phrase de votre choix, étape par étape : passe avant, perte par position, gradients de la passe arrière, mise à jour AdamW, et probabilité de chaque cible avant et après.",
  "help.panel.init":
    "Le même prompt avec les poids initialisés au hasard et avec les poids entraînés : le modèle aléatoire répartit ses paris presque également, le modèle entraîné les concentre.",
  "help.panel.live":
    "Entraînez un micro-modèle à partir de zéro, sur ce serveur, maintenant — sur le corpus de glassbox ou sur un texte que vous collez : regardez sa perte baisser et ses échantillons changer, puis ouvrez-le dans les autres vues.",
  "help.panel.micro":
    "Ce modèle a été entraîné en direct sur ce serveur : la courbe de perte et les échantillons de son entraînement.",
  "help.panel.attribution":
    "Attribution des entrées : combien chaque jeton du prompt a contribué à un jeton suivant, selon la méthode choisie (gradient×entrée, gradients intégrés, occlusion ou estimation de Shapley).",
  "help.panel.whyGeneration":
    "Attribution au fil d’une génération : pour chaque jeton généré, combien il s’est appuyé sur chaque jeton antérieur, sous forme de matrice.",
  "help.panel.patching":
    "Patching d’activations : copiez une activation d’une exécution propre dans une exécution corrompue et mesurez quelle part de la bonne réponse revient. Cliquez sur une case pour voir la distribution qu’elle donne.",
  "help.panel.score":
    "La log-probabilité que le modèle donne à chaque jeton d’un texte : où il était sûr (près de 0) et où il a hésité (très négative), et le total.",
  "help.panel.tokCompare":
    "Un texte passé par plusieurs tokeniseurs côte à côte : les mêmes mots coûtent des nombres de jetons différents et sont coupés à des endroits différents.",
  "help.panel.tokTax":
    "La taxe en jetons : un texte parallèle en de nombreuses langues, compté par chaque tokeniseur. Une case donne les jetons qu’il faut à cette langue par rapport à l’anglais.",
  "help.panel.tokMerges":
    "Le codage BPE pas à pas : un mot commence en octets, et les fusions apprises du tokeniseur joignent encore et encore la paire de meilleur rang jusqu’à ce qu’aucune fusion ne s’applique.",
  "help.panel.tokChat":
    "Un modèle de chat : comment une conversation devient le texte exact, et les jetons, que lit un modèle de dialogue, jetons spéciaux compris.",

  "scale.title": "Une idée de l’échelle",
  "scale.intro":
    "Le modèle servi ici à côté de trois modèles publiés. Ses propres chiffres sont lus dans sa configuration et son historique d’entraînement ; les autres sont les chiffres publiés, avec leurs sources ci-dessous.",
  "scale.model": "Modèle",
  "scale.params": "Paramètres",
  "scale.layers": "Couches",
  "scale.context": "Contexte (jetons)",
  "scale.tokens": "Jetons d’entraînement",
  "scale.served": "{name} (servi ici)",
  "scale.notPublished": "non publié",
  "scale.notRecorded": "non enregistré",
  "scale.upTo": "jusqu’à {n}",
  "scale.ratioBigger": "{model} a {ratio}× les paramètres de ce modèle.",
  "scale.ratioSmaller": "Ce modèle a {ratio}× les paramètres de {model}.",
  "scale.bar": "Paramètres sur une échelle logarithmique : chaque ligne de la grille vaut dix fois la précédente.",
  "scale.sources": "Références",
  "scale.gpt2Tokens": "Le nombre de jetons d’entraînement de GPT-2 n’a pas été publié ; son article décrit WebText comme environ 40 Go de texte.",
};
