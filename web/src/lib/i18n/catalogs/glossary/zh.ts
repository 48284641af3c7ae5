import type { GlossaryCatalog } from "./types";

export const glossaryZh: GlossaryCatalog = {
  "glossary.button": "术语表",
  "glossary.title": "术语表",
  "glossary.filter": "筛选术语",
  "glossary.placeholder": "例如 softmax",
  "glossary.none": "没有与“{q}”匹配的术语。",
  "glossary.count": "{n} 个术语",
  "glossary.seeIn": "在这里查看：",
  "glossary.close": "关闭术语表",

  "glossary.token.term": "词元（token）",
  "glossary.token.def":
    "语言模型读写的单位：一个词、词的一部分、一个字符或几个字节。文本以词元列表的形式输入，并一次一个词元地输出。",
  "glossary.tokenizer.term": "分词器",
  "glossary.tokenizer.def":
    "把文本切成词元并转换成编号（以及反向转换）的程序。每个模型都有自己的分词器，它在模型训练之前从文本中学得。",
  "glossary.tokenId.term": "词元编号",
  "glossary.tokenId.def":
    "词元在词表中的编号。模型从来看不到字母：它只看到这些数字，每个词元一个。",
  "glossary.vocabulary.term": "词表",
  "glossary.vocabulary.def":
    "模型认识的所有词元的固定列表。每一步模型都会给这个列表中的每一项一个概率，而不只是给最前面显示的几项。",
  "glossary.embedding.term": "嵌入（embedding）",
  "glossary.embedding.def":
    "在模型内部代表一个词元的一串数字（向量）。它是一张学得的表中的一行，按词元编号查出；用法相似的词元最终会有相似的向量。",
  "glossary.positionEmbedding.term": "位置嵌入",
  "glossary.positionEmbedding.def":
    "模型如何知道一个词元在文本中的位置。有些模型把每个位置的学得向量加到词元向量上；另一些（RoPE）把查询和键旋转一个随位置增大的角度。",
  "glossary.attention.term": "注意力",
  "glossary.attention.def":
    "每个位置从前面的位置收集信息的步骤。它计算前面每个词元的相关程度，用 softmax 变成权重，再对它们的值做加权混合。",
  "glossary.attentionHead.term": "注意力头",
  "glossary.attentionHead.def":
    "一层中并行运行的几个注意力计算之一，每个都有自己的权重。不同的头学会寻找不同的东西，例如前一个词元或相同的词。",
  "glossary.qkv.term": "查询、键、值",
  "glossary.qkv.def":
    "注意力为每个位置计算的三个向量。查询表示这个位置在找什么，键表示它凭什么被找到，值表示被找到时它传递什么；查询·键的分数决定权重。",
  "glossary.softmax.term": "Softmax",
  "glossary.softmax.def":
    "把任意一组分数变成概率的函数：对每个分数取 e 的幂，再除以它们的总和。分数越高分得越多，全部加起来等于 1。",
  "glossary.logit.term": "Logit",
  "glossary.logit.def":
    "模型在 softmax 之前给一个词元的原始分数。只有 logit 之间的差才重要：高一个 logit 的词元可能性是 e ≈ 2.7 倍。",
  "glossary.probability.term": "概率",
  "glossary.probability.def":
    "模型认为某个词元接下来出现的可能性，从 0 到 1（0 % 到 100 %）。词表中所有词元的概率加起来等于 1。",
  "glossary.temperature.term": "温度",
  "glossary.temperature.def":
    "在 softmax 之前用来除 logit 的数。小于 1 时让可能的词元更加可能（0 表示总是选第一名）；大于 1 时让分布更平坦，文本更出人意料。",
  "glossary.topK.term": "Top-k",
  "glossary.topK.def":
    "一种采样过滤器：只保留最可能的 k 个词元，并重新归一化它们的概率。k = 1 就是贪心解码；0 表示关闭过滤器。",
  "glossary.topP.term": "Top-p（核采样）",
  "glossary.topP.def":
    "一种采样过滤器：保留概率之和至少为 p 的最小一组最可能的词元。模型很确定时只剩少数词元；不确定时会剩很多。",
  "glossary.minP.term": "Min-p",
  "glossary.minP.def":
    "一种采样过滤器：去掉概率低于“min-p 乘以最可能词元的概率”的每个词元。它在跟随模型确定程度的同时截掉长尾。",
  "glossary.mlp.term": "MLP（前馈网络）",
  "glossary.mlp.def":
    "每个块的后半部分：对每个位置单独应用的一个小型两层网络。它把向量扩展到许多神经元，应用非线性函数，再投影回来。",
  "glossary.neuron.term": "神经元",
  "glossary.neuron.def":
    "MLP 隐藏层中的一个单元：每个位置上的一个数，由输入计算并经过激活函数。有些神经元对可识别的模式有反应；大多数很难说清。",
  "glossary.residualStream.term": "残差流",
  "glossary.residualStream.def":
    "在每个位置上流经模型的向量。每个注意力和 MLP 都读取它并把自己的输出加回去，因此它把目前为止计算的一切带到下一层。",
  "glossary.layerNorm.term": "层归一化",
  "glossary.layerNorm.def":
    "在子层读取向量之前把它缩放到标准大小的步骤（LayerNorm 还会中心化；RMSNorm 只缩放）。它让数值保持在训练稳定的范围内。",
  "glossary.block.term": "块（层）",
  "glossary.block.def":
    "Transformer 中重复的单元：先注意力再 MLP，各自带有归一化，各自加到残差流上。模型就是一摞结构相同、权重不同的块。",
  "glossary.logitLens.term": "Logit 透镜",
  "glossary.logitLens.def":
    "中途读取残差流的方法：在任何一层之后对它应用最终归一化和反嵌入，看看模型如果在那里停下会预测什么。它显示最终答案在哪一层成形。",
  "glossary.contextWindow.term": "上下文窗口",
  "glossary.contextWindow.def":
    "模型一次最多能读的词元数。超出的文本必须截断：glassbox 保留能放下的最后一些词元，并说明丢掉了多少。",
  "glossary.loss.term": "损失（交叉熵）",
  "glossary.loss.def":
    "训练要尽量减小的数：模型给正确的下一个词元的概率取对数再取负，对各位置求平均。损失为 0 意味着完全确定；均匀瞎猜得到的是词表大小的对数。",
  "glossary.gradient.term": "梯度",
  "glossary.gradient.def":
    "对每个参数而言，如果它稍微变动一点，损失会变化多少。反向传播一次算出所有梯度；训练让每个参数沿梯度的反方向移动。",
  "glossary.optimizer.term": "优化器（AdamW）",
  "glossary.optimizer.def":
    "把梯度变成权重更新的规则。AdamW 维护每个梯度及其平方的滑动平均，为每个参数选择步长，并让权重略微缩小（权重衰减）。",
  "glossary.learningRate.term": "学习率",
  "glossary.learningRate.def":
    "优化器每次更新迈出的步子有多大。太大训练会不稳定；太小学得很慢。它通常先预热上升，然后在训练中逐渐衰减。",
  "glossary.checkpoint.term": "检查点",
  "glossary.checkpoint.def":
    "在某个训练步骤保存下来的模型全部权重的副本。有了检查点，就能回头看看模型在那个时刻学会了什么。",
  "glossary.parameter.term": "参数（权重）",
  "glossary.parameter.def":
    "模型学到的一个数；嵌入以及注意力和 MLP 的矩阵都由它们组成。模型的规模通常用参数个数来表示。",
  "glossary.inductionHead.term": "归纳头",
  "glossary.inductionHead.def":
    "补全重复模式的注意力头：之前见过“A B”，在后面再遇到“A”时，它会看第一个 A 后面是什么，并预测“B”。这是 transformer 中被理解得最透彻的电路之一。",
  "glossary.attribution.term": "归因",
  "glossary.attribution.def":
    "估计每个输入词元（或注意力头、神经元）对一个预测贡献多少的方法。不同方法衡量的东西不同，结论可能不一致，所以要相互比较。",
};
