/** zh strings of the tokenizer lab. */
import type { TokenizersCatalog } from "./types";

export const tokenizersZh: TokenizersCatalog = {
  "tok.title": "分词器实验室",
  "tok.intro":
    "同一段文本经过几个真实的分词器：每个标签是一个词元及其 id；空格显示为 ·，不构成完整字符的字节显示为 <e4 b8>，特殊词元带边框。",
  "tok.choose": "分词器",
  "tok.text": "文本",
  "tok.counts":
    "{tokens} 个词元 · {chars} 个字符 · {bytes} 字节 · {words} 个词 · 每词 {perWord} 个词元",
  "tok.taxTitle": "词元税",
  "tok.taxIntro":
    "每种语言的同样两句话：每种语言的词元数，以及在同一分词器下与英语的比值。词以空格分隔，因此“每词词元数”不适用于中文、日语或泰语。",
  "tok.language": "语言",
  "tok.ownTexts": "粘贴你自己的平行文本",
  "tok.recount": "重新计数",
  "tok.mergesTitle": "BPE 是怎么得到的",
  "tok.mergesIntro":
    "把一个词的字节合并成词元的步骤，按排名从低到高：排名就是该合并在分词器合并列表中的位置。",
  "tok.show": "显示",
  "tok.start": "字节",
  "tok.rank": "排名 {rank}",
  "tok.wholePiece": "整个片段就是词表中的一项：分词器直接取用，无需合并。",
  "tok.chatTitle": "聊天模板",
  "tok.engineBrowser": "在本页面中计算",
  "tok.engineServer": "在服务器上计算",
  "tok.play": "播放",
  "tok.pause": "暂停",
  "tok.step": "单步",
  "tok.restart": "回到字节",
  "tok.stepOf": "第 {n} 次合并，共 {total} 次",
  "tok.learntOrder": "这个分词器是 glassbox 自己训练的，训练器按学到的先后顺序写下合并规则：排名 0 最先学到，是当时训练文本中出现最多的相邻字节对，排名 1 其次，依此类推。训练器不保存字节对的计数，所以这里只显示这个顺序。",
  "tok.word": "单词",
  "tok.tokenizer": "分词器",
  "tok.chatUser": "用户消息",
};
