/**
 * Trace files read in the browser (a file the reader opens from disk), by the same tolerant rules as the server's
 * `glassbox.animatedllm.normalise`: AnimatedLLM's inference and training traces (chat templates, special tokens,
 * partial UTF-8 pieces, greedy/sampling/random steps, extra keys, nulls) and glassbox's own generation, prompt
 * trace and trace files. What is missing is filled (prob from logprob and back, loss = −logprob, a step's number
 * from its place), unknown keys are ignored, a non-finite number becomes null; only a document that holds no
 * trace at all is refused. The answer has the server's `TraceFile` shape, so both doors lead to the same player.
 * `reader.test.ts` reads the same fixtures as the Python tests (`tests/fixtures/animatedllm/`).
 */
import type {
  AnimatedCandidate,
  AnimatedGenerationStep,
  AnimatedInferenceTrace,
  AnimatedModelInfo,
  AnimatedTrainingStep,
  AnimatedTrainingTrace,
  TraceFile,
} from "../generated/schema";

export type TraceFormat = TraceFile["format"];

/** The largest file the page reads (as the server's MAX_TRACE_BYTES). */
export const MAX_TRACE_BYTES = 32 * 1024 * 1024;

/** A file that holds no trace; `reason` is a message key's suffix the page translates. */
export class TraceReadError extends Error {
  constructor(
    readonly reason: "notJson" | "notTrace" | "noSteps" | "tooLarge" | "broken",
    message: string,
  ) {
    super(message);
  }
}

type Obj = Record<string, unknown>;

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}
function int(v: unknown): number | null {
  const n = num(v);
  return n !== null && Number.isInteger(n) ? n : null;
}
function str(v: unknown, fallback = ""): string {
  if (v === null || v === undefined) return fallback;
  return typeof v === "string" ? v : String(v);
}
function optStr(v: unknown): string | null {
  return v === null || v === undefined ? null : str(v);
}
function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function obj(v: unknown): Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v)
    ? (v as Obj)
    : {};
}
function ints(v: unknown): number[] {
  return list(v)
    .map(int)
    .filter((n): n is number => n !== null);
}

function candidate(raw: unknown): AnimatedCandidate | null {
  const d = obj(raw);
  let prob = num(d.prob);
  let logprob = num(d.logprob);
  if (prob === null && logprob === null) return null;
  if (prob === null) prob = Math.exp(logprob as number);
  if (logprob === null && prob > 0) logprob = Math.log(prob);
  return { token: str(d.token), token_id: int(d.token_id), logprob, prob };
}

function candidates(raw: unknown): AnimatedCandidate[] {
  return list(raw)
    .map(candidate)
    .filter((c): c is AnimatedCandidate => c !== null);
}

function modelInfo(raw: unknown): AnimatedModelInfo {
  const d = obj(raw);
  return {
    name: str(d.name, "unknown model"),
    num_layers: int(d.num_layers),
    hidden_size: int(d.hidden_size),
    num_attention_heads: int(d.num_attention_heads),
    vocab_size: int(d.vocab_size),
    architecture: optStr(d.architecture),
    total_parameters: int(d.total_parameters),
    pretrained: typeof d.pretrained === "boolean" ? d.pretrained : null,
  };
}

function inference(doc: Obj, fallbackId: string): AnimatedInferenceTrace {
  const steps: AnimatedGenerationStep[] = list(doc.generation_steps).map(
    (raw, i) => {
      const d = obj(raw);
      const dist = obj(d.output_distribution);
      const cands = candidates(dist.candidates);
      const sel = d.selected_token;
      const s = obj(sel);
      return {
        step: int(d.step) ?? i,
        input_text: str(d.input_text),
        tokens: list(d.tokens).map((t) => str(t)),
        token_ids: ints(d.token_ids),
        special_idx: ints(d.special_idx),
        output_distribution: {
          top_k: int(dist.top_k) || cands.length,
          candidates: cands,
        },
        selected_token:
          sel !== null && typeof sel === "object" && !Array.isArray(sel)
            ? {
                token: str(s.token),
                token_id: int(s.token_id),
                selection_method: str(s.selection_method, "unknown"),
                special: s.special === true,
              }
            : null,
      };
    },
  );
  return {
    id: str(doc.id, fallbackId),
    prompt: str(doc.prompt),
    language: optStr(doc.language),
    temperature: num(doc.temperature),
    top_k: int(doc.top_k),
    model_info: modelInfo(doc.model_info),
    generation_steps: steps,
  };
}

