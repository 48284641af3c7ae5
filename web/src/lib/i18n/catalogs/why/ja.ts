/** Japanese strings of the "Why?" view and of the detailed view's contributions and interventions. */
import type { WhyCatalog } from "./types";

export const whyJa: WhyCatalog = {
  "why.view": "なぜ？",
  "why.title": "なぜそう言ったのか？",
  "why.intro":
    "モデルがなぜその内容を書いたのかを尋ねる4つの方法。どれも実際の計算に基づきます：どの入力トークンが次のトークンに効いたか、どの前のトークンが生成された各トークンに効いたか、2つのプロンプトの違いがネットワーク内部のどこで運ばれているか、そしてテキストの各トークンにどれだけ確信があったか。",
  "why.caveat":
    "ここにあるどの図も説明ではなく測定として読んでください。アトリビューションは、入力をある特定のやり方で少し動かしたり取り除いたりしたときに f がどう変わるかを示すだけです。手法によって結果は食い違うことがあり、どれも因果の証明ではありません。",
  "why.section.attribution": "入力アトリビューション",
  "why.section.generation": "生成全体のアトリビューション",
  "why.section.patching": "活性化パッチング",
  "why.section.score": "テキストの対数確率",
  "why.method": "手法",
  "why.method.gradient_x_input": "勾配 × 入力",
  "why.method.integrated_gradients": "統合勾配",
  "why.method.occlusion": "遮蔽（オクルージョン）",
  "why.method.shapley": "Shapley 推定",
  "why.explain.gradient_x_input":
    "勾配 × 入力：各トークンについて、埋め込みに対する f の勾配に埋め込みを掛け、d_model で合計したもの。そのトークンがなければ f がどれだけ失われるかの一次近似です。逆伝播は1回だけ。モデルが飽和している所では誤解を招きます：すでに答えを決めているトークンの勾配が小さくなることがあります。",
  "why.explain.integrated_gradients":
    "統合勾配：ベースライン（すべてのトークン埋め込みがゼロ）から実際の入力までの直線の経路に沿って勾配を平均し、入力を掛けます。スコアの合計は f(入力) − f(ベースライン) に一致し、その誤差が下に示す完全性誤差 Δ です（ステップを増やすと Δ は小さくなります）。結果は選んだベースラインに依存し、経路はモデルが見たことのない入力を通ります。",
  "why.explain.occlusion":
    "遮蔽：f から、ある1つのトークンの埋め込みをゼロに置き換えたときの f を引いたもの。位置ごとに順に行います。直接的で読みやすいですが、ゼロの埋め込みは学習中に一度も出会わなかった不自然な入力であり、互いに補い合うトークンはそれぞれ単独では重要でないように見えます。",
  "why.explain.shapley":
    "Shapley 推定（SHAP の仲間）：トークンを加えるランダムな順序にわたる、各トークンの f への平均的な限界効果（存在しないトークンの埋め込みはゼロ）。トークン間の相互作用に公平ですが推定値です：順列が少ないとノイズが大きくなります——シードを変えるとどれだけ変わるか分かります。",
  "why.nSteps": "ステップ数",
  "why.nSamples": "順列の数",
  "why.seed": "シード",
  "why.target": "対象トークン",
  "why.foil": "対比トークン（任意）",
  "why.targetTop": "最も確率の高いトークン",
  "why.foilNone": "なし",
  "why.typeToken": "トークンを1つ入力…",
  "why.running": "計算中…",
  "why.attr.caption":
    "プロンプトの各トークンが、最後の位置での f = log p(対象)（語彙全体で計算）にどれだけ寄与したか。対比トークンがあれば f = log p(対象) − log p(対比)：なぜあのトークンではなくこのトークンなのか。オレンジは f を上げ、青は下げました。",
  "why.attr.run": "アトリビューション",
  "why.fBaseline": "ベースラインでの f（すべてのトークン埋め込みがゼロ）= {f}",
  "why.delta": "完全性誤差 Δ = Σ スコア − (f − f_ベースライン) = {delta}",
  "why.scoreLegend": "f への寄与（nat）",
  "why.tokenTitle": "位置 {pos} · id {id} · スコア {score}",
  "why.gen.caption":
    "各行は生成された1つのトークン、各セルはそれより前のトークンがそのトークンの対数確率にどれだけ寄与したか（選んだ手法による）。斜線のセルはそのトークンより後ろにあり、依存することはできません。",
  "why.gen.maxNew": "生成するトークン数",
  "why.gen.usesPage":
    "「次のトークン」ビューで生成された {n} 個のトークンを対象にします。",
  "why.gen.greedy":
    "まだ何も生成されていません：サーバーがプロンプトを貪欲法で {n} トークン続けます。",
  "why.gen.run": "生成をアトリビューション",
  "why.gen.rowTitle": "生成",
  "why.gen.colTitle": "前のトークン",
  "why.gen.cell": "{target} ← {source}（位置 {pos}）：{score}",
  "why.patch.caption":
    "破損したプロンプトを実行し、クリーンな実行から1つの活性化を戻して、最後の位置での logit(答え) − logit(誤答) を測ります。各セルがそのような1回の実行です（バッチ処理）。クリーンな値に近いセルは2つのプロンプトの違いが運ばれている場所を、破損した値に近いセルはそうでない場所を示します。",
  "why.patch.clean": "クリーンなプロンプト",
  "why.patch.corrupted": "破損したプロンプト（トークン数は同じ）",
  "why.patch.answer": "答えのトークン",
  "why.patch.wrong": "誤答のトークン",
  "why.patch.site": "パッチする場所",
  "why.site.resid_pre": "各ブロックに入る残差ストリーム",
  "why.site.attn_out": "各ブロックのアテンション出力",
  "why.site.mlp_out": "各ブロックの MLP 出力",
  "why.site.head_result": "各ヘッドの出力",
  "why.patch.run": "パッチ",
  "why.patch.tokenHint":
    "答えと誤答はそれぞれちょうど1トークンでなければなりません（先頭の空白に注意）。",
  "why.patch.mislead":
    "一度に1か所だけ：複数の場所に分散した効果や打ち消し合う効果は隠れたままです。また、大きな効果はこの2つのプロンプトで情報がどこを流れるかを示すだけで、一般的な仕組みを示すものではありません。",
  "why.patch.cleanValue":
    "クリーン：logit({answer}) − logit({wrong}) = {value}",
  "why.patch.corruptedValue":
    "破損：logit({answer}) − logit({wrong}) = {value}",
  "why.patch.colTitle": "位置（クリーン/破損のトークン）",
  "why.patch.legend":
    "色：破損した実行からの logit(答え) − logit(誤答) の変化（白 = 変化なし）；数値：パッチ後の値",
  "why.patch.cell": "層 {layer}、位置 {pos}（{token}）：{value}",
  "why.patch.cellHead":
    "層 {layer}、ヘッド {head}、位置 {pos}（{token}）：{value}",
  "why.patch.picked":
    "{where}。パッチなしの破損実行は {corrupted}、このパッチでは {value}、クリーンな実行は {clean} です。",
  "why.patch.restored": "破損からクリーンまでの {pct}% に当たります。",
  "why.patch.dist.title": "この1か所だけパッチした後の次のトークン",
  "why.patch.dist.caption":
    "クリーンな実行から取るのはこの1つの活性化だけです（{token} の位置）。それ以外はすべて破損した実行です。破損した実行の次トークン確率と、パッチ後の確率を並べて示します。答えと誤答のトークンには下線を引いています。",
  "why.patch.dist.corrupted": "破損した実行",
  "why.patch.dist.patched": "パッチ後",
  "why.patch.dist.change": "トークンごとの変化（大きい順）",
  "why.patch.dist.unchanged":
    "丸め誤差を超える変化はありません（すべての |Δp| < {bound}）。ここではクリーンな実行と破損した実行が同じ値を持っている（最初に異なるトークンより前と同じ）ため、それを戻してもどの確率も変わりません。",
  "why.score.caption":
    "任意のテキストを貼り付けてください：各トークンは、それまでのすべてを前提にモデルが与えた確率で色分けされます——確信していた所は明るく、迷った所は暗く。トークンにマウスを重ねるかキーボードでフォーカスすると、順位とモデルが好んだ候補が表示されます。",
  "why.score.input": "評価するテキスト",
  "why.score.run": "評価",
  "why.score.models": "モデル",
  "why.score.perplexity":
    "{n} トークンでのパープレキシティ {ppl}（平均対数確率 {mean}）",
  "why.score.first": "最初のトークン：前に何もないので評価しません",
  "why.score.token": "log p = {logprob} · p = {p} · 順位 {rank}",
  "why.score.top": "ここで最も確率が高いもの：",
  "why.score.unsure": "迷い（p → 0）",
  "why.score.sure": "確信（p → 1）",
  "why.score.legend":
    "色：前のテキストを前提としたトークンの確率（viridis、glassbox のどこでも同じ色スケール）。",
  "detail.panel.contributions": "寄与",
  "why.dla.title": "次のトークンへの寄与",
  "why.dla.caption":
    "直接ロジット寄与：各ヘッドと各 MLP が、最後の位置で選んだトークンのロジットに直接書き込む量（最終正規化のスケールは実際の値で固定されるので、各部分の合計がロジットになります）。セルをクリックするとそのヘッドまたは MLP を開きます。",
  "why.dla.target": "トークン",
  "why.dla.legend": "ロジットへの直接の寄与",
  "why.dla.cellHead": "層 {layer}、ヘッド {head}：{value}",
  "why.dla.cellMlp": "層 {layer}、MLP：{value}",
  "why.dla.total":
    "位置 {pos} での {token} のロジット = {logit}；すべての寄与の合計 = {total}",
  "why.dla.rest": "ほかに書き込んでいるもの：",
  "why.dla.kind.embed": "トークン埋め込み",
  "why.dla.kind.pos_embed": "位置埋め込み",
  "why.dla.kind.attn_bias": "アテンションのバイアス",
  "why.dla.kind.norm_bias": "最終正規化のバイアス",
  "why.dla.mislead":
    "直接の効果だけです：ヘッドが後のヘッドや MLP の入力に書き込んだものは、最終的に読まれた場所で数えられ、ここには入りません。直接の効果が小さいヘッドでも重要なことがあります——オフにして確かめてください。",
  "why.ablate.title": "介入",
  "why.ablate.hint":
    "ヘッドの下の ⏻ でそのヘッドをオフにします（複数同時も可）。MLP パネルには主要なニューロンごとにスイッチがあります。",
  "why.ablate.headToggle": "層 {layer} のヘッド {head} をオフ/オンにする",
  "why.ablate.neuronToggle":
    "層 {layer} のニューロン {neuron} をオフ/オンにする",
  "why.ablate.mode": "置き換え先",
  "why.ablate.mode.zero": "ゼロ",
  "why.ablate.mode.mean": "位置にわたる平均",
  "why.ablate.clear": "すべてオンに戻す",
  "why.ablate.offList": "オフ：",
  "why.ablate.before": "前",
  "why.ablate.after": "後",
  "why.ablate.change": "トークンごとの変化（大きい順）",
  "why.ablate.token": "トークン",
};
