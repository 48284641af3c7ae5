import type { PromptCatalog } from "./types";

export const promptFr: PromptCatalog = {
  "prompt.truncated":
    "Ce prompt a plus de tokens que le modèle ne peut en lire ici : ses {n} premiers tokens ont été retirés et le modèle n'en lit que les {kept} derniers.",
  "controls.topKNegative": "Top-k ne peut pas être négatif : tapez 0 (désactivé) ou un entier de 1 à {max}.",
  "controls.topKNotInteger": "Top-k est un nombre de tokens : tapez un entier (0 = désactivé).",
  "controls.topKTooLarge": "Top-k vaut au plus {max} sur ce serveur.",
  "controls.topKEmpty": "Tapez un top-k (0 = désactivé).",
  "detail.emptyPrompt": "Tapez un prompt ci-dessus pour voir l'intérieur du modèle.",
  "status.noPrediction": "Pas de prédiction pour ce prompt : le message ci-dessus dit pourquoi et quoi changer.",
};
