/** English strings of the "Why?" view and of the detailed view's contributions and interventions. */
export const whyEn = {
  "why.view": "Why?",
  "why.title": "Why did it say that?",
  "why.intro":
    "Four ways to ask the model why it wrote what it wrote, each on the real computation: which input tokens mattered to the next token, which earlier tokens mattered to each token it generated, where inside the network the difference between two prompts is carried, and how sure it was of every token of a text.",
  "why.caveat":
    "Read every map here as a measurement, not an explanation: an attribution says how f changes when the input is nudged or removed in one particular way. Different methods can disagree, and none of them is a causal proof.",
  "why.section.attribution": "Input attribution",
  "why.section.generation": "Across a generation",
  "why.section.patching": "Activation patching",
  "why.section.score": "Logprobs of a text",
  "why.method": "Method",
  "why.method.gradient_x_input": "Gradient × input",
  "why.method.integrated_gradients": "Integrated gradients",
  "why.method.occlusion": "Occlusion",
  "why.method.shapley": "Shapley estimate",
  "why.explain.gradient_x_input":
    "Gradient × input: for each token, the gradient of f with respect to its embedding times the embedding, summed over d_model — a first-order guess of how much f would lose without it. One backward pass. It can mislead where the model is saturated: a token that already decides the answer may get a small gradient.",
  "why.explain.integrated_gradients":
    "Integrated gradients: the gradients are averaged along a straight path from a baseline (every token embedding zero) to the real input, then multiplied by the input. The scores add up to f(input) − f(baseline), up to the completeness error Δ shown below (more steps, smaller Δ). The result depends on the baseline chosen, and the path passes through inputs the model never saw.",
  "why.explain.occlusion":
    "Occlusion: f minus f with that one token's embedding replaced by zeros, one position at a time. Direct and easy to read, but a zeroed embedding is an unnatural input the model never met in training, and tokens that back each other up each look unimportant.",
  "why.explain.shapley":
    "Shapley estimate (the SHAP family): each token's average marginal effect on f over random orders in which tokens are added (absent tokens have zero embeddings). Fair to interactions between tokens, but an estimate: with few permutations it is noisy — change the seed to see how much.",
  "why.nSteps": "Steps",
  "why.nSamples": "Permutations",
  "why.seed": "Seed",
  "why.target": "Target token",
  "why.foil": "Foil (optional)",
  "why.targetTop": "the most likely token",
  "why.foilNone": "none",
  "why.typeToken": "type one token…",
  "why.running": "Computing…",
  "why.attr.caption":
    "How much each token of the prompt contributed to f = log p(target) at the last position (over the full vocabulary). With a foil, f = log p(target) − log p(foil): why this token rather than that one. Orange raised f, blue lowered it.",
  "why.attr.run": "Attribute",
  "why.fBaseline": "f at the baseline (every token embedding zero) = {f}",
  "why.delta": "completeness error Δ = Σ scores − (f − f_baseline) = {delta}",
  "why.scoreLegend": "contribution to f (nats)",
  "why.tokenTitle": "position {pos} · id {id} · score {score}",
  "why.gen.caption":
    "Each row is one generated token, each cell how much an earlier token contributed to that token's log-probability, by the chosen method. Hatched cells come after the token: it cannot depend on them.",
  "why.gen.maxNew": "Tokens to generate",
  "why.gen.usesPage":
    "Attributes the {n} tokens generated in the next-token view.",
  "why.gen.greedy":
    "No tokens generated yet: the server continues the prompt greedily by {n} tokens.",
  "why.gen.run": "Attribute the generation",
  "why.gen.rowTitle": "generated",
  "why.gen.colTitle": "earlier tokens",
  "why.gen.cell": "{target} ← {source} (position {pos}): {score}",
  "why.patch.caption":
    "Run the corrupted prompt, put back one activation from the clean run, and measure logit(answer) − logit(wrong) at the last position. Every cell is one such run (batched). A cell near the clean value marks where the difference between the two prompts is carried; near the corrupted value, where it is not.",
  "why.patch.clean": "Clean prompt",
  "why.patch.corrupted": "Corrupted prompt (same number of tokens)",
  "why.patch.answer": "Answer token",
  "why.patch.wrong": "Wrong token",
  "why.patch.site": "What is patched",
  "why.site.resid_pre": "residual stream entering each block",
  "why.site.attn_out": "attention output of each block",
  "why.site.mlp_out": "MLP output of each block",
  "why.site.head_result": "each head's output",
  "why.patch.run": "Patch",
  "why.patch.tokenHint":
    "Answer and wrong must each be exactly one token (mind the leading space).",
  "why.patch.mislead":
    "One site at a time: effects spread over several places, or that cancel out, stay hidden; and a large effect shows where information flows for these two prompts, not a general mechanism.",
  "why.patch.cleanValue": "clean: logit({answer}) − logit({wrong}) = {value}",
  "why.patch.corruptedValue":
    "corrupted: logit({answer}) − logit({wrong}) = {value}",
  "why.patch.colTitle": "position (clean/corrupted token)",
  "why.patch.legend":
    "colour: change of logit(answer) − logit(wrong) from the corrupted run (white = no change); numbers: the value after the patch",
  "why.patch.cell": "layer {layer}, position {pos} ({token}): {value}",
  "why.patch.cellHead":
    "layer {layer}, head {head}, position {pos} ({token}): {value}",
  "why.patch.picked":
    "{where}. Unpatched, the corrupted run gives {corrupted}; this patch gives {value}; the clean run gives {clean}.",
  "why.patch.restored": "That is {pct}% of the way from corrupted to clean.",
  "why.patch.dist.title": "The next token after this one patch",
  "why.patch.dist.caption":
    "Only this one activation comes from the clean run (at the position of {token}); everything else is the corrupted run. The corrupted run's next-token probabilities beside those after the patch; the answer and wrong tokens are underlined.",
  "why.patch.dist.corrupted": "Corrupted run",
  "why.patch.dist.patched": "After the patch",
  "why.patch.dist.change": "Change per token (largest first)",
  "why.patch.dist.unchanged":
    "Nothing moved beyond float rounding (every |Δp| < {bound}): here the clean and the corrupted run carry the same value (as before the first token that differs), so putting it back changes no probability.",
  "why.score.caption":
    "Paste any text: every token is coloured by the probability the model gave it, given everything before it — bright where it was sure, dark where it hesitated. Hover or focus a token for its rank and the alternatives the model preferred.",
  "why.score.input": "Text to score",
  "why.score.run": "Score",
  "why.score.models": "Models",
  "why.score.perplexity":
    "perplexity {ppl} over {n} tokens (mean log-probability {mean})",
  "why.score.first":
    "the first token: nothing comes before it, so it is not scored",
  "why.score.token": "log p = {logprob} · p = {p} · rank {rank}",
  "why.score.top": "Most likely here:",
  "why.score.unsure": "unsure (p → 0)",
  "why.score.sure": "sure (p → 1)",
  "why.score.legend":
    "Colour: the token's probability given the text before it (viridis, the same scale as everywhere in glassbox).",
  "detail.panel.contributions": "Contributions",
  "why.dla.title": "Contributions to the next token",
  "why.dla.caption":
    "Direct logit attribution: how much each head and each MLP writes directly into the chosen token's logit at the last position (the final norm's scale frozen at its real value, so the parts add up to the logit). Click a cell to open that head or MLP.",
  "why.dla.target": "Token",
  "why.dla.legend": "direct contribution to the logit",
  "why.dla.cellHead": "layer {layer}, head {head}: {value}",
  "why.dla.cellMlp": "layer {layer}, MLP: {value}",
  "why.dla.total":
    "logit of {token} at position {pos} = {logit}; the sum of all contributions = {total}",
  "why.dla.rest": "Also writing into it:",
  "why.dla.kind.embed": "token embedding",
  "why.dla.kind.pos_embed": "position embedding",
  "why.dla.kind.attn_bias": "attention bias",
  "why.dla.kind.norm_bias": "final norm bias",
  "why.dla.mislead":
    "Direct effects only: what a head writes into the input of later heads and MLPs is counted where it is finally read, not here. A head with a small direct effect can still matter — switch it off to see.",
  "why.ablate.title": "Interventions",
  "why.ablate.hint":
    "⏻ under a head switches it off (several at once); the MLP panel has a switch for each top neuron.",
  "why.ablate.headToggle": "switch layer {layer} head {head} off or on",
  "why.ablate.neuronToggle": "switch layer {layer} neuron {neuron} off or on",
  "why.ablate.mode": "Replace with",
  "why.ablate.mode.zero": "zero",
  "why.ablate.mode.mean": "its mean over the positions",
  "why.ablate.clear": "Switch all back on",
  "why.ablate.offList": "Switched off:",
  "why.ablate.before": "Before",
  "why.ablate.after": "After",
  "why.ablate.change": "Change per token (largest first)",
  "why.ablate.token": "token",
} as const;
