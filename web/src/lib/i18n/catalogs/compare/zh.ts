/** Chinese strings of the "models side by side" view. */
import type { CompareCatalog } from "./types";

export const compareZh: CompareCatalog = {
  "cmp.view": "比较模型",
  "cmp.title": "模型并排对比",
  "cmp.intro":
    "把同一个提示词交给本服务器提供的两个模型。每个模型用自己的分词器切分文本、在自己的词表上预测，因此下一个词元按它代表的字节来对应；每个模型的 logit 透镜按相对深度绘制，因为两个模型的层数可能不同。",
  "cmp.first": "第一个模型",
  "cmp.second": "第二个模型",
  "cmp.prompt": "提示词",
  "cmp.oneModel":
    "本服务器只提供一个模型。要比较模型，请用两个或更多模型启动它，例如：glassbox serve --model glassbox-tiny --model ./my-model",
  "cmp.pickTwo": "请选择两个不同的模型。",
  "cmp.loading": "两个模型正在计算…",
  "cmp.tokens": "{n} 个词元",
  "cmp.tokensCaption": "每个模型的分词器如何切分提示词。",
  "cmp.entropy": "下一个词元的熵 {value} nat",
  "cmp.nextTitle": "按字节对应的下一个词元",
  "cmp.nextCaption":
    "两个模型在完整词表上最可能的 {k} 个下一个词元的并集。短横线：该模型的词表中没有字节完全相同的词元。",
  "cmp.notInVocab": "此词表中没有这个词元",
  "cmp.token": "下一个词元",
  "cmp.tv": "两个下一词元分布之间的总变差距离：{value}（0 表示分布相同，1 表示毫无重叠），在下一个词元的字节上计算。",
  "cmp.sameTokenizer": "两个模型使用同一个分词器：它们的 id 和字节完全一致。",
  "cmp.otherTokenizers":
    "它们的分词器不同：同一段文本常被切成不同的片段，所以一个模型的下一个词元可能只是另一个模型下一个词元的一部分。",
  "cmp.lensTitle": "每个模型何时确定它的答案？",
  "cmp.lensCaption":
    "最后位置上的 logit 透镜：每层之后的残差流，经模型自己的最终归一化和反嵌入读出。每条线是模型最终排名第一的词元在每层之后的概率；横轴是深度（0 为嵌入之后，1 为最后一个块之后）。",
  "cmp.depth": "相对深度",
  "cmp.probFinal": "p（最终第一的词元）",
  "cmp.settles": "排名第一的词元 {token}，自此层起：{where}",
  "cmp.lensTable": "每层之后排名第一的词元",
  "cmp.chartLine": "{model}：嵌入之后 {first}，输出时 {last}",
  "help.compare.shows":
    "同一个提示词下的两个模型：各自的分词器如何切分它，各自的下一词元分布（词元跨词表对应），以及按相对深度绘制的各自的 logit 透镜。",
  "help.compare.read":
    "同一行的条形是两个模型给同一个下一段文本的概率。透镜图显示每个模型在多深的位置确定最终答案；一条在底部平坦、最后才跃升的线，说明只有最后几层在做决定。",
  "help.compare.try":
    "用两个模型启动服务器（glassbox serve --model A --model B），输入一个事实，比如“The capital of France is”，看看哪个模型更有把握，哪个更早确定答案。",
  "help.panel.compareNext": "每个模型最可能的下一个词元，按它们代表的字节对应；词表中没有该词元的模型显示短横线。",
  "help.panel.compareLens": "每个模型最终排名第一的词元在每层之后的概率，画在共同的相对深度轴上；表格列出每层自己排名第一的词元。",
};
