/** HttpSource: typed routes on the wire, the server's error vocabulary, superseded predictions, live events. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiFailure, failureOf, isSuperseded } from "./failure";
import { HttpSource } from "./http";
import type { LiveEvent } from "./source";

const BASE = "http://glassbox.test";
let requests: Request[] = [];
let answer: (req: Request) => Promise<Response>;

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } }));

beforeEach(() => {
  requests = [];
  answer = () => json({});
  vi.stubGlobal(
    "fetch",
    vi.fn((req: Request) => {
      requests.push(req);
      return answer(req);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe("HttpSource", () => {
  it("calls the server's routes, path parameters encoded", async () => {
    const source = new HttpSource(BASE);
    answer = () => json({ model: "a/b", texts: ["x"], special_ids: [] });
    const vocab = await source.vocab("a/b");
    expect(vocab.texts).toEqual(["x"]);
    expect(requests[0]?.method).toBe("GET");
    expect(requests[0]?.url).toBe(`${BASE}/api/models/a%2Fb/vocab`);
    await source.trainStep({ model: "m", text: "hi", checkpoint_step: 3 });
    expect(requests[1]?.url).toBe(`${BASE}/api/training/step`);
    expect(await requests[1]?.json()).toEqual({ model: "m", text: "hi", checkpoint_step: 3 });
  });

  it("stops and resumes a live run with a JSON body, as the server requires of every write", async () => {
    const source = new HttpSource(BASE);
    await source.stopLive("micro-1");
    await source.resumeLive("micro-1");
    expect(requests.map((r) => [r.method, r.url])).toEqual([
      ["POST", `${BASE}/api/training/live/micro-1/stop`],
      ["POST", `${BASE}/api/training/live/micro-1/resume`],
    ]);
    for (const r of requests) {
      expect(r.headers.get("Content-Type")).toBe("application/json");
      expect(await r.clone().json()).toEqual({});
    }
  });

  it("numbers the page's predictions and aborts the older one", async () => {
    const source = new HttpSource(BASE);
    const pending: ((r: Response) => void)[] = [];
    answer = (req) =>
      new Promise((resolve, reject) => {
        req.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
        pending.push(resolve);
      });
    const first = source.predict({ model: "m", prompt: "a" });
    const second = source.predict({ model: "m", prompt: "ab" });
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    const bodies = await Promise.all(requests.map((r) => r.clone().json() as Promise<{ seq: number; client_id: string }>));
    expect(bodies.map((b) => b.seq)).toEqual([1, 2]);
    expect(bodies[0]?.client_id).toBe(source.clientId);
    const err = await first.catch((e: unknown) => e);
    expect(isSuperseded(err)).toBe(true);
    pending[1]?.(new Response(JSON.stringify({ model: "m" }), { status: 200 }));
    await expect(second).resolves.toEqual({ model: "m" });
  });

  it("turns the server's error body into an ApiFailure with its code, message and status", async () => {
    const source = new HttpSource(BASE);
    answer = () => json({ error: { code: "prompt_too_long", message: "at most 20 tokens: --max-prompt-tokens" } }, 413);
    const err = await source.predict({ model: "m", prompt: "long" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiFailure);
    expect(err).toMatchObject({ code: "prompt_too_long", status: 413, message: "at most 20 tokens: --max-prompt-tokens" });
    answer = () => Promise.resolve(new Response("<html>bad gateway</html>", { status: 502 }));
    await expect(source.models()).rejects.toMatchObject({ code: "http", status: 502 });
    answer = () => Promise.reject(new TypeError("Failed to fetch"));
    const down = await source.models().catch((e: unknown) => e);
    expect(failureOf(down).code).toBe("network");
  });

  it("streams a live run's events from its route, and says when the stream is lost", () => {
    const opened: FakeEventSource[] = [];
    class FakeEventSource extends EventTarget {
      onerror: (() => void) | null = null;
      closed = false;
      constructor(readonly url: string) {
        super();
        opened.push(this);
      }
      close(): void {
        this.closed = true;
      }
      emit(type: string, data: unknown): void {
        this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }));
      }
    }
    vi.stubGlobal("EventSource", FakeEventSource);
    const events: LiveEvent[] = [];
    let lost = 0;
    const stream = new HttpSource(BASE).listenLive("run 1", 3, { event: (e) => events.push(e), lost: () => (lost += 1) });
    const es = opened[0];
    expect(es?.url).toBe(`${BASE}/api/training/live/run%201/events?since=3`);
    es?.emit("step", { type: "step", step: 1, loss: 2.5, lr: 0.001, tokens: 64, elapsed_s: 0.1, tokens_per_s: 640 });
    es?.emit("end", { type: "end", state: "done", reason: "step_limit", step: 1 });
    expect(events.map((e) => e.type)).toEqual(["step", "end"]);
    es?.onerror?.();
    expect(lost).toBe(1);
    expect(es?.closed).toBe(true);
    stream.close();
  });
});
