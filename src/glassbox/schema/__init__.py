"""The data contract between Python and everything outside it (see :mod:`glassbox.schema.models`)."""

from glassbox.schema.models import (
    CORE_MODELS,
    SCHEMA_VERSION,
    Generation,
    GenerationStep,
    LogitLens,
    LogitLensCell,
    ModelInfo,
    SamplingSettings,
    TensorPayload,
    TokenInfo,
    TopToken,
    TraceSummary,
    tensor_payload,
)

__all__ = [
    "CORE_MODELS",
    "SCHEMA_VERSION",
    "Generation",
    "GenerationStep",
    "LogitLens",
    "LogitLensCell",
    "ModelInfo",
    "SamplingSettings",
    "TensorPayload",
    "TokenInfo",
    "TopToken",
    "TraceSummary",
    "tensor_payload",
]