function training(doc: Obj, fallbackId: string): AnimatedTrainingTrace {
  const steps: AnimatedTrainingStep[] = list(doc.training_steps).map(
    (raw, i) => {
      const d = obj(raw);
      const target = candidate(d.target_token_prediction);
      let prob = num(d.target_prob);
      let logprob = num(d.target_logprob);
      let loss = num(d.loss);
      // each of the three follows from the others (loss = −logprob, prob = exp(logprob))
      if (logprob === null)
        logprob = loss !== null ? -loss : (target?.logprob ?? null);
      if (loss === null) loss = logprob === null ? null : -logprob;
      if (prob === null) prob = logprob === null ? null : Math.exp(logprob);
      return {
        step: int(d.step) ?? i,
        input_tokens: list(d.input_tokens).map((t) => str(t)),
        input_token_ids: ints(d.input_token_ids),
        target_token: str(d.target_token),
        target_token_id: int(d.target_token_id),
        predictions: candidates(d.predictions),
        target_token_prediction: target,
        target_prob: prob,
        target_logprob: logprob,
        loss,
      };
    },
  );
  const tokens = list(doc.tokens).map((t) => str(t));
  return {
    id: str(doc.id, fallbackId),
    type: str(doc.type, "training"),
    text: str(doc.text),
    source: optStr(doc.source),
    tokens,
    token_ids: ints(doc.token_ids),
    special_idx: ints(doc.special_idx),
    num_tokens: int(doc.num_tokens) || tokens.length,
    model_info: modelInfo(doc.model_info),
    training_steps: steps,
  };
}

// ------------------------------------------------------------------------------------ glassbox's own files

interface GbToken {
  id: number;
  text: string;
  bytes_hex: string;
  is_special: boolean;
}

function gbToken(raw: unknown): GbToken {
  const d = obj(raw);
  const id = int(d.id);
  if (id === null) throw new TraceReadError("broken", "a token without an id");
  return {
    id,
    text: str(d.text),
    bytes_hex: str(d.bytes_hex),
    is_special: d.is_special === true,
  };
}

/** As glassbox writes a token for AnimatedLLM: its text, every space as Ġ (a special token as it is). */
export function tokenString(t: { text: string; is_special?: boolean }): string {
  return t.is_special ? t.text : t.text.replaceAll(" ", "Ġ");
}

function decoded(tokens: GbToken[]): string {
  const parts: number[] = [];
  for (const t of tokens) {
    if (t.is_special) parts.push(...new TextEncoder().encode(t.text));
    else
      for (let i = 0; i + 1 < t.bytes_hex.length; i += 2)
        parts.push(parseInt(t.bytes_hex.slice(i, i + 2), 16));
  }
  return new TextDecoder("utf-8").decode(new Uint8Array(parts)); // a split character is rejoined, a broken one is �
}

function topCandidates(top: unknown): AnimatedCandidate[] {
  return list(top).map((raw) => {
    const d = obj(raw);
    const tok = gbToken(d.token);
    const prob = num(d.prob) ?? 0;
    return {
      token: tokenString(tok),
      token_id: tok.id,
      logprob: prob > 0 ? Math.log(prob) : null,
      prob,
    };
  });
}

/** A glassbox generation (prompt tokens, settings, steps) in the inference shape, as `to_animatedllm` writes it. */
function generationAsInference(
  prompt: string,
  promptTokens: GbToken[],
  temperature: number,
  rawSteps: unknown[],
  info: AnimatedModelInfo,
  id: string,
): AnimatedInferenceTrace {
  const context = [...promptTokens];
  const special = context.flatMap((t, i) => (t.is_special ? [i] : []));
  const steps: AnimatedGenerationStep[] = rawSteps.map((raw, i) => {
    const d = obj(raw);
    const tok = gbToken(d.token);
    const cands = topCandidates(d.top);
    const step: AnimatedGenerationStep = {
      step: int(d.step) ?? i,
      input_text: decoded(context),
      tokens: context.map(tokenString),
      token_ids: context.map((t) => t.id),
      special_idx: [...special],
      output_distribution: { top_k: cands.length, candidates: cands },
      selected_token: {
        token: tokenString(tok),
        token_id: tok.id,
        selection_method:
          d.forced === true
            ? "forced"
            : temperature === 0
              ? "greedy"
              : "sampling",
        special: tok.is_special,
      },
    };
    if (tok.is_special) special.push(context.length);
    context.push(tok);
    return step;
  });
  return {
    id,
    prompt,
    language: null,
    temperature,
    top_k: steps[0]?.output_distribution.candidates.length ?? 0,
    model_info: info,
    generation_steps: steps,
  };
}

