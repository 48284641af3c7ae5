"""Transcoders: sparse, readable replacements of a model's MLPs, in circuit-tracer's file format.

:mod:`glassbox.transcoders.format` holds the per-layer transcoder set and its files (``config.yaml`` plus one
``layer_{i}.safetensors`` per layer). The graph engine (:mod:`glassbox.graph`) and the trainer
(:mod:`glassbox.training.transcoders`) build on it.
"""

from glassbox.transcoders.format import (
    INPUT_HOOKS,
    OUTPUT_HOOKS,
    Transcoder,
    TranscoderSet,
    load_transcoders,
    random_transcoders,
    save_transcoders,
)

__all__ = [
    "INPUT_HOOKS",
    "OUTPUT_HOOKS",
    "Transcoder",
    "TranscoderSet",
    "load_transcoders",
    "random_transcoders",
    "save_transcoders",
]
