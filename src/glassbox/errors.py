"""Errors glassbox raises on purpose.

Every error a user can cause (bad input, a model that cannot be found, a corrupted file) is a
:class:`GlassboxError` whose message says what happened *and what to do*. The CLI prints these as one line,
the server turns them into 4xx JSON answers; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class GlassboxError(Exception):
    """Base class of every error glassbox raises deliberately."""

    code = "glassbox_error"


class InvalidInputError(GlassboxError, ValueError):
    """A prompt, token id list or sampling parameter that cannot be used as given."""

    code = "invalid_input"


class ModelNotFoundError(GlassboxError):
    """A model name or folder that cannot be found locally (and could not be downloaded)."""

    code = "model_not_found"


class UnsupportedArchitectureError(GlassboxError):
    """A model whose architecture has no glassbox adapter."""

    code = "unsupported_architecture"


class CorruptedModelError(GlassboxError):
    """A model folder whose files exist but cannot be read (truncated or corrupted weights, bad config)."""

    code = "corrupted_model"


class CorruptedCheckpointError(CorruptedModelError):
    """A training checkpoint that is truncated, fails its checksum or cannot be unpickled."""

    code = "corrupted_checkpoint"


class TrainingError(GlassboxError):
    """Training cannot start or continue as asked (bad config, nothing to resume, diverged loss)."""

    code = "training_error"
