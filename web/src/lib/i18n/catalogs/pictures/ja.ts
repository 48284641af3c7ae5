/** Japanese picture captions (the Why view's heatmaps, the token tax, random start vs trained). */
import type { PicturesCatalog } from "./types";

export const picturesJa: PicturesCatalog = {
  "pictures.capMethod": "手法：{method}",
  "pictures.capGeneration": "生成された各トークン（行）を、それより前の各トークン（列）に帰属させたもの",
  "pictures.capClean": "クリーンなプロンプト：{prompt}",
  "pictures.capCorrupted": "破損したプロンプト：{prompt}",
  "pictures.capPatch": "最後の位置での logit(「{answer}」) − logit(「{wrong}」)、クリーンな実行から活性を一つ差し替え：{site}",
  "pictures.capTokenizers": "トークナイザー：{names}",
  "pictures.capTax": "同じテキストを {n} 言語で表したときのトークン数。× は {reference} に対する比",
  "pictures.capInit": "第 {layer} 層、ヘッド {head}：学習の初期重み（ステップ 0）と学習後の重みを並べたもの",
};
