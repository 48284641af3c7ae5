"""The training loop: corpus → tokenizer → GPT-2 or Llama-style model → AdamW, warmup + cosine → history, checkpoints.

Phases: an optional first phase of short rows (``short_steps``: induction heads form there), the main phase, and
an optional last anneal phase (``anneal_steps``: a fresh AdamW with its own short schedule on
:func:`~glassbox.training.corpus.anneal_documents`, facts after lead-ins).

``train(config, out_dir)`` writes into ``out_dir`` a standard Hugging Face model folder (config.json,
model.safetensors, generation_config.json, tokenizer files), ``history.json``, ``glassbox.json`` (metadata and
evaluation), ``checkpoints/step-*/`` weight snapshots and, last, ``checksums.json`` (the SHA-256 of every one
of those files, verified by the readers). While it runs, ``train-state/`` holds resumable
states (deleted when the run completes). Dropout is off, the batch order is a function of the step index and
all RNG states are saved, so an interrupted and resumed run follows the same trajectory as an uninterrupted one.

The loop is a :class:`TrainingRun`: ``step()`` trains on one batch, ``checkpoint()`` records probes and
(sometimes) weights, ``save()`` writes a resumable state and ``run()`` strings them together.
"""

from __future__ import annotations

import logging
import math
import os
import random
import shutil
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from glassbox.errors import TrainingError
from glassbox.models.loading import resolve_device
from glassbox.models.tokens import readable_text
from glassbox.schema.base import SCHEMA_VERSION
from glassbox.schema.evaluation import EvalReport
from glassbox.schema.history import (
    CheckpointRecord,
    CorpusSummary,
    HeldoutRecord,
    Probe,
    ProbePrediction,
    Snapshot,
    StepRecord,
    TemperatureFit,
    TokenProb,
    TrainedModelMetadata,
    TrainingHistory,
)
from glassbox.training import checkpoint as ckpt
from glassbox.training.calibrate import fit_temperature, fold_temperature, mean_loss, next_token_logits
from glassbox.training.config import TrainConfig, migrate_keys
from glassbox.training.corpus import LANGS, Corpus, anneal_documents, calibration_sentences, generate_corpus
from glassbox.training.data import BatchSource, encode_documents, heldout_sequences
from glassbox.training.evaluate import evaluate_model, probe_completions
from glassbox.training.files import major_version, remove_manifest, write_manifest
from glassbox.training.history import (
    HISTORY_FILE,
    METADATA_FILE,
    history_from_json,
    load_history,
    save_history,
    save_metadata,
)
from glassbox.training.recipe import (
    build_anneal_optimizer,
    build_model,
    build_optimizer,
    heldout_loss,
    set_threads,
    train_step,
)
from glassbox.training.tokenizer import SPECIAL_TOKEN, load_tokenizer, save_tokenizer, train_tokenizer

log = logging.getLogger(__name__)

MODEL_NAME = "glassbox-tiny"
#: documents generated for the anneal phase (more than its steps read: 400 steps × 12 rows is ~4,800 rows)
ANNEAL_DOCUMENTS = 30_000
ARCH_WORDS = {"gpt2": "GPT-2-architecture", "llama": "Llama-architecture"}


def description(arch: str) -> str:
    """glassbox.json's description of a model trained with ``arch``."""
    return (
        f"A tiny {ARCH_WORDS.get(arch, arch)} model that glassbox trains itself on a corpus it generates: "
        "everyday text (encyclopedic paragraphs, stories, dialogues, instructions, lists, numbers), facts, "
        "two-hop facts and copying exercises in seven languages."
    )


@dataclass
class TrainResult:
    out_dir: Path
    history: TrainingHistory
    completed: bool
    evaluation: EvalReport | None


def history_steps(config: TrainConfig) -> list[int]:
    """Log-spaced steps (0 and the last step included) at which probes are recorded: early learning is dense.

    They are spaced over the main schedule; an anneal phase (``anneal_steps``) adds its last step.
    """
    n, main = max(2, config.history_checkpoints), config.main_steps
    steps = {0, main, config.steps}
    if n > 2:
        steps |= {max(1, round(main ** (i / (n - 2)))) for i in range(n - 1)}
    return sorted(s for s in steps if s <= config.steps)


