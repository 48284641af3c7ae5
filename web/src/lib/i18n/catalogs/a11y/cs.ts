/** Czech strings of the accessibility work: what screen readers hear for charts. */
import type { A11yCatalog } from "./types";

export const a11yCs: A11yCatalog = {
  "a11y.headView": "Pohled na hlavu, dotaz {q} „{qt}“: nejširší čára vede ke klíči {k} „{kt}“, váha {w}.",
  "a11y.lossSeries": "{name}: {first} v kroku {from}, {last} v kroku {to}",
};
