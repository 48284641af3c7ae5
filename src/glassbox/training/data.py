"""Token streams and the deterministic batch order.

Every document is encoded as ``<|endoftext|> + tokens`` and the documents are concatenated into one stream.
A training sequence is the ``n_positions`` tokens starting at a document start, so position 0 always holds
``<|endoftext|>`` — exactly what a prompt looks like at inference time (the tokenizer adds it).

The batch of step ``s`` is a pure function of ``(seed, s)``: sample ``i = s * batch_size + j`` is document
start ``perm_e[i mod N]`` with ``e = i div N`` and ``perm_e`` a permutation seeded by ``(seed, e)``. Resuming at
any step therefore replays exactly the same data order, with no sampler state to save.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import torch

from glassbox.training.corpus import Document


def encode_documents(tokenizer: Any, docs: Sequence[Document]) -> torch.Tensor:
    """One int64 stream: each document's ids (beginning-of-text token first), documents back to back."""
    # tokenizers' encode_batch runs in Rust threads; the post-processor prepends <|endoftext|>.
    encodings = tokenizer.encode_batch([d.text for d in docs], add_special_tokens=True)
    flat = [i for enc in encodings for i in enc.ids]
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
