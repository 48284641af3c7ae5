/**
 * Pictures of a panel: one self-contained SVG file (and a PNG drawn from it) with a title and a caption.
 *
 * Generic on purpose — any view (the attribution graph too) can use it:
 *
 *   const picture = buildPicture({ element, title: "Attention head", caption: ["model: glassbox-tiny", "…"] });
 *   downloadBlob(svgBlob(picture), pictureFilename("attention-head", model, "svg"));
 *   downloadBlob(await pngBlob(picture), pictureFilename("attention-head", model, "png"));
 *
 * `element` may be
 * - an `<svg>`: cloned as SVG, with the computed styles its shapes need written on each element;
 * - a `<canvas>`: its pixels, as an `<image>`;
 * - any HTML element (a table, bars made of divs): cloned into a `<foreignObject>`, every element carrying the
 *   computed styles that differ from a bare browser's defaults, canvases inside replaced by images of their pixels.
 *
 * Why inline computed styles: the file is opened outside the page (an image viewer, slides), where the page's
 * stylesheet, its CSS variables and its theme do not exist. The resolved values (colours of the current theme,
 * fonts, sizes) are what the reader saw, so they are what the file carries. Everything is built through the DOM
 * and written by `XMLSerializer`, so a token such as `<` or `&` is escaped like any text and never breaks the file.
 * Elements marked `data-export="skip"` (the export buttons, help buttons) are left out of the picture.
 */

const SVG_NS = "http://www.w3.org/2000/svg";
const XHTML_NS = "http://www.w3.org/1999/xhtml";

export interface PictureInput {
  /** what to draw: an `<svg>`, a `<canvas>`, or any HTML element */
  element: Element;
  /** the panel's name, drawn above it */
  title: string;
  /** lines under the title: model, prompt, what is shown (layer, head, position, step…) */
  caption: readonly string[];
}

export interface Picture {
  /** the whole SVG document, as text */
  svg: string;
  width: number;
  height: number;
}

const PAD = 16;
const TITLE_SIZE = 16;
const CAPTION_SIZE = 12;
const LINE = 1.45;

/** Properties never worth copying into a still picture (motion, interaction). */
const SKIPPED = /^(transition|animation|cursor|will-change|pointer-events|user-select|-webkit-user|caret|outline|touch-action|scroll)/;

/** Inherited properties: written only where they differ from the parent's value, which keeps files small. */
const INHERITED = new Set([
  "color",
  "font-family",
  "font-size",
  "font-style",
  "font-weight",
  "font-variant",
  "font-stretch",
  "font-feature-settings",
  "font-kerning",
  "line-height",
  "letter-spacing",
  "word-spacing",
  "text-align",
  "text-indent",
  "text-transform",
  "white-space",
  "white-space-collapse",
  "text-wrap",
  "text-wrap-mode",
  "word-break",
  "overflow-wrap",
  "direction",
  "visibility",
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "stroke-linecap",
  "stroke-linejoin",
  "text-anchor",
  "dominant-baseline",
  "list-style-type",
  "list-style-position",
  "border-collapse",
  "border-spacing",
  "tab-size",
  "-webkit-text-fill-color",
  "-webkit-text-stroke-color",
  "-webkit-border-horizontal-spacing",
  "-webkit-border-vertical-spacing",
  "text-emphasis-color",
  "text-decoration-color",
  "column-rule-color",
  "outline-color",
  "caret-color",
]);

/** Form controls do not inherit the font from their parent in a browser's own stylesheet: theirs is always written. */
const NO_INHERIT = new Set(["button", "input", "select", "textarea", "option", "optgroup"]);

/** A bare document (no page stylesheet, standards mode) whose elements give the browser's own default styles. */
class Defaults {
  #frame: HTMLIFrameElement | null = null;
  #cache = new Map<string, Map<string, string>>();

  of(el: Element): Map<string, string> {
    const key = `${el.namespaceURI}|${el.localName}`;
    const hit = this.#cache.get(key);
    if (hit) return hit;
    const values = new Map<string, string>();
    const doc = this.#doc();
    if (doc?.body) {
      const probe = doc.createElementNS(el.namespaceURI ?? XHTML_NS, el.localName);
      // an SVG shape's defaults are those inside an <svg>
      const host = el.namespaceURI === SVG_NS && el.localName !== "svg" ? doc.createElementNS(SVG_NS, "svg") : null;
      if (host) {
        host.appendChild(probe);
        doc.body.appendChild(host);
      } else doc.body.appendChild(probe);
      const cs = doc.defaultView?.getComputedStyle(probe);
      if (cs) for (let i = 0; i < cs.length; i++) {
        const name = cs.item(i);
        values.set(name, cs.getPropertyValue(name));
      }
      (host ?? probe).remove();
    }
    this.#cache.set(key, values);
    return values;
  }

