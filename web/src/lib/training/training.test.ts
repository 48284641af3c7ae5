/** The training view's stores run on any data source: here a fake one, with no HTTP anywhere. */
import { describe, expect, it } from "vitest";
import { fakeSource } from "../data/fake";
import { ApiFailure } from "../data/failure";
import type { LiveListener } from "../data/source";
import type { LiveRunStatus, TrainingHistory, TrainingInfo } from "../generated/schema";
import { LiveRun } from "./live.svelte";
import { TrainingState } from "./state.svelte";

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

describe("TrainingState", () => {
  it("loads the info, then the history where there is one; a newer load wins", async () => {
    const asked: string[] = [];
    const info = (model: string, has_history: boolean) => ({ model, has_history }) as TrainingInfo;
    const state = new TrainingState(
      fakeSource({
        trainingInfo: (model) => {
          asked.push(`info ${model}`);
          return Promise.resolve(info(model, model === "micro"));
        },
        trainingHistory: (model) => {
          asked.push(`history ${model}`);
          return Promise.resolve({ steps: [] } as unknown as TrainingHistory);
        },
      }),
    );
    const first = state.load("micro");
    const second = state.load("gpt2");
    await Promise.all([first, second]);
    expect(asked).toEqual(["info micro", "info gpt2", "history micro"]);
    expect(state.info?.model).toBe("gpt2");
    expect(state.history).toBeNull();
    expect(state.loading).toBe(false);
    await state.load("micro");
    expect(state.history).not.toBeNull();
  });

  it("keeps the source's failure, code and message", async () => {
    const state = new TrainingState(
      fakeSource({ trainingInfo: () => Promise.reject(new ApiFailure("unknown_model", "no model 'x'", 404)) }),
    );
    await state.load("x");
    expect(state.error).toMatchObject({ code: "unknown_model", message: "no model 'x'" });
    expect(state.info).toBeNull();
  });
});

describe("LiveRun", () => {
  const status = (patch: Partial<LiveRunStatus> = {}): LiveRunStatus =>
    ({ run_id: "r1", state: "preparing", reason: "", step: 0, max_steps: 100, max_seconds: 60, source: "corpus", ...patch }) as LiveRunStatus;

  it("follows a run's events: ready, steps in order, the latest samples, the end and the offered model", async () => {
    let listener: LiveListener | null = null;
    let closed = 0;
    const run = new LiveRun(
      fakeSource({
        startLive: () => Promise.resolve(status()),
        liveStatus: () => Promise.resolve(status({ state: "done", reason: "step_limit", step: 2, model_id: "live-r1" })),
        listenLive: (_id, since, on) => {
          expect(since).toBe(0);
          listener = on;
          return { close: () => (closed += 1) };
        },
      }),
    );
    await run.start("corpus", null);
    expect(run.running).toBe(true);
    const on = listener as LiveListener | null;
    if (!on) throw new Error("not listening");
    on.event({ type: "ready", prepare_s: 0.1, tokens: 5000 });
    expect(run.status?.state).toBe("running");
    expect(run.streamTokens).toBe(5000);
    const step = (n: number, loss: number) =>
      on.event({ type: "step", step: n, loss, lr: 1e-3, tokens: 64 * n, elapsed_s: n / 10, tokens_per_s: 640 });
    step(1, 3);
    step(2, 2.5);
    step(2, 2.5); // a replayed event is not shown twice
    expect(run.points).toEqual([
      { step: 1, loss: 3 },
      { step: 2, loss: 2.5 },
    ]);
    expect(run.status?.step).toBe(2);
    for (let s = 1; s <= 6; s++) on.event({ type: "sample", step: s, samples: [["a", "b"]] });
    expect(run.samples.map((s) => s.step)).toEqual([6, 5, 4, 3]);
    on.event({ type: "end", state: "done", reason: "step_limit", step: 2 });
    await settle();
    expect(run.running).toBe(false);
    expect(run.status?.model_id).toBe("live-r1");
    run.close();
    expect(closed).toBe(1);
  });

  it("closes its stream on the end event, and a resume listens from the first event not yet seen", async () => {
    const opened: { since: number; on: LiveListener; closed: number }[] = [];
    const run = new LiveRun(
      fakeSource({
        startLive: () => Promise.resolve(status({ state: "running" })),
        liveStatus: () => Promise.resolve(status({ state: "stopped", reason: "stopped", step: 1 })),
        stopLive: () => Promise.resolve(status({ state: "stopped", reason: "stopped", step: 1 })),
        resumeLive: () => Promise.resolve(status({ state: "running", step: 1 })),
        listenLive: (_id, since, on) => {
          const stream = { since, on, closed: 0 };
          opened.push(stream);
          return { close: () => (stream.closed += 1) };
        },
      }),
    );
    await run.start("corpus", null);
    const first = opened[0];
    if (!first) throw new Error("not listening");
    first.on.event({ type: "ready", prepare_s: 0.1, tokens: 5000 });
    first.on.event({ type: "step", step: 1, loss: 3, lr: 1e-3, tokens: 64, elapsed_s: 0.1, tokens_per_s: 640 });
    await run.stop();
    first.on.event({ type: "end", state: "stopped", reason: "stopped", step: 1 });
    await settle();
    expect(first.closed).toBe(1); // the page lets go of a finished stream by itself
    expect(run.running).toBe(false);
    await run.resume();
    expect(opened).toHaveLength(2);
    expect(opened[1]?.since).toBe(3); // ready, step, end already seen: the old end is not replayed
    run.close();
    expect(opened[1]?.closed).toBe(1);
  });

  it("shows a refused start, and a lost stream as a network failure", async () => {
    const busy = new LiveRun(
      fakeSource({ startLive: () => Promise.reject(new ApiFailure("busy", "another run is going", 409)) }),
    );
    await busy.start("corpus", null);
    expect(busy.failure?.code).toBe("busy");
    expect(busy.status).toBeNull();

    let listener: LiveListener | null = null;
    const run = new LiveRun(
      fakeSource({
        startLive: () => Promise.resolve(status({ state: "running" })),
        liveStatus: () => Promise.resolve(status({ state: "running" })),
        listenLive: (_id, _since, on) => {
          listener = on;
          return { close: () => undefined };
        },
      }),
    );
    await run.start("text", "hello");
    (listener as LiveListener | null)?.lost();
    expect(run.failure?.code).toBe("network");
  });
});
