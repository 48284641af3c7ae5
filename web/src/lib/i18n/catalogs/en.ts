/** English: the reference catalog. Every other catalog must have exactly these keys. */
import { detailEn } from "./detail/en";
import { moeEn } from "./moe/en";
import { gemma4En } from "./gemma4/en";
import { linearEn } from "./linear/en";
import { circuitsPanelsEn } from "./circuits_panels/en";
import { circuitsEn } from "./circuits/en";
import { glossaryEn } from "./glossary/en";
import { helpEn } from "./help/en";
import { a11yEn } from "./a11y/en";
import { insideEn } from "./inside/en";
import { shareEn } from "./share/en";
import { picturesEn } from "./pictures/en";
import { promptEn } from "./prompt/en";
import { trainingEn } from "./training/en";
import { tourEn } from "./tour/en";
import { tourTrainingEn } from "./tour-training/en";
import { whyEn } from "./why/en";
import { exportEn } from "./export/en";
import { exportViewsEn } from "./export_views/en";
import { tracesEn } from "./traces/en";
import { checkpointsEn } from "./checkpoints/en";
import { compareEn } from "./compare/en";
export const en = {
  ...detailEn,
  ...moeEn,
  ...gemma4En,
  ...linearEn,
  ...circuitsPanelsEn,
  ...circuitsEn,
  ...glossaryEn,
  ...helpEn,
  ...a11yEn,
  ...insideEn,
  ...shareEn,
  ...picturesEn,
  ...promptEn,
  ...trainingEn,
  ...tourEn,
  ...tourTrainingEn,
  // the tokenizer lab's strings load with its view (catalogs/tokenizers/lazy.ts); its tab label is here
  "tok.view": "Tokenizers",
  ...whyEn,
  ...exportEn,
  ...exportViewsEn,
  ...tracesEn,
  ...checkpointsEn,
  ...compareEn,
  "app.tagline": "Watch a real language model read your text and pick the next token — every number is real.",
  "help.button": "What am I looking at?",
  "help.title": "What am I looking at?",
  "help.close": "Close",
  "prompt.label": "Prompt",
  "prompt.placeholder": "Type some text…",
  "prompt.examples": "Examples",
  "example.1": "The capital of France is",
  "example.2": "Once upon a time, there was a",
  "example.3": "1, 2, 3, 4,",
  "tokens.title": "Tokens",
  "tokens.count": "{n} tokens",
  "tokens.showSpecial": "Special tokens",
  "tokens.tooltip": "id {id} · bytes {bytes}",
  "tokens.partial": "an incomplete piece of a UTF-8 character",
  "tokens.caption": "The tokenizer cuts the text into tokens; the model only ever sees their ids.",
  "dist.title": "Next token",
  "dist.caption":
    "Probabilities of the next token after all filters, computed over the full vocabulary of {vocab} tokens. Pale bars: before the filters.",
  "dist.other": "all other tokens ({n})",
  "dist.force": "Click a candidate to force it as the next token.",
  "pipeline.title": "Sampling pipeline",
  "pipeline.token": "token",
  "pipeline.kept": "{n} of {total} kept",
  "pipeline.off": "off",
  "pipeline.greedy": "Temperature 0 means greedy: the most likely token is always chosen, no randomness.",
  "pipeline.draw": "u = {u}: walk through the kept tokens by id, adding up their probabilities, until the sum passes u.",
  "pipeline.chosen": "Chosen: {token} (p = {p})",
  "stage.logits": "logits",
  "stage.logits.caption": "The model's raw score for every token of the vocabulary: higher means more likely.",
  "stage.temperature": "÷ T",
  "stage.temperature.caption":
    "Each logit is divided by the temperature T: below 1 sharpens the distribution, above 1 flattens it.",
  "stage.softmax": "softmax",
  "stage.softmax.caption": "Softmax turns scores into probabilities: exp(score), divided by the sum over all tokens.",
  "stage.topk": "top-k",
  "stage.topk.caption": "Top-k keeps only the k most probable tokens (0 = off).",
  "stage.topp": "top-p",
  "stage.topp.caption": "Top-p keeps the smallest set of most probable tokens whose probabilities add up to at least p.",
  "stage.minp": "min-p",
  "stage.minp.caption": "Min-p drops tokens less likely than min-p times the most likely token.",
  "stage.renorm": "renormalise",
  "stage.renorm.caption": "The surviving probabilities are divided by their sum so that they add up to 1 again.",
  "stage.sample": "sample",
  "stage.sample.caption": "A number u in [0, 1) from the seed and the step picks one token: same seed, same choice.",
  "controls.title": "Sampling",
  "controls.temperature": "Temperature",
  "controls.topK": "Top-k",
  "controls.topP": "Top-p",
  "controls.minP": "Min-p",
  "controls.seed": "Seed",
  "controls.greedy": "greedy",
  "gen.title": "Generation",
  "gen.step": "Step",
  "gen.play": "Play",
  "gen.pause": "Pause",
  "gen.reset": "Reset",
  "gen.rewind": "Rewind",
  "gen.speed": "Speed",
  "gen.empty": "Press Step to generate one token at a time.",
  "gen.forced": "forced",
  "gen.tokenTitle": "token {id} · p = {p}",
  "gen.eos": "The model produced its end-of-text token.",
  "gen.limit": "Reached the limit of {n} new tokens.",
  "gen.context": "Reached the model's context of {n} tokens.",
  "gen.keys": "Keys: Space play/pause · → step · ← rewind · R reset",
  "model.label": "Model",
  "model.card": "Model card",
  "model.architecture": "Architecture",
  "model.layers": "Layers",
  "model.heads": "Attention heads",
  "model.headsLinear": "{n} in linear-attention layers",
  "model.devices": "Devices",
  "model.dModel": "Width (d_model)",
  "model.params": "Parameters",
  "model.vocab": "Vocabulary",
  "model.positional": "Positions",
  "model.positional.learned": "learned embeddings",
  "model.positional.rotary": "rotary (RoPE)",
  "model.context": "Context",
  "lang.label": "Language",
  "theme.label": "Theme",
  "theme.auto": "Auto",
  "theme.light": "Light",
  "theme.dark": "Dark",
  "legend.low": "unlikely",
  "legend.high": "likely",
  "error.dismiss": "Dismiss",
  "error.network": "The server did not answer. Is `glassbox serve` still running?",
  "error.prompt_too_long": "This prompt is longer than this server allows.",
  "error.too_many_new_tokens": "This generation reached the server's limit of new tokens.",
  "error.invalid_input": "The server could not use this input.",
  "error.unknown_model": "The server does not offer this model.",
  "error.top_k_too_large": "This top-k is larger than this server allows.",
  "error.text_too_long": "The pasted text is too long for live training.",
  "error.superseded": "A newer request replaced this one.",
  "error.busy": "Another live training run is already going on this server.",
  "error.not_found": "The server no longer has what this page asked for.",
  "error.method_not_allowed": "The server does not accept this kind of request here.",
  "error.unsupported_architecture": "This model's architecture is not supported.",
  "error.corrupted_file": "A model or checkpoint file is damaged.",
  "error.training_error": "Training failed on the server.",
  "error.not_built": "This is not available here: the part it needs is not built or not included.",
  "error.internal": "Something went wrong.",
  "error.http": "The server gave an answer this page does not understand.",
  "status.loading": "Loading…",
  "status.thinking": "Running the model…",
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