def weight_steps(config: TrainConfig) -> list[int]:
    """The subset of :func:`history_steps` whose weights are kept (spread out; 0 and the main end excluded)."""
    inner = [s for s in history_steps(config) if 0 < s < config.main_steps]
    k = min(config.weight_checkpoints, len(inner))
    if k <= 0:
        return []
    idx = sorted({round(i * (len(inner) - 1) / max(k - 1, 1)) for i in range(k)})
    return [inner[i] for i in idx]


def prepare(config: TrainConfig, out_dir: Path, reuse_tokenizer: bool) -> tuple[Corpus, Any, Any]:
    """Generate the corpus and train (or, when resuming, reload) the tokenizer; returns (corpus, raw, hf)."""
    corpus = generate_corpus(config.corpus_size, seed=config.seed, version=config.corpus_version)
    if reuse_tokenizer and (out_dir / "tokenizer.json").exists():
        hf = load_tokenizer(out_dir)
    else:
        raw = train_tokenizer((d.text for d in corpus.train), d_vocab=config.d_vocab)
        hf = save_tokenizer(raw, out_dir, model_max_length=config.n_ctx)
    if hf.convert_tokens_to_ids(SPECIAL_TOKEN) != 0:
        raise TrainingError(f"the tokenizer in {out_dir} does not have {SPECIAL_TOKEN} at id 0; use a new --out")
    return corpus, hf.backend_tokenizer, hf


def make_probes(tokenizer: Any) -> list[Probe]:
    """The fixed prompts whose predictions every checkpoint records (:func:`~.evaluate.probe_completions`)."""
    return [
        Probe(
            id=f"{c.language}-{c.task}-{c.key}",
            language=c.language,
            task=c.task,
            prompt=c.prompt,
            expected=c.answer,
            token_ids=tokenizer(c.prompt)["input_ids"],
        )
        for c in probe_completions()
    ]


@torch.no_grad()
def probe_snapshot(model: Any, tokenizer: Any, probes: list[Probe], step: int, k: int) -> Snapshot:
    """The top-``k`` next-token predictions after every probe prompt."""
    model.eval()
    device = next(model.parameters()).device
    preds = []
    for p in probes:
        logits = model(input_ids=torch.tensor([p.token_ids], device=device)).logits  # [1, pos, d_vocab]
        top = torch.topk(torch.softmax(logits[0, -1].float(), -1), k)
        tops = [
            TokenProb(token_id=int(i), token=readable_text(tokenizer, [int(i)]), prob=round(float(v), 6))
            for v, i in zip(top.values, top.indices, strict=True)
        ]
        preds.append(ProbePrediction(probe_id=p.id, top=tops))
    model.train()
    return Snapshot(step=step, predictions=preds)


def _rng_state() -> dict[str, Any]:
    return {
        "torch": torch.get_rng_state(),
        "python": random.getstate(),
        "cuda": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else None,
    }


def _set_rng_state(state: dict[str, Any]) -> None:
    torch.set_rng_state(state["torch"])
    random.setstate(state["python"])
    if state.get("cuda") is not None and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])


def _comparable(config: dict[str, Any]) -> dict[str, Any]:
    # Keys added since a state was written take their defaults, which reproduce the older behaviour
    # (corpus_version 1, no copying data), so such a state still resumes. The thread count changes speed, not
    # the run: a resumed run may use a different one.
    # Calibration happens after the last step, so it does not change the run either.
    full = TrainConfig.from_dict(config).to_dict()
    return {k: v for k, v in full.items() if k not in ("threads", "calibrate")}


