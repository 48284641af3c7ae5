/**
 * The HTTP client of the glassbox server. Every call returns typed data or throws an ApiFailure whose code and
 * message come from the server's `{"error": {...}}` body. Predictions carry a client id and an increasing
 * sequence number: a newer prediction aborts the older one here and makes the server drop it if it has not
 * started yet (fast typing never queues work).
 */
import type {
  ErrorResponse,
  ModelList,
  PredictRequest,
  PredictResponse,
  Vocab,
} from "../generated/schema";

export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiFailure";
  }
}

function isErrorResponse(x: unknown): x is ErrorResponse {
  return typeof x === "object" && x !== null && "error" in x;
}

export async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    if (isErrorResponse(body)) throw new ApiFailure(body.error.code, body.error.message, response.status);
    throw new ApiFailure("http", `HTTP ${response.status}`, response.status);
  }
  return body as T;
}

export const clientId: string =
  typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `page-${Date.now()}`;

export function listModels(): Promise<ModelList> {
  return request<ModelList>("api/models");
}

export function fetchVocab(model: string): Promise<Vocab> {
  return request<Vocab>(`api/models/${encodeURIComponent(model)}/vocab`);
}

let seq = 0;
let inFlight: AbortController | null = null;

/** Ask for the next-token logits; an older prediction still in flight is aborted. */
export async function predict(body: Omit<PredictRequest, "client_id" | "seq">): Promise<PredictResponse> {
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  seq += 1;
  try {
    return await request<PredictResponse>("api/predict", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...body, client_id: clientId, seq }),
      signal: controller.signal,
    });
  } finally {
    if (inFlight === controller) inFlight = null;
  }
}

/** True for the errors that only mean "a newer request replaced this one". */
export function isSuperseded(err: unknown): boolean {
  if (err instanceof DOMException && err.name === "AbortError") return true;
  return err instanceof ApiFailure && err.code === "superseded";
}
