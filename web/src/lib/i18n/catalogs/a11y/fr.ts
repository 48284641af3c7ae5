/** French strings of the accessibility work: what screen readers hear for charts. */
import type { A11yCatalog } from "./types";

export const a11yFr: A11yCatalog = {
  "a11y.headView": "Vue de la tête, requête {q} « {qt} » : le trait le plus large va vers la clé {k} « {kt} », poids {w}.",
  "a11y.lossSeries": "{name} : {first} à l'étape {from}, {last} à l'étape {to}",
};
