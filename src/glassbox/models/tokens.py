"""Tokens as a person should see them: id, readable text and the raw bytes behind it.

Byte-level BPE vocabularies (GPT-2, Llama 3, Qwen, OLMo, Cohere) store each byte as a printable stand-in
character; SentencePiece vocabularies use ``▁`` for a space and ``<0xE4>`` pieces for raw bytes. Either way
a token stands for a byte string. A piece whose bytes are not complete UTF-8 (one byte of a Chinese
character or an emoji) is shown as its bytes — ``<e4 b8>`` — never as U+FFFD.
"""

from __future__ import annotations

import contextlib
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from glassbox.errors import InvalidInputError, PromptTooLongError
from glassbox.schema.models import TokenInfo

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel

_BYTE_PIECE = re.compile(r"^<0x([0-9A-Fa-f]{2})>$")


@cache
def _byte_decoder() -> dict[str, int]:
    """The inverse of GPT-2's bytes→printable-unicode table (printable bytes map to themselves)."""
    printable = [
        *range(ord("!"), ord("~") + 1),
        *range(ord("¡"), ord("¬") + 1),
        *range(ord("®"), ord("ÿ") + 1),
    ]
    chars = list(printable)
    extra = 0
    for b in range(256):
        if b not in printable:
            printable.append(b)
            chars.append(256 + extra)
            extra += 1
    return {chr(c): b for b, c in zip(printable, chars, strict=True)}


def _is_byte_level(tokenizer: Any) -> bool:
    backend = getattr(tokenizer, "backend_tokenizer", None)
    if backend is None:
        return False
    return "ByteLevel" in type(backend.decoder).__name__ or '"ByteLevel"' in backend.to_str()[:20000]


def token_bytes(tokenizer: Any, token_id: int) -> bytes:
    """The bytes a token stands for."""
    piece = tokenizer.convert_ids_to_tokens(int(token_id))
    if piece is None:
        return b""
    decoder = _byte_decoder()
    if _is_byte_level_cached(tokenizer) and all(ch in decoder for ch in piece):
        return bytes(decoder[ch] for ch in piece)
    match = _BYTE_PIECE.match(piece)
    if match:
        return bytes([int(match.group(1), 16)])
    return str(piece).replace("▁", " ").encode("utf-8")


_BYTE_LEVEL_FLAG = "_glassbox_byte_level"


def _is_byte_level_cached(tokenizer: Any) -> bool:
    flag = getattr(tokenizer, _BYTE_LEVEL_FLAG, None)
    if flag is None:
        flag = _is_byte_level(tokenizer)
        with contextlib.suppress(AttributeError):  # exotic tokenizer objects: just recompute next time
            setattr(tokenizer, _BYTE_LEVEL_FLAG, flag)
    return bool(flag)


def display_text(raw: bytes) -> tuple[str, bool]:
    """(readable text, is the piece incomplete UTF-8)."""
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        pass
    # Decode what is complete, show the rest as bytes: b"a\xe4\xb8" -> "a<e4 b8>"
    out: list[str] = []
    i = 0
    while i < len(raw):
        for j in range(min(len(raw), i + 4), i, -1):
            try:
                out.append(raw[i:j].decode("utf-8"))
                i = j
                break
            except UnicodeDecodeError:
                continue
        else:
            run = []
            while i < len(raw):
                try:
                    raw[i : i + 1].decode("utf-8")
                    break
                except UnicodeDecodeError:
                    run.append(f"{raw[i]:02x}")
                    i += 1
            out.append("<" + " ".join(run) + ">")
    return "".join(out), True


def readable_text(tokenizer: Any, ids: list[int]) -> str:
    """The text of a token sequence, with any incomplete UTF-8 shown as its bytes (``<e4 b8>``), never as U+FFFD."""
    return display_text(b"".join(token_bytes(tokenizer, i) for i in ids))[0]


def token_infos(tokenizer: Any, ids: list[int]) -> list[TokenInfo]:
    """One :class:`TokenInfo` per id."""
    special = set(getattr(tokenizer, "all_special_ids", []) or [])
    infos = []
    for tid in ids:
        if tid in special:
            piece = str(tokenizer.convert_ids_to_tokens(int(tid)))
            infos.append(
                TokenInfo(
                    id=int(tid),
                    text=piece,
                    bytes_hex=piece.encode().hex(),
                    is_special=True,
                    partial_utf8=False,
                )
            )
            continue
        raw = token_bytes(tokenizer, tid)
        text, partial = display_text(raw)
        infos.append(TokenInfo(id=int(tid), text=text, bytes_hex=raw.hex(), is_special=False, partial_utf8=partial))
    return infos


