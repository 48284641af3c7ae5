/** The detailed view's requests: each asks the server for one slice of a trace it keeps (see routes_detail.py). */
import type {
  AttentionGrid,
  AttentionHead,
  DetailOverview,
  DetailRequest,
  EmbeddingDetail,
  LogitLens,
  MlpDetail,
  TokenAcrossLayers,
} from "../generated/schema";
import { request } from "./client";

export type DetailText = Required<Pick<DetailRequest, "model" | "prompt">> & { generated_ids: number[] };

function post<T>(route: string, body: object): Promise<T> {
  return request<T>(`api/detail/${route}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

export const fetchOverview = (text: DetailText) => post<DetailOverview>("overview", text);
export const fetchAttentionHead = (text: DetailText, layer: number, head: number, query_pos: number) =>
  post<AttentionHead>("attention_head", { ...text, layer, head, query_pos });
export const fetchAttentionGrid = (text: DetailText) => post<AttentionGrid>("attention_grid", text);
export const fetchEmbedding = (text: DetailText, pos: number) => post<EmbeddingDetail>("embedding", { ...text, pos });
export const fetchMlp = (text: DetailText, layer: number, pos: number, k = 10) =>
  post<MlpDetail>("mlp", { ...text, layer, pos, k });
export const fetchLogitLens = (text: DetailText, k = 5) => post<LogitLens>("logit_lens", { ...text, k });
export const fetchTokenAcrossLayers = (text: DetailText, token_id: number, pos: number) =>
  post<TokenAcrossLayers>("token", { ...text, token_id, pos });
