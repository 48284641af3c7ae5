"""SmolLM3: a Llama block in which some layers have no positional encoding at all (NoPE).

``config.no_rope_layers[l]`` is 1 where layer l rotates q and k, 0 where it does not (every fourth layer by
default); a NoPE layer's attention sees token order only through the causal mask."""

from __future__ import annotations

from typing import ClassVar

from glassbox.models.adapters.llama import LlamaAdapter


class SmolLM3Adapter(LlamaAdapter):
    family: ClassVar[str] = "smollm3"
    model_types: ClassVar[tuple[str, ...]] = ("smollm3",)

    def rope_layer(self, layer: int) -> bool:
        return bool(self.config.no_rope_layers[layer])

    def sliding_window(self, layer: int) -> int | None:
        window = getattr(self.config, "sliding_window", None)
        sliding = self.config.layer_types[layer] == "sliding_attention"
        return int(window) if window and self.config.use_sliding_window and sliding else None
