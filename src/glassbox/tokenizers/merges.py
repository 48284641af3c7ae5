"""BPE step by step: the merges that turn one word's bytes into its tokens, with each merge's rank.

BPE starts from single symbols (bytes, spelled with GPT-2's printable stand-ins, for byte-level vocabularies;
characters for SentencePiece-style ones) and repeatedly merges the adjacent pair with the lowest rank in the
tokenizer's merge list until no listed pair is left. This replays that loop on the tokenizer's own merge list and
checks that it ends on the tokenizer's own tokens, so what the page animates is what the tokenizer does.
"""

from __future__ import annotations

from glassbox.errors import InvalidInputError
from glassbox.models.tokens import display_text
from glassbox.schema.tokenizers import MergeStep, MergeTrace, WordMerges
from glassbox.tokenizers.catalogue import LabTokenizer, load_tokenizer
from glassbox.tokenizers.compare import piece_bytes, token_infos


def merge_ranks(tok: LabTokenizer) -> dict[tuple[str, str], int]:
    """(left, right) → rank, from the tokenizer.json's merge list (both of its spellings)."""
    cached: dict[tuple[str, str], int] | None = getattr(tok, "_merge_ranks", None)
    if cached is not None:
        return cached
    model = tok.definition().get("model", {})
    if model.get("type") != "BPE":
        raise InvalidInputError(f"{tok.name} is a {model.get('type')} tokenizer, not BPE: it has no merges to show")
    ranks: dict[tuple[str, str], int] = {}
    for rank, merge in enumerate(model.get("merges", [])):
        left, right = merge.split(" ", 1) if isinstance(merge, str) else merge
        ranks.setdefault((left, right), rank)
    object.__setattr__(tok, "_merge_ranks", ranks)
    return ranks


def _readable(tok: LabTokenizer, symbol: str) -> str:
    return display_text(piece_bytes(tok, symbol))[0]


def _pieces(tok: LabTokenizer, word: str) -> list[str]:
    """The word as the tokenizer's normalizer and pre-tokenizer cut it, in the vocabulary's spelling."""
    text = word
    if tok.backend.normalizer is not None:
        text = tok.backend.normalizer.normalize_str(text)
    if tok.backend.pre_tokenizer is None:
        return [text]
    return [p for p, _ in tok.backend.pre_tokenizer.pre_tokenize_str(text)]


def _start_symbols(tok: LabTokenizer, piece: str, vocab: dict[str, int]) -> list[str]:
    """Single characters; for a byte-fallback vocabulary a character it lacks becomes its ``<0xNN>`` bytes."""
    byte_fallback = bool(tok.definition().get("model", {}).get("byte_fallback"))
    out: list[str] = []
    for ch in piece:
        if ch in vocab or not byte_fallback:
            out.append(ch)
        else:
            out.extend(f"<0x{b:02X}>" for b in ch.encode("utf-8"))
    return out


def word_merges(tok: LabTokenizer, piece: str, vocab: dict[str, int], ranks: dict[tuple[str, str], int]) -> WordMerges:
    """Replay BPE on one pre-tokenized piece."""
    symbols = _start_symbols(tok, piece, vocab)
    start = [_readable(tok, s) for s in symbols]
    steps: list[MergeStep] = []
    while len(symbols) > 1:
        best: tuple[int, int] | None = None  # (rank, position)
        for i in range(len(symbols) - 1):
            rank = ranks.get((symbols[i], symbols[i + 1]))
            if rank is not None and (best is None or rank < best[0]):
                best = (rank, i)
        if best is None:
            break
        rank, i = best
        left, right = symbols[i], symbols[i + 1]
        symbols = [*symbols[:i], left + right, *symbols[i + 2 :]]
        steps.append(
            MergeStep(
                left=_readable(tok, left),
                right=_readable(tok, right),
                rank=rank,
                position=i,
                symbols=[_readable(tok, s) for s in symbols],
            )
        )
    ignore_merges = bool(tok.definition().get("model", {}).get("ignore_merges"))
    ids = [vocab[s] for s in symbols if s in vocab]
    whole = ignore_merges and piece in vocab
    if whole:
        ids = [vocab[piece]]
    return WordMerges(
        piece=_readable(tok, piece),
        start=start,
        steps=steps,
        whole_piece_in_vocab=whole,
        tokens=token_infos(tok, ids),
    )


def merge_trace(tokenizer: str | LabTokenizer, word: str) -> MergeTrace:
    """The BPE merges of ``word`` (one or a few pre-tokenized pieces) under a BPE tokenizer, step by step."""
    if not word or len(word) > 64:
        raise InvalidInputError("give one word of 1 to 64 characters to see its merges")
    tok = tokenizer if isinstance(tokenizer, LabTokenizer) else load_tokenizer(tokenizer)
    ranks = merge_ranks(tok)
    vocab = tok.backend.get_vocab(with_added_tokens=False)
    pieces = [word_merges(tok, p, vocab, ranks) for p in _pieces(tok, word)]
    return MergeTrace(tokenizer=tok.name, word=word, pieces=pieces)
