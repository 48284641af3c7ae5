/** Japanese strings of "Inside the model"'s attention maps, One head stages and logit lens position. */
import type { InsideCatalog } from "./types";

export const insideJa: InsideCatalog = {
  "inside.masked": "マスク済み",
  "inside.maskLegend":
    "このキーはクエリより後ろにあり、クエリは先を見られません（因果マスク）。モデルはそのスケール済みスコアを −∞ に置き換えるので、softmax が与える重みはちょうど 0 です。",
  "inside.maskLegendWindow":
    "このキーはクエリより後ろにあるか、クエリより {n} 位置以上前にあります（スライディングウィンドウ）。モデルはそのスケール済みスコアを −∞ に置き換えるので、softmax が与える重みはちょうど 0 です。",
  "inside.col.scaled": "× {scale} = スケール済み",
  "inside.col.afterMask": "マスク後",
  "inside.col.weight": "softmax = 重み",
  "inside.stagesNote":
    "左から右へ、モデルが計算する順に：各キーの q·k；各キーにスケールを掛けた値（マスクされるキーにも実際のスケール済みスコアがあります）；マスク（モデルの注意スコア hook_attn_scores）；マスクが残したものに対する softmax（注意の重み hook_pattern）。",
  "inside.weightsLater": "注意の重みはまだ存在しません：ステップ {n}（{step}）で現れます。",
  "inside.weightScale": "注意の重み：softmax の出力、0 から 1",
  "inside.maskedSwatch": "マスク済み（重みはちょうど 0）",
  "inside.mapAxes": "行：読む側の位置（クエリ）· 列：それが読む位置（キー）",
  "inside.mapCell": "クエリ {q}「{qt}」→ キー {k}「{kt}」：{w}",
  "inside.mapHint": "セルを指すと重みが表示されます。行のトークンをクリックするとその位置を選択します。",
  "inside.selectPos": "位置 {pos}「{tok}」を選択",
  "inside.keysRegion": "クエリ {pos} のすべてのキー（スクロール）",
  "inside.mapRegion": "注意マップ（スクロール）",
  "inside.gridHint": "各図は 1 つのヘッドの注意マップです：行はクエリの位置、列はキー、位置 0 は左上。ヘッドを開くと両軸にトークンが表示されます。",
  "inside.gridPooled": "長いプロンプト：各セルは {block} × {block} 位置のブロック内で最大の重みを示します。ヘッドを開くとすべての重みが見えます。",
  "inside.lensWindow": "位置 {from}–{to}（全 {n}）：長いプロンプトのレンズは一度に 1 つのウィンドウずつ計算されます。外の位置を選ぶとウィンドウが移動します。",
  "inside.lensAt": "選択中の位置 {pos}",
};
