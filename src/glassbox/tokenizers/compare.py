"""One text through several tokenizers, and the token tax of a parallel text.

Token chips come from the tokenizer's own ids; each id's bytes come from its vocabulary entry (byte-level BPE
stand-ins, SentencePiece's ``▁`` and ``<0xNN>`` byte pieces), shown as text when they are complete UTF-8 and as
``<e4 b8>`` when not — never as U+FFFD (:func:`glassbox.models.tokens.display_text`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

from glassbox.errors import InvalidInputError
from glassbox.models.tokens import _byte_decoder, display_text
from glassbox.schema.models import TokenInfo
from glassbox.schema.tokenizers import (
    Comparison,
    ParallelSet,
    ParallelText,
    TaxCell,
    TextCounts,
    TokenizedText,
    TokenTax,
)
from glassbox.tokenizers.catalogue import LabTokenizer, load_tokenizer

_BYTE_PIECE = re.compile(r"^<0x([0-9A-Fa-f]{2})>$")
_WORD = re.compile(r"\S+")
_WORDLIKE = re.compile(r"[^\W_]")

TokenizerRef = str | LabTokenizer
MAX_TEXT_CHARS = 20_000


def _resolve(ref: TokenizerRef) -> LabTokenizer:
    return ref if isinstance(ref, LabTokenizer) else load_tokenizer(ref)


def _names(names: str | Sequence[TokenizerRef]) -> list[TokenizerRef]:
    """``"gpt2,o200k"`` or ``["gpt2", "o200k"]`` → a list without blanks or repeats, in order."""
    items: list[TokenizerRef] = [n.strip() for n in names.split(",")] if isinstance(names, str) else list(names)
    out: list[TokenizerRef] = []
    seen: set[str] = set()
    for item in items:
        key = item.name if isinstance(item, LabTokenizer) else item
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    if not out:
        raise InvalidInputError("no tokenizers named: pass e.g. gpt2,o200k,llama3")
    return out


def piece_bytes(tok: LabTokenizer, piece: str) -> bytes:
    """The bytes a vocabulary entry stands for."""
    if tok.byte_level:
        decoder = _byte_decoder()
        if all(ch in decoder for ch in piece):
            return bytes(decoder[ch] for ch in piece)
    match = _BYTE_PIECE.match(piece)
    if match:
        return bytes([int(match.group(1), 16)])
    return piece.replace("▁", " ").encode("utf-8")


def token_infos(tok: LabTokenizer, ids: Sequence[int]) -> list[TokenInfo]:
    """One chip per id: readable text, bytes as hex, special and partial-UTF-8 flags."""
    special = tok.special_ids
    infos = []
    for tid in ids:
        piece = tok.backend.id_to_token(int(tid)) or ""
        if tid in special:
            infos.append(
                TokenInfo(id=int(tid), text=piece, bytes_hex=piece.encode().hex(), is_special=True, partial_utf8=False)
            )
            continue
        raw = piece_bytes(tok, piece)
        text, partial = display_text(raw)
        infos.append(TokenInfo(id=int(tid), text=text, bytes_hex=raw.hex(), is_special=False, partial_utf8=partial))
    return infos


def count_words(text: str) -> int:
    """Whitespace-separated chunks holding at least one letter or digit."""
    return sum(1 for w in _WORD.findall(text) if _WORDLIKE.search(w))


def encode(tok: TokenizerRef, text: str, *, add_special_tokens: bool = False) -> list[int]:
    """The tokenizer's ids of a text (by default the text's own tokens, without an added BOS)."""
    lab = _resolve(tok)
    return list(lab.backend.encode(text, add_special_tokens=add_special_tokens).ids)


def tokenize(tok: TokenizerRef, text: str, *, add_special_tokens: bool = False) -> TokenizedText:
    """One text through one tokenizer: chips and counts."""
    if not isinstance(text, str):
        raise InvalidInputError("the text must be a string")
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidInputError(f"the text is {len(text)} characters long: the lab takes at most {MAX_TEXT_CHARS}")
    lab = _resolve(tok)
    ids = encode(lab, text, add_special_tokens=add_special_tokens)
    words = count_words(text)
    counts = TextCounts(
        tokens=len(ids),
        characters=len(text),
        bytes=len(text.encode("utf-8")),
        words=words,
        tokens_per_word=len(ids) / words if words else None,
    )
    return TokenizedText(tokenizer=lab.name, tokens=token_infos(lab, ids), counts=counts)


def compare(text: str, names: str | Sequence[TokenizerRef], *, add_special_tokens: bool = False) -> Comparison:
    """The same text through several tokenizers, side by side.

    ``names``: ``"gpt2,o200k,llama3"`` or a list of catalogue names, local folders, Hugging Face names in the
    local cache, or :class:`LabTokenizer` objects.

    >>> c = compare("Ще не вмерла", "gpt2,o200k")
    >>> [r.counts.tokens for r in c.results]
    """
    return Comparison(
        text=text,
        results=[tokenize(n, text, add_special_tokens=add_special_tokens) for n in _names(names)],
    )


@cache
def parallel_set() -> ParallelSet:
    """glassbox's own parallel text: the same two sentences in 13 languages and 8 scripts."""
    data = json.loads(resources.files("glassbox.tokenizers").joinpath("parallel.json").read_text(encoding="utf-8"))
    return ParallelSet(texts=[ParallelText(**row) for row in data["texts"]])


def token_tax(
    names: str | Sequence[TokenizerRef],
    texts: Sequence[ParallelText] | None = None,
    *,
    reference_lang: str = "en",
) -> TokenTax:
    """Tokens per language under each tokenizer, and each count relative to the reference language's.

    ``texts`` default to :func:`parallel_set`; a person's own parallel texts work the same way.
    """
    rows = list(texts) if texts is not None else parallel_set().texts
    if not rows:
        raise InvalidInputError("no parallel texts given")
    langs = [r.lang for r in rows]
    if len(set(langs)) != len(langs):
        raise InvalidInputError("each language may appear once in a parallel set")
    if reference_lang not in langs:
        raise InvalidInputError(
            f"the reference language {reference_lang!r} is not among the texts ({', '.join(langs)})"
        )
    for r in rows:
        if not r.text.strip():
            raise InvalidInputError(f"the {r.lang} text is empty")
        if len(r.text) > MAX_TEXT_CHARS:
            raise InvalidInputError(f"the {r.lang} text is longer than {MAX_TEXT_CHARS} characters")
    labs = [_resolve(n) for n in _names(names)]
    counts = {(r.lang, lab.name): len(encode(lab, r.text)) for r in rows for lab in labs}
    cells = [
        TaxCell(
            lang=r.lang,
            tokenizer=lab.name,
            count=counts[(r.lang, lab.name)],
            relative=counts[(r.lang, lab.name)] / max(1, counts[(reference_lang, lab.name)]),
        )
        for r in rows
        for lab in labs
    ]
    return TokenTax(reference_lang=reference_lang, texts=rows, tokenizers=[lab.name for lab in labs], cells=cells)
