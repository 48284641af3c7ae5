import { describe, expect, it } from "vitest";
import { fakeSource } from "../data/fake";
import type { DetailRequest, Routing, RoutingRequest } from "../generated/schema";
import { RoutingState } from "./routing.svelte";

const TEXT: Required<DetailRequest> = { model: "m", prompt: "p", generated_ids: [], truncate: null };
const EMPTY = { dtype: "float32", shape: [0], dims: ["pos"], data: "" } as const;

function routing(pos: number, chosen: number[][]): Routing {
  return {
    schema_version: "2.0",
    kind: "routing",
    layer: 0,
    pos,
    n_experts: 4,
    experts_per_token: 2,
    d_expert: 3,
    weights_rule: "softmax_topk",
    probs: { ...EMPTY, dims: ["pos", "expert"] },
    chosen,
    weights: { ...EMPTY, dims: ["pos", "top_k"] },
    load: [0, 0, 0, 0],
    experts: [],
    mlp_out_norm: 0,
    sum_error: 0,
  } as unknown as Routing;
}

describe("RoutingState", () => {
  it("shows the router's first choice at the position until an expert is picked", async () => {
    const state = new RoutingState(fakeSource({ routing: (req: RoutingRequest) => Promise.resolve(routing(req.pos, [[2, 0], [3, 1]])) }));
    await state.load(TEXT, 0, 1);
    const value = state.value;
    if (!value) throw new Error("no routing loaded");
    expect(value.pos).toBe(1);
    expect(state.shown(value)).toBe(3);
    state.expert = 0;
    expect(state.shown(value)).toBe(0);
  });

  it("keeps the last request's answer when an older one arrives after it", async () => {
    let release: (r: Routing) => void = () => {};
    const slow = new Promise<Routing>((resolve) => (release = resolve));
    const state = new RoutingState(
      fakeSource({ routing: (req: RoutingRequest) => (req.pos === 0 ? slow : Promise.resolve(routing(req.pos, [[1, 2], [3, 0]]))) }),
    );
    const first = state.load(TEXT, 0, 0);
    await state.load(TEXT, 0, 1);
    release(routing(0, [[1, 2], [3, 0]]));
    await first;
    expect(state.value?.pos).toBe(1);
  });

  it("keeps the source's failure for the panel to show", async () => {
    const state = new RoutingState(fakeSource());
    await state.load(TEXT, 0, 0);
    expect(state.error?.code).toBe("not_built");
    expect(state.value).toBeNull();
  });
});
