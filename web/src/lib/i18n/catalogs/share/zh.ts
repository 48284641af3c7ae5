/** Chinese strings of links and pictures. */
import type { ShareCatalog } from "./types";

export const shareZh: ShareCatalog = {
  "share.copyLink": "复制链接",
  "share.copyLinkTitle": "复制一个链接，用同样的提示词、设置和选择重新打开这个视图",
  "share.copied": "链接已复制：它会按现在的样子重新打开这个视图",
  "share.copyFallback": "请复制这个链接：",
  "share.exportSvg": "将“{panel}”下载为 SVG 图片",
  "share.exportPng": "将“{panel}”下载为 PNG 图片（2×）",
  "share.saved": "已保存 {file}",
  "share.failed": "无法生成图片：{error}",
  "share.capModel": "模型：{model}",
  "share.capPrompt": "提示词：{prompt}",
  "share.capGenerated": "其后生成：{text}",
  "share.capSettings": "温度 {t} · top-k {k} · top-p {p} · min-p {minp} · 随机种子 {seed}",
  "share.capHead": "第 {layer} 层，第 {head} 个头，查询位置 {pos} {token}",
  "share.capGrid": "所有注意力头：{layers} 层 × {heads} 个头",
  "share.capLens": "Logit lens：在每一层、每个位置读出的最可能的词元",
  "share.capStep": "检查点：第 {step} 步",
  "share.capLoss": "训练步骤中的损失",
};
