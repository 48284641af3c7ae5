/** Japanese strings of the beginner mode and the guided tour. */
import type { TourCatalog } from "./types";

export const tourJa: TourCatalog = {
  "tour.mode.label": "モード",
  "tour.mode.beginner": "初心者",
  "tour.mode.expert": "エキスパート",
  "tour.mode.hint": "初心者：ビューの上にガイドツアー。エキスパート：ビューだけ。",
  "tour.title": "ガイドツアー",
  "tour.open": "ガイドツアーを開く",
  "tour.close": "ツアーを閉じる",
  "tour.next": "次へ",
  "tour.back": "戻る",
  "tour.play": "再生",
  "tour.pause": "一時停止",
  "tour.speed": "速度",
  "tour.still": "動きなし",
  "tour.track.label": "ツアーの内容",
  "tour.track.generation": "生成の 1 ステップ",
  "tour.track.training": "学習の 1 ステップ",
  "tour.progress": "ステージ {n} / {total}",
  "tour.expert": "本物の数値を見る",
  "tour.tensor": "データ元：{name}",
  "tour.keys": "図をクリックするかキーを押すとアニメーションがすぐ終わります · ← → ステージ移動 · Esc で閉じる",
  "tour.loading": "本物の値を取得しています…",
  "tour.noPrompt": "下の入力欄にテキストを入力してください。モデルがそれをどう扱うかをツアーが説明します。",
  "tour.again": "「次へ」を押すとこのトークンを実際に生成し、次のステップを説明します。",
  "tour.ended": "生成はここで終わりです（テキストの終わり、トークン数の上限、またはモデルの文脈長）。もう一度試すにはテキストを変えてください。",
  "tour.block": "ブロック",
  "tour.head": "ヘッド",
  "tour.position": "位置 {pos}",
  "tour.norm": "長さ ‖x‖ = {value}",
  "tour.hoverCells": "セルにポインターを合わせると値が表示されます。",
  "tour.othersShare": "残りの {p} は他の {n} 個の位置で分け合っています。",
  "tour.neuron": "ニューロン {i}",
  "tour.vectorOnItsWay": "最後のトークンのベクトル、ステージごとに",
  "tour.guess": "答えの前に：モデルが最もありそうだと考えるトークンはどれだと思いますか？",
  "tour.reveal": "答えを見る",
  "tour.guessRight": "正解：「{token}」が最も確率が高いです。",
  "tour.guessWrong": "今回ははずれ：あなたは「{guess}」を選びましたが、モデルは「{token}」を選びます。",
  "tour.greedy": "温度 0：抽選はなく、最も確率の高いトークンが選ばれます。",
  "tour.draw": "シード付きの乱数 u = {u} は「{token}」に当たります。",
  "tour.kept": "フィルターを通過したトークンは {n} 個",
  "tour.chosen": "選択",
  "tour.gen.text.title": "あなたのテキスト",
  "tour.gen.text.caption":
    "すべてはプロンプト欄のテキスト「{text}」から始まります。モデルは文字を読めないので、まずテキストを自分の知っている断片に切り分けます。",
  "tour.gen.tokens.title": "テキスト → トークン",
  "tour.gen.tokens.caption":
    "トークナイザーはテキストを {n} 個のトークンに切り分けます。単語全体、単語の一部、または 1 文字で、{vocab} 個からなる固定の語彙から選ばれます。空白はたいてい後ろの単語と一緒になります。",
  "tour.gen.ids.title": "トークン → ID",
  "tour.gen.ids.caption":
    "各トークンの正体は数字、つまり語彙の中の行番号で、モデルが見るのはこの {n} 個の ID だけです。最後の {id}（「{token}」）の位置で次のトークンが予測されます。",
  "tour.gen.embedding.title": "ID → ベクトル",
  "tour.gen.embedding.caption":
    "ID {id} は埋め込み表の 1 行を選びます。{d} 個の数値の並びで、ここではセルとして描いています（オレンジは正、青は負）。このベクトルがトークンの出発点で、長さは {norm} です。",
  "tour.gen.attention.title": "アテンション：振り返る",
  "tour.gen.attention.caption":
    "ブロック {layer} のヘッド {head} は、最後のトークン「{token}」が前の位置から情報を集められるようにします。線は各位置をどれだけ見ているかを表し、最も見ているのは「{top}」（{weight}）です。重みの合計は 1 です。",
  "tour.gen.mlp.title": "MLP：位置ごとに単独で",
  "tour.gen.mlp.caption":
    "アテンションの後、ブロックの MLP は各位置を単独で変換します。{d} 個のニューロンがベクトルを読み、いくつかが強く発火します。ブロック {layer} のこの位置で最も強く発火するのはニューロン {neuron}（{value}）です。",
  "tour.gen.residual.title": "残差ストリームが育つ",
  "tour.gen.residual.caption":
    "アテンションと MLP はベクトルを置き換えず、ブロックごとに自分の結果を足していきます。その長さは埋め込み直後の {first} から最後のブロックの後の {last} まで伸びます。",
  "tour.gen.probabilities.title": "スコア → 確率",
  "tour.gen.probabilities.caption":
    "最終的なベクトルを {vocab} 個すべてのトークンと比べて、それぞれにスコアを付けます。softmax がスコアを合計 1 の確率に変えます。次のトークンとして最も確率が高いのは「{token}」で、{prob} です。",
  "tour.gen.sampling.title": "サンプリング：1 つを選ぶ",
  "tour.gen.sampling.caption":
    "あなたのサンプリング設定（温度 {temp}、シード {seed}）で 1 つのトークンを選びます。フィルターがありそうにないトークンを除き、残りの中から乱数が選びます。今回は「{token}」で、その確率は {prob} でした。",
  "tour.gen.append.title": "追加して、もう一度",
  "tour.gen.append.caption":
    "「{token}」がテキストの末尾に追加され、まったく同じステップがもう一度実行されて、その次のトークンを予測します。テキスト生成とは、このループのことです。",
};
