/**
 * English glossary (issue 17, item 3): a plain-language definition per term, keyed `glossary.<id>.term|def` with
 * the ids of `lib/glossary/terms.ts`; merged into the English catalog.
 */
export const glossaryEn = {
  "glossary.button": "Glossary",
  "glossary.title": "Glossary",
  "glossary.filter": "Filter terms",
  "glossary.placeholder": "e.g. softmax",
  "glossary.none": "No term matches “{q}”.",
  "glossary.count": "{n} terms",
  "glossary.seeIn": "See it in:",
  "glossary.close": "Close the glossary",

  "glossary.token.term": "Token",
  "glossary.token.def":
    "The unit a language model reads and writes: a word, a piece of a word, a character or a few bytes. Text goes in as a list of tokens and comes out one token at a time.",
  "glossary.tokenizer.term": "Tokenizer",
  "glossary.tokenizer.def":
    "The program that cuts text into tokens and turns them into ids, and back. Each model comes with its own tokenizer, learnt from text before the model was trained.",
  "glossary.tokenId.term": "Token id",
  "glossary.tokenId.def":
    "The number of a token in the vocabulary. The model never sees letters: it only sees these numbers, one per token.",
  "glossary.vocabulary.term": "Vocabulary",
  "glossary.vocabulary.def":
    "The fixed list of every token a model knows. At each step the model gives a probability to every entry of this list, not only to the few shown first.",
  "glossary.embedding.term": "Embedding",
  "glossary.embedding.def":
    "The list of numbers (a vector) that stands for a token inside the model. It is one row of a learnt table, looked up by the token id; tokens used alike end up with similar vectors.",
  "glossary.positionEmbedding.term": "Position embedding",
  "glossary.positionEmbedding.def":
    "How the model knows where a token stands in the text. Some models add a learnt vector per position to the token's vector; others (RoPE) rotate queries and keys by an angle that grows with the position.",
  "glossary.attention.term": "Attention",
  "glossary.attention.def":
    "The step where each position gathers information from earlier positions. It computes how relevant every earlier token is, turns that into weights with a softmax, and takes the weighted mix of their values.",
  "glossary.attentionHead.term": "Attention head",
  "glossary.attentionHead.def":
    "One of several attention computations that run side by side in a layer, each with its own weights. Different heads learn to look for different things, such as the previous token or a matching word.",
  "glossary.qkv.term": "Query, key, value",
  "glossary.qkv.def":
    "Three vectors attention computes for each position. A query is what a position is looking for, a key is what a position offers to be found by, and a value is what it passes on when found; query·key scores decide the weights.",
  "glossary.softmax.term": "Softmax",
  "glossary.softmax.def":
    "The function that turns any list of scores into probabilities: take e to the power of each score and divide by their sum. Higher scores get more of the total, and everything adds up to 1.",
  "glossary.logit.term": "Logit",
  "glossary.logit.def":
    "The model's raw score for a token before softmax. Only differences between logits matter: a token one logit higher is e ≈ 2.7 times more likely.",
  "glossary.probability.term": "Probability",
  "glossary.probability.def":
    "How likely the model thinks a token is to come next, from 0 to 1 (0 % to 100 %). The probabilities of all tokens of the vocabulary add up to 1.",
  "glossary.temperature.term": "Temperature",
  "glossary.temperature.def":
    "A number the logits are divided by before softmax. Below 1 it makes likely tokens even likelier (0 means always the top one); above 1 it flattens the distribution and makes the text more surprising.",
  "glossary.topK.term": "Top-k",
  "glossary.topK.def":
    "A sampling filter that keeps only the k most likely tokens and renormalises their probabilities. With k = 1 it is greedy decoding; 0 turns the filter off.",
  "glossary.topP.term": "Top-p (nucleus)",
  "glossary.topP.def":
    "A sampling filter that keeps the smallest set of most likely tokens whose probabilities add up to at least p. When the model is sure, few tokens stay; when it is unsure, many do.",
  "glossary.minP.term": "Min-p",
  "glossary.minP.def":
    "A sampling filter that drops every token whose probability is below min-p times the probability of the likeliest token. It cuts the long tail while following how sure the model is.",
  "glossary.mlp.term": "MLP (feed-forward)",
  "glossary.mlp.def":
    "The second half of each block: a small two-layer network applied to each position on its own. It expands the vector to many neurons, applies a non-linear function, and projects it back.",
  "glossary.neuron.term": "Neuron",
  "glossary.neuron.def":
    "One unit of the MLP's hidden layer: a single number per position, computed from the input and passed through the activation function. Some neurons fire for recognisable patterns; most are hard to name.",
  "glossary.residualStream.term": "Residual stream",
  "glossary.residualStream.def":
    "The vector that flows through the model at each position. Every attention and MLP reads it and adds its output back to it, so it carries everything computed so far to the next layer.",
  "glossary.layerNorm.term": "Layer norm",
  "glossary.layerNorm.def":
    "A step that rescales a vector to a standard size before a sublayer reads it (LayerNorm also centres it; RMSNorm only scales). It keeps the numbers in a range where training stays stable.",
  "glossary.block.term": "Block (layer)",
  "glossary.block.def":
    "One repeated unit of a transformer: attention, then an MLP, each with its norm, each adding into the residual stream. A model is a stack of identical blocks with different weights.",
  "glossary.logitLens.term": "Logit lens",
  "glossary.logitLens.def":
    "A way to read the residual stream halfway: apply the final norm and unembedding to it after any layer and see what the model would predict if it stopped there. It shows the layer at which the final answer takes shape.",
  "glossary.contextWindow.term": "Context window",
  "glossary.contextWindow.def":
    "The most tokens a model can read at once. Text beyond it must be cut: glassbox keeps the last tokens that fit and says how many were dropped.",
  "glossary.loss.term": "Loss (cross-entropy)",
  "glossary.loss.def":
    "The number training tries to make small: minus the log of the probability the model gave to the right next token, averaged over positions. A loss of 0 would mean certainty; guessing uniformly gives the log of the vocabulary size.",
  "glossary.gradient.term": "Gradient",
  "glossary.gradient.def":
    "For every parameter, how much the loss would change if that parameter moved a little. The backward pass computes all gradients at once; training moves each parameter against its gradient.",
  "glossary.optimizer.term": "Optimizer (AdamW)",
  "glossary.optimizer.def":
    "The rule that turns gradients into weight updates. AdamW keeps running averages of each gradient and of its square to choose a step size per parameter, and shrinks weights slightly (weight decay).",
  "glossary.learningRate.term": "Learning rate",
  "glossary.learningRate.def":
    "How big a step the optimizer takes at each update. Too big and training becomes unstable; too small and it learns slowly. It usually warms up and then decays during training.",
  "glossary.checkpoint.term": "Checkpoint",
  "glossary.checkpoint.def":
    "A saved copy of all the model's weights at one training step. Checkpoints let you go back and see what the model knew at that point.",
  "glossary.parameter.term": "Parameter (weight)",
  "glossary.parameter.def":
    "One learnt number of the model; the embeddings, attention and MLP matrices are made of them. A model's size is usually given as its number of parameters.",
  "glossary.inductionHead.term": "Induction head",
  "glossary.inductionHead.def":
    "An attention head that completes repeated patterns: having seen “A B” earlier, at a later “A” it looks at what followed the first A and predicts “B”. It is one of the best-understood circuits in transformers.",
  "glossary.attribution.term": "Attribution",
  "glossary.attribution.def":
    "Methods that estimate how much each input token (or head, or neuron) contributed to a prediction. Different methods measure different things and can disagree, so compare them.",
} as const;
