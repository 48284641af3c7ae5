import { detailFr } from "./detail/fr";
import { moeFr } from "./moe/fr";
import { gemma4Fr } from "./gemma4/fr";
import { linearFr } from "./linear/fr";
import { circuitsPanelsFr } from "./circuits_panels/fr";
import { circuitsFr } from "./circuits/fr";
import { glossaryFr } from "./glossary/fr";
import { helpFr } from "./help/fr";
import { a11yFr } from "./a11y/fr";
import { insideFr } from "./inside/fr";
import { shareFr } from "./share/fr";
import { picturesFr } from "./pictures/fr";
import { promptFr } from "./prompt/fr";
import { trainingFr } from "./training/fr";
import { tourFr } from "./tour/fr";
import { tourTrainingFr } from "./tour-training/fr";
import { whyFr } from "./why/fr";
import { exportFr } from "./export/fr";
import { exportViewsFr } from "./export_views/fr";
import { tracesFr } from "./traces/fr";
import { checkpointsFr } from "./checkpoints/fr";
import { compareFr } from "./compare/fr";
import type { Catalog } from "./en";

export const fr: Catalog = {
  ...detailFr,
  ...moeFr,
  ...gemma4Fr,
  ...linearFr,
  ...circuitsPanelsFr,
  ...circuitsFr,
  ...glossaryFr,
  ...helpFr,
  ...a11yFr,
  ...insideFr,
  ...shareFr,
  ...picturesFr,
  ...promptFr,
  ...trainingFr,
  ...tourFr,
  ...tourTrainingFr,
  ...whyFr,
  ...exportFr,
  ...exportViewsFr,
  ...tracesFr,
  ...checkpointsFr,
  ...compareFr,
  // the tokenizer lab's strings load with its view (catalogs/tokenizers/lazy.ts); its tab label is here
  "tok.view": "Tokeniseurs",
  "app.tagline":
    "Regardez un vrai modèle de langage lire votre texte et choisir le jeton suivant — chaque nombre est réel.",
  "help.button": "Qu’est-ce que je regarde ?",
  "help.title": "Qu’est-ce que je regarde ?",
  "help.close": "Fermer",
  "prompt.label": "Texte d’entrée",
  "prompt.placeholder": "Tapez du texte…",
  "prompt.examples": "Exemples",
  "example.1": "La capitale de la France est",
  "example.2": "Il était une fois un",
  "example.3": "1, 2, 3, 4,",
  "tokens.title": "Jetons",
  "tokens.count": "{n} jetons",
  "tokens.showSpecial": "Jetons spéciaux",
  "tokens.tooltip": "id {id} · octets {bytes}",
  "tokens.partial": "un morceau incomplet d’un caractère UTF-8",
  "tokens.caption": "Le tokeniseur découpe le texte en jetons ; le modèle ne voit que leurs identifiants.",
  "dist.title": "Jeton suivant",
  "dist.caption":
    "Probabilités du jeton suivant après tous les filtres, calculées sur tout le vocabulaire de {vocab} jetons. Barres pâles : avant les filtres.",
  "dist.other": "tous les autres jetons ({n})",
  "dist.force": "Cliquez sur un candidat pour l’imposer comme jeton suivant.",
  "pipeline.title": "Chaîne d’échantillonnage",
  "pipeline.token": "jeton",
  "pipeline.kept": "{n} sur {total} gardés",
  "pipeline.off": "désactivé",
  "pipeline.greedy": "Une température de 0 signifie glouton : le jeton le plus probable est toujours choisi, sans hasard.",
  "pipeline.draw":
    "u = {u} : on parcourt les jetons gardés par identifiant en additionnant leurs probabilités, jusqu’à dépasser u.",
  "pipeline.chosen": "Choisi : {token} (p = {p})",
  "stage.logits": "logits",
  "stage.logits.caption": "Le score brut du modèle pour chaque jeton du vocabulaire : plus il est haut, plus le jeton est probable.",
  "stage.temperature": "÷ T",
  "stage.temperature.caption":
    "Chaque logit est divisé par la température T : en dessous de 1 la distribution se resserre, au-dessus elle s’aplatit.",
  "stage.softmax": "softmax",
  "stage.softmax.caption":
    "Le softmax transforme les scores en probabilités : exp(score) divisé par la somme sur tous les jetons.",
  "stage.topk": "top-k",
  "stage.topk.caption": "Top-k ne garde que les k jetons les plus probables (0 = désactivé).",
  "stage.topp": "top-p",
  "stage.topp.caption":
    "Top-p garde le plus petit ensemble de jetons les plus probables dont la somme atteint au moins p.",
  "stage.minp": "min-p",
  "stage.minp.caption": "Min-p écarte les jetons moins probables que min-p fois le jeton le plus probable.",
  "stage.renorm": "renormaliser",
  "stage.renorm.caption": "Les probabilités restantes sont divisées par leur somme pour totaliser de nouveau 1.",
  "stage.sample": "tirage",
  "stage.sample.caption":
    "Un nombre u dans [0, 1), tiré de la graine et du pas, choisit un jeton : même graine, même choix.",
  "controls.title": "Échantillonnage",
  "controls.temperature": "Température",
  "controls.topK": "Top-k",
  "controls.topP": "Top-p",
  "controls.minP": "Min-p",
  "controls.seed": "Graine",
  "controls.greedy": "glouton",
  "gen.title": "Génération",
  "gen.step": "Pas",
  "gen.play": "Lecture",
  "gen.pause": "Pause",
  "gen.reset": "Réinitialiser",
  "gen.rewind": "Reculer",
  "gen.speed": "Vitesse",
  "gen.empty": "Appuyez sur Pas pour générer un jeton à la fois.",
  "gen.forced": "imposé",
  "gen.tokenTitle": "jeton {id} · p = {p}",
  "gen.eos": "Le modèle a produit son jeton de fin de texte.",
  "gen.limit": "Limite de {n} nouveaux jetons atteinte.",
  "gen.context": "Le contexte du modèle ({n} jetons) est plein.",
  "gen.keys": "Touches : Espace lecture/pause · → pas · ← reculer · R réinitialiser",
  "model.label": "Modèle",
  "model.card": "Fiche du modèle",
  "model.architecture": "Architecture",
  "model.layers": "Couches",
  "model.heads": "Têtes d’attention",
  "model.headsLinear": "{n} dans les couches d’attention linéaire",
  "model.devices": "Appareils",
  "model.dModel": "Largeur (d_model)",
  "model.params": "Paramètres",
  "model.vocab": "Vocabulaire",
  "model.positional": "Positions",
  "model.positional.learned": "plongements appris",
  "model.positional.rotary": "rotatives (RoPE)",
  "model.context": "Contexte",
  "lang.label": "Langue",
  "theme.label": "Thème",
  "theme.auto": "Auto",
  "theme.light": "Clair",
  "theme.dark": "Sombre",
  "legend.low": "improbable",
  "legend.high": "probable",
  "error.dismiss": "Fermer",
  "error.network": "Le serveur ne répond pas. `glassbox serve` tourne-t-il toujours ?",
  "error.prompt_too_long": "Ce texte est plus long que ce que le serveur autorise.",
  "error.too_many_new_tokens": "La génération a atteint la limite de nouveaux jetons du serveur.",
  "error.invalid_input": "Le serveur n’a pas pu utiliser cette entrée.",
  "error.unknown_model": "Le serveur ne propose pas ce modèle.",
  "error.top_k_too_large": "Ce top-k dépasse ce que le serveur autorise.",
  "error.text_too_long": "Le texte collé est trop long pour l’entraînement en direct.",
  "error.superseded": "Une requête plus récente a remplacé celle-ci.",
  "error.busy": "Un autre entraînement en direct est déjà en cours sur ce serveur.",
  "error.not_found": "Le serveur n’a plus ce que cette page a demandé.",
  "error.method_not_allowed": "Le serveur n’accepte pas ce type de requête ici.",
  "error.unsupported_architecture": "L’architecture de ce modèle n’est pas prise en charge.",
  "error.corrupted_file": "Un fichier de modèle ou de point de contrôle est endommagé.",
  "error.training_error": "L’entraînement a échoué sur le serveur.",
  "error.not_built": "Ce n'est pas disponible ici : la partie nécessaire n'est pas construite ou pas incluse.",
  "error.internal": "Une erreur s’est produite.",
  "error.http": "Le serveur a donné une réponse que cette page ne comprend pas.",
  "status.loading": "Chargement…",
  "status.thinking": "Le modèle calcule…",
};
