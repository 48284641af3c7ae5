/** Japanese strings of a real model's training checkpoints in the pre-training view. */
import type { CheckpointsCatalog } from "./types";

export const checkpointsJa: CheckpointsCatalog = {
  "ckpt.title": "{model} の学習チェックポイント",
  "ckpt.intro":
    "このモデルは、学習中に保存された重みのスナップショットとともに公開されています。ここでは各チェックポイントをこのコンピューター（ローカルの Hugging Face キャッシュまたはフォルダー）から読み込み、同じプローブ用プロンプトを与えています。学習が進むにつれて予測がどう変わるかを見てください。",
  "ckpt.orderStep": "各チェックポイント名に含まれる学習ステップの順に並べています。",
  "ckpt.orderGiven": "学習ステップが名前に書かれていないチェックポイントがあるため、サーバー起動時に指定された順に表示しています。",
  "ckpt.memory": "チェックポイントは 1 つずつ読み込まれ、すぐに解放されます。提供中のモデルに加えて最大 {size} の重みを使います。",
  "ckpt.loading": "チェックポイントを再生しています…",
  "ckpt.lossChart": "プローブ文での損失",
  "ckpt.probeLoss": "プローブ文での損失",
  "ckpt.lossCaption":
    "これらのチェックポイントには学習時の損失が記録されていないため、学習損失は描きません。この曲線はここで計算したものです：各チェックポイントのプローブ文（各プローブ用プロンプトの後に期待される答えを続けたもの、{n} トークン）での平均損失。",
  "ckpt.noChart":
    "チェックポイント名に学習ステップがないため、ステップ軸も曲線もありません。各チェックポイントのプローブ文での損失はその横に示します。",
  "ckpt.capLoss": "チェックポイントごとのプローブ文での平均損失（glassbox が計算、学習損失ではありません）",
  "ckpt.params": "パラメーター {n} 個",
  "ckpt.probesCaption":
    "どのチェックポイントにも同じプローブ用プロンプトを与え、次のトークンの上位 5 個を示します。強調表示：学習済みモデルが出すべき続き。",
  "ckpt.compareTitle": "同じプロンプトを 2 つのチェックポイントで",
  "ckpt.compareCaption":
    "任意のプロンプトを入力し、初期と後期の 2 つのチェックポイントを選んでください。それぞれの次トークン分布を並べて表示します。「テキストとして採点」をオンにすると、プロンプトの各トークンの損失も表示されます。",
  "ckpt.first": "1 つ目のチェックポイント",
  "ckpt.second": "2 つ目のチェックポイント",
  "ckpt.score": "テキストとして採点（各トークンの損失）",
  "ckpt.compare": "比較",
  "ckpt.entropy": "エントロピー {value} ナット",
  "ckpt.meanLoss": "平均損失 {value} ナット",
  "ckpt.nextTokens": "次のトークンの上位（語彙全体から）",
  "ckpt.tokenLosses": "前のトークンが与えられたときの各トークンの損失（ナット）",
  "ckpt.tokenLoss": "{token}：損失 {loss} ナット、確率 {prob}",
};