function sizesOf(name: string, info: Obj): AnimatedModelInfo {
  return {
    name,
    num_layers: int(info.n_layers),
    hidden_size: int(info.d_model),
    num_attention_heads: int(info.n_heads),
    vocab_size: int(info.d_vocab),
    architecture: null,
    total_parameters: null,
    pretrained: null,
  };
}

export function detectFormat(doc: unknown): TraceFormat | null {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc))
    return null;
  const d = doc as Obj;
  if (d.kind === "generation" && Array.isArray(d.steps))
    return "glassbox_generation";
  if (d.kind === "prompt_trace" && Array.isArray(d.steps))
    return "glassbox_prompt_trace";
  if (d.kind === "trace" && Array.isArray(d.next_token))
    return "glassbox_trace";
  if (Array.isArray(d.training_steps)) return "animatedllm_training";
  if (Array.isArray(d.generation_steps)) return "animatedllm_inference";
  return null;
}

function stem(name: string): string {
  const base = name.split("/").pop() ?? name;
  return base.replace(/\.[^.]*$/, "");
}

/** Any parsed trace document as a TraceFile; throws TraceReadError when it holds none. */
export function normaliseTrace(doc: unknown, name = "trace"): TraceFile {
  const format = detectFormat(doc);
  if (format === null)
    throw new TraceReadError("notTrace", `${name} is not a trace file`);
  const d = doc as Obj;
  const id = stem(name);
  const base = {
    schema_version: "2.0",
    kind: "trace_file" as const,
    name,
    format,
  };
  if (format === "animatedllm_training")
    return { ...base, training: training(d, id), inference: null };
  let inf: AnimatedInferenceTrace;
  if (format === "animatedllm_inference") inf = inference(d, id);
  else if (format === "glassbox_generation") {
    const temperature = num(obj(d.settings).temperature) ?? 1;
    inf = generationAsInference(
      str(d.prompt),
      list(d.prompt_tokens).map(gbToken),
      temperature,
      list(d.steps),
      sizesOf(str(d.model), {}),
      id,
    );
  } else if (format === "glassbox_prompt_trace") {
    const card = obj(d.model);
    const info = obj(card.info);
    const temperature = num(obj(d.settings).temperature) ?? 1;
    const sizes = sizesOf(str(card.id, str(info.name)), info);
    inf = generationAsInference(
      str(d.prompt),
      list(d.tokens).map(gbToken),
      temperature,
      list(d.steps),
      sizes,
      id,
    );
  } else {
    const tokens = list(d.tokens).map(gbToken);
    const cands = topCandidates(d.next_token);
    const info = obj(d.model);
    inf = {
      id,
      prompt: str(d.prompt),
      language: null,
      temperature: null,
      top_k: cands.length,
      model_info: sizesOf(str(info.name), info),
      generation_steps: [
        {
          step: 0,
          input_text: decoded(tokens),
          tokens: tokens.map(tokenString),
          token_ids: tokens.map((t) => t.id),
          special_idx: tokens.flatMap((t, i) => (t.is_special ? [i] : [])),
          output_distribution: { top_k: cands.length, candidates: cands },
          selected_token: null,
        },
      ],
    };
  }
  if (inf.generation_steps.length === 0)
    throw new TraceReadError("noSteps", `${name} has no generation steps`);
  return { ...base, inference: inf, training: null };
}

/** A trace from a file's text (what `<input type=file>` gives). */
export function readTraceText(text: string, name = "trace"): TraceFile {
  if (text.length > MAX_TRACE_BYTES)
    throw new TraceReadError("tooLarge", `${name} is larger than 32 MiB`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new TraceReadError("notJson", `${name} is not JSON (${String(err)})`);
  }
  return normaliseTrace(doc, name);
}

/**
 * A token as the page shows it: AnimatedLLM marks a space as Ġ (byte-level BPE) or ▁ (SentencePiece) and a newline
 * as Ċ; those become the characters themselves (drawn as glyphs by TokenText). A byte token `<0xE6>` is shown as
 * its byte, `<e6>`, as glassbox shows every incomplete UTF-8 piece. `partial`: the token is (or holds) an
 * incomplete UTF-8 piece whose bytes the file does not keep (written as �) or keeps as a byte token.
 */
export function tokenDisplay(token: string): {
  text: string;
  partial: boolean;
} {
  const byte = /^<0x([0-9A-Fa-f]{2})>$/.exec(token);
  if (byte)
    return { text: `<${(byte[1] as string).toLowerCase()}>`, partial: true };
  const text = token
    .replaceAll("Ġ", " ")
    .replaceAll("▁", " ")
    .replaceAll("Ċ", "\n")
    .replaceAll("ĉ", "\t");
  return { text, partial: text.includes("\uFFFD") };
}
