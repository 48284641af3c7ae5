"""Model and training configuration: one commented dataclass and its presets.

The ``default`` preset (also named ``v2``) is the recipe of the shipped ``glassbox-tiny`` v2: everyday text in
seven languages, copying data, context 512, Llama-style blocks, a last anneal phase of facts after lead-ins;
about 55 minutes on two CPU cores (measured numbers are in docs/default-model.md). ``v1`` is the first
glassbox-tiny's recipe (templates only, GPT-2 blocks, context 128, ~20 minutes), kept so its figures can be
reproduced. ``micro`` trains in seconds and exists for tests and for the live "train a micro-model" demo.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from glassbox.errors import TrainingError

#: The configuration's key names before glassbox 2.0 (Hugging Face GPT-2's) → the house's dimension names.
#: Histories, metadata and resumable states written before the rename still carry the old ones.
RENAMED_KEYS = {
    "n_layer": "n_layers",
    "n_head": "n_heads",
    "n_embd": "d_model",
    "n_positions": "n_ctx",
    "vocab_size": "d_vocab",
}


#: the architectures :func:`glassbox.training.recipe.build_model` builds
ARCHS = ("gpt2", "llama")


@dataclass(frozen=True)
class TrainConfig:
    """Everything that determines a training run. Same config + same seed ⇒ same model, bit for bit (CPU)."""

    # --- corpus and tokenizer -------------------------------------------------------------------------
    seed: int = 0
    corpus_size: int = 60_000  # training documents (each 1-5 short sentences in one language)
    d_vocab: int = 4096  # BPE vocabulary; small enough that the embedding does not dominate the params
    # 1 = templates only (the shipped model); 2 = with everyday text (glassbox.training.corpus.CORPUS_VERSIONS)
    corpus_version: int = 1
    copy_fraction: float = 0.0  # share of the token stream that is random-token copying data (data.py)

    # --- model -----------------------------------------------------------------------------------------
    # "gpt2": learned positions, LayerNorm, GELU MLP (glassbox-tiny v1); "llama": rotary positions, RMSNorm, a
    # SwiGLU MLP of 8/3·d_model neurons, no biases. Induction heads form with rotary in short rows and not with
    # learned positions in this budget (pilots in docs/default-model.md)
    arch: str = "gpt2"
    n_layers: int = 4  # ≥ 2 layers are needed for induction heads (previous-token head + copy head)
    n_heads: int = 4
    d_model: int = 128  # d_head = d_model / n_heads = 32
    n_ctx: int = 128  # context length; every training sequence is exactly this long

    # --- a first phase of short rows, where induction heads form --------------------------------------
    short_steps: int = 0  # the first short_steps steps read rows of short_ctx tokens (as many tokens per step)
    short_ctx: int = 64
    short_copy_fraction: float = 0.5  # share of random-token copying in that phase's stream

    # --- a last "anneal" phase: facts after lead-ins, the weaker languages more often ----------------------
    # The last anneal_steps of `steps` read their own stream (corpus.anneal_documents) with a fresh AdamW:
    # anneal_warmup steps of linear warmup to anneal_lr, then linear decay to 0. The main schedule (cosine over
    # steps - anneal_steps) is unchanged by it, so a run's first steps - anneal_steps steps are those of the same
    # recipe without the phase.
    anneal_steps: int = 0
    anneal_lr: float = 5e-4
    anneal_warmup: int = 20

    # --- calibration: the last thing a run does --------------------------------------------------------
    # Fit one temperature T on hand-written held-out sentences (corpus_data CALIBRATION_SENTENCES) and fold it
    # into the final norm (glassbox.training.calibrate): no arg-max changes, the probabilities stop being
    # over-confident on text unlike the corpus. It does not change training, so a run resumes whatever it is.
    calibrate: bool = False

    # --- optimisation -------------------------------------------------------------------------------
    steps: int = 2100
    batch_size: int = 24  # sequences per step: batch_size * n_ctx tokens; small = more updates
    learning_rate: float = 3e-3  # peak; tiny models tolerate (and need) a high LR to learn fast
    min_lr_ratio: float = 0.1  # cosine decays to learning_rate * min_lr_ratio
    warmup_steps: int = 80
    weight_decay: float = 0.01  # low: facts are memorised, and decay fights memorisation
    grad_clip: float = 1.0
    beta1: float = 0.9
    beta2: float = 0.98

    # --- bookkeeping --------------------------------------------------------------------------------
    eval_interval: int = 100  # held-out loss every N steps
    eval_sequences: int = 32  # held-out sequences per evaluation (fixed set, same every time)
    history_checkpoints: int = 12  # log-spaced steps at which probe predictions are recorded
    weight_checkpoints: int = 4  # how many of those also keep their weights (float16) in checkpoints/
    state_interval: int = 100  # resumable training state (optimizer, RNG) every N steps
    threads: int = 0  # torch CPU threads; 0 = free cores (cores minus the load average), at least 1

    @property
    def tokens_per_step(self) -> int:
        return self.batch_size * self.n_ctx

    @property
    def main_steps(self) -> int:
        """The steps of the main schedule (all of them but the anneal phase)."""
        return self.steps - self.anneal_steps

    @property
    def short_batch(self) -> int:
        """Rows per step in the short phase: the same tokens per step as the main phase."""
        return self.tokens_per_step // self.short_ctx

    def check(self) -> None:
        """A clear error for a configuration no run can follow."""
        if self.arch not in ARCHS:
            raise TrainingError(f"unknown arch {self.arch!r}: choose one of {', '.join(ARCHS)}")
        if not 0 <= self.short_steps <= self.steps:
            raise TrainingError(f"short_steps ({self.short_steps}) must be between 0 and steps ({self.steps})")
        if not 0 <= self.anneal_steps < self.steps - self.short_steps:
            raise TrainingError(
                f"anneal_steps ({self.anneal_steps}) must be between 0 and steps - short_steps "
                f"({self.steps - self.short_steps - 1})"
            )
        if self.anneal_steps and (self.anneal_lr <= 0 or not 0 < self.anneal_warmup <= self.anneal_steps):
            raise TrainingError("anneal_lr must be positive and anneal_warmup between 1 and anneal_steps")
        if self.short_steps and (self.short_ctx < 2 or self.tokens_per_step % self.short_ctx):
            raise TrainingError(
                f"short_ctx ({self.short_ctx}) must divide the {self.tokens_per_step} tokens of a step "
                "(batch_size × n_ctx)"
            )
        for name in ("copy_fraction", "short_copy_fraction"):
            if not 0 <= getattr(self, name) < 1:
                raise TrainingError(f"{name} must be in [0, 1)")

    def replace(self, **changes: Any) -> TrainConfig:
        """A copy with some fields changed (``None`` values are ignored, so CLI options can pass through)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainConfig:
        """The config of a dict written by :meth:`to_dict`, now or before the key rename (see :func:`migrate_keys`)."""
        data = migrate_keys(data)
        unknown = set(data) - {f.name for f in dataclasses.fields(cls)}
        if unknown:
            raise TrainingError(f"unknown training config keys: {sorted(unknown)}")
        return cls(**data)


