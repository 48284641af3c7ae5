/** Japanese strings of the guided tour's training track; merged into the Japanese catalog. */
import type { TourTrainingCatalog } from "./types";

export const tourTrainingJa: TourTrainingCatalog = {
  "tourTraining.batch.title": "テキストのバッチ 1 つ",
  "tourTraining.batch.caption":
    "モデルは本物のテキストから学びます。文はトークンに分けられ、モデルは各位置で次に来るトークンを当てなければなりません。入力はトークン、目標は同じトークンを 1 つ左にずらしたものです。",
  "tourTraining.loss.title": "どれだけ外れた？ 損失",
  "tourTraining.loss.caption":
    "各位置で、モデルは本当の次のトークンにある確率 p を与えました。そこでの損失は −log p です。正しいトークンに自信があれば 0 に近く、意外だったときは大きくなります。学習はこの棒の平均を下げようとします。",
  "tourTraining.gradients.title": "勾配が逆向きに流れる",
  "tourTraining.gradients.caption":
    "誤差逆伝播は出力での平均損失から始まり、ブロックごとに埋め込みまでさかのぼります。各重みについて、その重みを少し大きくしたら損失がどう変わるか、つまり勾配を求めます。棒は重みのグループごとの勾配の大きさです。",
  "tourTraining.update.title": "重みが少し動く",
  "tourTraining.update.caption":
    "最適化手法 AdamW が、各重みを勾配と逆の方向に小さく一歩動かします。そのあと同じ文を変更後のモデルにもう一度通すと、損失が下がったかどうかが分かります。",
  "tourTraining.noHistory":
    "{model} には記録された学習がないため、本物の学習ステップを始めるチェックポイントがありません。このツアーのこの部分を見るには、モデル一覧で glassbox-tiny（または glassbox train で学習した別のモデル）を選んでください。",
  "tourTraining.loading": "重みのコピーで本物の学習ステップを 1 回実行しています…",
  "tourTraining.batchSummary": "「{text}」— {n} トークン。{step} ステップ学習した時点の {model} が読みます。",
  "tourTraining.batchRun":
    "実際の学習では、各ステップが {ctx} トークンのテキスト {batch} 本のバッチを読み、全部で {steps} ステップ行いました。このステップはこの文だけを読むので、以下の数字はすべてこの文のものです。",
  "tourTraining.inputs": "入力",
  "tourTraining.targets": "目標（次のトークン）",
  "tourTraining.tokenId": "トークン ID {id}",
  "tourTraining.lossSummary":
    "平均損失: {mean} ナット。モデルがいちばん意外だったのは「{worst}」（損失 {worstLoss}）、いちばん自信があったのは「{best}」（損失 {bestLoss}）です。",
  "tourTraining.lossAxis": "損失 −log p(目標)、単位はナット",
  "tourTraining.meanMark": "全位置の平均",
  "tourTraining.flow": "勾配は出力から埋め込みへとさかのぼる",
  "tourTraining.tier.output": "出力側",
  "tourTraining.tier.block": "ブロック {layer}",
  "tourTraining.tier.input": "入力の埋め込み",
  "tourTraining.gradSummary":
    "平均損失（{loss}）の、全 {groups} グループの重みについての勾配の大きさは合計 {norm} です。出力に最初に、埋め込みに最後に届きました。",
  "tourTraining.updateSummary":
    "AdamW は各グループの重みを示した長さだけ動かしました（学習率 {lr}）。隣はステップ後のグループ自体の長さです。",
  "tourTraining.question": "見る前に予想してください。このステップのあと、同じ文での損失は下がる？ 上がる？",
  "tourTraining.guessDown": "下がる",
  "tourTraining.guessUp": "上がる",
  "tourTraining.right": "正解です。",
  "tourTraining.wrong": "今回は外れ — 本物の数字はこうです。",
  "tourTraining.lossMoved": "文での平均損失: {before} → {after}",
  "tourTraining.perPosition": "各位置の損失: 淡い棒がステップ前、はっきりした棒がステップ後（損失が上がった所はオレンジ）。",
  "tourTraining.expert": "「学習」ビューでこのステップの数字をすべて見る",
};
