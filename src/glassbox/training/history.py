"""The training-history file (``history.json``): what the pre-training view replays.

One :class:`TrainingHistory` per run, written next to the model and rewritten atomically at every
checkpoint. It holds

* ``steps`` — one :class:`StepRecord` per optimizer step: train loss (mean cross-entropy over the batch),
  learning rate, tokens seen so far, wall-clock seconds;
* ``heldout`` — held-out loss every ``eval_interval`` steps (a fixed set of held-out sequences);
* ``checkpoints`` — the log-spaced steps (step 0 = the untrained model included), with losses and, when
  the weights were kept, the folder (relative to the model folder) that holds them;
* ``probes`` — fixed prompts in every language, and ``snapshots`` — at every checkpoint the top-k next-token
  predictions (token id, token text, probability) for each probe.

Bump :data:`HISTORY_SCHEMA_VERSION` on any incompatible change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

HISTORY_SCHEMA_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StepRecord(_Model):
    step: int = Field(description="optimizer steps completed (1-based)")
    loss: float = Field(description="mean training cross-entropy of this step's batch, in nats")
    lr: float = Field(description="learning rate used for this step")
    tokens_seen: int = Field(description="training tokens consumed up to and including this step")
    elapsed_s: float = Field(description="wall-clock seconds of training so far (resumed runs add up)")


class HeldoutRecord(_Model):
    step: int
    loss: float = Field(description="mean cross-entropy on the fixed held-out sequences, in nats")


class CheckpointRecord(_Model):
    step: int
    tokens_seen: int
    train_loss: float | None = Field(description="train loss of this step (None at step 0)")
    heldout_loss: float
    weights: str | None = Field(description="folder with config.json + model.safetensors (float16), or None")


class Probe(_Model):
    id: str
    language: str
    family: str
    prompt: str
    expected: str = Field(description="the continuation a fully trained model should predict")
    token_ids: list[int] = Field(description="the prompt's token ids (beginning-of-text token included)")


class TokenProb(_Model):
    token_id: int
    token: str = Field(description="the token on its own; incomplete UTF-8 shown as its bytes, e.g. <e4 b8>")
    prob: float


class ProbePrediction(_Model):
    probe_id: str
    top: list[TokenProb] = Field(description="top-k next-token predictions after the prompt, best first")


class Snapshot(_Model):
    step: int
    predictions: list[ProbePrediction]


class TrainingHistory(_Model):
    """The whole history of one training run."""

    schema_version: int = HISTORY_SCHEMA_VERSION
    kind: Literal["training_history"] = "training_history"
    model_name: str
    config: dict[str, Any]
    corpus: dict[str, Any] = Field(default_factory=dict, description="corpus and tokenizer statistics")
    device: str = "cpu"
    top_k: int = 5
    steps: list[StepRecord] = Field(default_factory=list)
    heldout: list[HeldoutRecord] = Field(default_factory=list)
    checkpoints: list[CheckpointRecord] = Field(default_factory=list)
    probes: list[Probe] = Field(default_factory=list)
    snapshots: list[Snapshot] = Field(default_factory=list)
    completed: bool = False
    train_seconds: float = 0.0

    def truncate(self, step: int) -> None:
        """Forget everything recorded after ``step`` (resuming from a checkpoint at ``step``)."""
        self.steps = [s for s in self.steps if s.step <= step]
        self.heldout = [h for h in self.heldout if h.step <= step]
        self.checkpoints = [c for c in self.checkpoints if c.step <= step]
        self.snapshots = [s for s in self.snapshots if s.step <= step]
        self.completed = False


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and ``os.replace`` (never a half-written file)."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def save_history(history: TrainingHistory, path: Path) -> None:
    atomic_write_text(path, json.dumps(history.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")))


def load_history(path: Path) -> TrainingHistory:
    return TrainingHistory.model_validate_json(path.read_text(encoding="utf-8"))
