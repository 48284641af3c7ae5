/** The pre-training view's requests (see src/glassbox/server/routes_training.py) and the live run's event stream. */
import type {
  InitVsTrained,
  LiveEnd,
  LiveReady,
  LiveRunStatus,
  LiveSample,
  LiveStep,
  TrainingHistory,
  TrainingInfo,
  TrainStepResult,
} from "../generated/schema";
import { request } from "./client";

function post<T>(route: string, body: object): Promise<T> {
  return request<T>(`api/training/${route}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

const enc = encodeURIComponent;
export const fetchTrainingInfo = (model: string) => request<TrainingInfo>(`api/training/${enc(model)}/info`);
export const fetchHistory = (model: string) => request<TrainingHistory>(`api/training/${enc(model)}/history`);
export const fetchTrainStep = (model: string, text: string, checkpoint_step: number) =>
  post<TrainStepResult>("step", { model, text, checkpoint_step });
export const fetchInitVsTrained = (model: string, prompt: string, layer: number, head: number) =>
  post<InitVsTrained>("init_vs_trained", { model, prompt, layer, head });
export const startLive = (source: "corpus" | "text", text: string | null) =>
  post<LiveRunStatus>("live/start", { source, text });
export const stopLive = (id: string) => post<LiveRunStatus>(`live/${enc(id)}/stop`, {});
export const resumeLive = (id: string) => post<LiveRunStatus>(`live/${enc(id)}/resume`, {});

export interface LiveHandlers {
  ready: (e: LiveReady) => void;
  step: (e: LiveStep) => void;
  sample: (e: LiveSample) => void;
  end: (e: LiveEnd) => void;
}

/** Listen to a run's server-sent events from event number `since`; closing the source stops an active run. */
export function listenLive(id: string, since: number, on: LiveHandlers): EventSource {
  const source = new EventSource(`api/training/live/${enc(id)}/events?since=${since}`);
  source.addEventListener("ready", (e) => on.ready(JSON.parse((e as MessageEvent<string>).data) as LiveReady));
  source.addEventListener("step", (e) => on.step(JSON.parse((e as MessageEvent<string>).data) as LiveStep));
  source.addEventListener("sample", (e) => on.sample(JSON.parse((e as MessageEvent<string>).data) as LiveSample));
  source.addEventListener("end", (e) => on.end(JSON.parse((e as MessageEvent<string>).data) as LiveEnd));
  return source;
}
export const fetchLive = (id: string) => request<LiveRunStatus>(`api/training/live/${enc(id)}`);
