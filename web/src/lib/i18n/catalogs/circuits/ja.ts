/** Japanese strings of the Circuits view's graph, controls and help. */
import type { CircuitsCatalog } from "./types";

export const circuitsJa: CircuitsCatalog = {
  "circuits.view": "回路",
  "circuits.title": "回路：答えにどうたどり着いたか",
  "circuits.intro":
    "アトリビューショングラフは、1つの予測をプロンプトまでさかのぼって追跡します。各 MLP は特徴を読みやすいトランスコーダーに置き換えられ、各矢印はこの順伝播でのあるノードから別のノードへの実際の直接効果です。エラーノードはトランスコーダーが取りこぼした分を表します。入力トークンが下、答えが上です。",
  "circuits.prompt": "追跡するプロンプト",
  "circuits.build": "グラフを作成",
  "circuits.rebuild": "作り直す",
  "circuits.forward": "モデルとトランスコーダーを実行中…",
  "circuits.progress": "アトリビューション中：{total} 行中 {done} 行",
  "circuits.checking": "このモデルのトランスコーダーを確認中…",
  "circuits.unavailable":
    "{model} のアトリビューショングラフは作れません：このサーバーにトランスコーダーがありません。",
  "circuits.withTranscoders": "ここでトランスコーダーがあるモデル：{models}。",
  "circuits.noneWithTranscoders":
    "このサーバーのどのモデルにもトランスコーダーがありません（「glassbox transcoders train」で学習できます）。",
  "circuits.empty": "上のプロンプトのグラフを作成し、どの特徴が答えへ導くかを見てみましょう。",
  "circuits.nodeThreshold": "ノードのしきい値",
  "circuits.nodeThresholdHelp": "影響の大きいノードから、全影響のこの割合に達するまで残す",
  "circuits.edgeThreshold": "エッジのしきい値",
  "circuits.edgeThresholdHelp": "次に強いエッジから、エッジの影響のこの割合に達するまで残す",
  "circuits.counts": "受信した {allNodes} ノード・{allEdges} エッジのうち {nodes} ノード・{edges} エッジを表示",
  "circuits.scores": "グラフ全体（枝刈り前）のスコア",
  "circuits.replacement": "置換スコア",
  "circuits.replacementHelp": "入力から答えへの影響のうち、エラーノードではなく特徴を通る割合",
  "circuits.completeness": "完全性スコア",
  "circuits.completenessHelp": "影響で重み付けしたノード入力のうち、エラーではなく特徴とトークンで説明される割合",
  "circuits.logit": "追跡する出力トークン",
  "circuits.logitAll": "上位の予測（{n} 個）",
  "circuits.logitType": "またはトークンを入力",
  "circuits.logitTrace": "このトークンを追跡",
  "circuits.logitUnknown": "「{token}」はこのモデルの語彙の1トークンではありません。",
  "circuits.logitNoVocab": "モデルの語彙がまだ読み込まれていません。",
  "circuits.graph": "アトリビューショングラフ：行が層、列がトークン位置",
  "circuits.rowTokens": "トークン",
  "circuits.rowOutput": "出力",
  "circuits.rowLayer": "層{layer}",
  "circuits.zoomIn": "拡大",
  "circuits.zoomOut": "縮小",
  "circuits.zoomReset": "全体表示",
  "circuits.legend":
    "矢印：オレンジは促進、青は抑制、幅 ∝ |重み|。円：特徴（大きさ：答えへの影響、色：活性値）。灰色のひし形：エラーノード。四角：入力トークン。",
  "circuits.hint":
    "ノードにカーソルを合わせるとラベルと活性値を表示。クリック（または Tab で選んで Enter）で選択・ピン留めし、最も強いエッジを強調します。ドラッグかスクロールで移動、Ctrl + ホイールで拡大縮小。",
  "circuits.kind.feature": "特徴 {feature} · 層 {layer} · 位置 {pos}",
  "circuits.kind.error": "エラーノード · 層 {layer} · 位置 {pos}",
  "circuits.kind.embedding": "入力トークン「{token}」 · 位置 {pos}",
  "circuits.kind.logit": "出力「{token}」",
  "circuits.activation": "活性値 {value}",
  "circuits.influence": "答えへの影響 {value}",
  "circuits.probability": "確率 {value}",
  "circuits.errorShare": "入力の {share} がエラーノードから来ています",
  "circuits.errorWhat": "層 {layer} のトランスコーダーがこの位置で取りこぼした分",
  "circuits.labelDerived": "ラベル（導出）：{label}",
  "circuits.selected": "選択中",
  "circuits.pinnedCount": "{n} 個をピン留め",
  "circuits.unpinAll": "すべてピン留め解除",
  "circuits.strongIn": "最も強い入力",
  "circuits.strongOut": "最も強い出力",
  "circuits.side": "選択したノード",
  "help.circuits.shows":
    "1つの予測のアトリビューショングラフ：下にプロンプトのトークン、その上に各層のトランスコーダーの特徴、上に出力トークン、その間の直接効果を矢印で示します。すべてこのモデルのこの順伝播で計算したものです。",
  "help.circuits.read":
    "答えから太いオレンジの矢印を下へたどると、どの特徴が答えを押し上げ、その特徴がどのトークンを読んでいるかが分かります。灰色のひし形はエラーノード：トランスコーダーが説明しない MLP の部分です。置換スコアと完全性スコアは、特徴が計算のどれだけを説明するかを示します。",
  "help.circuits.try":
    "ノードのしきい値を下げると主な経路だけが残り、上げるともっと見えます。選択肢から別の出力トークンを追跡して経路を比べましょう。グラフはモデルについての仮説です。介入で確かめてください。",
  "help.panel.circuitsGraph":
    "行は層（入力トークンが下、出力が上）、列はトークン位置です。各矢印はアテンションパターンを固定したときのノード間の直接効果で、枝刈りは答えへの影響の大部分を担うノードと矢印を残します。",
};
