/** Japanese strings of the accessibility work: what screen readers hear for charts. */
import type { A11yCatalog } from "./types";

export const a11yJa: A11yCatalog = {
  "a11y.headView": "ヘッドの図、クエリ {q}「{qt}」：最も太い線はキー {k}「{kt}」へ、重み {w}。",
  "a11y.lossSeries": "{name}：ステップ {from} で {first}、ステップ {to} で {last}",
};
