/** English strings of a real model's training checkpoints in the pre-training view (glassbox serve --checkpoints). */
export const checkpointsEn = {
  "ckpt.trainingIntro":
    "A model starts as random numbers and learns by repeating one small step millions of times: predict every next token of real text, measure how wrong it was, and nudge every weight a little in the direction that would have made it less wrong. This model's run was not recorded by glassbox; below are the snapshots of its weights published during its training, and a micro model you can train yourself.",
  "ckpt.title": "Training checkpoints of {model}",
  "ckpt.intro":
    "This model was published with snapshots of its weights taken during training. Each checkpoint here was read from this computer (the local Hugging Face cache or a folder) and asked the same probe prompts: watch the predictions change as training goes on.",
  "ckpt.orderStep": "Ordered by the training step in each checkpoint's name.",
  "ckpt.orderGiven":
    "Not every checkpoint's name says its training step, so they are shown in the order given when the server started.",
  "ckpt.memory": "Checkpoints are loaded one at a time and freed: at most {size} of weights beside the served model.",
  "ckpt.loading": "Replaying the checkpoints…",
  "ckpt.lossChart": "Loss on the probe texts",
  "ckpt.probeLoss": "probe-text loss",
  "ckpt.lossCaption":
    "No training loss is recorded with these checkpoints, so none is drawn. This curve is computed here: each checkpoint's mean loss on the probe texts (every probe prompt followed by its expected answer, {n} tokens).",
  "ckpt.noChart":
    "The checkpoints' names give no training steps, so there is no step axis and no curve; each checkpoint's loss on the probe texts is shown beside it.",
  "ckpt.capLoss": "mean loss on the probe texts per checkpoint, computed by glassbox (not a training loss)",
  "ckpt.params": "{n} parameters",
  "ckpt.probesCaption":
    "The same probe prompts at every checkpoint: the top 5 next tokens. Highlighted: the continuation a trained model should give.",
  "ckpt.compareTitle": "The same prompt through two checkpoints",
  "ckpt.compareCaption":
    "Type any prompt and pick two checkpoints, an early and a late one: the next-token distribution under each, side by side. Tick “score as text” to also see the loss of every token of the prompt.",
  "ckpt.first": "First checkpoint",
  "ckpt.second": "Second checkpoint",
  "ckpt.score": "Score as text (loss of every token)",
  "ckpt.compare": "Compare",
  "ckpt.entropy": "entropy {value} nats",
  "ckpt.meanLoss": "mean loss {value} nats",
  "ckpt.nextTokens": "Top next tokens (over the whole vocabulary)",
  "ckpt.tokenLosses": "Loss of each token given the ones before it (nats)",
  "ckpt.tokenLoss": "{token}: loss {loss} nats, probability {prob}",
} as const;
