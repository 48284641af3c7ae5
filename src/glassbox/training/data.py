"""Token streams and the deterministic batch order.

Every document is encoded as ``<|endoftext|> + tokens`` and the documents are concatenated into one stream.
A training sequence is the ``n_positions`` tokens starting at a document start, so position 0 always holds
``<|endoftext|>`` — exactly what a prompt looks like at inference time (the tokenizer adds it).

The batch of step ``s`` is a pure function of ``(seed, s)``: sample ``i = s * batch_size + j`` is document
start ``perm_e[i mod N]`` with ``e = i div N`` and ``perm_e`` a permutation seeded by ``(seed, e)``. Resuming at
any step therefore replays exactly the same data order, with no sampler state to save.

**Copying data.** With ``copy_fraction > 0`` the stream also holds documents of random *token ids*: a span of
8-40 ids drawn uniformly from the vocabulary (the special token excluded), written two or three times. The first
copy cannot be predicted at all; every later one can, exactly, by looking back — which is what grows induction
heads that copy *any* token, not only the words the corpus repeats. They are placed among the documents at
seed-determined positions.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import torch

from glassbox.training.corpus import Document


def copy_documents(n_tokens: int, d_vocab: int, seed: int, bos_id: int = 0) -> list[list[int]]:
    """Random-token copying documents (``[bos] + span * k``) totalling at least ``n_tokens`` ids."""
    rng = random.Random(f"copy-{seed}")
    docs: list[list[int]] = []
    total = 0
    while total < n_tokens:
        span = [rng.randrange(bos_id + 1, d_vocab) for _ in range(rng.randint(8, 40))]
        doc = [bos_id] + span * rng.choice((2, 2, 3))
        docs.append(doc)
        total += len(doc)
    return docs


def encode_documents(
    tokenizer: Any, docs: Sequence[Document], copy_fraction: float = 0.0, seed: int = 0
) -> torch.Tensor:
    """One int64 stream: each document's ids (beginning-of-text token first), documents back to back.

    ``copy_fraction`` adds random-token copying documents (:func:`copy_documents`) making up about that share
    of the stream, at positions determined by ``seed``.
    """
    # tokenizers' encode_batch runs in Rust threads; the post-processor prepends <|endoftext|>.
    seqs = [enc.ids for enc in tokenizer.encode_batch([d.text for d in docs], add_special_tokens=True)]
    if copy_fraction > 0 and seqs:
        n_text = sum(len(s) for s in seqs)
        copies = copy_documents(round(n_text * copy_fraction / (1 - copy_fraction)), tokenizer.get_vocab_size(), seed)
        rng = random.Random(f"copy-places-{seed}")
        places = sorted(rng.randrange(len(seqs) + 1) for _ in copies)
        merged: list[list[int]] = []
        k = 0
        for i, s in enumerate(seqs):
            while k < len(places) and places[k] == i:
                merged.append(copies[k])
                k += 1
            merged.append(s)
        merged += copies[k:]
        seqs = merged
    flat = [i for s in seqs for i in s]
    return torch.tensor(flat, dtype=torch.long)


@dataclass
class BatchSource:
    """Fixed-length sequences starting at document starts, in a seed-determined order."""

    stream: torch.Tensor  # [n_tokens]
    seq_len: int
    batch_size: int
    seed: int
    bos_id: int = 0
    starts: torch.Tensor = field(init=False)  # [n_sequences] offsets into stream
    _perms: dict[int, torch.Tensor] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        starts = (self.stream == self.bos_id).nonzero().flatten()
        self.starts = starts[starts + self.seq_len <= len(self.stream)]
        if len(self.starts) == 0:
            raise ValueError(f"the corpus is shorter than one sequence of {self.seq_len} tokens")

    def _perm(self, epoch: int) -> torch.Tensor:
        if epoch not in self._perms:
            gen = torch.Generator().manual_seed(self.seed * 1_000_003 + epoch)
            self._perms = {epoch: torch.randperm(len(self.starts), generator=gen)}  # keep only the current one
        return self._perms[epoch]

    def batch(self, step: int) -> torch.Tensor:
        """The ``[batch_size, seq_len]`` token ids of optimizer step ``step`` (0-based)."""
        n = len(self.starts)
        rows = []
        for j in range(self.batch_size):
            i = step * self.batch_size + j
            start = int(self.starts[self._perm(i // n)[i % n]])
            rows.append(self.stream[start : start + self.seq_len])
        return torch.stack(rows)


def heldout_sequences(tokenizer: Any, docs: Sequence[Document], seq_len: int, count: int, seed: int) -> torch.Tensor:
    """A fixed ``[count, seq_len]`` tensor of held-out text: non-overlapping, each starting at a document."""
    shuffled = list(docs)
    random.Random(f"heldout-order-{seed}").shuffle(shuffled)
    stream = encode_documents(tokenizer, shuffled)
    rows: list[torch.Tensor] = []
    next_free = 0
    for start in (stream == 0).nonzero().flatten().tolist():
        if len(rows) == count or start + seq_len > len(stream):
            break
        if start >= next_free:
            rows.append(stream[start : start + seq_len])
            next_free = start + seq_len
    if not rows:
        raise ValueError("the held-out split is shorter than one sequence")
    return torch.stack(rows)
