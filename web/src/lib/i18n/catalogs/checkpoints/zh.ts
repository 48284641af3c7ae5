/** Chinese strings of a real model's training checkpoints in the pre-training view. */
import type { CheckpointsCatalog } from "./types";

export const checkpointsZh: CheckpointsCatalog = {
  "ckpt.trainingIntro":
    "模型从随机数开始，通过把一个小步骤重复数百万次来学习：预测真实文本中的每个下一个词元，衡量错得有多远，再把每个权重朝能减少错误的方向微调一点。这个模型的训练过程没有被 glassbox 记录；下面是它在训练中发布的权重快照，以及一个你可以亲自训练的微型模型。",
  "ckpt.title": "{model} 的训练检查点",
  "ckpt.intro":
    "这个模型发布时附带了训练过程中保存的权重快照。这里的每个检查点都从本机读取（本地 Hugging Face 缓存或文件夹），并被问到同样的探测提示：看看预测如何随训练推进而变化。",
  "ckpt.orderStep": "按每个检查点名称中的训练步数排序。",
  "ckpt.orderGiven": "并非每个检查点的名称都写明训练步数，因此按服务器启动时给出的顺序显示。",
  "ckpt.memory": "检查点逐个加载并随即释放：在所服务的模型之外，最多占用 {size} 的权重。",
  "ckpt.loading": "正在回放检查点……",
  "ckpt.lossChart": "探测文本上的损失",
  "ckpt.probeLoss": "探测文本损失",
  "ckpt.lossCaption":
    "这些检查点没有记录训练损失，所以这里不画训练损失。这条曲线是在此处计算的：每个检查点在探测文本上的平均损失（每个探测提示后接其期望答案，共 {n} 个词元）。",
  "ckpt.noChart": "检查点名称中没有训练步数，因此没有步数轴，也没有曲线；每个检查点在探测文本上的损失显示在它旁边。",
  "ckpt.capLoss": "每个检查点在探测文本上的平均损失，由 glassbox 计算（不是训练损失）",
  "ckpt.params": "{n} 个参数",
  "ckpt.probesCaption": "每个检查点都使用同样的探测提示：最可能的 5 个下一个词元。高亮的是训练好的模型应当给出的续写。",
  "ckpt.compareTitle": "同一提示经过两个检查点",
  "ckpt.compareCaption":
    "输入任意提示并选择两个检查点（一个早期、一个后期）：并排显示各自的下一个词元分布。勾选“作为文本评分”，还可以看到提示中每个词元的损失。",
  "ckpt.first": "第一个检查点",
  "ckpt.second": "第二个检查点",
  "ckpt.score": "作为文本评分（每个词元的损失）",
  "ckpt.compare": "比较",
  "ckpt.entropy": "熵 {value} 奈特",
  "ckpt.meanLoss": "平均损失 {value} 奈特",
  "ckpt.nextTokens": "最可能的下一个词元（基于整个词表）",
  "ckpt.tokenLosses": "在已知前文时每个词元的损失（奈特）",
  "ckpt.tokenLoss": "{token}：损失 {loss} 奈特，概率 {prob}",
};
