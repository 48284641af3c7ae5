/**
 * English strings of links and pictures (issue 19, items 2 and 3): the copy-link button, the picture buttons of
 * every panel and the captions written into the pictures. Spread into the main catalog, like `detail/`.
 */
export const shareEn = {
  "share.copyLink": "Copy link",
  "share.copyLinkTitle": "Copy a link that reopens this view, with this prompt, settings and selection",
  "share.copied": "Link copied: it reopens this view as it is now",
  "share.copyFallback": "Copy this link:",
  "share.exportSvg": "Download “{panel}” as an SVG picture",
  "share.exportPng": "Download “{panel}” as a PNG picture (2×)",
  "share.saved": "Saved {file}",
  "share.failed": "The picture could not be made: {error}",
  "share.capModel": "Model: {model}",
  "share.capPrompt": "Prompt: {prompt}",
  "share.capGenerated": "Generated after it: {text}",
  "share.capSettings": "Temperature {t} · top-k {k} · top-p {p} · min-p {minp} · seed {seed}",
  "share.capHead": "Layer {layer}, head {head}, query position {pos} {token}",
  "share.capGrid": "All heads: {layers} layers × {heads} heads",
  "share.capLens": "Logit lens: the top token read from every layer at every position",
  "share.capStep": "Checkpoint: step {step}",
  "share.capLoss": "Loss over training steps",
};