def with_bos(ids: list[int], bos: int | None, prepend: bool) -> list[int]:
    """``ids`` with the beginning-of-text token ``bos`` in front when ``prepend`` and the tokenizer did not add it
    (the rule of :func:`encode`; also used by the torch-free :mod:`glassbox.models.tokenizer_files`)."""
    if prepend and bos is not None and (not ids or ids[0] != bos):
        return [int(bos), *ids]
    return ids


def check_length(ids: list[int], n_ctx: int, max_tokens: int | None = None) -> list[int]:
    """``ids`` when they fit the context (or ``max_tokens``), else a :class:`PromptTooLongError` naming both."""
    limit = min(n_ctx, max_tokens) if max_tokens else n_ctx
    if len(ids) > limit:
        raise PromptTooLongError(
            f"the prompt is {len(ids)} tokens long but the limit is {limit}: shorten it "
            f"(the model's context is {n_ctx} tokens)"
        )
    return ids


def _tokenize(model: LoadedModel, prompt: str, add_bos: bool | None) -> list[int]:
    """The tokenizer's ids of a non-empty prompt, with the beginning-of-text rule :func:`encode` describes."""
    tok = model.tokenizer
    ids: list[int] = list(tok(prompt, add_special_tokens=True)["input_ids"])
    return with_bos(ids, getattr(tok, "bos_token_id", None), model.prepend_bos if add_bos is None else add_bos)


def encode(model: LoadedModel, prompt: str, *, add_bos: bool | None = None, max_tokens: int | None = None) -> list[int]:
    """Token ids of a prompt, validated: not empty, not longer than the context (or ``max_tokens``).

    A beginning-of-text token is prepended when the tokenizer defines one and does not add it itself
    (``add_bos=None``), so the first real token has something to attend to, as in training.
    """
    if not isinstance(prompt, str) or prompt == "":
        raise InvalidInputError("the prompt is empty: type some text to tokenize")
    return check_length(_tokenize(model, prompt, add_bos), model.info.n_ctx, max_tokens)


def encode_prompt(model: LoadedModel, prompt: str, max_tokens: int) -> list[int]:
    """Token ids of a prompt a client sent to ``glassbox serve``, whose operator allows at most ``max_tokens``
    (``--max-prompt-tokens``); the model's own context ``n_ctx`` bounds it too.

    Raises :class:`~glassbox.errors.InvalidInputError` for an empty prompt and
    :class:`~glassbox.errors.PromptTooLongError` for a long one, whose message names both limits and which of
    them the prompt exceeds.
    """
    if prompt == "":
        raise InvalidInputError("the prompt is empty: type some text")
    ids = _tokenize(model, prompt, None)
    n_ctx = model.info.n_ctx
    if len(ids) > min(n_ctx, max_tokens):
        binding = (
            f"the model's context of {n_ctx} tokens"
            if n_ctx <= max_tokens
            else f"this server's limit of {max_tokens} (glassbox serve --max-prompt-tokens)"
        )
        raise PromptTooLongError(
            f"the prompt is {len(ids)} tokens long, more than {binding}: shorten it "
            f"(the model reads at most {n_ctx} tokens; the server accepts at most {max_tokens}, "
            "set by --max-prompt-tokens), or send truncate='left' to keep its last tokens that fit"
        )
    return ids


def check_ids(model: LoadedModel, ids: list[int]) -> list[int]:
    """Validate a list of token ids against the model's vocabulary and context."""
    if not ids:
        raise InvalidInputError("no tokens given: pass a prompt or at least one token id")
    vocab = model.info.d_vocab
    bad = [i for i in ids if not 0 <= int(i) < vocab]
    if bad:
        raise InvalidInputError(f"token ids {bad[:5]} are outside the vocabulary (0..{vocab - 1})")
    if len(ids) > model.info.n_ctx:
        raise InvalidInputError(f"{len(ids)} tokens exceed the model's context of {model.info.n_ctx}")
    return [int(i) for i in ids]
