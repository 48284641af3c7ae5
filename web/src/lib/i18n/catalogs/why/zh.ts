/** Chinese strings of the "Why?" view and of the detailed view's contributions and interventions. */
import type { WhyCatalog } from "./types";

export const whyZh: WhyCatalog = {
  "why.view": "为什么？",
  "why.title": "它为什么这么说？",
  "why.intro":
    "四种方式询问模型为什么写出了它写的内容，每一种都基于真实的计算：哪些输入词元影响了下一个词元，哪些先前的词元影响了每个生成的词元，两个提示之间的差异在网络内部的哪里传递，以及它对文本中每个词元有多确定。",
  "why.caveat":
    "请把这里的每张图当作一次测量，而不是一种解释：归因说明的是以某种特定方式扰动或移除输入时 f 如何变化。不同方法可能给出不同结论，任何一种都不是因果证明。",
  "why.section.attribution": "输入归因",
  "why.section.generation": "整段生成的归因",
  "why.section.patching": "激活修补",
  "why.section.score": "文本的对数概率",
  "why.method": "方法",
  "why.method.gradient_x_input": "梯度 × 输入",
  "why.method.integrated_gradients": "积分梯度",
  "why.method.occlusion": "遮挡",
  "why.method.shapley": "Shapley 估计",
  "why.explain.gradient_x_input":
    "梯度 × 输入：对每个词元，f 关于其嵌入的梯度乘以该嵌入，再在 d_model 上求和——一阶估计：没有它 f 会损失多少。只需一次反向传播。在模型饱和处可能误导：一个已经决定答案的词元，梯度可能很小。",
  "why.explain.integrated_gradients":
    "积分梯度：沿着从基线（所有词元嵌入为零）到真实输入的直线路径对梯度取平均，再乘以输入。各分数之和等于 f(输入) − f(基线)，误差为下方显示的完备性误差 Δ（步数越多，Δ 越小）。结果依赖所选的基线，而且路径经过模型从未见过的输入。",
  "why.explain.occlusion":
    "遮挡：f 减去把某一个词元的嵌入换成零后的 f，逐个位置进行。直接易懂，但全零嵌入是模型在训练中从未遇到的不自然输入；互为备份的词元，单独看每一个都显得不重要。",
  "why.explain.shapley":
    "Shapley 估计（SHAP 家族）：在随机的词元加入顺序上，每个词元对 f 的平均边际效应（缺席的词元嵌入为零）。能公平对待词元之间的交互，但这只是估计：排列数少时噪声大——换一个种子看看差别有多大。",
  "why.nSteps": "步数",
  "why.nSamples": "排列数",
  "why.seed": "种子",
  "why.target": "目标词元",
  "why.foil": "对照词元（可选）",
  "why.targetTop": "最可能的词元",
  "why.foilNone": "无",
  "why.typeToken": "输入一个词元…",
  "why.running": "计算中…",
  "why.attr.caption":
    "提示中每个词元对最后位置上 f = log p(目标) 的贡献（在整个词表上计算）。有对照词元时，f = log p(目标) − log p(对照)：为什么是这个词元而不是那个。橙色使 f 升高，蓝色使其降低。",
  "why.attr.run": "归因",
  "why.fBaseline": "基线处的 f（所有词元嵌入为零）= {f}",
  "why.delta": "完备性误差 Δ = Σ 分数 − (f − f_基线) = {delta}",
  "why.scoreLegend": "对 f 的贡献（nat）",
  "why.tokenTitle": "位置 {pos} · id {id} · 分数 {score}",
  "why.gen.caption":
    "每一行是一个生成的词元，每个格子表示某个更早的词元对该词元对数概率的贡献（按所选方法）。带斜线的格子位于该词元之后：它不可能依赖它们。",
  "why.gen.maxNew": "要生成的词元数",
  "why.gen.usesPage": "对“下一个词元”视图中生成的 {n} 个词元做归因。",
  "why.gen.greedy":
    "尚未生成任何词元：服务器将用贪心方式把提示续写 {n} 个词元。",
  "why.gen.run": "对生成做归因",
  "why.gen.rowTitle": "生成的",
  "why.gen.colTitle": "更早的词元",
  "why.gen.cell": "{target} ← {source}（位置 {pos}）：{score}",
  "why.patch.caption":
    "运行损坏的提示，把干净运行中的一个激活放回去，然后测量最后位置上的 logit(答案) − logit(错误)。每个格子就是一次这样的运行（批量进行）。接近干净值的格子表明两个提示的差异在那里传递；接近损坏值则表明不在那里。",
  "why.patch.clean": "干净提示",
  "why.patch.corrupted": "损坏提示（词元数相同）",
  "why.patch.answer": "答案词元",
  "why.patch.wrong": "错误词元",
  "why.patch.site": "修补的位置",
  "why.site.resid_pre": "进入每个块的残差流",
  "why.site.attn_out": "每个块的注意力输出",
  "why.site.mlp_out": "每个块的 MLP 输出",
  "why.site.head_result": "每个注意力头的输出",
  "why.patch.run": "修补",
  "why.patch.tokenHint":
    "答案和错误词元都必须恰好是一个词元（注意开头的空格）。",
  "why.patch.mislead":
    "每次只修补一处：分散在多处或相互抵消的效应会被隐藏；而且大的效应只说明这两个提示的信息流向哪里，并不代表一般性的机制。",
  "why.patch.cleanValue": "干净：logit({answer}) − logit({wrong}) = {value}",
  "why.patch.corruptedValue":
    "损坏：logit({answer}) − logit({wrong}) = {value}",
  "why.patch.colTitle": "位置（干净/损坏的词元）",
  "why.patch.legend":
    "颜色：相对损坏运行的 logit(答案) − logit(错误) 变化（白色 = 无变化）；数字：修补后的值",
  "why.patch.cell": "第 {layer} 层，位置 {pos}（{token}）：{value}",
  "why.patch.cellHead":
    "第 {layer} 层，第 {head} 个头，位置 {pos}（{token}）：{value}",
  "why.patch.picked":
    "{where}。未修补时，损坏运行给出 {corrupted}；这次修补给出 {value}；干净运行给出 {clean}。",
  "why.patch.restored": "即从损坏到干净走了 {pct}% 的路。",
  "why.patch.dist.title": "仅这一处修补之后的下一个词元",
  "why.patch.dist.caption":
    "只有这一个激活来自干净运行（在 {token} 的位置上）；其余一切都是损坏运行。损坏运行的下一个词元概率与修补之后的概率并排显示；答案词元和错误词元带下划线。",
  "why.patch.dist.corrupted": "损坏运行",
  "why.patch.dist.patched": "修补之后",
  "why.patch.dist.change": "每个词元的变化（最大的在前）",
  "why.patch.dist.unchanged":
    "除舍入误差外没有任何变化（每个 |Δp| < {bound}）：在这里，干净运行和损坏运行携带的是同一个值（就像第一个不同的词元之前那样），所以把它放回去不会改变任何概率。",
  "why.score.caption":
    "粘贴任意文本：每个词元按模型在给定前文时赋予它的概率着色——确定处明亮，犹豫处暗淡。把鼠标悬停在词元上或用键盘聚焦，可以看到它的排名以及模型更偏好的候选。",
  "why.score.input": "要评分的文本",
  "why.score.run": "评分",
  "why.score.models": "模型",
  "why.score.perplexity": "{n} 个词元上的困惑度 {ppl}（平均对数概率 {mean}）",
  "why.score.first": "第一个词元：它前面没有任何内容，因此不评分",
  "why.score.token": "log p = {logprob} · p = {p} · 排名 {rank}",
  "why.score.top": "此处最可能的：",
  "why.score.unsure": "不确定（p → 0）",
  "why.score.sure": "确定（p → 1）",
  "why.score.legend":
    "颜色：给定前文时该词元的概率（viridis，与 glassbox 其他地方相同的色标）。",
  "detail.panel.contributions": "贡献",
  "why.dla.title": "对下一个词元的贡献",
  "why.dla.caption":
    "直接 logit 归因：每个注意力头和每个 MLP 直接写入所选词元在最后位置上的 logit 的量（最终归一化的缩放固定为其真实值，因此各部分之和等于 logit）。点击格子可打开对应的头或 MLP。",
  "why.dla.target": "词元",
  "why.dla.legend": "对 logit 的直接贡献",
  "why.dla.cellHead": "第 {layer} 层，第 {head} 个头：{value}",
  "why.dla.cellMlp": "第 {layer} 层，MLP：{value}",
  "why.dla.total":
    "{token} 在位置 {pos} 的 logit = {logit}；所有贡献之和 = {total}",
  "why.dla.rest": "同样写入它的还有：",
  "why.dla.kind.embed": "词元嵌入",
  "why.dla.kind.pos_embed": "位置嵌入",
  "why.dla.kind.attn_bias": "注意力偏置",
  "why.dla.kind.norm_bias": "最终归一化的偏置",
  "why.dla.mislead":
    "仅限直接效应：一个头写入后续头和 MLP 输入的内容，计在最终读取它的地方，而不在这里。直接效应小的头仍可能很重要——把它关掉看看。",
  "why.ablate.title": "干预",
  "why.ablate.hint":
    "头下方的 ⏻ 可以关闭它（可同时关闭多个）；MLP 面板中每个主要神经元都有一个开关。",
  "why.ablate.headToggle": "关闭或打开第 {layer} 层的第 {head} 个头",
  "why.ablate.neuronToggle": "关闭或打开第 {layer} 层的神经元 {neuron}",
  "why.ablate.mode": "替换为",
  "why.ablate.mode.zero": "零",
  "why.ablate.mode.mean": "它在各位置上的均值",
  "why.ablate.clear": "全部重新打开",
  "why.ablate.offList": "已关闭：",
  "why.ablate.before": "之前",
  "why.ablate.after": "之后",
  "why.ablate.change": "每个词元的变化（最大的在前）",
  "why.ablate.token": "词元",
};