  #doc(): Document | null {
    if (!this.#frame) {
      const frame = document.createElement("iframe");
      frame.setAttribute("aria-hidden", "true");
      frame.tabIndex = -1;
      frame.style.cssText = "position:fixed;left:-10000px;top:0;width:100px;height:100px;border:0;visibility:hidden";
      document.body.appendChild(frame);
      // standards mode, as the picture's XHTML is (about:blank is in quirks mode, where tables differ)
      const doc = frame.contentDocument;
      doc?.open();
      doc?.write("<!DOCTYPE html><html><head></head><body></body></html>");
      doc?.close();
      this.#frame = frame;
    }
    return this.#frame.contentDocument;
  }

  dispose(): void {
    this.#frame?.remove();
    this.#frame = null;
  }
}

/** The computed styles of `orig` that a reader outside the page needs, as a `style` attribute's text. */
function styleText(orig: Element, parent: CSSStyleDeclaration | null, defaults: Defaults): string {
  const cs = getComputedStyle(orig);
  const base = defaults.of(orig);
  const parts: string[] = [];
  for (let i = 0; i < cs.length; i++) {
    const name = cs.item(i);
    if (name.startsWith("--") || SKIPPED.test(name)) continue;
    const value = cs.getPropertyValue(name);
    if (value === "") continue;
    if (INHERITED.has(name) && parent && !NO_INHERIT.has(orig.localName)) {
      if (parent.getPropertyValue(name) === value) continue;
    } else if (base.get(name) === value) continue;
    parts.push(`${name}:${value}`);
  }
  return parts.join(";");
}

/** A canvas's pixels as a data URL ("" when the canvas cannot be read, e.g. tainted or 0 × 0). */
function canvasUrl(canvas: HTMLCanvasElement): string {
  try {
    return (canvas.width && canvas.height ? canvas.toDataURL("image/png") : "") ?? "";
  } catch {
    return "";
  }
}

/**
 * Clone `orig` with its computed styles written inline, canvases turned into images and `data-export="skip"`
 * elements left out. `class` attributes go: outside the page they mean nothing.
 */
function cloneStyled(orig: Element, parentStyle: CSSStyleDeclaration | null, defaults: Defaults): Element | null {
  if (orig.getAttribute("data-export") === "skip") return null;
  const cs = getComputedStyle(orig);
  if (cs.display === "none") return null;
  let copy: Element;
  if (orig instanceof HTMLCanvasElement) {
    copy = document.createElementNS(XHTML_NS, "img");
    copy.setAttribute("src", canvasUrl(orig));
    copy.setAttribute("width", String(orig.clientWidth || orig.width));
    copy.setAttribute("height", String(orig.clientHeight || orig.height));
  } else {
    copy = document.createElementNS(orig.namespaceURI ?? XHTML_NS, orig.localName);
    for (const attr of Array.from(orig.attributes)) {
      if (attr.name === "class" || attr.name === "style" || attr.name.startsWith("on")) continue;
      copy.setAttributeNS(attr.namespaceURI, attr.name, attr.value);
    }
    // form fields show their current value, which lives in a property, not an attribute
    if (orig instanceof HTMLInputElement) copy.setAttribute("value", orig.value);
    if (orig instanceof HTMLSelectElement) {
      const text = orig.selectedOptions[0]?.textContent ?? "";
      const shown = document.createElementNS(XHTML_NS, "span");
      shown.textContent = text;
      shown.setAttribute("style", styleText(orig, parentStyle, defaults));
      return shown;
    }
  }
  let style = styleText(orig, parentStyle, defaults);
  let grew = false;
  if (!(orig instanceof HTMLCanvasElement)) {
    for (const child of Array.from(orig.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) copy.appendChild(document.createTextNode(child.textContent ?? ""));
      else if (child.nodeType === Node.ELEMENT_NODE) {
        const c = cloneStyled(child as Element, cs, defaults);
        if (c) copy.appendChild(c);
        if (c && GREW.has(c)) grew = true;
      }
    }
  }
  // a scrolled box is drawn whole: its overflow shown, and it and the boxes around it as tall as their content
  const scrolls = (v: string) => v === "auto" || v === "scroll";
  if (scrolls(cs.overflowX) || scrolls(cs.overflowY)) {
    style += ";overflow:visible";
    if (orig.scrollHeight > orig.clientHeight + 1) grew = true;
  }
  if (grew) {
    style += ";height:auto;max-height:none;block-size:auto;max-block-size:none";
    GREW.add(copy);
  }
  if (style) copy.setAttribute("style", style);
  return copy;
}

/** The copies whose height was set free (a scrolled box inside them was unrolled): their parents grow too. */
const GREW = new WeakSet<Element>();

/** The colour behind `el` as the reader sees it: the first opaque background up the tree, else white. */
export function backgroundOf(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== "transparent" && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return "#ffffff";
}

