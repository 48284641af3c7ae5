/** Japanese strings of the "models side by side" view. */
import type { CompareCatalog } from "./types";

export const compareJa: CompareCatalog = {
  "cmp.view": "モデルを比較",
  "cmp.title": "モデルを並べて見る",
  "cmp.intro":
    "このサーバーが提供する 2 つのモデルに同じプロンプトを与えます。各モデルは自分のトークナイザーで文章を分け、自分の語彙で予測するため、次のトークンはそれが表すバイト列で対応づけ、各モデルのロジットレンズは相対的な深さで描きます（モデルごとに層の数が違うことがあるため）。",
  "cmp.first": "1 つ目のモデル",
  "cmp.second": "2 つ目のモデル",
  "cmp.prompt": "プロンプト",
  "cmp.oneModel":
    "このサーバーはモデルを 1 つしか提供していません。比較するには 2 つ以上のモデルで起動してください。例：glassbox serve --model glassbox-tiny --model ./my-model",
  "cmp.pickTwo": "異なる 2 つのモデルを選んでください。",
  "cmp.loading": "両方のモデルが計算中…",
  "cmp.tokens": "{n} トークン",
  "cmp.tokensCaption": "各モデルのトークナイザーがプロンプトをどう分けるか。",
  "cmp.entropy": "次のトークンのエントロピー {value} nat",
  "cmp.nextTitle": "バイト列で対応づけた次のトークン",
  "cmp.nextCaption":
    "両モデルの全語彙での次のトークン上位 {k} 個の和集合。ダッシュ：そのモデルの語彙には、まったく同じバイト列のトークンがありません。",
  "cmp.notInVocab": "この語彙にはそのトークンがない",
  "cmp.token": "次のトークン",
  "cmp.tv":
    "2 つの次トークン分布の全変動距離：{value}（0 は同じ分布、1 は重なりなし）。次のトークンのバイト列の上で計算。",
  "cmp.sameTokenizer": "両モデルは同じトークナイザーを使っています。ID もバイト列も完全に一致します。",
  "cmp.otherTokenizers":
    "トークナイザーが異なります。同じ文章でも分け方が違うことが多く、一方の次のトークンが他方の次のトークンの一部にすぎないこともあります。",
  "cmp.lensTitle": "各モデルはいつ答えを決めるのか？",
  "cmp.lensCaption":
    "最後の位置でのロジットレンズ：各層の後の残差ストリームを、そのモデル自身の最終正規化とアンエンベディングで読んだもの。各線は、各層の後でモデルの最終的な 1 位トークンが持つ確率。横軸は深さ（0 は埋め込みの後、1 は最後のブロックの後）。",
  "cmp.depth": "相対的な深さ",
  "cmp.probFinal": "p（最終 1 位トークン）",
  "cmp.settles": "1 位トークン {token}（この層以降）：{where}",
  "cmp.lensTable": "各層の後の 1 位トークン",
  "cmp.chartLine": "{model}：埋め込みの後 {first}、出力で {last}",
  "help.compare.shows":
    "同じプロンプトを与えた 2 つのモデル：それぞれのトークナイザーによる分け方、語彙をまたいでトークンを対応づけた次トークン分布、相対的な深さで描いたロジットレンズ。",
  "help.compare.read":
    "1 行のバーは、2 つのモデルが同じ次の文字列に与える確率です。レンズのグラフは、各モデルが深さのどのあたりで最終的な答えに決めるかを示します。下で平らな線が最後に跳ね上がるなら、最後の層だけが決めています。",
  "help.compare.try":
    "2 つのモデルでサーバーを起動し（glassbox serve --model A --model B）、「The capital of France is」のような事実を入力して、どちらのモデルがより確信しているか、どちらが早く答えを決めるかを見てください。",
  "help.panel.compareNext":
    "各モデルの次のトークン上位を、それが表すバイト列で対応づけたもの。そのトークンが語彙にないモデルはダッシュを表示します。",
  "help.panel.compareLens":
    "各層の後での各モデルの最終 1 位トークンの確率を、相対的な深さの共通の軸で示します。表は各層そのものの 1 位トークンです。",
};
