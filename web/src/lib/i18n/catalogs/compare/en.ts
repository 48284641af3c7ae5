/** English strings of the "models side by side" view (one prompt through two served models). */
export const compareEn = {
  "cmp.view": "Compare models",
  "cmp.title": "Models side by side",
  "cmp.intro":
    "The same prompt through two of the models this server offers. Each splits the text with its own tokenizer and predicts over its own vocabulary, so next tokens are matched by the bytes they stand for, and each model's logit lens is drawn against its relative depth: the models may have different numbers of layers.",
  "cmp.first": "First model",
  "cmp.second": "Second model",
  "cmp.prompt": "Prompt",
  "cmp.oneModel":
    "This server offers one model. Start it with two or more to compare them, for example: glassbox serve --model glassbox-tiny --model ./my-model",
  "cmp.pickTwo": "Pick two different models.",
  "cmp.loading": "Asking both models…",
  "cmp.tokens": "{n} tokens",
  "cmp.tokensCaption": "How each model's tokenizer splits the prompt.",
  "cmp.entropy": "entropy of the next token {value} nats",
  "cmp.nextTitle": "The next token, matched by its bytes",
  "cmp.nextCaption":
    "The union of both models' {k} most likely next tokens over their full vocabularies. A dash: that model's vocabulary has no token with exactly these bytes.",
  "cmp.notInVocab": "no such token in this vocabulary",
  "cmp.token": "next token",
  "cmp.tv":
    "Total variation distance between the two next-token distributions: {value} (0: the same distribution, 1: no overlap), over next-token bytes.",
  "cmp.sameTokenizer": "Both models use one tokenizer: their ids and bytes match exactly.",
  "cmp.otherTokenizers":
    "Their tokenizers differ: one text is often split differently, so a next token of one model may be only part of a next token of the other.",
  "cmp.lensTitle": "When does each model settle on its answer?",
  "cmp.lensCaption":
    "The logit lens at the last position: the residual stream after each layer, read through the model's own final norm and unembedding. Each line is the probability of the model's final top token after each layer; across, the depth (0 after the embeddings, 1 after the last block).",
  "cmp.depth": "relative depth",
  "cmp.probFinal": "p(final top token)",
  "cmp.settles": "top token {token} from this layer on: {where}",
  "cmp.lensTable": "Top token after each layer",
  "cmp.chartLine": "{model}: {first} after the embeddings, {last} at the output",
  "help.compare.shows":
    "Two models given the same prompt: how each one's tokenizer splits it, each one's next-token distribution with the tokens matched across vocabularies, and each one's logit lens drawn by relative depth.",
  "help.compare.read":
    "The bars of one row are the probabilities two models give the same next text. The lens chart shows how early in its depth each model commits to its final answer; a flat line at the bottom that jumps at the end means only the last layers decide.",
  "help.compare.try":
    "Start the server with two models (glassbox serve --model A --model B), type a fact such as “The capital of France is”, and see which model is surer, and which settles on the answer earlier.",
  "help.panel.compareNext":
    "Each model's most likely next tokens, matched by the bytes they stand for; a model whose vocabulary has no such token shows a dash.",
  "help.panel.compareLens":
    "The probability of each model's final top token after every layer, on a shared axis of relative depth; the table lists each layer's own top token.",
};
