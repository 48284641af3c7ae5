/** ja strings of the tokenizer lab. */
import type { TokenizersCatalog } from "./types";

export const tokenizersJa: TokenizersCatalog = {
  "tok.title": "トークナイザー・ラボ",
  "tok.intro":
    "同じテキストを複数の本物のトークナイザーに通します。各チップは 1 つのトークンと その id。空白は ·、1 文字にならないバイトは <e4 b8>、特殊トークンは枠付きで表示します。",
  "tok.choose": "トークナイザー",
  "tok.text": "テキスト",
  "tok.counts":
    "{tokens} トークン · {chars} 文字 · {bytes} バイト · {words} 語 · 1 語あたり {perWord} トークン",
  "tok.taxTitle": "トークン税",
  "tok.taxIntro":
    "各言語で同じ 2 文：言語ごとのトークン数と、同じトークナイザーでの英語との比。語は空白区切りなので、1 語あたりのトークン数は中国語・日本語・タイ語には当てはまりません。",
  "tok.language": "言語",
  "tok.ownTexts": "自分の対訳テキストを貼り付ける",
  "tok.recount": "数え直す",
  "tok.mergesTitle": "BPE はどうたどり着いたか",
  "tok.mergesIntro":
    "1 語のバイトをトークンへとまとめるマージを、ランクの低い順に示します。ランクはトークナイザーのマージ表での位置です。",
  "tok.show": "表示",
  "tok.start": "バイト",
  "tok.rank": "ランク {rank}",
  "tok.wholePiece":
    "このピース全体が語彙の 1 項目です。トークナイザーはマージせずにそのまま使います。",
  "tok.chatTitle": "チャットテンプレート",
  "tok.engineBrowser": "このページ内で計算",
  "tok.engineServer": "サーバーで計算",
  "tok.play": "再生",
  "tok.pause": "一時停止",
  "tok.step": "1 ステップ",
  "tok.restart": "バイトに戻る",
  "tok.stepOf": "マージ {n} / {total}",
  "tok.learntOrder": "このトークナイザーは glassbox 自身が学習させたもので、学習器はマージを学んだ順に書き出します。ランク 0 が最初に学ばれたもの（その時点の学習テキストで最も多かった隣り合うペア）、ランク 1 が次、という具合です。学習器はペアの出現回数を保存しないため、ここではこの順序だけを示します。",
  "tok.word": "単語",
  "tok.tokenizer": "トークナイザー",
  "tok.chatUser": "ユーザーのメッセージ",
};
