"""Prompts longer than the model can read: refused by default, or cut from the left when the caller asks.

A causal model reads at most ``n_ctx`` tokens. glassbox never shortens a prompt silently: :func:`encode_truncated`
raises :class:`~glassbox.errors.PromptTooLongError` unless the caller passes ``truncate="left"``, which keeps the
*last* tokens that fit (the ones nearest the next token, which matter most for predicting it) and says how many were
dropped, so a page can tell its reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from glassbox.errors import InvalidInputError, PromptTooLongError
from glassbox.models.tokens import _tokenize

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel

Truncate = Literal["left"] | None
"""How to fit a long prompt: ``None`` refuses it (the default), ``"left"`` drops its first tokens."""


def check_truncate(truncate: object) -> Truncate:
    """``truncate`` validated: ``None`` or ``"left"``; anything else is an :class:`InvalidInputError`."""
    if truncate is None or truncate == "left":
        return truncate
    raise InvalidInputError(f"truncate={truncate!r} is not supported: pass truncate='left' or leave it out")


def truncate_ids(ids: list[int], limit: int, truncate: Truncate, *, why: str) -> tuple[list[int], int]:
    """The ids that fit in ``limit`` and how many were dropped from the left.

    With ``truncate=None`` a list longer than ``limit`` is a :class:`PromptTooLongError` whose message starts with
    ``why`` (what the limit is) and names the way out.
    """
    truncate = check_truncate(truncate)
    if limit < 1:
        raise InvalidInputError(f"no room left for the prompt ({why})")
    if len(ids) <= limit:
        return ids, 0
    if truncate is None:
        raise PromptTooLongError(
            f"the prompt is {len(ids)} tokens long, more than {why}: shorten it, or pass truncate='left' "
            f"to keep its last {limit} tokens"
        )
    dropped = len(ids) - limit
    return ids[dropped:], dropped


def encode_truncated(
    model: LoadedModel,
    prompt: str,
    truncate: Truncate = None,
    *,
    max_tokens: int | None = None,
    reserve: int = 0,
) -> tuple[list[int], int]:
    """A prompt's token ids that fit the model (and ``max_tokens``), and how many tokens were dropped.

    ``reserve`` leaves room for tokens that follow the prompt (a generation in progress). An empty prompt is an
    :class:`InvalidInputError`; a long one follows ``truncate`` (see :func:`truncate_ids`).
    """
    truncate = check_truncate(truncate)
    if not isinstance(prompt, str) or prompt == "":
        raise InvalidInputError("the prompt is empty: type some text")
    ids = _tokenize(model, prompt, None)
    n_ctx = model.info.n_ctx
    if max_tokens is not None and max_tokens < n_ctx:
        why = f"this server's limit of {max_tokens} (glassbox serve --max-prompt-tokens)"
        limit = max_tokens
    else:
        why = f"the model's context of {n_ctx} tokens"
        limit = n_ctx
    if reserve:
        why += f", less the {reserve} tokens generated after it"
    return truncate_ids(ids, limit - reserve, truncate, why=why)
