/**
 * Published sizes of three well-known models, for the sense-of-scale panel. Every figure is the one its source
 * states (checked against those sources; see docs/web.md): nothing here is estimated. A figure the source does not
 * give is `null` and the panel says "not published".
 */

export interface Source {
  /** the paper's or model card's title, shown as text */
  title: string;
  url: string;
}

export interface PublishedModel {
  id: string;
  name: string;
  params: number;
  layers: number;
  /** context length in tokens ("128K" in Meta's cards is 128 × 1024) */
  context: number;
  /** pre-training tokens; null where not published */
  tokens: number | null;
  /** the source gives the token count as an upper bound ("up to 9T tokens") */
  tokensUpTo: boolean;
  sources: Source[];
}

export const PUBLISHED: readonly PublishedModel[] = [
  {
    // 124M parameters, 12 layers and 1024-token inputs: the model card and its config.json (n_layer 12, n_ctx 1024).
    // The paper gives WebText as ~40 GB of text but no token count for training.
    id: "gpt2",
    name: "GPT-2 (small)",
    params: 124e6,
    layers: 12,
    context: 1024,
    tokens: null,
    tokensUpTo: false,
    sources: [
      {
        title: "Radford et al., “Language Models are Unsupervised Multitask Learners” (OpenAI, 2019)",
        url: "https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf",
      },
      { title: "openai-community/gpt2 model card", url: "https://huggingface.co/openai-community/gpt2" },
    ],
  },
  {
    // the model card's table: 1B (1.23B) params, 128k context, "Up to 9T tokens"; config.json: 16 hidden layers,
    // max_position_embeddings 131072
    id: "llama-3.2-1b",
    name: "Llama 3.2 1B",
    params: 1.23e9,
    layers: 16,
    context: 131072,
    tokens: 9e12,
    tokensUpTo: true,
    sources: [{ title: "meta-llama/Llama-3.2-1B model card (Meta, 2024)", url: "https://huggingface.co/meta-llama/Llama-3.2-1B" }],
  },
  {
    // the paper: a dense 405B model with 126 layers, a context window of up to 128K tokens, pre-trained on 15.6T
    // tokens (the model card rounds to "15T+")
    id: "llama-3.1-405b",
    name: "Llama 3.1 405B",
    params: 405e9,
    layers: 126,
    context: 131072,
    tokens: 15.6e12,
    tokensUpTo: false,
    sources: [
      { title: "Llama Team, AI @ Meta, “The Llama 3 Herd of Models”, arXiv:2407.21783 (2024)", url: "https://arxiv.org/abs/2407.21783" },
      { title: "meta-llama/Llama-3.1-405B model card (Meta, 2024)", url: "https://huggingface.co/meta-llama/Llama-3.1-405B" },
    ],
  },
];
