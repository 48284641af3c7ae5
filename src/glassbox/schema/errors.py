"""The one error vocabulary: every error code the server can answer, and the shape of an error body.

:class:`ErrorCode` is the single enumeration; each :class:`glassbox.errors.GlassboxError` subclass names one
of them with its HTTP status, and the browser maps every code to a message key (a code without a message
fails its type check). Every 4xx/5xx body is ``{"error": {"code": ..., "message": ...}}``.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel

from glassbox.schema.base import Strict


class ErrorCode(StrEnum):
    """What went wrong, as a stable identifier a client can branch on (the message says it in words)."""

    INVALID_INPUT = "invalid_input"
    UNKNOWN_MODEL = "unknown_model"
    PROMPT_TOO_LONG = "prompt_too_long"
    TOO_MANY_NEW_TOKENS = "too_many_new_tokens"
    TOP_K_TOO_LARGE = "top_k_too_large"
    TEXT_TOO_LONG = "text_too_long"
    SUPERSEDED = "superseded"
    BUSY = "busy"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    UNSUPPORTED_ARCHITECTURE = "unsupported_architecture"
    CORRUPTED_FILE = "corrupted_file"
    TRAINING_ERROR = "training_error"
    NOT_BUILT = "not_built"
    INTERNAL = "internal"


class ApiError(Strict):
    """What went wrong, in words a person can act on."""

    code: ErrorCode
    message: str


class ErrorResponse(Strict):
    """The body of every 4xx/5xx answer."""

    error: ApiError


ERROR_MODELS: list[type[BaseModel]] = [ApiError, ErrorResponse]
