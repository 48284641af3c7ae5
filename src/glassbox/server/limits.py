"""What one request may ask of the server, checked before any work starts.

The operator sets the limits with ``glassbox serve --max-prompt-tokens/--max-new-tokens/--max-top-k``;
each check raises the error class whose status and code the server answers with, and whose message names
the option that raises the limit (the prompt's length is checked where it is tokenized:
:func:`glassbox.models.tokens.encode_prompt`).
"""

from __future__ import annotations

from glassbox.errors import TooManyNewTokensError, TopKTooLargeError
from glassbox.schema.api import Limits

__all__ = ["Limits", "check_new_tokens", "check_top_k"]


def check_new_tokens(limits: Limits, n: int) -> None:
    """Refuse more generated tokens than ``--max-new-tokens`` allows."""
    if n > limits.max_new_tokens:
        raise TooManyNewTokensError(
            f"{n} new tokens asked for but this server allows at most {limits.max_new_tokens} "
            "(glassbox serve --max-new-tokens): press Reset to start again"
        )


def check_top_k(limits: Limits, top_k: int) -> None:
    """Refuse a top-k above ``--max-top-k``."""
    if top_k > limits.max_top_k:
        raise TopKTooLargeError(
            f"top-k {top_k} is above this server's limit of {limits.max_top_k} (glassbox serve --max-top-k)"
        )
