/** Japanese strings of the trace files. */
import type { TracesCatalog } from "./types";

export const tracesJa: TracesCatalog = {
  "traces.title": "トレースファイル",
  "traces.picker": "このサーバーのトレース",
  "traces.pickerNone": "— ライブモデル —",
  "traces.unreadable": "読み込めません",
  "traces.chooseFile": "ファイルを選択…",
  "traces.noFile": "ファイルが選択されていません",
  "traces.open": "トレースファイルを開く",
  "traces.export": "AnimatedLLM トレースとして書き出す",
  "traces.exportHint":
    "生成を AnimatedLLM の推論トレースとして保存します：各ステップの上位 10 候補と本物の確率。",
  "traces.close": "ライブモデルに戻る",
  "traces.loading": "トレースを読み込み中…",
  "traces.labelInference":
    "{model} の事前計算トレース：上位 {k} 件のみ、ライブモデルなし。数値はファイルのもので再計算しておらず、再サンプリングもできません。",
  "traces.labelTraining":
    "{model} の事前計算された学習トレース：各位置で保存された上位予測、正解トークンの確率、損失。ライブモデルなし。",
  "traces.formatAnimatedInference": "AnimatedLLM 推論トレース",
  "traces.formatAnimatedTraining": "AnimatedLLM 学習トレース",
  "traces.formatGeneration": "glassbox の生成",
  "traces.formatPromptTrace": "glassbox のプロンプトトレース",
  "traces.formatTrace": "glassbox のトレース",
  "traces.fromDisk": "お使いのディスクから開きました",
  "traces.fromServer": "このサーバーのトレースフォルダから",
  "traces.step": "ステップ {n} / {total}",
  "traces.prev": "前のステップ",
  "traces.next": "次のステップ",
  "traces.stepSlider": "ステップ",
  "traces.prompt": "プロンプト",
  "traces.input": "モデルが見たもの",
  "traces.inputCaption":
    "強調表示：特殊トークンとチャットテンプレートのトークン。",
  "traces.candidates": "保存された候補",
  "traces.candidatesCaption":
    "このステップでファイルが保持する {k} 件の候補とその確率。語彙の残り（確率 {rest}）はファイルにありません。",
  "traces.token": "トークン",
  "traces.id": "トークン番号",
  "traces.prob": "確率",
  "traces.logprob": "対数確率",
  "traces.chosen": "選択",
  "traces.chosenBy": "選び方：{method}",
  "traces.method.greedy": "貪欲デコーディング（最も確率の高いトークン）",
  "traces.method.sampling": "サンプリング",
  "traces.method.random": "ランダムな選択",
  "traces.method.forced": "ユーザー（強制）",
  "traces.method.unknown": "名前のない方法",
  "traces.notAmongStored":
    "選ばれたトークン {token} は保存された候補にありません。",
  "traces.nothingChosen":
    "このファイルは予測だけを保存しています：トークンは選ばれていません。",
  "traces.partial":
    "不完全な UTF-8 の断片：ファイルはそのバイトを保存していません。",
  "traces.special": "特殊トークン",
  "traces.temperature": "温度 {t}",
  "traces.language": "言語 {lang}",
  "traces.text": "テキスト",
  "traces.source": "出典：{source}",
  "traces.target": "正解トークン",
  "traces.targetProb": "正解の確率",
  "traces.loss": "損失（nat）",
  "traces.lossChart": "位置ごとの損失と正解の確率",
  "traces.lossChartCaption":
    "棒：各位置の損失（モデルが本当の次のトークンに与えた確率の −log）。点：その確率。値はファイルのもの。",
  "traces.meanLoss": "{n} 位置の平均損失 {loss} nat",
  "traces.topPredictions": "この位置の上位予測",
  "traces.error.notJson":
    "{name} は JSON ではありません：トレースファイルではありえません。",
  "traces.error.notTrace":
    "{name} はトレースファイルではありません：AnimatedLLM の推論・学習トレースと glassbox の生成・トレースを開けます。",
  "traces.error.noSteps": "{name} には再生するステップがありません。",
  "traces.error.tooLarge": "{name} は 32 MiB を超えています：読み込みません。",
  "traces.error.broken": "{name} に壊れたフィールドがあり、読み込めません。",
  "traces.model": "モデル {model}",
  "traces.sizes": "{layers} 層、{heads} ヘッド、d_model {d}、語彙 {vocab}",
};
