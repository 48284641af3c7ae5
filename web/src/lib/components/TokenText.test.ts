/** Whitespace tokens are never blank chips: every space, tab and newline is drawn, and the real text is kept. */
import { render } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { tokenPieces, visibleWhitespace } from "../d3/format";
import TokenText from "./TokenText.svelte";

function chip(text: string, props: Record<string, unknown> = {}): HTMLElement {
  const { container } = render(TokenText, { text, ...props });
  const el = container.querySelector<HTMLElement>(".token-text");
  if (!el) throw new Error("no .token-text");
  return el;
}

describe("TokenText", () => {
  it("draws a space-only token as visible glyphs, in the muted style", () => {
    const el = chip("  ");
    expect(el.textContent).toBe("··");
    expect(el.textContent?.trim()).not.toBe("");
    const ws = el.querySelectorAll(".ws");
    expect(ws).toHaveLength(2);
    expect([...ws].map((w) => (w as HTMLElement).dataset.ws)).toEqual([" ", " "]);
  });

  it("draws tabs and newlines, and keeps the real text in data-text and the tooltip", () => {
    const el = chip("\t x\n");
    expect(el.textContent).toBe("→·x↵");
    expect(el.dataset.text).toBe("\t x\n");
    expect(el.title).toBe("“\t x\n”");
    // ordinary characters are not muted
    expect([...el.querySelectorAll(".ws")].map((w) => w.textContent)).toEqual(["→", "·", "↵"]);
  });

  it("leaves the tooltip to the chip when asked, and breaks running text after a newline", () => {
    expect(chip(" a", { title: false }).hasAttribute("title")).toBe(false);
    expect(chip(" a", { title: "id 7" }).title).toBe("id 7");
    expect(chip("a\nb", { breaks: true }).textContent).toBe("a↵\nb");
  });

  it("renders token text as text, never as HTML", () => {
    const el = chip("<img src=x onerror=alert(1)>");
    expect(el.querySelector("img")).toBeNull();
    expect(el.textContent).toBe("<img·src=x·onerror=alert(1)>");
  });
});

describe("tokenPieces", () => {
  it("joins back to the real text and to visibleWhitespace", () => {
    for (const text of [" city", "\r\n", "a\u00a0b\u3000", "\u0000 \t", "", "no-space"]) {
      const pieces = tokenPieces(text);
      expect(pieces.map((p) => p.real).join("")).toBe(text);
      expect(pieces.map((p) => p.text).join("")).toBe(visibleWhitespace(text));
      expect(pieces.every((p) => p.text.trim() !== "")).toBe(true);
    }
  });
  it("spells a Windows line break as one ↵ and other Unicode spaces as ⍽", () => {
    expect(visibleWhitespace("a\r\nb")).toBe("a↵b");
    expect(visibleWhitespace("\u00a0\u3000\u2009")).toBe("⍽⍽⍽");
    expect(visibleWhitespace("\r")).toBe("␍");
  });
});
