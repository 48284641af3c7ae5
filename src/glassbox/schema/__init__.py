"""The data contract between Python and everything outside it.

``base`` holds the strict base classes, the dimension names and :class:`Site`; ``errors`` the one error
vocabulary; ``models`` the core payloads (re-exported here); the other modules each one family of payloads,
every one listed in its module's ``*_MODELS`` for :mod:`glassbox.schema.export`.
"""

from glassbox.schema.base import Dim, Site, SitePart
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
    load_trace_summary,
    tensor_payload,
)

__all__ = [
    "CORE_MODELS",
    "SCHEMA_VERSION",
    "Dim",
    "Generation",
    "GenerationStep",
    "LogitLens",
    "LogitLensCell",
    "ModelInfo",
    "SamplingSettings",
    "Site",
    "SitePart",
    "TensorPayload",
    "TokenInfo",
    "TopToken",
    "TraceSummary",
    "load_trace_summary",
    "tensor_payload",
]
