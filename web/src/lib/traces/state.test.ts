/** The trace player's state reads only through its DataSource: a host without trace files hides the picker, a
 * listed name is asked for as it is, and a file from disk that holds no trace says why. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ApiFailure } from "../data/failure";
import { fakeSource } from "../data/fake";
import { readTraceText } from "./reader";
import { TraceState } from "./state.svelte";

const FIXTURES = resolve(__dirname, "../../../../tests/fixtures/animatedllm");
const chat = readTraceText(readFileSync(resolve(FIXTURES, "inference_greedy_chat.json"), "utf-8"), "a/chat.json");

describe("TraceState", () => {
  it("offers nothing on a host without trace files", async () => {
    const s = new TraceState(fakeSource());
    await s.load();
    expect(s.entries).toEqual([]);
    expect(s.problem).toBeNull();
  });

  it("lists, picks by the listed name and steps within the trace", async () => {
    const asked: string[] = [];
    const s = new TraceState(
      fakeSource({
        traces: () =>
          Promise.resolve({ kind: "trace_list", enabled: true, traces: [{ name: "a/chat.json", bytes: 10 }] }),
        trace: (name) => {
          asked.push(name);
          return Promise.resolve(chat);
        },
      }),
    );
    await s.load();
    expect(s.entries.map((e) => e.name)).toEqual(["a/chat.json"]);
    await s.pick("a/chat.json");
    expect(asked).toEqual(["a/chat.json"]);
    expect(s.current?.inference?.prompt).toBe(chat.inference?.prompt);
    expect(s.origin).toBe("server");
    s.go(99);
    expect(s.step).toBe((chat.inference?.generation_steps.length ?? 0) - 1);
    s.go(-3);
    expect(s.step).toBe(0);
    await s.pick("");
    expect(s.current).toBeNull();
  });

  it("says why a pick or a file fails", async () => {
    const s = new TraceState(
      fakeSource({ trace: () => Promise.reject(new ApiFailure("corrupted_file", "corrupt.json is not JSON", 422)) }),
    );
    await s.pick("corrupt.json");
    expect(s.problem).toEqual({ kind: "failure", code: "corrupted_file", message: "corrupt.json is not JSON" });
    s.open("{nope", "x.json");
    expect(s.problem).toEqual({ kind: "file", reason: "notJson", name: "x.json" });
    expect(s.current).toBeNull();
  });
});
