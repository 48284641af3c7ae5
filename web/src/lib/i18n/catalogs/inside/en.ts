/**
 * English strings of "Inside the model"'s attention maps, the One head stages and the logit lens's selected
 * position (spread into the main catalog, like `detail/`).
 */
export const insideEn = {
  "inside.masked": "masked",
  "inside.maskLegend":
    "This key comes after the query, which may not look ahead (causal mask). The model replaces its scaled score by −∞, so softmax gives it a weight of exactly 0.",
  "inside.maskLegendWindow":
    "This key comes after the query, or lies {n} or more positions before it (sliding window). The model replaces its scaled score by −∞, so softmax gives it a weight of exactly 0.",
  "inside.col.scaled": "× {scale} = scaled",
  "inside.col.afterMask": "after the mask",
  "inside.col.weight": "softmax = weight",
  "inside.stagesNote":
    "Left to right in the order the model computes them: q·k for every key; × scale for every key (a masked key still has a real scaled score); the mask (the model's attention scores, hook_attn_scores); softmax over what the mask kept (the attention weights, hook_pattern).",
  "inside.weightsLater": "The attention weights do not exist yet: they appear at step {n} ({step}).",
  "inside.weightScale": "attention weight: softmax output, from 0 to 1",
  "inside.maskedSwatch": "masked (weight exactly 0)",
  "inside.mapAxes": "rows: the reading position (query) · columns: the positions it reads (keys)",
  "inside.mapCell": "query {q} “{qt}” → key {k} “{kt}”: {w}",
  "inside.mapHint": "Point at a cell for its weight; click a row's token to select that position.",
  "inside.selectPos": "select position {pos} “{tok}”",
  "inside.keysRegion": "every key of query {pos} (scrolls)",
  "inside.mapRegion": "attention map (scrolls)",
  "inside.gridHint":
    "Each picture is one head's attention map: rows are query positions, columns are keys, position 0 at the top left. Open a head to see its tokens on both axes.",
  "inside.gridPooled": "A long prompt: each cell shows the largest weight in a block of {block} × {block} positions. Open a head to see every weight.",
  "inside.lensWindow": "Positions {from}–{to} of {n}: a long prompt's lens is computed one window at a time. Select a position outside it to move the window.",
  "inside.lensAt": "selected position {pos}",
} as const;
