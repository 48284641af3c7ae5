/** Chinese strings of the static export. */
import type { ExportCatalog } from "./types";

export const exportZh: ExportCatalog = {
  "export.notice": "静态导出：在 {model} 上预先计算的 {n} 个提示。此处不做任何计算——请选择一个已导出的提示。",
  "export.picker": "已导出的提示",
  "export.newPrompt": "此页面是静态导出：只能显示导出时计算过的提示，不能显示新的提示。",
  "export.offPath":
    "此页面是静态导出：只包含沿导出生成路径的分布。按当前设置，模型在这里会选择另一个词元——请后退，或使用导出时的设置（{settings}）。",
  "export.notDetail":
    "此页面是静态导出：详细视图只包含导出提示本身的词元（不含生成的词元），每个注意力头只有最后一个位置。",
  "export.cannot":
    "此页面是静态导出：这需要运行中的 glassbox 服务器（glassbox serve）。实时训练、新提示和对模型的干预无法在此运行。",
};
