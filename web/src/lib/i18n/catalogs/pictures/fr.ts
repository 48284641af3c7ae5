/** French picture captions (the Why view's heatmaps, the token tax, random start vs trained). */
import type { PicturesCatalog } from "./types";

export const picturesFr: PicturesCatalog = {
  "pictures.capMethod": "Méthode : {method}",
  "pictures.capGeneration": "Chaque token généré (une ligne) attribué à chaque token qui le précède (les colonnes)",
  "pictures.capClean": "Prompt propre : {prompt}",
  "pictures.capCorrupted": "Prompt corrompu : {prompt}",
  "pictures.capPatch": "logit(« {answer} ») − logit(« {wrong} ») à la dernière position, une activation reprise de l’exécution propre : {site}",
  "pictures.capTokenizers": "Tokeniseurs : {names}",
  "pictures.capTax": "Nombre de tokens pour le même texte en {n} langues ; × est le rapport au nombre en {reference}",
  "pictures.capInit": "Couche {layer}, tête {head} : les poids initiaux de l’entraînement (étape 0) à côté des poids entraînés",
};
