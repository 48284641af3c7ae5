"""Errors glassbox raises on purpose, each with its HTTP status and its code from one vocabulary.

Every error a user can cause (bad input, a model that cannot be found, a corrupted file) is a
:class:`GlassboxError` whose message says what happened *and what to do*. The class fixes the answer: the CLI
prints the message as one line, the server answers ``status`` with ``{"error": {"code", "message"}}`` through
one handler. Choose the error by its class, never by matching message text. Anything else is a bug: the server
logs its traceback and answers 500 with the ``internal`` code.
"""

from __future__ import annotations

from typing import ClassVar

from glassbox.schema.errors import ErrorCode


class GlassboxError(Exception):
    """Base class of every error glassbox raises deliberately."""

    status: ClassVar[int] = 400
    code: ClassVar[ErrorCode] = ErrorCode.INVALID_INPUT


class InvalidInputError(GlassboxError, ValueError):
    """A prompt, token id list or sampling parameter that cannot be used as given."""


class PromptTooLongError(InvalidInputError):
    """A prompt with more tokens than the model's context or the server's limit allows."""

    status = 413
    code = ErrorCode.PROMPT_TOO_LONG


class TextTooLongError(InvalidInputError):
    """A pasted text (e.g. live-training text) longer than allowed."""

    status = 413
    code = ErrorCode.TEXT_TOO_LONG


class TooManyNewTokensError(InvalidInputError):
    """More generated tokens asked for than the server allows."""

    status = 422
    code = ErrorCode.TOO_MANY_NEW_TOKENS


class TopKTooLargeError(InvalidInputError):
    """A top-k above the server's limit."""

    status = 422
    code = ErrorCode.TOP_K_TOO_LARGE


class NotFoundError(GlassboxError, LookupError):
    """A thing a request names that does not exist here (a run, a history, a checkpoint)."""

    status = 404
    code = ErrorCode.NOT_FOUND


class UnknownModelError(NotFoundError):
    """A model id this server does not offer."""

    code = ErrorCode.UNKNOWN_MODEL


class ModelNotFoundError(GlassboxError):
    """A model name or folder that cannot be found locally (and could not be downloaded)."""

    status = 404
    code = ErrorCode.UNKNOWN_MODEL


class SupersededError(GlassboxError):
    """A newer request of the same page replaced this one; nothing was computed."""

    status = 409
    code = ErrorCode.SUPERSEDED


class BusyError(GlassboxError):
    """The server is already doing the one thing of this kind it allows at a time (e.g. a live run)."""

    status = 409
    code = ErrorCode.BUSY


class UnsupportedArchitectureError(GlassboxError):
    """A model whose architecture has no glassbox adapter."""

    status = 422
    code = ErrorCode.UNSUPPORTED_ARCHITECTURE


class CorruptedModelError(GlassboxError):
    """A model folder whose files exist but cannot be read (truncated or corrupted weights, bad config)."""

    status = 422
    code = ErrorCode.CORRUPTED_FILE


class CorruptedCheckpointError(CorruptedModelError):
    """A training checkpoint that is truncated, fails its checksum or cannot be read safely."""


class TrainingError(GlassboxError):
    """Training cannot start or continue as asked (bad config, nothing to resume, diverged loss)."""

    code = ErrorCode.TRAINING_ERROR


class NotBuiltError(GlassboxError):
    """The web app was not built into the package."""

    status = 503
    code = ErrorCode.NOT_BUILT
