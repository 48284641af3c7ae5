/** English strings of the guided tour's training track (one real pre-training step); merged into the English catalog. */
export const tourTrainingEn = {
  "tourTraining.batch.title": "One batch of text",
  "tourTraining.batch.caption":
    "A model learns from real text. The sentence is cut into tokens, and at every position the model must guess the token that comes next: the inputs are the tokens, the targets are the same tokens shifted one place to the left.",
  "tourTraining.loss.title": "How wrong was it? The loss",
  "tourTraining.loss.caption":
    "At each position the model gave the real next token some probability p. The loss there is −log p: near 0 when the model was sure of the right token, large when it was surprised. Training tries to lower the mean of these bars.",
  "tourTraining.gradients.title": "The gradients flow back",
  "tourTraining.gradients.caption":
    "Backpropagation starts from the mean loss at the output and works back, block by block, to the embeddings. For every weight it finds which way the loss would change if that weight grew a little: its gradient. Each bar is the size of the gradient of one group of weights.",
  "tourTraining.update.title": "The weights are nudged",
  "tourTraining.update.caption":
    "The optimizer, AdamW, moves every weight a small step against its gradient. Then the same sentence goes through the changed model again, and we can see whether its loss went down.",
  "tourTraining.noHistory":
    "{model} has no recorded training run, so there is no checkpoint to take a real training step from. Choose glassbox-tiny (or another model trained with glassbox train) in the model list to follow this part of the tour.",
  "tourTraining.loading": "Taking one real training step on a copy of the weights…",
  "tourTraining.batchSummary": "“{text}” — {n} tokens, read by {model} as it was after {step} training steps.",
  "tourTraining.batchRun":
    "In the real run each step read a batch of {batch} texts of {ctx} tokens, {steps} steps in all; this step reads only this sentence, so every number that follows belongs to it.",
  "tourTraining.inputs": "Inputs",
  "tourTraining.targets": "Targets (the next token)",
  "tourTraining.tokenId": "token id {id}",
  "tourTraining.lossSummary":
    "Mean loss: {mean} nats. The model was most surprised by “{worst}” (loss {worstLoss}) and surest of “{best}” (loss {bestLoss}).",
  "tourTraining.lossAxis": "loss −log p(target), in nats",
  "tourTraining.meanMark": "mean of all positions",
  "tourTraining.flow": "The gradient travels from the output back to the embeddings",
  "tourTraining.tier.output": "Output side",
  "tourTraining.tier.block": "Block {layer}",
  "tourTraining.tier.input": "Input embeddings",
  "tourTraining.gradSummary":
    "The gradient of the mean loss ({loss}) over all {groups} groups of weights has a total size of {norm}; it reached the output first and the embeddings last.",
  "tourTraining.updateSummary":
    "AdamW moved each group of weights by the length shown (learning rate {lr}), next to the group's own length after the step.",
  "tourTraining.question": "Predict before you look: after this step, will the loss on this same sentence go down or up?",
  "tourTraining.guessDown": "It goes down",
  "tourTraining.guessUp": "It goes up",
  "tourTraining.right": "You guessed right.",
  "tourTraining.wrong": "Not this time — here is what the real numbers say.",
  "tourTraining.lossMoved": "Mean loss on the sentence: {before} → {after}",
  "tourTraining.perPosition": "Loss at each position: the faint bar before the step, the strong bar after it (orange where the loss rose).",
  "tourTraining.expert": "See this step with all its numbers in the Training view",
} as const;
