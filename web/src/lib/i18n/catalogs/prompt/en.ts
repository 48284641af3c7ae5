/** English strings of the new-user fixes (issue 17, item 4): a prompt longer than can be read, a bad top-k. */
export const promptEn = {
  "prompt.truncated":
    "This prompt has more tokens than the model may read here: its first {n} tokens were dropped, and the model reads only the last {kept}.",
  "controls.topKNegative": "Top-k cannot be negative: type 0 (off) or a whole number from 1 to {max}.",
  "controls.topKNotInteger": "Top-k is a number of tokens: type a whole number (0 = off).",
  "controls.topKTooLarge": "Top-k can be at most {max} on this server.",
  "controls.topKEmpty": "Type a top-k (0 = off).",
  "detail.emptyPrompt": "Type a prompt above to see inside the model.",
  "status.noPrediction": "No prediction for this prompt: the message above says why and what to change.",
} as const;
