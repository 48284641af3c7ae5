/**
 * What went wrong, as one vocabulary whatever the data source: the server's error codes (generated from its
 * OpenAPI document, so a code the server adds reaches the browser's type check) plus the two failures only a
 * client sees. Every source throws an ApiFailure; views show `failureOf(err)` through one message map
 * (`i18n/errors.ts`).
 */
import type { components } from "../generated/api";

/** The server's error body, and its code: the one enumeration of `glassbox.schema.errors.ErrorCode`. */
export type ErrorResponse = components["schemas"]["ErrorResponse"];
export type ErrorCode = ErrorResponse["error"]["code"];

/** `network`: no answer at all (server gone, connection lost); `http`: an answer that is not an error body. */
type ClientErrorCode = "network" | "http";
export type FailureCode = ErrorCode | ClientErrorCode;

export class ApiFailure extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
    /** the HTTP status, or 0 where none was answered */
    readonly status = 0,
  ) {
    super(message);
    this.name = "ApiFailure";
  }
}

export function isErrorResponse(x: unknown): x is ErrorResponse {
  if (typeof x !== "object" || x === null || !("error" in x)) return false;
  const error = (x as { error: unknown }).error;
  return typeof error === "object" && error !== null && "code" in error && "message" in error;
}

/** Any thrown value as a failure a view can show: a fetch that never got an answer is `network`. */
export function failureOf(err: unknown): ApiFailure {
  if (err instanceof ApiFailure) return err;
  if (err instanceof TypeError) return new ApiFailure("network", "");
  return new ApiFailure("internal", err instanceof Error ? err.message : String(err));
}

/** True for the errors that only mean "a newer request replaced this one". */
export function isSuperseded(err: unknown): boolean {
  if (err instanceof DOMException && err.name === "AbortError") return true;
  return err instanceof ApiFailure && err.code === "superseded";
}
