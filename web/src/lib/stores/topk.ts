/**
 * Why a top-k typed in the sampling controls cannot be used (issue 17, item 4), or `null` when it can. 0 means
 * "off" (keep every token); otherwise top-k is a whole number of tokens from 1 to the server's `max_top_k`.
 */
export type TopKProblem = "empty" | "negative" | "notInteger" | "tooLarge";

export function topKProblem(raw: string, maxTopK: number): TopKProblem | null {
  const text = raw.trim();
  if (text === "") return "empty";
  const value = Number(text);
  if (!Number.isFinite(value)) return "notInteger";
  if (value < 0) return "negative";
  if (!Number.isInteger(value)) return "notInteger";
  if (value > maxTopK) return "tooLarge";
  return null;
}
