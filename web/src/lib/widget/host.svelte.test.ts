import { flushSync } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { locationHost } from "../stores/host";
import { keepUrlInStep } from "../stores/router.svelte";
import { widgetHost, type QueryModel } from "./host";

/** anywidget's model, as far as the host uses it: a trait and the number of times it was sent to the kernel. */
function fakeModel(query: string): QueryModel & { saved: number; value: string } {
  return {
    value: query,
    saved: 0,
    get() {
      return this.value;
    },
    set(_name, value) {
      this.value = value;
    },
    save_changes() {
      this.saved += 1;
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
  history.replaceState(null, "", "/");
});

describe("widgetHost", () => {
  it("reads the widget's query as a query string and writes it back without the '?'", () => {
    const model = fakeModel("view=detail&layer=1");
    const host = widgetHost(model);
    expect(host.search).toBe("?view=detail&layer=1");
    host.write("?view=why&method=occlusion");
    expect(model.value).toBe("view=why&method=occlusion");
    expect(model.saved).toBe(1);
    // the same state is not sent to the kernel again
    host.write("?view=why&method=occlusion");
    expect(model.saved).toBe(1);
    expect(widgetHost(fakeModel("")).search).toBe("");
  });

  it("keeps `tour=0` from glassbox.widget's keywords, which the app reads at start but never writes", () => {
    const model = fakeModel("prompt=Hi&tour=0");
    widgetHost(model).write("?model=m&prompt=Hi+there");
    expect(model.value).toBe("model=m&prompt=Hi+there&tour=0");
  });

  it("copies the state itself as the link (a notebook has no address to reopen)", () => {
    expect(widgetHost(fakeModel("")).link("?view=detail&layer=2")).toBe("?view=detail&layer=2");
  });
});

describe("keepUrlInStep with a host", () => {
  it("writes each widget's state into its own model and never into the page's address", () => {
    vi.useFakeTimers();
    history.replaceState(null, "", "/lab/tree/notebook.ipynb?reset");
    const a = fakeModel("view=next");
    const b = fakeModel("view=detail&layer=0");
    const state = $state({ a: "?view=next&prompt=x", b: "?view=detail&layer=1" });
    const stop = $effect.root(() => {
      keepUrlInStep(() => state.a, widgetHost(a));
      keepUrlInStep(() => state.b, widgetHost(b));
    });
    flushSync();
    vi.advanceTimersByTime(300);
    expect(a.value).toBe("view=next&prompt=x");
    expect(b.value).toBe("view=detail&layer=1");
    state.b = "?view=detail&layer=2";
    flushSync();
    vi.advanceTimersByTime(300);
    expect(a.value).toBe("view=next&prompt=x");
    expect(b.value).toBe("view=detail&layer=2");
    expect(window.location.pathname + window.location.search).toBe("/lab/tree/notebook.ipynb?reset");
    stop();
  });

  it("keeps the page's address by default (the standalone app)", () => {
    vi.useFakeTimers();
    const state = $state({ q: "?view=training&ckpt=100" });
    const stop = $effect.root(() => keepUrlInStep(() => state.q));
    flushSync();
    vi.advanceTimersByTime(300);
    expect(window.location.search).toBe("?view=training&ckpt=100");
    expect(locationHost().link("?a=1")).toBe(`${window.location.origin}/?a=1`);
    stop();
  });
});
