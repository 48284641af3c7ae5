"""One adapter per architecture family; :func:`adapter_for` picks it from ``config.model_type``."""

from __future__ import annotations

from typing import Any

from glassbox.errors import UnsupportedArchitectureError
from glassbox.models.adapters.base import Adapter, MlpOut, NormSpec
from glassbox.models.adapters.cohere import CohereAdapter
from glassbox.models.adapters.gemma import GemmaAdapter
from glassbox.models.adapters.gemma4 import Gemma4Adapter
from glassbox.models.adapters.gpt2 import GPT2Adapter
from glassbox.models.adapters.gpt_neox import GPTNeoXAdapter
from glassbox.models.adapters.llama import LlamaAdapter
from glassbox.models.adapters.moe import GptOssAdapter, MoeAdapter
from glassbox.models.adapters.phi3 import Phi3Adapter
from glassbox.models.adapters.qwen3_5 import Qwen35Adapter
from glassbox.models.adapters.smollm3 import SmolLM3Adapter

ADAPTERS: tuple[type[Adapter], ...] = (
    GPT2Adapter,
    LlamaAdapter,
    CohereAdapter,
    GPTNeoXAdapter,
    GemmaAdapter,
    Gemma4Adapter,
    Phi3Adapter,
    SmolLM3Adapter,
    Qwen35Adapter,
    MoeAdapter,
    GptOssAdapter,
)

#: model_type -> adapter class, e.g. "qwen3" -> LlamaAdapter
BY_MODEL_TYPE: dict[str, type[Adapter]] = {mt: a for a in ADAPTERS for mt in a.model_types}


def supported_model_types() -> list[str]:
    return sorted(BY_MODEL_TYPE)


def check_supported(model_type: str) -> type[Adapter]:
    try:
        return BY_MODEL_TYPE[model_type]
    except KeyError:
        raise UnsupportedArchitectureError(
            f"architecture {model_type!r} is not supported; glassbox supports: {', '.join(supported_model_types())}"
        ) from None


def adapter_for(hf: Any) -> Adapter:
    """The adapter for a loaded transformers causal LM."""
    return check_supported(str(hf.config.model_type))(hf)


__all__ = [
    "ADAPTERS",
    "Adapter",
    "MlpOut",
    "NormSpec",
    "adapter_for",
    "check_supported",
    "supported_model_types",
]
