/** Russian strings of the accessibility work: what screen readers hear for charts. */
import type { A11yCatalog } from "./types";

export const a11yRu: A11yCatalog = {
  "a11y.headView": "Вид головы, запрос {q} «{qt}»: самая широкая линия идёт к ключу {k} «{kt}», вес {w}.",
  "a11y.lossSeries": "{name}: {first} на шаге {from}, {last} на шаге {to}",
};
