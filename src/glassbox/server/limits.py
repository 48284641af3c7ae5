"""What one request may ask of the server, and the errors that say a request asked for too much.

The operator sets the limits with ``glassbox serve --max-prompt-tokens/--max-new-tokens/--max-top-k``;
every limit error is a 4xx JSON answer whose message names the option that raises it.
"""

from __future__ import annotations

from glassbox.errors import GlassboxError
from glassbox.schema.api import ErrorCode, Limits

__all__ = ["ApiProblem", "Limits", "check_new_tokens", "check_top_k"]


class ApiProblem(GlassboxError):
    """An error the server answers with a given HTTP status and error code."""

    def __init__(self, status: int, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.api_code: ErrorCode = code


def prompt_too_long(detail: str) -> ApiProblem:
    return ApiProblem(413, "prompt_too_long", f"{detail} (the server's limit is set by --max-prompt-tokens)")


def check_new_tokens(limits: Limits, n: int) -> None:
    if n > limits.max_new_tokens:
        raise ApiProblem(
            422,
            "too_many_new_tokens",
            f"{n} new tokens asked for but this server allows at most {limits.max_new_tokens} "
            "(glassbox serve --max-new-tokens): press Reset to start again",
        )


def check_top_k(limits: Limits, top_k: int) -> None:
    if top_k > limits.max_top_k:
        raise ApiProblem(
            422,
            "top_k_too_large",
            f"top-k {top_k} is above this server's limit of {limits.max_top_k} (glassbox serve --max-top-k)",
        )
