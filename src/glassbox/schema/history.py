"""The files a training run writes: its history (``history.json``) and its metadata (``glassbox.json``).

One :class:`TrainingHistory` per run, written next to the model and rewritten atomically at every
checkpoint; the pre-training view replays it. It holds

* ``steps`` — one :class:`StepRecord` per optimizer step: train loss (mean cross-entropy over the batch),
  learning rate, tokens seen so far, wall-clock seconds;
* ``heldout`` — held-out loss every ``eval_interval`` steps (a fixed set of held-out sequences);
* ``checkpoints`` — the log-spaced steps (step 0 = the untrained model included), with losses and, when
  the weights were kept, the folder (relative to the model folder) that holds them;
* ``probes`` — fixed prompts in every language, and ``snapshots`` — at every checkpoint the top-k next-token
  predictions (token id, token text, probability) for each probe;
* ``calibration`` — when the run ended with a temperature fit (``TrainConfig.calibrate``), the temperature folded
  into the final model and the losses before and after it; the last checkpoint's held-out loss and probe
  predictions are then those of the calibrated model, the one written next to the history.

Both files carry ``schema_version``; files written before version 2.0 (history ``schema_version: 1``, the
old configuration key names) are migrated when read, by :mod:`glassbox.training.history`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from glassbox.schema.base import Payload, Strict
from glassbox.schema.evaluation import EvalReport


class StepRecord(Strict):
    step: int = Field(description="optimizer steps completed (1-based)")
    loss: float = Field(description="mean training cross-entropy of this step's batch, in nats")
    lr: float = Field(description="learning rate used for this step")
    tokens_seen: int = Field(description="training tokens consumed up to and including this step")
    elapsed_s: float = Field(description="wall-clock seconds of training so far (resumed runs add up)")


class HeldoutRecord(Strict):
    step: int
    loss: float = Field(description="mean cross-entropy on the fixed held-out sequences, in nats")


class CheckpointRecord(Strict):
    step: int
    tokens_seen: int
    train_loss: float | None = Field(description="train loss of this step (None at step 0)")
    heldout_loss: float
    weights: str | None = Field(description="folder with config.json + model.safetensors (float16), or None")


class Probe(Strict):
    id: str
    language: str
    task: str = Field(description="what the probe tests: a fact relation (capital, city_country, …), ioi, sequence")
    prompt: str
    expected: str = Field(description="the continuation a fully trained model should predict")
    token_ids: list[int] = Field(description="the prompt's token ids (beginning-of-text token included)")


class TokenProb(Strict):
    token_id: int
    token: str = Field(description="the token on its own; incomplete UTF-8 shown as its bytes, e.g. <e4 b8>")
    prob: float


class ProbePrediction(Strict):
    probe_id: str
    top: list[TokenProb] = Field(description="top-k next-token predictions after the prompt, best first")


class Snapshot(Strict):
    step: int
    predictions: list[ProbePrediction]


class DocumentCounts(Strict):
    """Documents and characters of one split of the generated corpus."""

    documents_per_language: dict[str, int]
    characters_per_language: dict[str, int]
    documents_per_genre: dict[str, int] = Field(description="fact, two_hop, story, sequence, induction")


class CorpusSplits(Strict):
    train: DocumentCounts
    heldout: DocumentCounts


class CorpusSummary(Strict):
    """The corpus and tokenizer a run trained on."""

    stats: CorpusSplits
    train_tokens: int = Field(description="tokens in the training stream")
    train_sequences: int = Field(description="possible training sequences (one per document start)")
    heldout_sequences: int = Field(description="held-out sequences the held-out loss is measured on")
    d_vocab: int = Field(description="tokens in the trained BPE vocabulary")
    prepare_seconds: float = Field(description="seconds to generate the corpus and train the tokenizer")


class TemperatureFit(Strict):
    """The temperature a run divided its final logits by (folded into the final norm), fitted on held-out text."""

    temperature: float = Field(description="T: the final model's logits are the trained weights' logits ÷ T")
    sentences: int = Field(description="hand-written sentences it was fitted on (CALIBRATION_SENTENCES, 7 languages)")
    tokens: int = Field(description="next-token predictions in those sentences")
    fit_loss_before: float = Field(description="mean next-token loss on those sentences at T = 1, in nats")
    fit_loss_after: float = Field(description="the same at the fitted T (its minimum), in nats")
    heldout_loss_before: float = Field(description="the held-out loss of the last checkpoint before the fit")
    heldout_loss_after: float = Field(description="the same after it (the last checkpoint's recorded value)")


class TrainingHistory(Payload):
    """The whole history of one training run."""

    kind: Literal["training_history"] = "training_history"
    model_name: str
    config: dict[str, Any] = Field(description="the run's TrainConfig (glassbox.training.config) as a dict")
    corpus: CorpusSummary | None = None
    device: str = "cpu"
    top_k: int = 5
    steps: list[StepRecord] = Field(default_factory=list)
    heldout: list[HeldoutRecord] = Field(default_factory=list)
    checkpoints: list[CheckpointRecord] = Field(default_factory=list)
    probes: list[Probe] = Field(default_factory=list)
    snapshots: list[Snapshot] = Field(default_factory=list)
    completed: bool = False
    train_seconds: float = 0.0
    calibration: TemperatureFit | None = None

    def truncate(self, step: int) -> None:
        """Forget everything recorded after ``step`` (resuming from a checkpoint at ``step``)."""
        self.steps = [s for s in self.steps if s.step <= step]
        self.heldout = [h for h in self.heldout if h.step <= step]
        self.checkpoints = [c for c in self.checkpoints if c.step <= step]
        self.snapshots = [s for s in self.snapshots if s.step <= step]
        self.completed = False
        self.calibration = None


class TrainedModelMetadata(Payload):
    """``glassbox.json``: what a finished run says about the model it wrote."""

    kind: Literal["trained_model"] = "trained_model"
    name: str
    description: str
    languages: list[str]
    architecture: str = Field(description="the Hugging Face model_type (gpt2 or llama)")
    parameters: int
    config: dict[str, Any] = Field(description="the run's TrainConfig as a dict")
    device: str
    train_seconds: float
    train_tokens_seen: int
    final_train_loss: float | None
    final_heldout_loss: float | None
    evaluation: EvalReport | None = Field(description="the held-out evaluation, None when it was skipped")


HISTORY_MODELS: list[type[BaseModel]] = [TrainingHistory, TrainedModelMetadata]