function svgEl(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * The size a styled copy of an HTML element takes once its scrolled boxes are unrolled: laid out for a moment,
 * out of sight, in this document (its fonts are the page's), then taken out again.
 */
function measure(copy: Element, atLeast: { width: number; height: number }): { width: number; height: number } {
  const probe = document.createElement("div");
  probe.style.cssText = "position:absolute;left:-100000px;top:0;display:inline-block;visibility:hidden";
  probe.appendChild(copy);
  document.body.appendChild(probe);
  const size = {
    width: Math.ceil(Math.max(atLeast.width, probe.scrollWidth, probe.getBoundingClientRect().width)),
    height: Math.ceil(Math.max(atLeast.height, probe.scrollHeight, probe.getBoundingClientRect().height)),
  };
  probe.remove();
  probe.removeChild(copy);
  return size;
}

/** Build the picture: title, caption, then the element, on the background the reader saw. */
export function buildPicture(input: PictureInput): Picture {
  const { element, title, caption } = input;
  const rect = element.getBoundingClientRect();
  const page = getComputedStyle(element);
  const font = page.fontFamily || "sans-serif";
  const ink = page.color || "#000000";
  let body = { width: Math.ceil(Math.max(rect.width, 1)), height: Math.ceil(Math.max(rect.height, 1)) };

  // the panel itself: an image of a canvas, a nested <svg>, or HTML in a foreignObject
  let content: Element | null = null;
  const defaults = new Defaults();
  try {
    if (element instanceof HTMLCanvasElement) {
      content = svgEl("image", { href: canvasUrl(element) });
    } else {
      // no parent style for the top element: outside the page it inherits nothing, so it carries every value
      const copy = cloneStyled(element, null, defaults);
      if (copy && element.namespaceURI === SVG_NS) content = copy;
      else if (copy) {
        // a scrolled element is drawn unscrolled, whole
        copy.setAttribute("style", `${copy.getAttribute("style") ?? ""};overflow:visible;max-height:none;max-width:none`);
        body = measure(copy, body);
        const box = document.createElementNS(XHTML_NS, "div");
        // the inherited styles the element had from its ancestors (font, colour), which the clone lost
        box.setAttribute(
          "style",
          `font-family:${font};color:${ink};font-size:${page.fontSize};line-height:${page.lineHeight};width:${body.width}px`,
        );
        box.appendChild(copy);
        content = svgEl("foreignObject", {});
        content.appendChild(box);
      }
    }
  } finally {
    defaults.dispose();
  }

  const headH = Math.ceil(TITLE_SIZE * LINE + caption.length * CAPTION_SIZE * LINE + PAD / 2);
  const width = body.width + 2 * PAD;
  const height = PAD + headH + body.height + PAD;
  const root = document.createElementNS(SVG_NS, "svg");
  root.setAttribute("width", String(width));
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  root.appendChild(svgEl("title", {}, title));
  root.appendChild(svgEl("desc", {}, caption.join("\n")));
  root.appendChild(svgEl("rect", { x: 0, y: 0, width, height, fill: backgroundOf(element) }));
  const head = svgEl("g", { "font-family": font, fill: ink, "data-export": "caption" });
  let y = PAD + TITLE_SIZE;
  head.appendChild(svgEl("text", { x: PAD, y, "font-size": TITLE_SIZE, "font-weight": 600 }, title));
  for (const line of caption) {
    y += CAPTION_SIZE * LINE;
    head.appendChild(svgEl("text", { x: PAD, y, "font-size": CAPTION_SIZE, "fill-opacity": 0.75 }, line));
  }
  root.appendChild(head);
  if (content) {
    // placed under the caption, sized as measured
    for (const [k, v] of Object.entries({ x: PAD, y: PAD + headH, width: body.width, height: body.height })) {
      content.setAttribute(k, String(v));
    }
    root.appendChild(content);
  }
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
  return { svg, width, height };
}

export function svgBlob(picture: Picture): Blob {
  return new Blob([picture.svg], { type: "image/svg+xml" });
}

/** The picture drawn on a canvas at `scale` × (2: sharp on slides and high-density screens), as a PNG. */
export async function pngBlob(picture: Picture, scale = 2): Promise<Blob> {
  const img = new Image();
  // a data: URL, not a blob: one, so the canvas it is drawn on stays readable
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(picture.svg)}`;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(picture.width * scale);
  canvas.height = Math.round(picture.height * scale);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2D canvas");
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, picture.width, picture.height);
  return await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("the PNG could not be encoded"))), "image/png"),
  );
}

/** `glassbox-{panel}-{model}.{ext}`, with anything a file name cannot hold (a Hub id's `/`) made a `-`. */
export function pictureFilename(panel: string, model: string, ext: "svg" | "png"): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "model";
  return `glassbox-${clean(panel)}-${clean(model)}.${ext}`;
}

/** Hand a file to the browser's downloads. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the download has taken the blob by the time the click's task ends
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
