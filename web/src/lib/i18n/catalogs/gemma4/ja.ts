import type { Gemma4Catalog } from "./types";

/** Japanese strings of Gemma 4's per-layer inputs. */
export const gemma4Ja: Gemma4Catalog = {
  "ple.stage":
    "層ごとの入力（{d} 個の数）：ゲート · 射影 · RMSNorm · ⊕、その後 × 層スカラー",
  "ple.kvFrom": "層 {layer} のキー/バリュー",
  "ple.title": "層ごとの入力 · 層 {layer}",
  "ple.intro":
    "残差ストリームとは別に、このモデルの各層はトークンごとに自分専用の {d} 個の数を受け取ります。層ごとの埋め込み表の 1 行（トークン部分）と、射影して正規化したトークンの埋め込み（文脈部分）を足し、√2 で割ったものです。MLP の後、層は自分の残差ストリームからゲートを計算してこの入力に掛け、結果を残差ストリームの大きさに射影し直し、正規化して足し込みます。",
  "ple.atToken": "「{token}」（位置 {pos}）で",
  "ple.token": "トークン部分：表のそのトークンの行（× √{d}）",
  "ple.context": "文脈部分：射影して RMS 正規化した埋め込み",
  "ple.input": "入力 = （文脈部分 + トークン部分）/ √2",
  "ple.gate": "ゲート = gelu(W_gate · 残差ストリーム)",
  "ple.gated": "ゲート × 入力：射影し直して足し込まれるもの",
  "ple.norms":
    "各トークンで足し込まれる大きさ：層ごとの入力のステップと MLP の比較",
  "ple.keyPle": "層ごとの入力のステップ",
  "ple.added": "「{token}」：層ごとの入力 ‖+‖ {ple} · MLP ‖+‖ {mlp}",
  "ple.scalar":
    "その後、この層を出る残差ストリーム全体に層スカラー {s} が掛けられます。",
  "ple.kvShared":
    "この層のアテンションは自分のキーもバリューも計算せず、層 {layer} のものを再利用します。",
  "detail.site.ple": "層 {layer} 層ごとの入力",
  "why.dla.kind.ple": "層ごとの入力",
};
