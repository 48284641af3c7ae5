/** French strings of the "Why?" view and of the detailed view's contributions and interventions. */
import type { WhyCatalog } from "./types";

export const whyFr: WhyCatalog = {
  "why.view": "Pourquoi ?",
  "why.title": "Pourquoi a-t-il dit ça ?",
  "why.intro":
    "Quatre façons de demander au modèle pourquoi il a écrit ce qu'il a écrit, toujours sur le vrai calcul : quels tokens d'entrée ont compté pour le token suivant, quels tokens antérieurs ont compté pour chaque token généré, où, dans le réseau, passe la différence entre deux prompts, et à quel point il était sûr de chaque token d'un texte.",
  "why.caveat":
    "Lisez chaque carte comme une mesure, pas comme une explication : une attribution dit comment f change quand on modifie ou retire l'entrée d'une façon bien précise. Les méthodes peuvent se contredire, et aucune n'est une preuve de causalité.",
  "why.section.attribution": "Attribution de l'entrée",
  "why.section.generation": "Sur toute une génération",
  "why.section.patching": "Patching d'activations",
  "why.section.score": "Log-probabilités d'un texte",
  "why.method": "Méthode",
  "why.method.gradient_x_input": "Gradient × entrée",
  "why.method.integrated_gradients": "Gradients intégrés",
  "why.method.occlusion": "Occlusion (masquage)",
  "why.method.shapley": "Estimation de Shapley",
  "why.explain.gradient_x_input":
    "Gradient × entrée : pour chaque token, le gradient de f par rapport à son embedding multiplié par l'embedding, sommé sur d_model — une estimation au premier ordre de ce que f perdrait sans lui. Une seule passe arrière. Trompeur là où le modèle sature : un token qui décide déjà de la réponse peut recevoir un petit gradient.",
  "why.explain.integrated_gradients":
    "Gradients intégrés : les gradients sont moyennés le long d'un chemin droit d'une référence (tous les embeddings de tokens à zéro) jusqu'à l'entrée réelle, puis multipliés par l'entrée. Les scores s'additionnent à f(entrée) − f(référence), à l'erreur de complétude Δ près, affichée plus bas (plus de pas, Δ plus petit). Le résultat dépend de la référence choisie, et le chemin traverse des entrées que le modèle n'a jamais vues.",
  "why.explain.occlusion":
    "Occlusion : f moins f avec l'embedding de ce seul token remplacé par des zéros, une position après l'autre. Direct et lisible, mais un embedding nul est une entrée artificielle que le modèle n'a jamais rencontrée à l'entraînement, et des tokens qui se suppléent paraissent chacun sans importance.",
  "why.explain.shapley":
    "Estimation de Shapley (famille SHAP) : l'effet marginal moyen de chaque token sur f, sur des ordres aléatoires d'ajout des tokens (un token absent a un embedding nul). Équitable envers les interactions entre tokens, mais c'est une estimation : avec peu de permutations, elle est bruitée — changez la graine pour voir de combien.",
  "why.nSteps": "Pas",
  "why.nSamples": "Nombre de permutations",
  "why.seed": "Graine",
  "why.target": "Token cible",
  "why.foil": "Contraste (facultatif)",
  "why.targetTop": "le token le plus probable",
  "why.foilNone": "aucun",
  "why.typeToken": "saisir un token…",
  "why.running": "Calcul en cours…",
  "why.attr.caption":
    "Ce que chaque token du prompt a apporté à f = log p(cible) à la dernière position (sur tout le vocabulaire). Avec un contraste, f = log p(cible) − log p(contraste) : pourquoi ce token plutôt que celui-là. L'orange a fait monter f, le bleu l'a fait baisser.",
  "why.attr.run": "Attribuer",
  "why.fBaseline":
    "f à la référence (tous les embeddings de tokens à zéro) = {f}",
  "why.delta":
    "erreur de complétude Δ = Σ scores − (f − f_référence) = {delta}",
  "why.scoreLegend": "contribution à f (nats)",
  "why.tokenTitle": "position {pos} · identifiant {id} · score {score}",
  "why.gen.caption":
    "Chaque ligne est un token généré, chaque case ce qu'un token antérieur a apporté à la log-probabilité de ce token, selon la méthode choisie. Les cases hachurées viennent après le token : il ne peut pas en dépendre.",
  "why.gen.maxNew": "Tokens à générer",
  "why.gen.usesPage":
    "Attribue les {n} tokens générés dans la vue du token suivant.",
  "why.gen.greedy":
    "Rien n'a encore été généré : le serveur prolonge le prompt de {n} tokens en mode glouton.",
  "why.gen.run": "Attribuer la génération",
  "why.gen.rowTitle": "généré",
  "why.gen.colTitle": "tokens antérieurs",
  "why.gen.cell": "{target} ← {source} (position {pos}) : {score}",
  "why.patch.caption":
    "On exécute le prompt corrompu, on remet une activation issue de l'exécution propre, et on mesure logit(réponse) − logit(erronée) à la dernière position. Chaque case est une telle exécution (en lot). Une case proche de la valeur propre montre où passe la différence entre les deux prompts ; proche de la valeur corrompue, où elle ne passe pas.",
  "why.patch.clean": "Prompt propre",
  "why.patch.corrupted": "Prompt corrompu (même nombre de tokens)",
  "why.patch.answer": "Token réponse",
  "why.patch.wrong": "Token erroné",
  "why.patch.site": "Ce qui est remplacé",
  "why.site.resid_pre": "flux résiduel à l'entrée de chaque bloc",
  "why.site.attn_out": "sortie de l'attention de chaque bloc",
  "why.site.mlp_out": "sortie du MLP de chaque bloc",
  "why.site.head_result": "sortie de chaque tête",
  "why.patch.run": "Remplacer",
  "why.patch.tokenHint":
    "La réponse et le token erroné doivent chacun être exactement un token (attention à l'espace initial).",
  "why.patch.mislead":
    "Un seul endroit à la fois : les effets répartis sur plusieurs endroits, ou qui s'annulent, restent cachés ; et un grand effet montre par où passe l'information pour ces deux prompts, pas un mécanisme général.",
  "why.patch.cleanValue": "propre : logit({answer}) − logit({wrong}) = {value}",
  "why.patch.corruptedValue":
    "corrompu : logit({answer}) − logit({wrong}) = {value}",
  "why.patch.colTitle": "position (token propre/corrompu)",
  "why.patch.legend":
    "couleur : variation de logit(réponse) − logit(erronée) par rapport à l'exécution corrompue (blanc = inchangé) ; nombres : la valeur après le remplacement",
  "why.patch.cell": "couche {layer}, position {pos} ({token}) : {value}",
  "why.patch.cellHead":
    "couche {layer}, tête {head}, position {pos} ({token}) : {value}",
  "why.patch.picked":
    "{where}. Sans remplacement, l'exécution corrompue donne {corrupted} ; ce remplacement donne {value} ; l'exécution propre donne {clean}.",
  "why.patch.restored": "Soit {pct} % du chemin du corrompu vers le propre.",
  "why.patch.dist.title": "Le token suivant après ce seul remplacement",
  "why.patch.dist.caption":
    "Seule cette activation vient de l'exécution propre (à la position de {token}) ; tout le reste est l'exécution corrompue. Les probabilités du token suivant de l'exécution corrompue, à côté de celles après le remplacement ; les tokens réponse et erroné sont soulignés.",
  "why.patch.dist.corrupted": "Exécution corrompue",
  "why.patch.dist.patched": "Après le remplacement",
  "why.patch.dist.change": "Changement par token (le plus grand d'abord)",
  "why.patch.dist.unchanged":
    "Rien n'a bougé au-delà de l'arrondi (chaque |Δp| < {bound}) : ici, l'exécution propre et l'exécution corrompue portent la même valeur (comme avant le premier token qui diffère) ; la remettre ne change donc aucune probabilité.",
  "why.score.caption":
    "Collez n'importe quel texte : chaque token est coloré selon la probabilité que le modèle lui a donnée, compte tenu de tout ce qui précède — clair là où il était sûr, sombre là où il hésitait. Survolez un token ou donnez-lui le focus pour voir son rang et les alternatives que le modèle préférait.",
  "why.score.input": "Texte à évaluer",
  "why.score.run": "Évaluer",
  "why.score.models": "Modèles",
  "why.score.perplexity":
    "perplexité {ppl} sur {n} tokens (log-probabilité moyenne {mean})",
  "why.score.first":
    "le premier token : rien ne le précède, il n'est donc pas évalué",
  "why.score.token": "log p = {logprob} · p = {p} · rang {rank}",
  "why.score.top": "Les plus probables ici :",
  "why.score.unsure": "hésitant (p → 0)",
  "why.score.sure": "sûr (p → 1)",
  "why.score.legend":
    "Couleur : la probabilité du token compte tenu du texte qui précède (viridis, la même échelle partout dans glassbox).",
  "detail.panel.contributions": "Contributions directes",
  "why.dla.title": "Contributions au token suivant",
  "why.dla.caption":
    "Attribution directe au logit : ce que chaque tête et chaque MLP écrit directement dans le logit du token choisi à la dernière position (l'échelle de la normalisation finale est figée à sa vraie valeur, si bien que les parts s'additionnent au logit). Cliquez une case pour ouvrir cette tête ou ce MLP.",
  "why.dla.target": "Token choisi",
  "why.dla.legend": "contribution directe au logit",
  "why.dla.cellHead": "couche {layer}, tête {head} : {value}",
  "why.dla.cellMlp": "couche {layer}, MLP : {value}",
  "why.dla.total":
    "logit de {token} à la position {pos} = {logit} ; somme de toutes les contributions = {total}",
  "why.dla.rest": "Écrivent aussi dedans :",
  "why.dla.kind.embed": "embedding du token",
  "why.dla.kind.pos_embed": "embedding de position",
  "why.dla.kind.attn_bias": "biais de l'attention",
  "why.dla.kind.norm_bias": "biais de la normalisation finale",
  "why.dla.mislead":
    "Effets directs seulement : ce qu'une tête écrit dans l'entrée des têtes et MLP suivants est compté là où c'est finalement lu, pas ici. Une tête à faible effet direct peut compter quand même — éteignez-la pour voir.",
  "why.ablate.title": "Interventions sur le modèle",
  "why.ablate.hint":
    "⏻ sous une tête l'éteint (plusieurs à la fois) ; le panneau MLP a un interrupteur pour chaque neurone principal.",
  "why.ablate.headToggle":
    "éteindre ou rallumer la tête {head} de la couche {layer}",
  "why.ablate.neuronToggle":
    "éteindre ou rallumer le neurone {neuron} de la couche {layer}",
  "why.ablate.mode": "Remplacer par",
  "why.ablate.mode.zero": "zéro",
  "why.ablate.mode.mean": "sa moyenne sur les positions",
  "why.ablate.clear": "Tout rallumer",
  "why.ablate.offList": "Éteints :",
  "why.ablate.before": "Avant",
  "why.ablate.after": "Après",
  "why.ablate.change": "Changement par token (le plus grand d'abord)",
  "why.ablate.token": "candidat",
};
