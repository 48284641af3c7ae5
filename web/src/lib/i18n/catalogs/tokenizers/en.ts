/** English strings of the tokenizer lab (the reference: every other language has exactly these keys). */
export const tokenizersEn = {
  "tok.title": "The tokenizer lab",
  "tok.intro":
    "The same text through several real tokenizers: each chip is one token, with its id; spaces show as ·, bytes that are not a whole character as <e4 b8>, special tokens are outlined.",
  "tok.choose": "Tokenizers",
  "tok.text": "Text",
  "tok.counts":
    "{tokens} tokens · {chars} characters · {bytes} bytes · {words} words · {perWord} tokens per word",
  "tok.taxTitle": "The token tax",
  "tok.taxIntro":
    "The same two sentences in each language: tokens per language, and the ratio to English under the same tokenizer. Words are space-separated, so tokens per word does not apply to Chinese, Japanese or Thai.",
  "tok.language": "Language",
  "tok.ownTexts": "Paste your own parallel texts",
  "tok.recount": "Count again",
  "tok.mergesTitle": "How BPE got there",
  "tok.mergesIntro":
    "The merges that turn one word's bytes into its tokens, lowest rank first: the rank is the merge's place in the tokenizer's merge list.",
  "tok.show": "Show",
  "tok.start": "bytes",
  "tok.rank": "rank {rank}",
  "tok.wholePiece":
    "The whole piece is one vocabulary entry: the tokenizer takes it without merging.",
  "tok.chatTitle": "Chat templates",
  "tok.engineBrowser": "computed in this page",
  "tok.engineServer": "computed on the server",
  "tok.play": "Play",
  "tok.pause": "Pause",
  "tok.step": "Step",
  "tok.restart": "Back to the bytes",
  "tok.stepOf": "merge {n} of {total}",
  "tok.learntOrder": "glassbox trained this tokenizer itself, and its trainer writes the merges in the order it learnt them: rank 0 was learnt first, as the most frequent adjacent pair in the training text at that moment, rank 1 next, and so on. The trainer does not keep the pairs' counts, so only that order is shown.",
  "tok.word": "Word",
  "tok.tokenizer": "Tokenizer",
  "tok.chatUser": "The user's message",
};
