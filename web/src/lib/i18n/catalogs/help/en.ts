/**
 * English help (issue 17, item 3): what each view shows, how to read it and what to try first; a short explanation
 * per panel (the "?" beside a panel's heading); the sense-of-scale panel. Merged into the English catalog.
 */
export const helpEn = {
  "help.section.shows": "What this view shows",
  "help.section.read": "How to read it",
  "help.section.try": "Try this first",
  "help.panelButton": "Explain this panel",
  "help.openGlossary": "Glossary: every term explained",
  "help.terms": "Terms used here:",

  "help.next.shows":
    "A language model reads text as tokens — pieces of words with numeric ids; the coloured chips show how your prompt was cut. For the next position the model gives every token of its vocabulary a score (a logit), and softmax turns the scores into probabilities that add up to 1 — over the whole vocabulary, not just the top few.",
  "help.next.read":
    "Sampling picks one token: temperature sharpens or flattens the distribution, top-k, top-p and min-p cut off unlikely tokens, and a seeded random number chooses among the rest. The same seed always gives the same text.",
  "help.next.try":
    "Press Step to append one token at a time, or Play to keep going. Click any candidate to force it and see where the text goes from there. There is no magic: the same operations, one token at a time.",
  "help.detail.shows":
    "Inside the model: every operation of one forward pass over your prompt, from the token embeddings through each block (attention, then the MLP, each adding into the residual stream) to the final probabilities. Every number is read from the real activations of the model shown.",
  "help.detail.read":
    "The diagram on the left is the model from the tokens (top) to the probabilities (bottom); click a part, or pick a layer, head and position above, to open it beside the diagram. In the maps, colour stands for the value of each cell.",
  "help.detail.try":
    "Open One head and follow one position through the query, the keys, the scores, the softmax and the weighted sum. Then open Logit lens and find the layer where the final answer first appears.",
  "help.training.shows":
    "How the model learnt: its recorded training run replayed checkpoint by checkpoint, one real training step taken apart, the random starting weights beside the trained ones, and a micro model you can train live here.",
  "help.training.read":
    "The loss measures the model's surprise at the right next token (lower is better) and should fall as training goes on. A checkpoint is the weights saved at one step; the probes show what the model predicted at each of them.",
  "help.training.try":
    "Move the replay from step 0 to the end and watch the probes' predictions turn from noise into words. Then run one training step and see which targets became more likely — and which did not.",
  "help.why.shows":
    "Why did the model say that? Measurements of which input tokens, heads and neurons pushed the prediction toward a token: input attribution, attribution across a generation, activation patching between two prompts, and the log-probability of every token of a text.",
  "help.why.read":
    "Each method answers a slightly different question and each can mislead: gradients see only the local slope, occlusion removes one token at a time. Where two methods agree, the answer is more trustworthy.",
  "help.why.try":
    "Attribute the current prompt with two methods and compare them. Then score a sentence and look for the tokens where the model hesitated.",
  "help.tokenizers.shows":
    "The tokenizer lab: one text cut by several real tokenizers side by side, the token tax of the same text in many languages, BPE merges one step at a time, and chat templates.",
  "help.tokenizers.read":
    "Each chip is one token with its id; hover it for its bytes. Fewer tokens for the same text means the model reads more of it within its context, and each request costs less.",
  "help.tokenizers.try":
    "Type a sentence in your language and compare GPT-2's tokenizer with a newer one. Then look at the token tax table for the language that costs the most tokens.",

  "help.panel.tokens":
    "Your prompt as the model receives it: each chip is one token (hover it for its id and bytes). The model never sees letters, only these ids.",
  "help.panel.generation":
    "The text so far, one token per step: Step samples one token with the settings shown, Play keeps going, Rewind takes the last one back. Tokens you forced by clicking a candidate stay in the text too.",
  "help.panel.distribution":
    "The probability of each possible next token, computed over the whole vocabulary; the longest bars are the likeliest. Pale bars are the probabilities before the sampling filters cut anything.",
  "help.panel.controls":
    "The sampling settings: temperature divides the logits, top-k, top-p and min-p cut unlikely tokens, and the seed fixes the random draw. Moving a slider re-samples at once, in the page.",
  "help.panel.pipeline":
    "The exact route from logits to the chosen token with this step's real numbers: divide by the temperature, softmax, the filters, renormalise, then a seeded random number picks one token.",
  "help.panel.overview":
    "The whole model as a diagram: the embeddings, the blocks (attention then MLP, each adding into the residual stream), the final norm and the unembedding. Click any part to open it on the right.",
  "help.panel.embedding":
    "How a token id becomes a vector: the embedding matrix's row for that id, plus the position's vector where the model learns one (a rotary model rotates queries and keys inside attention instead).",
  "help.panel.attention":
    "One attention head at one position, step by step: queries, keys and values, their dot products divided by √d_head, the causal mask, the softmax, and the weighted sum of the values.",
  "help.panel.heads":
    "Every head of every layer at once: each small map shows where a head's queries (rows) look among the keys (columns). Look for heads that attend to the previous token, or to the first one.",
  "help.panel.mlp":
    "The MLP of one block at one position: its input is projected up to many neurons, passed through the activation function and projected back down. The most active neurons are listed with their values.",
  "help.panel.residual":
    "The residual stream at one position as it passes through the blocks: what each attention and MLP adds to it, and how the norms rescale it before each of them reads it.",
  "help.panel.lens":
    "The logit lens applies the final norm and the unembedding to the residual stream after each layer: what the model would predict if it stopped there. Watch the final answer rise layer by layer.",
  "help.panel.contributions":
    "Direct logit attribution: how much each head and MLP added, directly, to the logit of one token. Positive pushes toward it, negative away; effects that pass through later layers are not counted.",
  "help.panel.ablation":
    "The heads and neurons switched off in this view, and how the prediction changed without them. Switch them back on to compare.",
  "help.panel.replay":
    "The recorded training run, replayed: pick a checkpoint to see the loss at that step and what the model then predicted after each probe prompt.",
  "help.panel.lossChart":
    "The training loss of each batch and the held-out loss (on text the model never trained on) against the training step. Held-out loss climbing while training loss falls is overfitting.",
  "help.panel.step":
    "One real training step on a sentence you choose, stage by stage: forward pass, loss per position, gradients from the backward pass, the AdamW update, and each target's probability before and after.",
  "help.panel.init":
    "The same prompt through the randomly initialised weights and through the trained ones: the random model spreads its bets almost evenly, the trained one concentrates them.",
  "help.panel.live":
    "Train a micro model from scratch, on this server, now — on the glassbox corpus or on text you paste: watch its loss fall and its samples change, then open it in the other views.",
  "help.panel.micro":
    "This model was trained live on this server: the loss curve and samples of its run.",
  "help.panel.attribution":
    "Input attribution: how much each prompt token contributed to one next token, by the method you pick (gradient×input, integrated gradients, occlusion or a Shapley estimate).",
  "help.panel.whyGeneration":
    "Attribution across a generation: for each generated token, how much it relied on each earlier token, as a matrix.",
  "help.panel.patching":
    "Activation patching: copy one activation from a clean run into a corrupted run and measure how much of the clean answer comes back. Click a cell to see the distribution it gives.",
  "help.panel.score":
    "The log-probability the model gives each token of a text: where it was sure (near 0) and where it hesitated (very negative), and the total.",
  "help.panel.tokCompare":
    "One text through several tokenizers side by side: the same words cost different numbers of tokens and are cut in different places.",
  "help.panel.tokTax":
    "The token tax: one parallel text in many languages, counted by each tokenizer. A cell gives the tokens that language needs relative to English.",
  "help.panel.tokMerges":
    "Byte-pair encoding, step by step: a word starts as bytes, and the tokenizer's learnt merges join the best-ranked pair again and again until no merge applies.",
  "help.panel.tokChat":
    "A chat template: how a conversation becomes the exact text, and tokens, that a chat model reads, special tokens included.",

  "scale.title": "A sense of scale",
  "scale.intro":
    "The model served here beside three published models. Its own figures are read from its config and its training record; the others are the published figures, with their sources below.",
  "scale.model": "Model",
  "scale.params": "Parameters",
  "scale.layers": "Layers",
  "scale.context": "Context (tokens)",
  "scale.tokens": "Training tokens",
  "scale.served": "{name} (served here)",
  "scale.notPublished": "not published",
  "scale.notRecorded": "not recorded",
  "scale.upTo": "up to {n}",
  "scale.ratioBigger": "{model} has {ratio}× the parameters of this model.",
  "scale.ratioSmaller": "This model has {ratio}× the parameters of {model}.",
  "scale.bar": "Parameters on a logarithmic scale: each grid line is ten times the one before.",
  "scale.sources": "Sources",
  "scale.gpt2Tokens": "GPT-2's number of training tokens was not published; its paper describes WebText as about 40 GB of text.",
} as const;
