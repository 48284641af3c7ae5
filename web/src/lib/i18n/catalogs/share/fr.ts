/** French strings of links and pictures. */
import type { ShareCatalog } from "./types";

export const shareFr: ShareCatalog = {
  "share.copyLink": "Copier le lien",
  "share.copyLinkTitle": "Copier un lien qui rouvre cette vue, avec ce prompt, ces réglages et cette sélection",
  "share.copied": "Lien copié : il rouvre cette vue telle qu’elle est maintenant",
  "share.copyFallback": "Copiez ce lien :",
  "share.exportSvg": "Télécharger « {panel} » en image SVG",
  "share.exportPng": "Télécharger « {panel} » en image PNG (2×)",
  "share.saved": "Enregistré : {file}",
  "share.failed": "L’image n’a pas pu être créée : {error}",
  "share.capModel": "Modèle : {model}",
  "share.capPrompt": "Prompt : {prompt}",
  "share.capGenerated": "Généré ensuite : {text}",
  "share.capSettings": "Température {t} · top-k {k} · top-p {p} · min-p {minp} · graine {seed}",
  "share.capHead": "Couche {layer}, tête {head}, position de la requête {pos} {token}",
  "share.capGrid": "Toutes les têtes : {layers} couches × {heads} têtes",
  "share.capLens": "Logit lens : le token le plus probable lu à chaque couche et à chaque position",
  "share.capStep": "Point de contrôle : étape {step}",
  "share.capLoss": "La perte au fil des étapes d’entraînement",
};
