import type { PromptCatalog } from "./types";

export const promptZh: PromptCatalog = {
  "prompt.truncated": "此提示的词元数超过了模型在这里能读取的上限：前 {n} 个词元已被丢弃，模型只读取最后 {kept} 个。",
  "controls.topKNegative": "top-k 不能为负数：请输入 0（关闭）或 1 到 {max} 之间的整数。",
  "controls.topKNotInteger": "top-k 是词元的个数：请输入整数（0 = 关闭）。",
  "controls.topKTooLarge": "此服务器上 top-k 最大为 {max}。",
  "controls.topKEmpty": "请输入 top-k（0 = 关闭）。",
  "detail.emptyPrompt": "在上方输入提示，即可查看模型内部。",
  "status.noPrediction": "此提示没有预测结果：上方的消息说明了原因以及需要修改什么。",
};
