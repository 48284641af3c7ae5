"""Computing every transcoder feature's card over a sample of text (stored by :mod:`glassbox.transcoders.cards`).

The sample: documents of the corpus (the embedded corpus by default: its held-out documents first, then its
training documents; or a UTF-8 text file, one document per blank-line-separated paragraph), each with the
beginning-of-text token where the model has one, packed back to back into rows of ``seq_len`` tokens, until
``n_tokens`` tokens. Each row goes through the real model (:func:`glassbox.graph.replacement.forward`), and each
layer's transcoder encodes what it reads there. Activations on special tokens (the beginning-of-text token) are
set aside (counted as inactive): they are large and say nothing about the text.

Per feature:

- ``top_contexts``: the ``n_top`` highest activations whose windows do not overlap, each with the activation of
  every token of its window;
- ``quantile_examples``: among the feature's nonzero activations, the token whose activation is the
  ``q``-quantile for each ``q`` in ``quantiles``, with its window;
- ``density``: the fraction of sampled tokens where the feature is active; ``max_activation``;
- the **derived label** ``"A" → "B"``: ``A`` is the token the feature fires on most often among its top
  contexts' peaks (ties: the one with the highest activation), ``B`` the token its decoder promotes most through
  the unembedding (``W_dec[f] · W_U``, see :func:`glassbox.transcoders.cards.logit_direction`). A feature never
  active in the sample gets ``∅`` for ``A``. No language model writes labels: the rule is all there is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import torch

from glassbox import __version__
from glassbox.errors import InvalidInputError
from glassbox.graph.replacement import forward
from glassbox.transcoders.cards import FeatureCards, logit_direction, window_start

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel
    from glassbox.transcoders.format import TranscoderSet

Progress = Callable[[int, int], None]
"""``progress(done, total)``: called after each forward row, then after each layer's statistics."""

N_TOKENS = 16384
SEQ_LEN = 64
WINDOW = 16
BEFORE = 11
N_TOP = 8
QUANTILES = (0.25, 0.5, 0.75)
N_CANDIDATES = 64
CORPUS_DOCUMENTS = 2000
CORPUS_VERSION = 2  # the embedded model's corpus: glassbox-tiny v2's everyday text (glassbox.training.corpus)


def _documents(corpus: str) -> list[str]:
    if corpus == "embedded":
        from glassbox.training.corpus import generate_corpus

        c = generate_corpus(CORPUS_DOCUMENTS, seed=0, version=CORPUS_VERSION)
        return [d.text for d in c.heldout] + [d.text for d in c.train]
    path = Path(corpus)
    if not path.is_file():
        raise InvalidInputError(f"corpus {corpus!r}: not 'embedded' and not a text file")
    docs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    if not docs:
        raise InvalidInputError(f"{path}: no text")
    return docs


def _rows(model: LoadedModel, texts: Sequence[str], n_tokens: int, seq_len: int) -> torch.Tensor:
    from glassbox.models.tokens import with_bos

    tok = model.tokenizer
    bos = getattr(tok, "bos_token_id", None)
    stream: list[int] = []
    for text in texts:
        stream.extend(with_bos(list(tok(text, add_special_tokens=True)["input_ids"]), bos, model.prepend_bos))
        if len(stream) >= n_tokens:
            break
    n = min(len(stream), n_tokens) // seq_len
    if n == 0:
        raise InvalidInputError(f"the corpus has {len(stream)} tokens, fewer than one row of {seq_len}")
    return torch.tensor(stream[: n * seq_len], dtype=torch.long).reshape(n, seq_len)


