import type { PromptCatalog } from "./types";

export const promptJa: PromptCatalog = {
  "prompt.truncated":
    "このプロンプトは、ここでモデルが読めるトークン数を超えています。最初の {n} 個のトークンを削除し、モデルは最後の {kept} 個だけを読みます。",
  "controls.topKNegative": "top-k は負にできません。0（オフ）または 1 から {max} までの整数を入力してください。",
  "controls.topKNotInteger": "top-k はトークンの個数です。整数を入力してください（0 = オフ）。",
  "controls.topKTooLarge": "このサーバーでは top-k は最大 {max} です。",
  "controls.topKEmpty": "top-k を入力してください（0 = オフ）。",
  "detail.emptyPrompt": "上にプロンプトを入力すると、モデルの内部を見られます。",
  "status.noPrediction": "このプロンプトには予測がありません。理由と直し方は上のメッセージにあります。",
};
