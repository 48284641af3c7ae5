"""Transcoders: sparse, readable replacements of a model's MLPs, in circuit-tracer's file format.

:mod:`glassbox.transcoders.format` holds the per-layer transcoder set and its files (``config.yaml`` plus one
``layer_{i}.safetensors`` per layer); :mod:`glassbox.transcoders.clt` the cross-layer kind. The graph engine
(:mod:`glassbox.graph`) and the trainer (:mod:`glassbox.training.transcoders`) build on them.
"""

from glassbox.transcoders.clt import CrossLayerTranscoder, random_clt, save_clt
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
    "CrossLayerTranscoder",
    "Transcoder",
    "TranscoderSet",
    "load_transcoders",
    "random_clt",
    "random_transcoders",
    "save_clt",
    "save_transcoders",
]
