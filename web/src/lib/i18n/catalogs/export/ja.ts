/** Japanese strings of the static export. */
import type { ExportCatalog } from "./types";

export const exportJa: ExportCatalog = {
  "export.notice":
    "静的エクスポート：{model} で事前に計算した {n} 個のプロンプト。ここでは何も計算しません — エクスポートされたプロンプトを選んでください。",
  "export.picker": "エクスポートされたプロンプト",
  "export.newPrompt":
    "このページは静的エクスポートです：エクスポート時に計算したプロンプトだけを表示でき、新しいプロンプトは表示できません。",
  "export.offPath":
    "このページは静的エクスポートです：エクスポートした生成の経路上の分布だけを含みます。この設定ではモデルはここで別のトークンを選びます — 戻るか、エクスポート時の設定（{settings}）を使ってください。",
  "export.notDetail":
    "このページは静的エクスポートです：詳細ビューにはエクスポートしたプロンプト自身のトークンだけ（生成トークンなし）、各ヘッドは最後の位置だけが含まれます。",
  "export.cannot":
    "このページは静的エクスポートです：これには実行中の glassbox サーバー（glassbox serve）が必要です。ライブ学習、新しいプロンプト、モデルへの介入はここでは実行できません。",
};
