/**
 * A DataSource made of plain functions, for tests and for hosts that answer only some calls: every operation
 * not given rejects with `not_built`, as a static export rejects what it cannot compute.
 */
import { ApiFailure } from "./failure";
import type { DataSource } from "./source";

export function fakeSource(answers: Partial<DataSource> = {}): DataSource {
  const missing = (name: string) => () => {
    throw new ApiFailure("not_built", `this source has no ${name}`);
  };
  const rejecting = (name: string) => () => Promise.reject(new ApiFailure("not_built", `this source has no ${name}`));
  return {
    models: rejecting("models"),
    vocab: rejecting("vocab"),
    predict: rejecting("predict"),
    overview: rejecting("overview"),
    attentionHead: rejecting("attentionHead"),
    attentionGrid: rejecting("attentionGrid"),
    embedding: rejecting("embedding"),
    mlp: rejecting("mlp"),
    routing: rejecting("routing"),
    perLayerInput: rejecting("perLayerInput"),
    linearAttentionHead: rejecting("linearAttentionHead"),
    logitLens: rejecting("logitLens"),
    tokenAcrossLayers: rejecting("tokenAcrossLayers"),
    trainingInfo: rejecting("trainingInfo"),
    trainingHistory: rejecting("trainingHistory"),
    trainStep: rejecting("trainStep"),
    initVsTrained: rejecting("initVsTrained"),
    checkpointReplay: rejecting("checkpointReplay"),
    compareCheckpoints: rejecting("compareCheckpoints"),
    compareModels: rejecting("compareModels"),
    startLive: rejecting("startLive"),
    liveStatus: rejecting("liveStatus"),
    stopLive: rejecting("stopLive"),
    resumeLive: rejecting("resumeLive"),
    listenLive: missing("listenLive"),
    attribute: rejecting("attribute"),
    attributionMatrix: rejecting("attributionMatrix"),
    dla: rejecting("dla"),
    ablate: rejecting("ablate"),
    patch: rejecting("patch"),
    patchCell: rejecting("patchCell"),
    scoreText: rejecting("scoreText"),
    tokenizerCatalogue: rejecting("tokenizerCatalogue"),
    parallelSet: rejecting("parallelSet"),
    tokenizeText: rejecting("tokenizeText"),
    tokenTax: rejecting("tokenTax"),
    bpeMerges: rejecting("bpeMerges"),
    renderChat: rejecting("renderChat"),
    circuitsInfo: rejecting("circuitsInfo"),
    circuitsStart: rejecting("circuitsStart"),
    circuitsJob: rejecting("circuitsJob"),
    circuitsGraph: rejecting("circuitsGraph"),
    circuitsFeature: rejecting("circuitsFeature"),
    circuitsIntervene: rejecting("circuitsIntervene"),
    ...answers,
  };
}
