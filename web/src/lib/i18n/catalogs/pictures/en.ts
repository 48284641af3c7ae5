/**
 * English captions of the pictures of the remaining charts (issue 19, item 3): the Why view's heatmaps, the
 * tokenizer lab's token-tax chart and the random-start-vs-trained comparison. Spread into the main catalog, like
 * `share/`.
 */
export const picturesEn = {
  "pictures.capMethod": "Method: {method}",
  "pictures.capGeneration": "Each generated token (a row) attributed to every token before it (the columns)",
  "pictures.capClean": "Clean prompt: {prompt}",
  "pictures.capCorrupted": "Corrupted prompt: {prompt}",
  "pictures.capPatch": "logit(“{answer}”) − logit(“{wrong}”) at the last position, one activation patched in from the clean run: {site}",
  "pictures.capTokenizers": "Tokenizers: {names}",
  "pictures.capTax": "Tokens for the same text in {n} languages; × is the count relative to {reference}",
  "pictures.capInit": "Layer {layer}, head {head}: the run's initial weights (step 0) beside the trained weights",
};
