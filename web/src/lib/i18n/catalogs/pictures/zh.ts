/** Chinese picture captions (the Why view's heatmaps, the token tax, random start vs trained). */
import type { PicturesCatalog } from "./types";

export const picturesZh: PicturesCatalog = {
  "pictures.capMethod": "方法：{method}",
  "pictures.capGeneration": "每个生成的词元（行）归因到它之前的每个词元（列）",
  "pictures.capClean": "干净提示：{prompt}",
  "pictures.capCorrupted": "损坏提示：{prompt}",
  "pictures.capPatch": "最后位置的 logit(“{answer}”) − logit(“{wrong}”)，从干净运行中修补一个激活：{site}",
  "pictures.capTokenizers": "分词器：{names}",
  "pictures.capTax": "同一文本在 {n} 种语言中的词元数；× 表示相对于 {reference} 的倍数",
  "pictures.capInit": "第 {layer} 层，第 {head} 个头：训练的初始权重（第 0 步）与训练后的权重并列",
};
