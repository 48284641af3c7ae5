/**
 * The one error vocabulary of the page: every failure code (the server's, generated from its OpenAPI document,
 * and the client's own) has exactly one message key. The map is typed `Record<FailureCode, MessageKey>`, so a
 * code the server adds without a message here fails the type check instead of showing a vague fallback.
 */
import type { FailureCode } from "../data/failure";
import type { MessageKey } from "./catalogs";

export const ERROR_MESSAGES: Record<FailureCode, MessageKey> = {
  invalid_input: "error.invalid_input",
  unknown_model: "error.unknown_model",
  prompt_too_long: "error.prompt_too_long",
  too_many_new_tokens: "error.too_many_new_tokens",
  top_k_too_large: "error.top_k_too_large",
  text_too_long: "error.text_too_long",
  superseded: "error.superseded",
  busy: "error.busy",
  not_found: "error.not_found",
  method_not_allowed: "error.method_not_allowed",
  unsupported_architecture: "error.unsupported_architecture",
  corrupted_file: "error.corrupted_file",
  training_error: "error.training_error",
  not_built: "error.not_built",
  internal: "error.internal",
  network: "error.network",
  http: "error.http",
};
