import { afterEach, describe, expect, it } from "vitest";
import { buildPicture, pictureFilename } from "./picture";

const SVG_NS = "http://www.w3.org/2000/svg";

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  // a malformed file parses to a <parsererror> document
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  expect(doc.documentElement.localName).toBe("svg");
  expect(doc.documentElement.namespaceURI).toBe(SVG_NS);
  return doc;
}

afterEach(() => {
  document.body.innerHTML = "";
  document.head.innerHTML = "";
});

describe("buildPicture", () => {
  it("writes the title and every caption line as text of the SVG", () => {
    const el = document.createElement("div");
    el.textContent = "0.4213";
    document.body.appendChild(el);
    const caption = ["Model: glassbox-tiny", "Prompt: “The capital of France is”", "Layer 1, head 2"];
    const doc = parse(buildPicture({ element: el, title: "One head", caption }).svg);
    const texts = Array.from(doc.getElementsByTagNameNS(SVG_NS, "text")).map((t) => t.textContent);
    expect(texts).toEqual(["One head", ...caption]);
    expect(doc.getElementsByTagNameNS(SVG_NS, "title")[0]?.textContent).toBe("One head");
    // the panel's own text is inside, in a foreignObject
    const fo = doc.getElementsByTagNameNS(SVG_NS, "foreignObject")[0];
    expect(fo?.textContent).toContain("0.4213");
  });

  it("escapes tokens: < and & in a prompt, a title or the panel do not break the file", () => {
    const el = document.createElement("div");
    const tok = document.createElement("span");
    tok.textContent = "</foreignObject><script>&amp;";
    el.appendChild(tok);
    document.body.appendChild(el);
    const prompt = 'Prompt: "a < b && c > d" <svg onload=alert(1)>';
    const { svg } = buildPicture({ element: el, title: "<b>Distribution</b> & co", caption: [prompt] });
    const doc = parse(svg);
    expect(doc.getElementsByTagName("script")).toHaveLength(0);
    const texts = Array.from(doc.getElementsByTagNameNS(SVG_NS, "text")).map((t) => t.textContent);
    expect(texts).toEqual(["<b>Distribution</b> & co", prompt]);
    expect(doc.getElementsByTagNameNS(SVG_NS, "foreignObject")[0]?.textContent).toBe("</foreignObject><script>&amp;");
    expect(svg).toContain("&lt;b&gt;Distribution&lt;/b&gt; &amp; co");
  });

  it("inlines the computed styles the page's stylesheet gave, and drops the class names", () => {
    const sheet = document.createElement("style");
    sheet.textContent = ".bar { color: rgb(12, 34, 56); background-color: rgb(200, 100, 50); font-weight: 700; }";
    document.head.appendChild(sheet);
    const el = document.createElement("div");
    const bar = document.createElement("span");
    bar.className = "bar";
    bar.textContent = "42.1%";
    el.appendChild(bar);
    document.body.appendChild(el);
    const doc = parse(buildPicture({ element: el, title: "t", caption: [] }).svg);
    const span = doc.getElementsByTagName("span")[0];
    expect(span?.getAttribute("class")).toBeNull();
    const style = span?.getAttribute("style") ?? "";
    expect(style).toContain("color:rgb(12, 34, 56)");
    expect(style).toContain("background-color:rgb(200, 100, 50)");
    expect(style).toContain("font-weight:700");
  });

  it("leaves out what is marked data-export=skip (the buttons themselves) and what is not displayed", () => {
    const el = document.createElement("div");
    el.innerHTML = '<p>kept</p><span data-export="skip">⤓ SVG</span><p style="display:none">hidden</p>';
    document.body.appendChild(el);
    const fo = parse(buildPicture({ element: el, title: "t", caption: [] }).svg).getElementsByTagNameNS(
      SVG_NS,
      "foreignObject",
    )[0];
    expect(fo?.textContent).toBe("kept");
  });

  it("nests an SVG chart as SVG, with its shapes' styles written on them", () => {
    const sheet = document.createElement("style");
    sheet.textContent = ".train { stroke: rgb(1, 2, 3); fill: none; }";
    document.head.appendChild(sheet);
    const svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 10 10");
    const path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", "M0 0L10 10");
    path.setAttribute("class", "train");
    path.setAttribute("data-loss", "3.25");
    svg.appendChild(path);
    document.body.appendChild(svg);
    const doc = parse(buildPicture({ element: svg, title: "Loss curve", caption: ["Model: m"] }).svg);
    expect(doc.getElementsByTagNameNS(SVG_NS, "foreignObject")).toHaveLength(0);
    const copy = doc.getElementsByTagNameNS(SVG_NS, "path")[0];
    expect(copy?.getAttribute("d")).toBe("M0 0L10 10");
    expect(copy?.getAttribute("data-loss")).toBe("3.25");
    expect(copy?.getAttribute("style") ?? "").toContain("stroke:rgb(1, 2, 3)");
  });

  it("draws the picture on the background the reader saw", () => {
    const host = document.createElement("section");
    host.style.backgroundColor = "rgb(20, 21, 22)";
    const el = document.createElement("div");
    el.textContent = "x";
    host.appendChild(el);
    document.body.appendChild(host);
    const doc = parse(buildPicture({ element: el, title: "t", caption: [] }).svg);
    expect(doc.getElementsByTagNameNS(SVG_NS, "rect")[0]?.getAttribute("fill")).toBe("rgb(20, 21, 22)");
  });
});

describe("pictureFilename", () => {
  it("is glassbox-{panel}-{model}.{ext}, with a Hub id's slash made safe", () => {
    expect(pictureFilename("attention-head", "glassbox-tiny", "svg")).toBe("glassbox-attention-head-glassbox-tiny.svg");
    expect(pictureFilename("distribution", "Qwen/Qwen3-0.6B", "png")).toBe("glassbox-distribution-Qwen-Qwen3-0.6B.png");
    expect(pictureFilename("loss-chart", "../../etc", "svg")).toBe("glassbox-loss-chart-..-..-etc.svg");
  });
});
