"""glassbox: see inside a language model, with real numbers.

The public API is small and imported lazily so that ``import glassbox`` (and ``glassbox --help``) stay fast:

>>> import glassbox
>>> model = glassbox.load_model()                  # the embedded glassbox-tiny model, offline
>>> t = glassbox.trace(model, "The capital of France is")
>>> t.logit_lens(k=3)                               # what every layer would predict
>>> g = glassbox.generate(model, "Once upon a time", max_new_tokens=10, temperature=0.8, seed=1)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from glassbox.analysis.attribution import attribute, attribute_generation
    from glassbox.analysis.patching import patch, patch_cell
    from glassbox.analysis.scoring import score_text
    from glassbox.animatedllm import read_animatedllm, to_animatedllm, write_animatedllm
    from glassbox.comparison import compare_models
    from glassbox.export_site import export_site
    from glassbox.generation import generate
    from glassbox.graph.circuits import circuits_graph
    from glassbox.graph.engine import AttributionGraph, attribution_graph
    from glassbox.graph.feature_interventions import intervene_features
    from glassbox.interventions import ablate
    from glassbox.models.loading import LoadedModel, load_model
    from glassbox.notebook import show, widget
    from glassbox.schema.models import Generation
    from glassbox.traces import load_prompt_trace, trace_prompts
    from glassbox.tracing import Trace, trace
    from glassbox.training.checkpoint_replay import CheckpointSet, checkpoint_replay, open_checkpoints
    from glassbox.training.feature_cards import feature_cards
    from glassbox.transcoders.clt import CrossLayerTranscoder
    from glassbox.transcoders.format import TranscoderSet, load_transcoders, save_transcoders

__all__ = [
    "AttributionGraph",
    "CheckpointSet",
    "CrossLayerTranscoder",
    "Generation",
    "LoadedModel",
    "Trace",
    "TranscoderSet",
    "__version__",
    "ablate",
    "attribute",
    "attribute_generation",
    "attribution_graph",
    "checkpoint_replay",
    "circuits_graph",
    "compare_models",
    "export_site",
    "feature_cards",
    "generate",
    "intervene_features",
    "load_model",
    "load_prompt_trace",
    "load_transcoders",
    "open_checkpoints",
    "patch",
    "patch_cell",
    "read_animatedllm",
    "save_transcoders",
    "score_text",
    "show",
    "to_animatedllm",
    "trace",
    "trace_prompts",
    "widget",
    "write_animatedllm",
]

_LAZY = {
    "load_model": ("glassbox.models.loading", "load_model"),
    "LoadedModel": ("glassbox.models.loading", "LoadedModel"),
    "trace": ("glassbox.tracing", "trace"),
    "compare_models": ("glassbox.comparison", "compare_models"),
    "Trace": ("glassbox.tracing", "Trace"),
    "trace_prompts": ("glassbox.traces", "trace_prompts"),
    "load_prompt_trace": ("glassbox.traces", "load_prompt_trace"),
    "export_site": ("glassbox.export_site", "export_site"),
    "generate": ("glassbox.generation", "generate"),
    "Generation": ("glassbox.schema.models", "Generation"),
    "attribute": ("glassbox.analysis.attribution", "attribute"),
    "attribute_generation": ("glassbox.analysis.attribution", "attribute_generation"),
    "ablate": ("glassbox.interventions", "ablate"),
    "patch": ("glassbox.analysis.patching", "patch"),
    "patch_cell": ("glassbox.analysis.patching", "patch_cell"),
    "score_text": ("glassbox.analysis.scoring", "score_text"),
    "attribution_graph": ("glassbox.graph.engine", "attribution_graph"),
    "AttributionGraph": ("glassbox.graph.engine", "AttributionGraph"),
    "circuits_graph": ("glassbox.graph.circuits", "circuits_graph"),
    "intervene_features": ("glassbox.graph.feature_interventions", "intervene_features"),
    "feature_cards": ("glassbox.training.feature_cards", "feature_cards"),
    "checkpoint_replay": ("glassbox.training.checkpoint_replay", "checkpoint_replay"),
    "open_checkpoints": ("glassbox.training.checkpoint_replay", "open_checkpoints"),
    "CheckpointSet": ("glassbox.training.checkpoint_replay", "CheckpointSet"),
    "TranscoderSet": ("glassbox.transcoders.format", "TranscoderSet"),
    "CrossLayerTranscoder": ("glassbox.transcoders.clt", "CrossLayerTranscoder"),
    "load_transcoders": ("glassbox.transcoders.format", "load_transcoders"),
    "save_transcoders": ("glassbox.transcoders.format", "save_transcoders"),
    "read_animatedllm": ("glassbox.animatedllm", "read_animatedllm"),
    "to_animatedllm": ("glassbox.animatedllm", "to_animatedllm"),
    "write_animatedllm": ("glassbox.animatedllm", "write_animatedllm"),
    "widget": ("glassbox.notebook", "widget"),
    "show": ("glassbox.notebook", "show"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module_name, attr = _LAZY[name]
        return getattr(importlib.import_module(module_name), attr)
    raise AttributeError(f"module 'glassbox' has no attribute {name!r}")
