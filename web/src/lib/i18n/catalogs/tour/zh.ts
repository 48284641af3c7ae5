/** Chinese strings of the beginner mode and the guided tour. */
import type { TourCatalog } from "./types";

export const tourZh: TourCatalog = {
  "tour.mode.label": "模式",
  "tour.mode.beginner": "入门",
  "tour.mode.expert": "专家",
  "tour.mode.hint": "入门：视图上方有导览。专家：只显示视图。",
  "tour.title": "导览",
  "tour.open": "打开导览",
  "tour.close": "关闭导览",
  "tour.next": "下一步",
  "tour.back": "上一步",
  "tour.play": "播放",
  "tour.pause": "暂停",
  "tour.speed": "速度",
  "tour.still": "不要动画",
  "tour.track.label": "导览内容",
  "tour.track.generation": "一次生成步骤",
  "tour.track.training": "一次训练步骤",
  "tour.progress": "第 {n} 步，共 {total} 步",
  "tour.expert": "给我看真实的数字",
  "tour.tensor": "数据来源：{name}",
  "tour.keys": "点击图片或按任意键可立即完成动画 · ← → 切换步骤 · Esc 关闭",
  "tour.loading": "正在获取真实数值…",
  "tour.noPrompt": "请在下方输入框中输入文本：导览会讲解模型如何处理它。",
  "tour.again": "点击“下一步”会真正生成这个词元，并讲解下一步。",
  "tour.ended": "生成在此结束（文本结束、达到词元上限或模型上下文长度）：修改文本即可重新开始。",
  "tour.block": "层",
  "tour.head": "头",
  "tour.position": "位置 {pos}",
  "tour.norm": "长度 ‖x‖ = {value}",
  "tour.hoverCells": "将指针移到格子上可查看其数值。",
  "tour.othersShare": "其余 {n} 个位置共享剩下的 {p}。",
  "tour.neuron": "神经元 {i}",
  "tour.vectorOnItsWay": "最后一个词元的向量，一步一步前进",
  "tour.guess": "先猜一猜：你认为模型觉得哪个词元最可能？",
  "tour.reveal": "直接告诉我",
  "tour.guessRight": "答对了：“{token}”的可能性最大。",
  "tour.guessWrong": "这次没猜中：你选了“{guess}”，模型更倾向于“{token}”。",
  "tour.greedy": "温度为 0：不抽样，直接取可能性最大的词元。",
  "tour.draw": "带种子的随机数 u = {u} 落在“{token}”上。",
  "tour.kept": "{n} 个词元通过了过滤",
  "tour.chosen": "选中",
  "tour.gen.text.title": "你的文本",
  "tour.gen.text.caption":
    "一切从提示框中的文本开始：“{text}”。模型不认识字母，所以它的第一件事是把文本切成它认识的小块。",
  "tour.gen.tokens.title": "文本 → 词元",
  "tour.gen.tokens.caption":
    "分词器把文本切成 {n} 个词元：完整的词、词的一部分或单个字符，全部来自一个含 {vocab} 个词元的固定词表。空格通常和它后面的词连在一起。",
  "tour.gen.ids.title": "词元 → 编号",
  "tour.gen.ids.caption":
    "每个词元其实是一个数字，即它在词表中的行号，模型只看到这 {n} 个编号。最后一个 {id}（“{token}”）所在的位置，就是预测下一个词元的地方。",
  "tour.gen.embedding.title": "编号 → 向量",
  "tour.gen.embedding.caption":
    "编号 {id} 从嵌入表中取出一行：{d} 个数字，这里画成格子（橙色大于零，蓝色小于零）。这个向量是该词元的起点，它的长度是 {norm}。",
  "tour.gen.attention.title": "注意力：回头看",
  "tour.gen.attention.caption":
    "在第 {layer} 层，第 {head} 个头让最后一个词元“{token}”从前面的位置收集信息。线条表示它对每个位置的关注程度，最关注“{top}”（{weight}）；所有权重加起来等于 1。",
  "tour.gen.mlp.title": "MLP：每个位置单独处理",
  "tour.gen.mlp.caption":
    "注意力之后，该层的 MLP 单独变换每个位置：{d} 个神经元读取这个向量，其中少数会强烈激活。在第 {layer} 层，此位置上激活最强的是神经元 {neuron}（{value}）。",
  "tour.gen.residual.title": "残差流逐层增长",
  "tour.gen.residual.caption":
    "注意力和 MLP 不会替换向量，而是把各自的结果加到它上面，一层接一层。它的长度从嵌入后的 {first} 增长到最后一层后的 {last}。",
  "tour.gen.probabilities.title": "分数 → 概率",
  "tour.gen.probabilities.caption":
    "最终向量与全部 {vocab} 个词元逐一比较，给每个词元打分；softmax 把分数变成总和为 1 的概率。最可能的下一个词元是“{token}”，概率为 {prob}。",
  "tour.gen.sampling.title": "采样：选出一个",
  "tour.gen.sampling.caption":
    "现在按你的采样设置（温度 {temp}，种子 {seed}）选出一个词元：过滤器先去掉不太可能的词元，再由随机数在剩下的词元中选择。这次选中的是“{token}”，其概率为 {prob}。",
  "tour.gen.append.title": "追加，然后重复",
  "tour.gen.append.caption":
    "“{token}”被追加到文本末尾，然后完全相同的步骤再运行一次，预测它后面的词元。生成文本就是这样一个循环。",
};
