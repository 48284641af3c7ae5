/**
 * The typed HTTP client of the glassbox server, generated from its OpenAPI document (`generated/api.ts`):
 * every path, body and response here is checked against the server's routes, so a route or payload the server
 * changed and the browser did not follow fails the TypeScript build. `unwrap` turns an answer into its data or
 * throws an ApiFailure carrying the server's error code and message.
 */
import createClient, { type Client } from "openapi-fetch";
import { ApiFailure, isErrorResponse } from "../data/failure";
import type { paths } from "../generated/api";

export type ApiClient = Client<paths>;

/**
 * A client for the server at `baseUrl`. The default, ".", keeps every request relative to the page
 * ("./api/…"), so the app works wherever it is mounted (behind a proxy, under a sub-path).
 */
export function createApiClient(baseUrl = "."): ApiClient {
  return createClient<paths>({ baseUrl });
}

/** The data of a 2xx answer; an error answer becomes an ApiFailure (the server's code, or `http`). */
export function unwrap<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  const { data, error, response } = answer;
  if (response.ok && data !== undefined) return data;
  if (isErrorResponse(error)) throw new ApiFailure(error.error.code, error.error.message, response.status);
  throw new ApiFailure("http", `HTTP ${response.status}`, response.status);
}
