import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import FilePick from "./FilePick.svelte";
import { setLanguage } from "../i18n/i18n.svelte";
import { tracesEn } from "../i18n/catalogs/traces/en";
import { tracesFr } from "../i18n/catalogs/traces/fr";

describe("a file picker in the page's language", () => {
  it("says choose / no file in the page's language, then the chosen file's name, and hands the event on", async () => {
    const onchange = vi.fn();
    render(FilePick, { testid: "pick", accept: ".json", onchange });
    expect(screen.getByTestId("pick-name").textContent).toBe(tracesEn["traces.noFile"]);
    await setLanguage("fr", false);
    await Promise.resolve();
    expect(screen.getByTestId("pick-name").textContent).toBe(tracesFr["traces.noFile"]);
    const input = screen.getByTestId("pick") as HTMLInputElement;
    const file = new File(["{}"], "trace.json", { type: "application/json" });
    Object.defineProperty(input, "files", { value: [file] });
    await fireEvent.change(input);
    expect(onchange).toHaveBeenCalledOnce();
    expect(screen.getByTestId("pick-name").textContent).toBe("trace.json");
    await setLanguage("en", false);
  });
});
