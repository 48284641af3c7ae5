/** Chinese strings of the Why and Circuits views in a static export. */
import type { ExportViewsCatalog } from "./types";

export const exportViewsZh: ExportViewsCatalog = {
  "exportViews.whyNote":
    "静态导出：这些结果是为导出的提示词预先计算的——每种方法都使用默认选项，以最可能的下一个词元之一为目标（无对照词元）；沿贪心续写和沿导出生成的归因；以及提示词本身的对数概率。其他选择以及激活修补需要运行中的模型（glassbox serve）。",
  "exportViews.whyOther":
    "不在此导出中：它只包含每种方法在默认选项下、以最可能的下一个词元之一为目标且无对照词元的结果。此选择需要运行中的模型（glassbox serve）。",
  "exportViews.matrixOther":
    "不在此导出中：它包含沿 {n} 个词元的贪心续写（尚未逐步生成时）和沿整个导出生成（逐步到末尾）的归因，均为默认选项。这需要运行中的模型（glassbox serve）。",
  "exportViews.scoreOther":
    "不在此导出中：它包含每个导出提示词自身文本在本页模型下的对数概率。其他文本或模型需要运行中的模型（glassbox serve）。",
  "exportViews.whyLeftOut":
    "此静态导出未包含“为什么”视图（glassbox export --no-why）。",
  "exportViews.patching":
    "激活修补需要运行中的模型（glassbox serve）：此导出中没有。",
  "exportViews.circuitsNote":
    "静态导出：此图是针对最可能的下一个词元预先计算的。阈值、选择、特征卡片和超级节点在这里都可以使用；追踪其他词元和干预需要运行中的模型（glassbox serve）。",
  "exportViews.circuitsLeftOut":
    "此静态导出不含归因图：导出时使用了 --no-circuits，或其模型没有转码器。",
  "exportViews.otherPrompt":
    "不在此导出中：它只包含每个导出提示词原样的归因图，不包含修改后的提示词。",
  "exportViews.otherLogit":
    "追踪其他词元需要运行中的模型（glassbox serve）：此导出只包含最可能的下一个词元的图。",
  "exportViews.intervene":
    "干预需要运行中的模型（glassbox serve）：静态导出无法运行。",
  "exportViews.noCard": "不在此导出中：它只包含每个导出图中特征的卡片。",
};
