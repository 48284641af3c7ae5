import { describe, expect, it, vi } from "vitest";
import { ApiFailure, isSuperseded } from "./failure";
import { KernelSource, type WidgetModel } from "./kernel";

/** A stand-in for anywidget's model: records what the page sends, and lets the test answer as the kernel. */
class FakeModel implements WidgetModel {
  sent: { id: number; method: string; args: unknown[] }[] = [];
  #listeners = new Set<(msg: unknown) => void>();
  send(content: unknown) {
    this.sent.push(content as { id: number; method: string; args: unknown[] });
  }
  on(_event: "msg:custom", cb: (msg: unknown) => void) {
    this.#listeners.add(cb);
  }
  off(_event: "msg:custom", cb: (msg: unknown) => void) {
    this.#listeners.delete(cb);
  }
  answer(msg: unknown) {
    for (const cb of this.#listeners) cb(msg);
  }
  get listeners() {
    return this.#listeners.size;
  }
}

describe("KernelSource", () => {
  it("sends {id, method, args} and resolves with the kernel's payload", async () => {
    const model = new FakeModel();
    const source = new KernelSource(model);
    const overview = source.overview({ model: "m", prompt: "Hi" });
    const vocab = source.vocab("m");
    expect(model.sent.map((m) => m.method)).toEqual(["overview", "vocab"]);
    expect(model.sent[0]?.args).toEqual([{ model: "m", prompt: "Hi" }]);
    expect(model.sent[1]?.args).toEqual(["m"]);
    expect(model.sent[0]?.id).not.toBe(model.sent[1]?.id);
    // answered out of order: each answer reaches its own request by id
    model.answer({
      id: model.sent[1]?.id,
      ok: true,
      payload: { tokens: ["a"] },
    });
    model.answer({
      id: model.sent[0]?.id,
      ok: true,
      payload: { kind: "overview" },
    });
    await expect(vocab).resolves.toEqual({ tokens: ["a"] });
    await expect(overview).resolves.toEqual({ kind: "overview" });
  });

  it("rejects with the server's error code, message and status", async () => {
    const model = new FakeModel();
    const source = new KernelSource(model);
    const p = source.dla({ model: "nope", prompt: "x" } as Parameters<
      KernelSource["dla"]
    >[0]);
    const error = {
      error: { code: "unknown_model", message: "no model nope" },
    };
    model.answer({ id: model.sent[0]?.id, ok: false, error, status: 404 });
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiFailure);
    expect(err).toMatchObject({
      code: "unknown_model",
      message: "no model nope",
      status: 404,
    });
  });

  it("an answer that is not an error body is an `http` failure; strangers' messages are ignored", async () => {
    const model = new FakeModel();
    const source = new KernelSource(model);
    const p = source.models();
    model.answer({ id: 999, ok: true, payload: "not ours" });
    model.answer("noise");
    model.answer({ id: model.sent[0]?.id, ok: false, error: "boom" });
    await expect(p).rejects.toMatchObject({ code: "http" });
  });

  it("a kernel that never answers times out as a `network` failure", async () => {
    vi.useFakeTimers();
    try {
      const model = new FakeModel();
      const source = new KernelSource(model, 1000);
      const p = source.models().catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(1001);
      expect(await p).toMatchObject({ code: "network" });
    } finally {
      vi.useRealTimers();
    }
  });

  it("a newer prediction supersedes the pending one and carries a rising seq", async () => {
    const model = new FakeModel();
    const source = new KernelSource(model);
    const first = source
      .predict({ model: "m", prompt: "a" })
      .catch((e: unknown) => e);
    const second = source.predict({ model: "m", prompt: "ab" });
    expect(isSuperseded(await first)).toBe(true);
    const [a, b] = model.sent.map(
      (m) => m.args[0] as { seq: number; client_id: string },
    );
    expect(b?.seq).toBe((a?.seq ?? 0) + 1);
    expect(a?.client_id).toBe(source.clientId);
    model.answer({
      id: model.sent[1]?.id,
      ok: true,
      payload: { kind: "prediction" },
    });
    await expect(second).resolves.toEqual({ kind: "prediction" });
  });

  it("close() stops listening and fails what is pending", async () => {
    const model = new FakeModel();
    const source = new KernelSource(model);
    const p = source.models();
    source.close();
    expect(model.listeners).toBe(0);
    await expect(p).rejects.toMatchObject({ code: "network" });
  });
});
