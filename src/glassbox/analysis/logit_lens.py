"""The logit lens: decode every layer's residual stream as if it were the last one.

Each residual goes through the model's *own* final norm, with that residual's own mean/variance (or RMS),
then the unembedding. Row 0 is the embedding output (``blocks.0.hook_resid_pre``); row ``l + 1`` is
``blocks.{l}.hook_resid_post``. The last row therefore equals the model's own output distribution.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import torch

from glassbox.capture.names import act_name
from glassbox.models.tokens import token_infos
from glassbox.schema.base import Site
from glassbox.schema.models import LogitLens, LogitLensCell, TopToken

if TYPE_CHECKING:
    from glassbox.tracing import Trace


def lens_rows(n_layers: int) -> list[Site]:
    """Where each row of the lens reads the residual stream: after the embeddings, then after each block."""
    return [Site(part="embed"), *(Site(layer=layer, part="block") for layer in range(n_layers))]


def lens_residuals(trace: Trace, positions: Sequence[int] | None = None) -> torch.Tensor:
    """The residual stream at every row of :func:`lens_rows`, stacked [layer, pos, d_model] (some positions only:
    each row is indexed before stacking, so no every-position copy is made)."""
    n_layers = trace.model.adapter.n_layers
    names = [act_name("resid_pre", 0)] + [act_name("resid_post", layer) for layer in range(n_layers)]
    idx = None if positions is None else list(positions)
    return torch.stack([trace[name] if idx is None else trace[name][idx] for name in names])


#: how many float32 probabilities :func:`logit_lens` holds at once (64 MB): it decodes the positions in chunks of
#: that many, so a 2,048-token prompt on a 128k vocabulary needs no [layer, pos, d_vocab] tensor (18 GB on a 1B)
LENS_CHUNK_FLOATS = 16 * 1024 * 1024


def lens_probs(trace: Trace, positions: Sequence[int] | None = None) -> torch.Tensor:
    """[layer, pos, d_vocab] probabilities (every position's when ``positions`` is None: mind the size)."""
    resid = lens_residuals(trace, positions)
    a = trace.model.adapter
    placement = a.placement
    with torch.no_grad():
        normed, _ = a.ln_final()(resid)
        if placement.split:  # a model over several devices: unembed where the unembedding is, keep on the trace's
            return torch.softmax(a.unembed(normed.to(placement.final)).float(), dim=-1).to(placement.home)
        logits = a.unembed(normed)
    return torch.softmax(logits.float(), dim=-1)


def logit_lens(trace: Trace, positions: Sequence[int] | None = None, k: int = 5) -> LogitLens:
    """The top-``k`` tokens of every row at every position (all positions when ``positions`` is None)."""
    pos_list = list(range(trace.n_pos)) if positions is None else [p % trace.n_pos for p in positions]
    rows = trace.model.adapter.n_layers + 1
    chunk = max(1, LENS_CHUNK_FLOATS // (rows * trace.model.adapter.d_vocab))
    parts = []
    for start in range(0, max(len(pos_list), 1), chunk):  # one empty chunk for no positions
        probs = lens_probs(trace, pos_list[start : start + chunk])
        parts.append(torch.topk(probs, min(k, probs.shape[-1]), dim=-1))  # [layer, chunk, k]
        del probs
    values = torch.cat([v for v, _ in parts], dim=1)  # [layer, pos, k]
    ids = torch.cat([i for _, i in parts], dim=1)
    unique = sorted(set(ids.flatten().tolist()))
    info = dict(zip(unique, token_infos(trace.model.tokenizer, unique), strict=True))
    cells = []
    for layer in range(values.shape[0]):
        for j, pos in enumerate(pos_list):
            top = [
                TopToken(token=info[int(t)], prob=float(p))
                for t, p in zip(ids[layer, j].tolist(), values[layer, j].tolist(), strict=True)
            ]
            cells.append(LogitLensCell(layer=layer, pos=pos, top=top))
    return LogitLens(layers=lens_rows(trace.model.adapter.n_layers), positions=pos_list, cells=cells)
