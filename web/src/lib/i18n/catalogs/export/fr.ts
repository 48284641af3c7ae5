/** French strings of the static export. */
import type { ExportCatalog } from "./types";

export const exportFr: ExportCatalog = {
  "export.notice":
    "Un export statique : {n} prompts calculés à l’avance sur {model}. Rien n’est calculé ici — choisissez l’un des prompts exportés.",
  "export.picker": "Prompt exporté",
  "export.newPrompt":
    "Cette page est un export statique : elle ne montre que les prompts calculés lors de l’export, pas un nouveau.",
  "export.offPath":
    "Cette page est un export statique : elle ne contient les distributions que le long de la génération exportée. Avec ces réglages, le modèle choisirait ici un autre token — revenez en arrière ou utilisez les réglages de l’export ({settings}).",
  "export.notDetail":
    "Cette page est un export statique : la vue détaillée ne contient que les tokens du prompt exporté (aucun token généré) et, pour chaque tête, seulement la dernière position.",
  "export.cannot":
    "Cette page est un export statique : ceci nécessite un serveur glassbox en marche (glassbox serve). L’entraînement en direct, les nouveaux prompts et les interventions sur le modèle ne peuvent pas s’exécuter ici.",
};
