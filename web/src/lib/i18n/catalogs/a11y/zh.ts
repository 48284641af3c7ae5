/** Chinese strings of the accessibility work: what screen readers hear for charts. */
import type { A11yCatalog } from "./types";

export const a11yZh: A11yCatalog = {
  "a11y.headView": "注意力头视图，查询 {q}“{qt}”：最粗的线指向键 {k}“{kt}”，权重 {w}。",
  "a11y.lossSeries": "{name}：第 {from} 步为 {first}，第 {to} 步为 {last}",
};
