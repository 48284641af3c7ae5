/** Ukrainian strings of the accessibility work: what screen readers hear for charts. */
import type { A11yCatalog } from "./types";

export const a11yUk: A11yCatalog = {
  "a11y.headView": "Вигляд голови, запит {q} «{qt}»: найширша лінія йде до ключа {k} «{kt}», вага {w}.",
  "a11y.lossSeries": "{name}: {first} на кроці {from}, {last} на кроці {to}",
};
