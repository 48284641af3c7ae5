/** Chinese strings of "Inside the model"'s attention maps, One head stages and logit lens position. */
import type { InsideCatalog } from "./types";

export const insideZh: InsideCatalog = {
  "inside.masked": "已遮蔽",
  "inside.maskLegend":
    "这个键位于查询之后，而查询不能看到它之后的位置（因果掩码）。模型把它缩放后的分数替换为 −∞，所以 softmax 给它的权重正好是 0。",
  "inside.maskLegendWindow":
    "这个键位于查询之后，或位于查询之前 {n} 个及以上的位置（滑动窗口）。模型把它缩放后的分数替换为 −∞，所以 softmax 给它的权重正好是 0。",
  "inside.col.scaled": "× {scale} = 缩放后",
  "inside.col.afterMask": "掩码之后",
  "inside.col.weight": "softmax = 权重",
  "inside.stagesNote":
    "从左到右按模型的计算顺序：每个键的 q·k；每个键乘以缩放系数（被遮蔽的键也有真实的缩放分数）；掩码（模型的注意力分数 hook_attn_scores）；对掩码保留的部分做 softmax（注意力权重 hook_pattern）。",
  "inside.weightsLater": "注意力权重还不存在：它们在第 {n} 步（{step}）出现。",
  "inside.weightScale": "注意力权重：softmax 的输出，从 0 到 1",
  "inside.maskedSwatch": "已遮蔽（权重正好为 0）",
  "inside.mapAxes": "行：正在读取的位置（查询）· 列：它读取的位置（键）",
  "inside.mapCell": "查询 {q}「{qt}」→ 键 {k}「{kt}」：{w}",
  "inside.mapHint": "指向单元格可查看其权重；点击某行的词元可选择该位置。",
  "inside.selectPos": "选择位置 {pos}「{tok}」",
  "inside.keysRegion": "查询 {pos} 的所有键（可滚动）",
  "inside.mapRegion": "注意力图（可滚动）",
  "inside.gridHint": "每张图是一个头的注意力图：行是查询位置，列是键，位置 0 在左上角。打开一个头即可在两条轴上看到它的词元。",
  "inside.gridPooled": "长提示：每个格子显示 {block} × {block} 个位置组成的块中最大的权重。打开一个头即可看到每个权重。",
  "inside.lensWindow": "位置 {from}–{to}，共 {n} 个：长提示的透镜一次计算一个窗口。选择窗口外的位置即可移动窗口。",
  "inside.lensAt": "所选位置 {pos}",
};
