import type { GlossaryCatalog } from "./types";

export const glossaryJa: GlossaryCatalog = {
  "glossary.button": "用語集",
  "glossary.title": "用語集",
  "glossary.filter": "用語を絞り込む",
  "glossary.placeholder": "例：softmax",
  "glossary.none": "「{q}」に一致する用語はありません。",
  "glossary.count": "{n} 語",
  "glossary.seeIn": "見られる場所：",
  "glossary.close": "用語集を閉じる",

  "glossary.token.term": "トークン",
  "glossary.token.def":
    "言語モデルが読み書きする単位：単語、単語の一部、1 文字、または数バイト。文章はトークンの列として入り、1 トークンずつ出てきます。",
  "glossary.tokenizer.term": "トークナイザー",
  "glossary.tokenizer.def":
    "文章をトークンに切り分けて番号に変換し、また元に戻すプログラム。モデルごとに専用のトークナイザーがあり、モデルの学習より前に文章から学習されます。",
  "glossary.tokenId.term": "トークン ID",
  "glossary.tokenId.def":
    "語彙におけるトークンの番号。モデルは文字を見ることはなく、トークンごとに 1 つのこの番号だけを見ます。",
  "glossary.vocabulary.term": "語彙",
  "glossary.vocabulary.def":
    "モデルが知っているすべてのトークンの固定リスト。モデルは各ステップでこのリストのすべての項目に確率を与えます。上位に表示される数個だけではありません。",
  "glossary.embedding.term": "埋め込み（エンベディング）",
  "glossary.embedding.def":
    "モデル内部でトークンを表す数の並び（ベクトル）。学習された表の 1 行で、トークン ID で引きます。似た使われ方をするトークンは似たベクトルになります。",
  "glossary.positionEmbedding.term": "位置埋め込み",
  "glossary.positionEmbedding.def":
    "トークンが文章のどこにあるかをモデルが知る仕組み。位置ごとに学習したベクトルをトークンのベクトルに足すモデルもあれば、位置とともに大きくなる角度でクエリとキーを回転させるモデル（RoPE）もあります。",
  "glossary.attention.term": "アテンション",
  "glossary.attention.def":
    "各位置がそれより前の位置から情報を集めるステップ。前の各トークンがどれだけ関係するかを計算し、softmax で重みに変え、それらのバリューの加重平均をとります。",
  "glossary.attentionHead.term": "アテンションヘッド",
  "glossary.attentionHead.def":
    "1 つの層の中で並んで動く複数のアテンション計算の 1 つで、それぞれ独自の重みを持ちます。直前のトークンや同じ単語など、ヘッドごとに違うものを探すよう学習します。",
  "glossary.qkv.term": "クエリ・キー・バリュー",
  "glossary.qkv.def":
    "アテンションが各位置について計算する 3 つのベクトル。クエリはその位置が探すもの、キーは見つけてもらうための手がかり、バリューは見つかったときに渡すものです。クエリ・キーの内積スコアが重みを決めます。",
  "glossary.softmax.term": "Softmax",
  "glossary.softmax.def":
    "任意のスコアの並びを確率に変える関数：各スコアで e をべき乗し、その総和で割ります。スコアが高いほど取り分が多く、全体の合計は 1 になります。",
  "glossary.logit.term": "ロジット",
  "glossary.logit.def":
    "softmax の前の、トークンに対するモデルの生のスコア。意味があるのはロジットの差だけで、1 ロジット高いトークンは e ≈ 2.7 倍ありそうです。",
  "glossary.probability.term": "確率",
  "glossary.probability.def":
    "あるトークンが次に来るとモデルが考える度合いで、0 から 1（0 % から 100 %）。語彙のすべてのトークンの確率の合計は 1 です。",
  "glossary.temperature.term": "温度",
  "glossary.temperature.def":
    "softmax の前にロジットを割る数。1 未満だとありそうなトークンがさらにありそうになり（0 は常に 1 位）、1 より大きいと分布が平らになって文章が意外なものになります。",
  "glossary.topK.term": "Top-k",
  "glossary.topK.def":
    "最も確率の高い k 個のトークンだけを残し、その確率を再正規化するサンプリングのフィルター。k = 1 は貪欲デコーディングで、0 はフィルターを無効にします。",
  "glossary.topP.term": "Top-p（nucleus）",
  "glossary.topP.def":
    "確率の合計が p 以上になる、最も確率の高いトークンの最小の集合だけを残すサンプリングのフィルター。モデルが確信していれば残るトークンは少なく、迷っていれば多くなります。",
  "glossary.minP.term": "Min-p",
  "glossary.minP.def":
    "最も確率の高いトークンの確率に min-p を掛けた値より確率の低いトークンをすべて除くサンプリングのフィルター。モデルの確信度に合わせて長い裾野を切ります。",
  "glossary.mlp.term": "MLP（フィードフォワード）",
  "glossary.mlp.def":
    "各ブロックの後半：各位置に個別に適用される小さな 2 層のネットワーク。ベクトルを多数のニューロンに広げ、非線形関数を適用し、元に射影し戻します。",
  "glossary.neuron.term": "ニューロン",
  "glossary.neuron.def":
    "MLP の隠れ層の 1 ユニット：位置ごとに 1 つの数で、入力から計算され活性化関数を通ります。見分けのつくパターンに反応するニューロンもありますが、多くは名付けにくいものです。",
  "glossary.residualStream.term": "残差ストリーム",
  "glossary.residualStream.def":
    "各位置でモデルの中を流れるベクトル。各アテンションと各 MLP がこれを読み、出力を足し戻すので、それまでに計算されたすべてを次の層へ運びます。",
  "glossary.layerNorm.term": "層正規化",
  "glossary.layerNorm.def":
    "サブレイヤーが読む前にベクトルを標準的な大きさにそろえるステップ（LayerNorm は中心化もし、RMSNorm はスケーリングだけ）。学習が安定する範囲に数値を保ちます。",
  "glossary.block.term": "ブロック（層）",
  "glossary.block.def":
    "トランスフォーマーの繰り返し単位：アテンション、次に MLP。それぞれに正規化があり、それぞれが残差ストリームに足し込みます。モデルは重みの違う同じ構造のブロックの積み重ねです。",
  "glossary.logitLens.term": "ロジットレンズ",
  "glossary.logitLens.def":
    "残差ストリームを途中で読む方法：任意の層の後で最終正規化と逆埋め込みを適用し、そこで止まったらモデルが何を予測するかを見ます。最終的な答えがどの層で形になるかがわかります。",
  "glossary.contextWindow.term": "コンテキストウィンドウ",
  "glossary.contextWindow.def":
    "モデルが一度に読めるトークン数の上限。それを超える文章は切る必要があり、glassbox は収まる最後のトークンを残し、いくつ落としたかを表示します。",
  "glossary.loss.term": "損失（交差エントロピー）",
  "glossary.loss.def":
    "学習が小さくしようとする数：正しい次のトークンにモデルが与えた確率の対数にマイナスを付け、位置について平均したもの。損失 0 は確信を意味し、一様に当て推量すると語彙サイズの対数になります。",
  "glossary.gradient.term": "勾配",
  "glossary.gradient.def":
    "各パラメータについて、それを少し動かしたら損失がどれだけ変わるか。逆伝播はすべての勾配を一度に計算し、学習は各パラメータを勾配と逆向きに動かします。",
  "glossary.optimizer.term": "オプティマイザー（AdamW）",
  "glossary.optimizer.def":
    "勾配を重みの更新に変える規則。AdamW は各勾配とその二乗の移動平均を保ってパラメータごとの歩幅を決め、重みを少しずつ縮めます（重み減衰）。",
  "glossary.learningRate.term": "学習率",
  "glossary.learningRate.def":
    "オプティマイザーが更新ごとに進む歩幅の大きさ。大きすぎると学習が不安定になり、小さすぎると学習が遅くなります。通常は最初にウォームアップし、学習中に減衰させます。",
  "glossary.checkpoint.term": "チェックポイント",
  "glossary.checkpoint.def":
    "ある学習ステップで保存した、モデルの全重みのコピー。チェックポイントがあれば、その時点でモデルが何を知っていたかを振り返れます。",
  "glossary.parameter.term": "パラメータ（重み）",
  "glossary.parameter.def":
    "モデルが学習した 1 つの数。埋め込みやアテンション・MLP の行列はこれでできています。モデルの大きさはふつうパラメータ数で表されます。",
  "glossary.inductionHead.term": "インダクションヘッド",
  "glossary.inductionHead.def":
    "繰り返しのパターンを補完するアテンションヘッド：前に「A B」を見ていれば、後の「A」で最初の A の次に何があったかを見て「B」を予測します。トランスフォーマーで最もよく理解された回路の 1 つです。",
  "glossary.attribution.term": "アトリビューション（寄与）",
  "glossary.attribution.def":
    "各入力トークン（やヘッド、ニューロン）が予測にどれだけ寄与したかを推定する手法。手法によって測るものが違い、結果が食い違うこともあるので、比べてみてください。",
};
