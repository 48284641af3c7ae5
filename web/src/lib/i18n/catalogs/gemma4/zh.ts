import type { Gemma4Catalog } from "./types";

/** Chinese strings of Gemma 4's per-layer inputs. */
export const gemma4Zh: Gemma4Catalog = {
  "ple.stage":
    "逐层输入（{d} 个数）：门控 · 投影 · RMSNorm · ⊕，然后 × 层缩放因子",
  "ple.kvFrom": "第 {layer} 层的键/值",
  "ple.title": "逐层输入 · 第 {layer} 层",
  "ple.intro":
    "除了残差流，这个模型的每一层还为每个词元接收 {d} 个专属于它的数：逐层嵌入表中的一行（词元部分），加上经过投影和归一化的词元嵌入（上下文部分），两者相加后除以 √2。在 MLP 之后，该层由自己的残差流算出一个门控，与这个输入相乘，把结果投影回残差流的大小，归一化后加上去。",
  "ple.atToken": "在“{token}”（位置 {pos}）",
  "ple.token": "词元部分：该词元在表中的一行（× √{d}）",
  "ple.context": "上下文部分：投影并经 RMS 归一化的嵌入",
  "ple.input": "输入 = （上下文部分 + 词元部分）/ √2",
  "ple.gate": "门控 = gelu(W_gate · 残差流)",
  "ple.gated": "门控 × 输入：被投影回去并加上的部分",
  "ple.norms": "每个词元处加上的大小：逐层输入这一步与 MLP 并列",
  "ple.keyPle": "逐层输入这一步",
  "ple.added": "“{token}”：逐层输入 ‖+‖ {ple} · MLP ‖+‖ {mlp}",
  "ple.scalar": "然后，离开这一层的整个残差流乘以层缩放因子 {s}。",
  "ple.kvShared": "这一层的注意力不计算自己的键和值：它复用第 {layer} 层的。",
  "detail.site.ple": "第 {layer} 层 逐层输入",
  "why.dla.kind.ple": "逐层输入",
};
