"""What every "why" experiment reads the same way: a prompt (text or exact ids) and a token named by id or text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from glassbox.errors import InvalidInputError
from glassbox.models.tokens import check_ids, encode, readable_text

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel


def prompt_ids(model: LoadedModel, prompt: str | Sequence[int]) -> list[int]:
    """Token ids of a prompt: a text is tokenized like :func:`glassbox.trace` does (beginning-of-text token
    prepended when the model uses one); a sequence of ids is taken exactly as given (validated)."""
    if isinstance(prompt, str):
        return encode(model, prompt)
    if any(isinstance(i, bool) or not isinstance(i, int) for i in prompt):
        raise InvalidInputError("a prompt is a text or a list of token ids (integers)")
    return check_ids(model, list(prompt))


def resolve_token(model: LoadedModel, ref: int | str, what: str) -> int:
    """The id of a token named by its id or by its text, which must be exactly one token.

    ``what`` names the argument in the error (``"target"``, ``"answer"``…)."""
    if isinstance(ref, bool):
        raise InvalidInputError(f"{what} must be a token id or a one-token text, not {ref!r}")
    if isinstance(ref, int):
        if not 0 <= ref < model.info.d_vocab:
            raise InvalidInputError(f"{what}: token id {ref} is outside the vocabulary (0..{model.info.d_vocab - 1})")
        return ref
    if not isinstance(ref, str) or ref == "":
        raise InvalidInputError(f"{what} must be a token id or a one-token text")
    ids = list(model.tokenizer(ref, add_special_tokens=False)["input_ids"])
    if len(ids) != 1:
        pieces = " | ".join(readable_text(model.tokenizer, [int(i)]) for i in ids)
        raise InvalidInputError(
            f"{what} {ref!r} is {len(ids)} tokens ({pieces}), not one: pass a single token's text or its id"
        )
    return int(ids[0])
