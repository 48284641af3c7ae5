"""The token stream: random-token copying documents are where they should be, as many as asked, deterministic."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from glassbox.training.corpus import Document
from glassbox.training.data import copy_documents, encode_documents


class _Encoding:
    def __init__(self, ids: list[int]) -> None:
        self.ids = ids


class _Tokenizer:
    """Stand-in for a ``tokenizers.Tokenizer``: one id per character, <|endoftext|> (0) first."""

    def encode_batch(self, texts: list[str], add_special_tokens: bool = True) -> list[Any]:
        return [_Encoding([0, *(ord(c) % 50 + 1 for c in t)]) for t in texts]

    def get_vocab_size(self) -> int:
        return 100


def test_copy_documents_repeat_a_random_span() -> None:
    docs = copy_documents(5000, d_vocab=100, seed=1)
    assert sum(len(d) for d in docs) >= 5000
    for d in docs:
        assert d[0] == 0 and 0 not in d[1:]
        body = d[1:]
        for k in (2, 3):
            n = len(body) // k
            if len(body) == n * k and body == body[:n] * k and 8 <= n <= 40:
                break
        else:
            raise AssertionError(f"not a repeated span: {d}")
    assert copy_documents(5000, 100, seed=1) == docs and copy_documents(5000, 100, seed=2) != docs


def test_encode_documents_mixes_in_the_asked_share_of_copies() -> None:
    docs = [Document("abcdefghij" * (1 + i % 7), "en", "story") for i in range(300)]
    plain = encode_documents(_Tokenizer(), docs)
    mixed = encode_documents(_Tokenizer(), docs, copy_fraction=0.1, seed=3)
    extra = len(mixed) - len(plain)
    assert 0.09 <= extra / len(mixed) <= 0.12
    # Every text document is still there, whole and in order.
    starts = [*(plain == 0).nonzero().flatten().tolist(), len(plain)]
    texts = [plain[a:b].tolist() for a, b in pairwise(starts)]
    m_starts = [*(mixed == 0).nonzero().flatten().tolist(), len(mixed)]
    m_docs = [mixed[a:b].tolist() for a, b in pairwise(m_starts)]
    assert [d for d in m_docs if d in texts] == texts
    assert encode_documents(_Tokenizer(), docs, copy_fraction=0.1, seed=3).equal(mixed)