def _pick_tops(acts: torch.Tensor, seq_len: int, n_top: int, n_candidates: int) -> tuple[torch.Tensor, list[list[int]]]:
    """Per feature, up to ``n_top`` peaks (token indices, −1 for none) with windows that do not overlap."""
    n_tok, n_feat = acts.shape
    cand = acts.topk(min(n_candidates, n_tok), dim=0)  # [C, F]
    vals, idx = cand.values.T.tolist(), cand.indices.T.tolist()
    out = torch.full((n_feat, n_top), -1, dtype=torch.long)
    for f in range(n_feat):
        chosen: list[int] = []
        for v, i in zip(vals[f], idx[f], strict=True):
            if v <= 0 or len(chosen) == n_top:
                break
            if all(i // seq_len != c // seq_len or abs(i - c) >= WINDOW for c in chosen):
                chosen.append(i)
        out[f, : len(chosen)] = torch.tensor(chosen, dtype=torch.long)
    return out, [[int(x) for x in row] for row in out.tolist()]


def _quantile_peaks(acts: torch.Tensor, quantiles: Sequence[float], chunk: int = 256) -> torch.Tensor:
    """Per feature and quantile, the token whose activation is that quantile of the nonzero ones (−1: none)."""
    n_feat = acts.shape[1]
    out = torch.full((n_feat, len(quantiles)), -1, dtype=torch.long)
    for lo in range(0, n_feat, chunk):
        block = acts[:, lo : lo + chunk]
        order = block.sort(dim=0, descending=True)
        nz = (block > 0).sum(0)  # nonzero activations come first in each column
        for j, q in enumerate(quantiles):
            # the q-quantile among nz values sorted ascending is at rank round(q·(nz−1)): from the top, nz−1−rank
            rank = torch.round(q * (nz - 1).clamp(min=0).double()).long()
            pos = (nz - 1 - rank).clamp(min=0)
            picked = order.indices.gather(0, pos[None])[0]
            out[lo : lo + chunk, j] = torch.where(nz > 0, picked, torch.full_like(picked, -1))
    return out


def _windows(acts_col: torch.Tensor, peaks: list[int], seq_len: int) -> torch.Tensor:
    rows = []
    for p in peaks:
        if p < 0:
            rows.append(torch.zeros(WINDOW))
        else:
            s = window_start(p, seq_len, WINDOW, BEFORE)
            rows.append(acts_col[s : s + WINDOW])
    return torch.stack(rows)


def feature_cards(
    model: LoadedModel,
    transcoders: TranscoderSet | str | Path,
    *,
    n_tokens: int = N_TOKENS,
    corpus: str = "embedded",
    seq_len: int = SEQ_LEN,
    progress: Progress | None = None,
    name: str = "transcoders",
) -> FeatureCards:
    """Every feature's card over ``n_tokens`` tokens of ``corpus`` (see the module docstring for the rule).
    ``transcoders``: a :class:`TranscoderSet` or a folder in circuit-tracer's format. Save the result next to them
    with :func:`glassbox.transcoders.cards.save_feature_cards`."""
    from glassbox.graph.replacement import check_compatible
    from glassbox.models.tokens import readable_text
    from glassbox.transcoders.format import TranscoderSet, load_transcoders

    if not isinstance(transcoders, TranscoderSet):
        transcoders = load_transcoders(transcoders)

    check_compatible(model, transcoders)
    if n_tokens < seq_len:
        raise InvalidInputError(f"n_tokens must be at least one row of {seq_len} tokens, not {n_tokens}")
    if seq_len < WINDOW:
        raise InvalidInputError(f"seq_len must be at least the window of {WINDOW} tokens")
    if seq_len > model.info.n_ctx:
        seq_len = model.info.n_ctx
    rows = _rows(model, _documents(corpus), n_tokens, seq_len)
    n_rows = int(rows.shape[0])
    n_layers = transcoders.n_layers
    total = n_rows + n_layers
    special = set(getattr(model.tokenizer, "all_special_ids", []) or [])
    flat = rows.reshape(-1)
    is_special = torch.tensor([int(t) in special for t in flat.tolist()], dtype=torch.bool)
    inputs: list[list[torch.Tensor]] = [[] for _ in range(n_layers)]
    with torch.no_grad():
        for r, row in enumerate(rows.tolist()):
            tc_ins, _, _ = forward(model, transcoders, row, "real")
            for layer in range(n_layers):
                inputs[layer].append(tc_ins[layer].detach().cpu())
            if progress is not None:
                progress(r + 1, total)
        cards = FeatureCards(
            tokens=flat.to(torch.int32),
            top_peak=[],
            top_acts=[],
            quantile_peak=[],
            quantile_acts=[],
            labels=[],
            density=[],
            max_activation=[],
            metadata={
                "corpus": corpus,
                "n_tokens": int(flat.numel()),
                "seq_len": seq_len,
                "window": WINDOW,
                "before": BEFORE,
                "quantiles": list(QUANTILES),
                "model": model.name,
                "transcoders": name,
                "glassbox_version": __version__,
                "label_rule": '"A" → "B": A the most frequent token at the top activations, B the top promoted token',
            },
        )
        for layer in range(n_layers):
            x = torch.cat(inputs[layer])
            inputs[layer] = []
            acts = transcoders[layer].encode(x)
            acts[is_special] = 0
            tops, top_lists = _pick_tops(acts, seq_len, N_TOP, N_CANDIDATES)
            qpeaks = _quantile_peaks(acts, QUANTILES)
            q_lists = qpeaks.tolist()
            top_acts, q_acts, labels = [], [], []
            promoted = _top_promoted(model, transcoders, layer)
            for f in range(acts.shape[1]):
                col = acts[:, f]
                top_acts.append(_windows(col, top_lists[f], seq_len))
                q_acts.append(_windows(col, q_lists[f], seq_len))
                peaks = [p for p in top_lists[f] if p >= 0]
                fired = _most_frequent([int(flat[p]) for p in peaks])
                a = "∅" if fired is None else f'"{readable_text(model.tokenizer, [fired])}"'
                labels.append(f'{a} → "{readable_text(model.tokenizer, [promoted[f]])}"')
            cards.top_peak.append(tops.to(torch.int32))
            cards.top_acts.append(torch.stack(top_acts).to(torch.float16))
            cards.quantile_peak.append(qpeaks.to(torch.int32))
            cards.quantile_acts.append(torch.stack(q_acts).to(torch.float16))
            cards.labels.append(labels)
            cards.density.append((acts > 0).float().mean(0).tolist())
            cards.max_activation.append(acts.max(0).values.tolist())
            if progress is not None:
                progress(n_rows + layer + 1, total)
    return cards


def _top_promoted(model: LoadedModel, ts: TranscoderSet, layer: int, chunk: int = 128) -> list[int]:
    """Each feature's most promoted token through the unembedding (in chunks: features × vocabulary can be large)."""
    W_U = model.adapter.W_U.float()
    W_dec = ts[layer].W_dec.to(W_U.device)
    return [
        int(i) for lo in range(0, W_dec.shape[0], chunk) for i in (W_dec[lo : lo + chunk] @ W_U).argmax(-1).tolist()
    ]


def _most_frequent(tokens: list[int]) -> int | None:
    """The most frequent token; ties go to the one seen first (the list is in order of activation, highest first)."""
    if not tokens:
        return None
    counts = Counter(tokens)
    best = max(counts.values())
    return next(t for t in tokens if counts[t] == best)


__all__ = ["N_TOKENS", "feature_cards", "logit_direction"]
