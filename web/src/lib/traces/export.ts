/**
 * The page's generation in AnimatedLLM's inference format (what `glassbox generate --animatedllm` writes, and
 * `glassbox.to_animatedllm` in Python): per generated token, the tokens the model saw, its top-10 candidates with
 * their probability (softmax of the real logits at the current temperature, before top-k/top-p/min-p, as the
 * Python export) and natural log, and the chosen token (`greedy`, `sampling` or `forced`). The numbers come from
 * the logits the server answered for each position; nothing is recomputed elsewhere.
 */
import type {
  AnimatedCandidate,
  AnimatedInferenceTrace,
  ModelCard,
  TokenInfo,
} from "../generated/schema";
import type { Prepared, Settings } from "../sampling/pipeline";
import { samplingPipeline } from "../sampling/pipeline";
import type { GeneratedToken } from "../stores/app.svelte";
import { tokenString } from "./reader";

/** What the export reads of the page's state (AppState has all of it). */
export interface GenerationView {
  modelId: string;
  card: ModelCard | null;
  prompt: string;
  promptTokens: readonly TokenInfo[];
  generated: readonly GeneratedToken[];
  positions: readonly Prepared[];
  settings: Settings;
  textOf(id: number): string;
}

export const EXPORT_TOP_K = 10;

function promptText(tokens: readonly TokenInfo[]): string {
  const bytes: number[] = [];
  for (const t of tokens) {
    if (t.is_special) bytes.push(...new TextEncoder().encode(t.text));
    else
      for (let i = 0; i + 1 < t.bytes_hex.length; i += 2)
        bytes.push(parseInt(t.bytes_hex.slice(i, i + 2), 16));
  }
  return new TextDecoder("utf-8").decode(new Uint8Array(bytes));
}

export function exportGeneration(
  g: GenerationView,
  id: string,
): AnimatedInferenceTrace {
  const eos = new Set(g.card?.eos_token_ids ?? []);
  const special = new Set(
    g.promptTokens.flatMap((t, i) => (t.is_special ? [i] : [])),
  );
  const tokens = g.promptTokens.map((t) => tokenString(t));
  const ids = g.promptTokens.map((t) => t.id);
  let text = promptText(g.promptTokens);
  const greedy = g.settings.temperature === 0;
  const steps = g.generated.flatMap((tok, i) => {
    const pos = g.positions[i];
    if (!pos) return []; // a position not answered yet: the export stops where the numbers stop
    const r = samplingPipeline(pos, g.settings, i);
    // the top candidates by probability before the filters (ties by ascending id, as Python's top_ids)
    const order = Array.from(pos.order.subarray(0, EXPORT_TOP_K));
    const candidates: AnimatedCandidate[] = order.map((cid) => {
      const p = r.probs[cid] as number;
      return {
        token: tokenString({ text: g.textOf(cid), is_special: eos.has(cid) }),
        token_id: cid,
        logprob: p > 0 ? Math.log(p) : null,
        prob: p,
      };
    });
    const isSpecial = eos.has(tok.id);
    const step = {
      step: i,
      input_text: text,
      tokens: [...tokens],
      token_ids: [...ids],
      special_idx: [...special].sort((a, b) => a - b),
      output_distribution: { top_k: candidates.length, candidates },
      selected_token: {
        token: tokenString({ text: tok.text, is_special: isSpecial }),
        token_id: tok.id,
        selection_method: tok.forced
          ? "forced"
          : greedy
            ? "greedy"
            : "sampling",
        special: isSpecial,
      },
    };
    if (isSpecial) special.add(tokens.length);
    tokens.push(tokenString({ text: tok.text, is_special: isSpecial }));
    ids.push(tok.id);
    text += tok.text;
    return [step];
  });
  const info = g.card?.info;
  return {
    id,
    prompt: g.prompt,
    language: null,
    temperature: g.settings.temperature,
    top_k: EXPORT_TOP_K,
    model_info: {
      name: g.modelId,
      num_layers: info?.n_layers ?? null,
      hidden_size: info?.d_model ?? null,
      num_attention_heads: info?.n_heads ?? null,
      vocab_size: info?.d_vocab ?? null,
    },
    generation_steps: steps,
  };
}

/** The file's text: AnimatedLLM's keys only (the training-only model keys left out), as Python writes it. */
export function animatedJson(trace: AnimatedInferenceTrace): string {
  return JSON.stringify(trace, null, 2) + "\n";
}

/** Hand the reader a file to save (no server involved). */
export function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(
    new Blob([text], { type: "application/json" }),
  );
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