def migrate_keys(data: dict[str, Any]) -> dict[str, Any]:
    """A config dict with the pre-2.0 key names (``n_layer``, ``n_embd`` …) renamed; other keys unchanged."""
    return {RENAMED_KEYS.get(k, k): v for k, v in data.items()}


_V1 = TrainConfig()  # glassbox-tiny v1 (shipped until 2026-11-28): templates only, GPT-2 blocks, context 128

PRESETS: dict[str, TrainConfig] = {
    # glassbox-tiny v2: everyday text in 7 languages, random-token copying data, context 512, Llama-style blocks
    # (rotary positions: induction heads form in a first phase of 64-token rows), under one epoch of 250k
    # documents, and stopped before the held-out loss on new phrasings turns up; then 400 anneal steps on
    # fact-rich data with lead-ins, which lift held-out-frame facts from 80 % to ≥ 90 % in every language
    # and copy random words in every language; and a temperature fitted on hand-written sentences
    # (docs/default-model.md).
    "default": TrainConfig(
        corpus_size=250_000,
        corpus_version=2,
        copy_fraction=0.15,
        arch="llama",
        d_model=160,
        n_ctx=512,
        short_steps=900,
        short_ctx=64,
        short_copy_fraction=0.5,
        steps=2400,
        anneal_steps=400,
        anneal_lr=5e-4,
        calibrate=True,
        batch_size=12,
        learning_rate=2e-3,
        warmup_steps=100,
        weight_decay=0.1,
        weight_checkpoints=3,
    ),
    "v1": _V1,
    # Seconds on a laptop CPU: a 2-layer model on a small corpus; loss falls fast enough to see learning.
    "micro": TrainConfig(
        corpus_size=3000,
        d_vocab=1024,
        n_layers=2,
        n_heads=2,
        d_model=64,
        n_ctx=64,
        steps=200,
        batch_size=16,
        learning_rate=5e-3,
        warmup_steps=15,
        eval_interval=25,
        eval_sequences=16,
        history_checkpoints=6,
        weight_checkpoints=2,
        state_interval=50,
    ),
}
PRESETS["v2"] = PRESETS["default"]  # the shipped recipe under its version name


def preset(name: str) -> TrainConfig:
    """The named preset; raises ``KeyError`` with the valid names."""
    try:
        return PRESETS[name]
    except KeyError:
        raise KeyError(f"unknown preset {name!r}: choose one of {', '.join(PRESETS)}") from None
