/** Chinese strings of the guided tour's training track; merged into the Chinese catalog. */
import type { TourTrainingCatalog } from "./types";

export const tourTrainingZh: TourTrainingCatalog = {
  "tourTraining.batch.title": "一批文本",
  "tourTraining.batch.caption":
    "模型从真实的文本中学习。句子被切分成词元，模型在每个位置都要猜出下一个词元：输入是这些词元，目标是同样的词元向左错开一位。",
  "tourTraining.loss.title": "它错得有多离谱？损失",
  "tourTraining.loss.caption":
    "在每个位置，模型给真正的下一个词元分配了某个概率 p。该位置的损失是 −log p：模型对正确词元很有把握时接近 0，被“吓一跳”时就很大。训练的目标是降低这些柱子的平均值。",
  "tourTraining.gradients.title": "梯度反向流动",
  "tourTraining.gradients.caption":
    "反向传播从输出处的平均损失出发，逐个块往回走，直到嵌入层。它为每个权重算出：如果这个权重稍微增大，损失会怎样变化——这就是它的梯度。每根柱子是一组权重的梯度大小。",
  "tourTraining.update.title": "权重被轻轻推动",
  "tourTraining.update.caption":
    "优化器 AdamW 让每个权重朝梯度的反方向移动一小步。然后同一句话再通过修改后的模型一次，就能看到它的损失是否下降了。",
  "tourTraining.noHistory":
    "{model} 没有记录下来的训练过程，因此没有检查点可以用来做一次真实的训练步。请在模型列表中选择 glassbox-tiny（或其他用 glassbox train 训练的模型）来继续这部分导览。",
  "tourTraining.loading": "正在权重的副本上执行一次真实的训练步…",
  "tourTraining.batchSummary": "“{text}”——{n} 个词元，由训练了 {step} 步时的 {model} 读取。",
  "tourTraining.batchRun":
    "在真正的训练中，每一步读取一批 {batch} 段文本，每段 {ctx} 个词元，共 {steps} 步；这一步只读这一句话，所以后面的每个数字都属于它。",
  "tourTraining.inputs": "输入",
  "tourTraining.targets": "目标（下一个词元）",
  "tourTraining.tokenId": "词元编号 {id}",
  "tourTraining.lossSummary":
    "平均损失：{mean} 奈特。模型最意外的是“{worst}”（损失 {worstLoss}），最有把握的是“{best}”（损失 {bestLoss}）。",
  "tourTraining.lossAxis": "损失 −log p(目标)，单位：奈特",
  "tourTraining.meanMark": "所有位置的平均",
  "tourTraining.flow": "梯度从输出一路传回嵌入层",
  "tourTraining.tier.output": "输出端",
  "tourTraining.tier.block": "第 {layer} 块",
  "tourTraining.tier.input": "输入嵌入",
  "tourTraining.gradSummary":
    "平均损失（{loss}）对全部 {groups} 组权重的梯度总大小为 {norm}；它最先到达输出端，最后到达嵌入层。",
  "tourTraining.updateSummary":
    "AdamW 让每组权重移动了所示的长度（学习率 {lr}），旁边是该组权重在这一步之后自身的长度。",
  "tourTraining.question": "先猜一猜：这一步之后，同一句话上的损失会下降还是上升？",
  "tourTraining.guessDown": "会下降",
  "tourTraining.guessUp": "会上升",
  "tourTraining.right": "猜对了。",
  "tourTraining.wrong": "这次没猜中——真实的数字是这样的。",
  "tourTraining.lossMoved": "这句话上的平均损失：{before} → {after}",
  "tourTraining.perPosition": "每个位置的损失：淡色柱是训练步之前，实色柱是之后（损失上升处为橙色）。",
  "tourTraining.expert": "在“训练”视图中查看这一步的全部数字",
};
