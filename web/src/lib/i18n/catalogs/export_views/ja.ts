/** Japanese strings of the Why and Circuits views in a static export. */
import type { ExportViewsCatalog } from "./types";

export const exportViewsJa: ExportViewsCatalog = {
  "exportViews.whyNote":
    "静的エクスポート：これらの結果はエクスポートされたプロンプトについて事前に計算されたものです——各手法を既定の設定で、最も確率の高い次トークンのいずれかを対象として（対比トークンなし）、貪欲な続きとエクスポートされた生成に沿った帰属、そしてプロンプト自体の対数確率。ほかの選択や活性化パッチングには動作中のモデル（glassbox serve）が必要です。",
  "exportViews.whyOther":
    "このエクスポートにはありません：各手法を既定の設定で、最も確率の高い次トークンのいずれかを対象とし、対比トークンなしで計算したものだけを含みます。この選択には動作中のモデル（glassbox serve）が必要です。",
  "exportViews.matrixOther":
    "このエクスポートにはありません：{n} トークンの貪欲な続き（ステップ前）とエクスポートされた生成全体（最後までステップ）に沿った帰属を、既定の設定で含みます。これには動作中のモデル（glassbox serve）が必要です。",
  "exportViews.scoreOther":
    "このエクスポートにはありません：各エクスポート済みプロンプト自身のテキストの、このページのモデルによる対数確率を含みます。ほかのテキストやモデルには動作中のモデル（glassbox serve）が必要です。",
  "exportViews.whyLeftOut":
    "この静的エクスポートは「なぜ」ビューなしで作られました（glassbox export --no-why）。",
  "exportViews.patching":
    "活性化パッチングには動作中のモデル（glassbox serve）が必要です：このエクスポートにはありません。",
  "exportViews.circuitsNote":
    "静的エクスポート：このグラフは最も確率の高い次トークンについて事前に計算されました。しきい値、選択、特徴カード、スーパーノードはここで使えます。ほかのトークンの追跡と介入には動作中のモデル（glassbox serve）が必要です。",
  "exportViews.circuitsLeftOut":
    "この静的エクスポートには帰属グラフがありません：--no-circuits で作られたか、モデルにトランスコーダーがありません。",
  "exportViews.otherPrompt":
    "このエクスポートにはありません：エクスポートされた各プロンプトそのままの帰属グラフだけを含み、編集したプロンプトのものはありません。",
  "exportViews.otherLogit":
    "ほかのトークンの追跡には動作中のモデル（glassbox serve）が必要です：このエクスポートは最も確率の高い次トークンのグラフだけを含みます。",
  "exportViews.intervene":
    "介入には動作中のモデル（glassbox serve）が必要です：静的エクスポートでは実行できません。",
  "exportViews.noCard":
    "このエクスポートにはありません：各エクスポート済みグラフに含まれる特徴のカードだけを含みます。",
};
