/** Japanese strings of links and pictures. */
import type { ShareCatalog } from "./types";

export const shareJa: ShareCatalog = {
  "share.copyLink": "リンクをコピー",
  "share.copyLinkTitle": "このプロンプト・設定・選択のまま、このビューを開き直すリンクをコピーします",
  "share.copied": "リンクをコピーしました：今のままのこのビューを開き直します",
  "share.copyFallback": "このリンクをコピーしてください：",
  "share.exportSvg": "「{panel}」を SVG 画像としてダウンロード",
  "share.exportPng": "「{panel}」を PNG 画像（2×）としてダウンロード",
  "share.saved": "{file} を保存しました",
  "share.failed": "画像を作成できませんでした：{error}",
  "share.capModel": "モデル：{model}",
  "share.capPrompt": "プロンプト：{prompt}",
  "share.capGenerated": "その後に生成：{text}",
  "share.capSettings": "温度 {t} · top-k {k} · top-p {p} · min-p {minp} · シード {seed}",
  "share.capHead": "第 {layer} 層、ヘッド {head}、クエリ位置 {pos} {token}",
  "share.capGrid": "すべてのヘッド：{layers} 層 × {heads} ヘッド",
  "share.capLens": "Logit lens：各層・各位置で読み取った最も確率の高いトークン",
  "share.capStep": "チェックポイント：ステップ {step}",
  "share.capLoss": "学習ステップごとの損失",
};