class TrainingRun:
    """One training run into ``out_dir``: fresh, or continued from the newest usable resumable state.

    Building it prepares everything (corpus, tokenizer, batches, model, optimizer, history); :meth:`run`
    trains. ``on_step`` is called with every step's record (live views).
    """

    def __init__(
        self,
        config: TrainConfig,
        out_dir: str | Path,
        *,
        resume: bool = False,
        extend: bool = False,
        device: str = "auto",
        on_step: Callable[[StepRecord], None] | None = None,
    ) -> None:
        self.config, self.out, self.on_step = config, Path(out_dir), on_step
        self.out.mkdir(parents=True, exist_ok=True)
        self.device = resolve_device(device)
        threads = set_threads(config) if self.device.type == "cpu" else 0
        log.info("training on %s%s", self.device, f" with {threads} thread(s)" if threads else "")
        # (a refused --extend or --resume leaves the folder as it was, its checksums included)
        state = self._finished_state() if extend else self._load_state() if resume else None
        remove_manifest(self.out)  # the files are about to change; finish() writes a fresh one
        if resume and state is None:
            log.info("nothing to resume in %s: starting from scratch", self.out)
        if state is None:
            # A fresh run must not mix with an older run's leftovers.
            shutil.rmtree(self.out / ckpt.STATE_DIR, ignore_errors=True)
            shutil.rmtree(self.out / "checkpoints", ignore_errors=True)

        t_prep = time.perf_counter()
        self.corpus, raw_tok, self.tokenizer = prepare(config, self.out, reuse_tokenizer=state is not None)
        config.check()
        self.source = BatchSource(
            encode_documents(raw_tok, self.corpus.train, config.copy_fraction, config.seed),
            config.n_ctx,
            config.batch_size,
            config.seed,
        )
        # the short-row first phase (config.short_steps): its own stream, copying-heavy, as many tokens per step
        self.short_source = (
            BatchSource(
                encode_documents(raw_tok, self.corpus.train, config.short_copy_fraction, config.seed + 1),
                config.short_ctx,
                config.short_batch,
                config.seed + 1,
            )
            if config.short_steps
            else None
        )
        # the anneal phase (config.anneal_steps): its own documents and stream, the same copying share
        self.anneal_source = (
            BatchSource(
                encode_documents(
                    raw_tok,
                    anneal_documents(min(ANNEAL_DOCUMENTS, config.corpus_size), config.seed),
                    config.copy_fraction,
                    config.seed + 2,
                ),
                config.n_ctx,
                config.batch_size,
                config.seed + 2,
            )
            if config.anneal_steps
            else None
        )
        held = heldout_sequences(raw_tok, self.corpus.heldout, config.n_ctx, config.eval_sequences, config.seed)
        self.heldout_seqs = held.to(self.device)  # [eval_sequences, pos]
        prep_s = time.perf_counter() - t_prep

        self.model = build_model(config).to(self.device)
        self.opt, self.sched = build_optimizer(self.model, config)
        self.probes = make_probes(self.tokenizer)
        self.start, self.elapsed = 0, 0.0
        self.history = self._new_history(prep_s) if state is None else self._restore(state)
        self.hist_steps, self.keep_weights = set(history_steps(config)), set(weight_steps(config))
        self._heldout: dict[int, float] = {}
        # wall clock of the current session of run(); elapsed = earlier sessions + this one
        self._t0, self._elapsed0 = time.perf_counter(), self.elapsed

    # --- setup ------------------------------------------------------------------------------------------

    def _load_state(self) -> dict[str, Any] | None:
        """The newest usable resumable state, migrated to the current shape, if it belongs to this config."""
        state = ckpt.load_latest_state(self.out)
        if state is None:
            return None
        where = self.out / ckpt.STATE_DIR
        if major_version(state.get("schema_version"), where) == 1:
            state = {**state, "config": migrate_keys(state["config"])}  # its history migrates when parsed
        saved, ours = _comparable(state["config"]), _comparable(self.config.to_dict())
        if saved != ours:
            changed = sorted(k for k, v in ours.items() if saved.get(k) != v)
            raise TrainingError(
                f"the run in {self.out} was started with different settings ({', '.join(changed)}):"
                " resume with the same options, or choose a new --out"
            )
        return state

    def _finished_state(self) -> dict[str, Any]:
        """A finished run in ``out_dir`` as a state at its last step, to go on with an anneal phase (``--extend``).

        The run must be this config without its anneal phase: the same settings, ``steps`` = our main steps. The
        anneal phase starts with a fresh optimizer, so weights and history are all it needs; what follows is then
        the same as a run of this config from scratch (tested).
        """
        config = self.config
        if ckpt.list_states(self.out):
            raise TrainingError(f"the run in {self.out} is not finished: continue it with --resume")
        if not (self.out / HISTORY_FILE).is_file():
            raise TrainingError(f"nothing to extend in {self.out}: it holds no finished run ({HISTORY_FILE})")
        history = load_history(self.out / HISTORY_FILE)
        old = TrainConfig.from_dict(history.config)
        if not history.completed or not history.steps or history.steps[-1].step != old.steps:
            raise TrainingError(f"the run in {self.out} is not finished: continue it with --resume")
        if history.calibration is not None:
            raise TrainingError(
                f"the run in {self.out} was calibrated (its logits ÷ {history.calibration.temperature} are folded "
                "into its weights): an anneal phase must start from the trained weights, so train the first part "
                "with --no-calibrate, or the whole recipe at once"
            )
        if not config.anneal_steps or old.anneal_steps or old.steps != config.main_steps:
            raise TrainingError(
                f"--extend adds an anneal phase to a finished run: the run in {self.out} has {old.steps} steps"
                f"{' and an anneal phase' if old.anneal_steps else ''}, so give --steps {old.steps} + --anneal-steps"
                f" (now --steps {config.steps}, --anneal-steps {config.anneal_steps})"
            )
        anneal = {"steps", "anneal_steps", "anneal_lr", "anneal_warmup"}
        saved, ours = _comparable(old.to_dict()), _comparable(config.to_dict())
        changed = sorted(k for k, v in ours.items() if k not in anneal and saved.get(k) != v)
        if changed:
            raise TrainingError(
                f"the run in {self.out} was trained with different settings ({', '.join(changed)}):"
                " extend it with the same options"
            )
        history.config, history.completed = config.to_dict(), False
        from transformers import AutoModelForCausalLM

        weights = AutoModelForCausalLM.from_pretrained(self.out, dtype=torch.float32).state_dict()
        log.info(
            "extending the finished run in %s at step %d with %d anneal steps", self.out, old.steps, config.anneal_steps
        )
        return {
            "step": old.steps,
            "elapsed": history.train_seconds,
            "model": weights,
            "history": history.model_dump_json(),
        }

    def _new_history(self, prepare_seconds: float) -> TrainingHistory:
        corpus = CorpusSummary(
            stats=self.corpus.stats,
            train_tokens=len(self.source.stream),
            train_sequences=len(self.source.starts),
            heldout_sequences=len(self.heldout_seqs),
            d_vocab=len(self.tokenizer),
            prepare_seconds=round(prepare_seconds, 2),
        )
        return TrainingHistory(
            model_name=MODEL_NAME,
            config=self.config.to_dict(),
            device=self.device.type,
            probes=self.probes,
            corpus=corpus,
        )

    def _restore(self, state: dict[str, Any]) -> TrainingHistory:
        self.model.load_state_dict(state["model"])
        if self.config.anneal_steps and int(state["step"]) > self.config.main_steps:
            self.opt, self.sched = build_anneal_optimizer(self.model, self.config)  # the state holds the anneal's
        if "optimizer" in state:  # (not in a finished run being extended: its anneal phase starts a fresh one)
            self.opt.load_state_dict(state["optimizer"])
            self.sched.load_state_dict(state["scheduler"])
            _set_rng_state(state["rng"])
        self.start, self.elapsed = int(state["step"]), float(state["elapsed"])
        history = history_from_json(state["history"], self.out / ckpt.STATE_DIR)
        history.truncate(self.start)
        log.info("resuming %s at step %d", self.out, self.start)
        return history

    # --- the pieces of the loop ---------------------------------------------------------------------------

    def step(self, step: int) -> StepRecord:
        """One optimizer step on the batch of 0-based ``step``; records and returns its :class:`StepRecord`."""
        config = self.config
        if self.anneal_source is not None and step == config.main_steps:
            self.opt, self.sched = build_anneal_optimizer(self.model, config)  # the main schedule has ended
        lr = self.sched.get_last_lr()[0]
        if self.anneal_source is not None and step >= config.main_steps:
            batch = self.anneal_source.batch(step - config.main_steps)
        elif self.short_source is not None and step < config.short_steps:
            batch = self.short_source.batch(step)
        else:
            batch = self.source.batch(step)
        batch = batch.to(self.device, non_blocking=True)  # [batch, pos]
        loss = train_step(self.model, self.opt, self.sched, batch, config.grad_clip)
        if not math.isfinite(loss):
            raise TrainingError(f"the loss became {loss} at step {step + 1}: lower --lr or check the data")
        done = step + 1
        self.elapsed = self._elapsed0 + time.perf_counter() - self._t0
        record = StepRecord(
            step=done,
            loss=round(loss, 5),
            lr=lr,
            tokens_seen=done * config.tokens_per_step,
            elapsed_s=round(self.elapsed, 3),
        )
        self.history.steps.append(record)
        if self.on_step is not None:
            self.on_step(record)
        return record

    def heldout(self, step: int) -> float:
        """Held-out loss after ``step`` steps, measured once and recorded in the history."""
        if step not in self._heldout:
            self._heldout[step] = heldout_loss(self.model, self.heldout_seqs)
            self.history.heldout.append(HeldoutRecord(step=step, loss=round(self._heldout[step], 5)))
        return self._heldout[step]

    def checkpoint(self, step: int, train_loss: float | None) -> None:
        """Record losses and probe predictions at ``step`` (and keep the weights if it is a weight step)."""
        weights = None
        if step in self.keep_weights:
            weights = f"checkpoints/step-{step:07d}"
            ckpt.save_weights_snapshot(self.model, self.out / weights)
        self.history.checkpoints.append(
            CheckpointRecord(
                step=step,
                tokens_seen=step * self.config.tokens_per_step,
                train_loss=train_loss,
                heldout_loss=round(self.heldout(step), 5),
                weights=weights,
            )
        )
        self.history.snapshots.append(probe_snapshot(self.model, self.tokenizer, self.probes, step, self.history.top_k))
        save_history(self.history, self.out / HISTORY_FILE)

    def save(self, step: int) -> None:
        """A resumable state after ``step`` steps: weights, optimizer, schedule, RNGs and the history so far."""
        self.history.train_seconds = round(self.elapsed, 2)
        state = {
            "schema_version": SCHEMA_VERSION,
            "step": step,
            "elapsed": self.elapsed,
            "config": self.config.to_dict(),
            "model": self.model.state_dict(),
            "optimizer": self.opt.state_dict(),
            "scheduler": self.sched.state_dict(),
            "rng": _rng_state(),
            "history": self.history.model_dump_json(),
        }
        ckpt.save_state(self.out, step, state)

    # --- the loop -----------------------------------------------------------------------------------------

    def run(
        self, *, stop_at: int | None = None, progress: bool = True, evaluate: bool = True, keep_state: bool = False
    ) -> TrainResult:
        """Train to the end (or to ``stop_at``, leaving a resumable state, as if interrupted there)."""
        config = self.config
        last = min(config.steps, stop_at if stop_at is not None else config.steps)
        if self.start == 0 and 0 in self.hist_steps and not self.history.checkpoints:
            self.checkpoint(0, None)
        self.model.train()
        bar = _Progress(progress, config.steps, self.start)
        with bar:
            # wall clock of the whole loop, bookkeeping (held-out loss, probes, checkpoints) included
            self._t0, self._elapsed0 = time.perf_counter(), self.elapsed
            for step in range(self.start, last):
                record = self.step(step)
                done = record.step
                if done % config.eval_interval == 0:
                    self.heldout(done)
                if done in self.hist_steps:
                    self.checkpoint(done, record.loss)
                # States are big (weights + Adam moments): only every state_interval steps and when stopping.
                if done % config.state_interval == 0 or done == last:
                    self.save(done)
                tps = (done - self.start) * config.tokens_per_step / max(self.elapsed - self._elapsed0, 1e-9)
                if done % max(1, config.steps // 40) == 0:
                    log.info("step %d/%d loss %.4f lr %.2e %.0f tok/s", done, config.steps, record.loss, record.lr, tps)
                bar.update(done, record.loss, tps)
        self.history.train_seconds = round(self._elapsed0 + time.perf_counter() - self._t0, 2)
        if last < config.steps:
            save_history(self.history, self.out / HISTORY_FILE)
            return TrainResult(self.out, self.history, completed=False, evaluation=None)
        self.history.completed = True
        report = self.finish(evaluate)
        if not keep_state:
            shutil.rmtree(self.out / ckpt.STATE_DIR, ignore_errors=True)
        return TrainResult(self.out, self.history, completed=True, evaluation=report)

    def finish(self, evaluate: bool = True) -> EvalReport | None:
        """Write the final model (atomically, file by file), the history, the evaluation and glassbox.json."""
        out, history = self.out, self.history
        if self.config.calibrate and history.calibration is None:
            self._calibrate()
        tmp = out / ".final.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        self.model.to("cpu").save_pretrained(str(tmp))
        for f in tmp.iterdir():
            f.chmod(0o644)  # save_pretrained may create 0600 files; a shipped model must be world-readable
            os.replace(f, out / f.name)
        tmp.rmdir()
        save_history(history, out / HISTORY_FILE)
        report = None
        if evaluate:
            report = evaluate_model(self.model, self.tokenizer, self.corpus.heldout, seed=self.config.seed)
        final = history.checkpoints[-1] if history.checkpoints else None
        meta = TrainedModelMetadata(
            name=MODEL_NAME,
            description=description(self.config.arch),
            languages=list(LANGS),
            architecture=str(self.model.config.model_type),
            parameters=sum(p.numel() for p in self.model.parameters()),
            config=history.config,
            device=history.device,
            train_seconds=history.train_seconds,
            train_tokens_seen=history.steps[-1].tokens_seen if history.steps else 0,
            final_train_loss=final.train_loss if final else None,
            final_heldout_loss=final.heldout_loss if final else None,
            evaluation=report,
        )
        save_metadata(meta, out / METADATA_FILE)
        write_manifest(out)
        return report

    def _calibrate(self) -> None:
        """Fit and fold the temperature; the last checkpoint's held-out loss and probes become the calibrated ones."""
        history, step, sentences = self.history, self.config.steps, calibration_sentences()
        logits, targets = next_token_logits(self.model, self.tokenizer, sentences)
        temperature = fit_temperature(logits, targets)
        before = self.heldout(step)
        fold_temperature(self.model, temperature)
        self._heldout.pop(step)
        history.heldout = [h for h in history.heldout if h.step != step]
        after = self.heldout(step)
        history.checkpoints = [
            c.model_copy(update={"heldout_loss": round(after, 5)}) if c.step == step else c for c in history.checkpoints
        ]
        history.snapshots = [s for s in history.snapshots if s.step != step]
        history.snapshots.append(probe_snapshot(self.model, self.tokenizer, self.probes, step, history.top_k))
        history.calibration = TemperatureFit(
            temperature=temperature,
            sentences=len(sentences),
            tokens=len(targets),
            fit_loss_before=round(mean_loss(logits, targets, 1.0), 5),
            fit_loss_after=round(mean_loss(logits, targets, temperature), 5),
            heldout_loss_before=round(before, 5),
            heldout_loss_after=round(after, 5),
        )
        log.info(
            "calibrated: temperature %.4f (loss on %d hand-written sentences %.4f → %.4f; held-out %.4f → %.4f)",
            temperature, history.calibration.sentences, history.calibration.fit_loss_before,
            history.calibration.fit_loss_after, before, after,
        )  # fmt: skip


class _Progress:
    """A rich progress bar with loss and tokens/s, or nothing (``enabled=False``)."""

    def __init__(self, enabled: bool, total: int, start: int) -> None:
        self._bar: Any = None
        self._ctx: AbstractContextManager[Any] = nullcontext()
        if enabled:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("[bold]train"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("loss {task.fields[loss]:.3f}"),
                TextColumn("{task.fields[tps]:,.0f} tok/s"),
                TextColumn("ETA"),
                TimeRemainingColumn(),
            )
            self._task = self._bar.add_task("train", total=total, completed=start, loss=float("nan"), tps=0.0)
            self._ctx = self._bar

    def __enter__(self) -> _Progress:
        self._ctx.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._ctx.__exit__(*exc)

    def update(self, done: int, loss: float, tps: float) -> None:
        if self._bar is not None:
            self._bar.update(self._task, completed=done, loss=loss, tps=tps)


def train(
    config: TrainConfig,
    out_dir: str | Path,
    *,
    resume: bool = False,
    extend: bool = False,
    device: str = "auto",
    progress: bool = True,
    stop_at: int | None = None,
    keep_state: bool = False,
    evaluate: bool = True,
    on_step: Callable[[StepRecord], None] | None = None,
) -> TrainResult:
    """Train a model per ``config`` into ``out_dir`` (see the module docstring for what is written).

    ``resume`` continues from the newest usable state in ``out_dir`` (falling back past corrupted ones).
    ``extend`` continues a *finished* run in ``out_dir`` with the anneal phase ``config`` adds to it.
    ``stop_at`` stops after that step as if interrupted, leaving a resumable state (tests, demos).
    ``on_step`` is called with every step's record (live views, e.g. training a micro-model from the browser).
    """
    run = TrainingRun(config, out_dir, resume=resume, extend=extend, device=device, on_step=on_step)
    return run.run(stop_at=stop_at, progress=progress, evaluate=evaluate, keep_state=keep_state)
