"""Models side by side: one prompt through two or more models, compared where they honestly meet.

Each model tokenizes the prompt its own way and predicts over its own vocabulary. A next token is matched across
models by the bytes it stands for (special tokens by their text, kept apart from ordinary text), so "the next
token is ' Paris'" means the same thing in every column even when the ids differ; the total variation distance is
taken over those byte strings, which for models sharing one tokenizer is the distance over ids. The logit lens at
the last position is given per row with its relative depth, so models of different depths share one axis.

:func:`glassbox.compare_models` (:mod:`glassbox.comparison`) traces each model and calls :func:`side_of` then
:func:`combine`; the server does the same with its cached traces, under each model's lock.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import torch

from glassbox.analysis.logit_lens import lens_probs, lens_rows
from glassbox.errors import InvalidInputError
from glassbox.models.tokens import display_text, token_infos
from glassbox.schema.api_compare import ComparedModel, CompareLensRow, ModelComparison, SharedNext
from glassbox.schema.models import TopToken

if TYPE_CHECKING:
    from glassbox.tracing import Trace

_KEYS_ATTR = "_glassbox_byte_keys"


def vocab_keys(tokenizer: Any, d_vocab: int) -> list[bytes]:
    """Per id: what the token stands for, as a comparable key — ``b"T"`` + its bytes for ordinary tokens, ``b"S"`` +
    its text for special tokens, and a key of its own (``b"U"`` + the id) for an embedding row the tokenizer has no
    token for (vocabularies padded to a round size). Computed once per tokenizer and kept on it."""
    cached = getattr(tokenizer, _KEYS_ATTR, None)
    if cached is not None and len(cached) == d_vocab:
        return list(cached)
    n_tok = min(len(tokenizer), d_vocab)
    # token_infos words special tokens by their text and others by their bytes: the key is exactly that
    keys = [
        (b"S" if i.is_special else b"T") + bytes.fromhex(i.bytes_hex)
        for i in token_infos(tokenizer, list(range(n_tok)))
    ]
    keys += [b"U%d" % tid for tid in range(n_tok, d_vocab)]
    with contextlib.suppress(AttributeError):  # exotic tokenizer objects: recompute next time
        setattr(tokenizer, _KEYS_ATTR, tuple(keys))
    return keys


@dataclass
class Side:
    """One model's part of a comparison, and what :func:`combine` needs to set it beside the others."""

    compared: ComparedModel
    probs: torch.Tensor  # [d_vocab] float64, the full next-token distribution
    keys: list[bytes]  # per id, from vocab_keys


def _entropy(p: torch.Tensor) -> float:
    nz = p[p > 0]
    return float(-(nz * nz.log()).sum())


def side_of(trace: Trace, model_id: str, top_k: int = 10) -> Side:
    """One model's tokens, top-``top_k`` next tokens, entropy and logit lens at the trace's last position (call it
    holding the model's lock when the model is shared: it reads the tokenizer)."""
    model = trace.model
    probs = trace.probs(-1).double()
    final_id = int(probs.argmax())
    rows = lens_probs(trace, [trace.n_pos - 1])[:, 0]  # [layer, d_vocab]
    row_top = rows.argmax(-1).tolist()
    n_layers = rows.shape[0] - 1
    infos = {i.id: i for i in token_infos(model.tokenizer, sorted(set(row_top)))}
    lens = [
        CompareLensRow(
            site=site,
            depth=r / n_layers if n_layers else 1.0,
            top=TopToken(token=infos[row_top[r]], prob=float(rows[r, row_top[r]])),
            final_prob=float(rows[r, final_id]),
            final_rank=int((rows[r] > rows[r, final_id]).sum()) + 1,
        )
        for r, site in enumerate(lens_rows(n_layers))
    ]
    compared = ComparedModel(
        model=model_id,
        info=model.info,
        tokens=token_infos(model.tokenizer, list(trace.token_ids)),
        top=trace.top_next(top_k),
        entropy=_entropy(probs),
        lens=lens,
    )
    return Side(compared, probs.cpu(), vocab_keys(model.tokenizer, probs.numel()))


def _shared_info(key: bytes) -> tuple[str, str, bool]:
    """(text, bytes_hex, is_special) of a key from :func:`vocab_keys`."""
    body = key[1:]
    if key[:1] == b"S":
        return body.decode(), body.hex(), True
    return display_text(body)[0], body.hex(), False


def combine(sides: Sequence[Side]) -> ModelComparison:
    """Set the sides beside each other: the union of their top tokens (each side's ``top``) matched by bytes, and
    the total variation distance between every pair's distributions over next-token bytes."""
    if len(sides) < 2:
        raise InvalidInputError("a comparison needs at least two models")
    index: dict[bytes, int] = {}
    per_side = []
    for side in sides:
        idx = torch.tensor([index.setdefault(k, len(index)) for k in side.keys], dtype=torch.long)
        per_side.append(idx)
    dists = torch.zeros(len(sides), len(index), dtype=torch.float64)
    for row, (side, idx) in enumerate(zip(sides, per_side, strict=True)):
        dists[row].scatter_add_(0, idx, side.probs.to(torch.float64))
    present = torch.zeros(len(sides), len(index), dtype=torch.bool)
    for row, idx in enumerate(per_side):
        present[row, idx] = True
    total_variation = [[round(float(0.5 * (a - b).abs().sum()), 9) for b in dists] for a in dists]
    listed: set[int] = set()
    for side, idx in zip(sides, per_side, strict=True):
        listed.update(int(idx[t.token.id]) for t in side.compared.top)
    keys = list(index)
    order = sorted(listed, key=lambda k: -float(dists[:, k].max()))
    nexts = []
    for k in order:
        text, hex_, special = _shared_info(keys[k])
        nexts.append(
            SharedNext(
                text=text,
                bytes_hex=hex_,
                is_special=special,
                probs=[float(v) for v in dists[:, k]],
                in_vocab=[bool(v) for v in present[:, k]],
            )
        )
    same = all(s.keys == sides[0].keys for s in sides[1:])
    return ModelComparison(
        models=[s.compared for s in sides], same_tokenizer=same, next=nexts, total_variation=total_variation
    )
