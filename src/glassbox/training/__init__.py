"""Training a tiny model from scratch: corpus generator, BPE tokenizer, GPT-2 training loop, history, evaluation.

The public entry points are imported lazily (torch and transformers are heavy):

>>> from glassbox.training import preset
>>> from glassbox.training.train import train          # (the submodule is also called ``train``)
>>> result = train(preset("micro"), "runs/micro")       # seconds on a CPU
>>> result.history.steps[-1].loss

Modules: :mod:`~glassbox.training.corpus` (the generated multilingual corpus and its held-out split),
:mod:`~glassbox.training.tokenizer` (byte-level BPE), :mod:`~glassbox.training.config` (presets),
:mod:`~glassbox.training.recipe` (model, optimizer, schedule, one step), :mod:`~glassbox.training.train`
(the loop, checkpoints, resume), :mod:`~glassbox.training.history` (reading and writing the history file the
pre-training view replays), :mod:`~glassbox.training.evaluate`, :mod:`~glassbox.training.explain` and
:mod:`~glassbox.training.views` (the pre-training view's single step and comparisons),
:mod:`~glassbox.training.live` (live micro-training), :mod:`~glassbox.training.commands` (``glassbox train`` /
``glassbox eval``). The shapes of the files and payloads live in :mod:`glassbox.schema`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from glassbox.schema.history import TrainingHistory
    from glassbox.training.config import TrainConfig, preset
    from glassbox.training.history import load_history

__all__ = ["TrainConfig", "TrainingHistory", "load_history", "preset"]

_LAZY = {
    "TrainConfig": "glassbox.training.config",
    "preset": "glassbox.training.config",
    "TrainingHistory": "glassbox.schema.history",
    "load_history": "glassbox.training.history",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'glassbox.training' has no attribute {name!r}")
