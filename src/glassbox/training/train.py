"""The training loop: corpus → tokenizer → GPT-2 model → AdamW with warmup + cosine → history and checkpoints.

``train(config, out_dir)`` writes into ``out_dir`` a standard Hugging Face model folder (config.json,
model.safetensors, generation_config.json, tokenizer files), ``history.json``, ``glassbox.json`` (metadata and
evaluation) and ``checkpoints/step-*/`` weight snapshots. While it runs, ``train-state/`` holds resumable
states (deleted when the run completes). Dropout is off, the batch order is a function of the step index and
all RNG states are saved, so an interrupted and resumed run follows the same trajectory as an uninterrupted one.
"""

from __future__ import annotations

import json
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
from glassbox.models.tokens import readable_text
from glassbox.training import checkpoint as ckpt
from glassbox.training.config import TrainConfig
from glassbox.training.corpus import Corpus, generate_corpus
from glassbox.training.data import BatchSource, encode_documents, heldout_sequences
from glassbox.training.evaluate import EvalReport, evaluate_model, probe_completions
from glassbox.training.history import (
    CheckpointRecord,
    HeldoutRecord,
    Probe,
    ProbePrediction,
    Snapshot,
    StepRecord,
    TokenProb,
    TrainingHistory,
    atomic_write_text,
    save_history,
)
from glassbox.training.tokenizer import SPECIAL_TOKEN, load_tokenizer, save_tokenizer, train_tokenizer

log = logging.getLogger(__name__)

MODEL_NAME = "glassbox-tiny"


@dataclass
class TrainResult:
    out_dir: Path
    history: TrainingHistory
    completed: bool
    evaluation: EvalReport | None


def resolve_device(device: str) -> torch.device:
    """``auto`` → CUDA when available, else CPU; an explicit ``cuda`` without a GPU is an error."""
    if device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if device == "cuda" and not torch.cuda.is_available():
        raise TrainingError("--device cuda was asked for but no CUDA GPU is available: use --device cpu or auto")
    if device not in ("cpu", "cuda"):
        raise TrainingError(f"unknown device {device!r}: use auto, cpu or cuda")
    return torch.device(device)


def auto_threads() -> int:
    """Usable cores minus those other processes keep busy (1-minute load average), at least 1.

    On a shared machine this matters a lot: measured on 2 cores with one busy neighbour, 2 intra-op threads
    ran a step 5x *slower* than 1 thread (OpenMP workers wait for the descheduled one at every barrier).
    """
    cores = len(os.sched_getaffinity(0))
    busy = round(os.getloadavg()[0])
    return max(1, min(cores, cores - busy))


def set_threads(config: TrainConfig) -> int:
    n = config.threads or auto_threads()
    torch.set_num_threads(n)
    return n


def history_steps(config: TrainConfig) -> list[int]:
    """Log-spaced steps (0 and the last step included) at which probes are recorded: early learning is dense."""
    n = max(2, config.history_checkpoints)
    steps = {0, config.steps}
    for i in range(n - 1):
        steps.add(max(1, round(config.steps ** (i / (n - 2))))) if n > 2 else None
    return sorted(s for s in steps if s <= config.steps)


def weight_steps(config: TrainConfig) -> list[int]:
    """The subset of :func:`history_steps` whose weights are kept (spread out, final and 0 excluded)."""
    inner = [s for s in history_steps(config) if 0 < s < config.steps]
    k = min(config.weight_checkpoints, len(inner))
    if k <= 0:
        return []
    idx = sorted({round(i * (len(inner) - 1) / max(k - 1, 1)) for i in range(k)})
    return [inner[i] for i in idx]


def build_model(config: TrainConfig) -> Any:
    from transformers import GPT2Config, GPT2LMHeadModel

    gpt2 = GPT2Config(
        vocab_size=config.vocab_size,
        n_positions=config.n_positions,
        n_embd=config.n_embd,
        n_layer=config.n_layer,
        n_head=config.n_head,
        # No dropout: the model is small, the data abundant, and resume must be bit-exact.
        resid_pdrop=0.0,
        embd_pdrop=0.0,
        attn_pdrop=0.0,
        bos_token_id=0,
        eos_token_id=0,
        pad_token_id=0,
        tie_word_embeddings=True,
    )
    torch.manual_seed(config.seed)
    return GPT2LMHeadModel(gpt2)


def lr_at(config: TrainConfig, step: int) -> float:
    """Learning rate for 0-based ``step``: linear warmup, then cosine decay to ``min_lr_ratio``."""
    if step < config.warmup_steps:
        return config.learning_rate * (step + 1) / config.warmup_steps
    progress = (step - config.warmup_steps) / max(1, config.steps - config.warmup_steps)
    cosine = 0.5 * (1 + math.cos(math.pi * min(1.0, progress)))
    return config.learning_rate * (config.min_lr_ratio + (1 - config.min_lr_ratio) * cosine)


def build_optimizer(model: Any, config: TrainConfig) -> tuple[torch.optim.Optimizer, Any]:
    # Decay matrices only (nanoGPT): decaying biases, LayerNorm gains and embeddings hurts small models.
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2 and "wpe" not in n]
    rest = [p for n, p in model.named_parameters() if not (p.dim() >= 2 and "wpe" not in n)]
    opt = torch.optim.AdamW(
        [{"params": decay, "weight_decay": config.weight_decay}, {"params": rest, "weight_decay": 0.0}],
        lr=config.learning_rate,
        betas=(config.beta1, config.beta2),
    )
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: lr_at(config, s) / config.learning_rate)
    return opt, sched


def train_step(model: Any, opt: torch.optim.Optimizer, sched: Any, batch: torch.Tensor, grad_clip: float) -> float:
    """One optimizer step on ``batch`` ([batch, pos] token ids); returns the loss *before* the update."""
    loss = model(input_ids=batch, labels=batch).loss
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), grad_clip)
    opt.step()
    sched.step()
    opt.zero_grad(set_to_none=True)
    return float(loss.detach())


@torch.no_grad()
def heldout_loss(model: Any, seqs: torch.Tensor, batch_size: int = 16) -> float:
    model.eval()
    total, n = 0.0, 0
    for b in range(0, len(seqs), batch_size):
        x = seqs[b : b + batch_size]
        total += float(model(input_ids=x, labels=x).loss) * len(x)
        n += len(x)
    model.train()
    return total / n


@torch.no_grad()
def probe_snapshot(model: Any, tokenizer: Any, probes: list[Probe], step: int, k: int) -> Snapshot:
    model.eval()
    device = next(model.parameters()).device
    preds = []
    for p in probes:
        probs = torch.softmax(model(input_ids=torch.tensor([p.token_ids], device=device)).logits[0, -1].float(), -1)
        top = torch.topk(probs, k)
        preds.append(
            ProbePrediction(
                probe_id=p.id,
                top=[
                    TokenProb(token_id=int(i), token=readable_text(tokenizer, [int(i)]), prob=round(float(v), 6))
                    for v, i in zip(top.values, top.indices, strict=True)
                ],
            )
        )
    model.train()
    return Snapshot(step=step, predictions=preds)


def _progress(enabled: bool, total: int, start: int) -> tuple[AbstractContextManager[Any], Any]:
    if not enabled:
        return nullcontext(), None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(
        TextColumn("[bold]train"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("loss {task.fields[loss]:.3f}"),
        TextColumn("{task.fields[tps]:,.0f} tok/s"),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    task = progress.add_task("train", total=total, completed=start, loss=float("nan"), tps=0.0)
    return progress, (progress, task)


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
    # The thread count changes speed, not the run: a resumed run may use a different one.
    return {k: v for k, v in config.items() if k != "threads"}


def prepare(config: TrainConfig, out_dir: Path, reuse_tokenizer: bool) -> tuple[Corpus, Any, Any]:
    """Generate the corpus and train (or, when resuming, reload) the tokenizer; returns (corpus, raw, hf)."""
    corpus = generate_corpus(config.corpus_size, seed=config.seed)
    if reuse_tokenizer and (out_dir / "tokenizer.json").exists():
        hf = load_tokenizer(out_dir)
    else:
        raw = train_tokenizer((d.text for d in corpus.train), vocab_size=config.vocab_size)
        hf = save_tokenizer(raw, out_dir, model_max_length=config.n_positions)
    if hf.convert_tokens_to_ids(SPECIAL_TOKEN) != 0:
        raise TrainingError(f"the tokenizer in {out_dir} does not have {SPECIAL_TOKEN} at id 0; use a new --out")
    return corpus, hf.backend_tokenizer, hf


def train(
    config: TrainConfig,
    out_dir: str | Path,
    *,
    resume: bool = False,
    device: str = "auto",
    progress: bool = True,
    stop_at: int | None = None,
    keep_state: bool = False,
    evaluate: bool = True,
    on_step: Callable[[StepRecord], None] | None = None,
) -> TrainResult:
    """Train a model per ``config`` into ``out_dir`` (see the module docstring for what is written).

    ``resume`` continues from the newest usable state in ``out_dir`` (falling back past corrupted ones).
    ``stop_at`` stops after that step as if interrupted, leaving a resumable state (tests, demos).
    ``on_step`` is called with every step's record (live views, e.g. training a micro-model from the browser).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    dev = resolve_device(device)
    threads = set_threads(config) if dev.type == "cpu" else 0
    log.info("training on %s%s", dev, f" with {threads} thread(s)" if threads else "")
    state = ckpt.load_latest_state(out) if resume else None
    if state is not None and _comparable(state["config"]) != _comparable(config.to_dict()):
        changed = sorted(k for k, v in _comparable(config.to_dict()).items() if state["config"].get(k) != v)
        raise TrainingError(
            f"the run in {out} was started with different settings ({', '.join(changed)}):"
            " resume with the same options, or choose a new --out"
        )
    if resume and state is None:
        log.info("nothing to resume in %s: starting from scratch", out)
    if state is None:
        # A fresh run must not mix with an older run's leftovers.
        shutil.rmtree(out / ckpt.STATE_DIR, ignore_errors=True)
        shutil.rmtree(out / "checkpoints", ignore_errors=True)
    t_prep = time.perf_counter()
    corpus, raw_tok, hf_tok = prepare(config, out, reuse_tokenizer=state is not None)
    source = BatchSource(encode_documents(raw_tok, corpus.train), config.n_positions, config.batch_size, config.seed)
    held = heldout_sequences(raw_tok, corpus.heldout, config.n_positions, config.eval_sequences, config.seed).to(dev)
    prep_s = time.perf_counter() - t_prep

    model = build_model(config).to(dev)
    opt, sched = build_optimizer(model, config)
    probes = [
        Probe(
            id=f"{c.language}-{c.family}-{c.key}",
            language=c.language,
            family=c.family,
            prompt=c.prompt,
            expected=c.answer,
            token_ids=hf_tok(c.prompt)["input_ids"],
        )
        for c in probe_completions()
    ]
    if state is None:
        start, elapsed = 0, 0.0
        history = TrainingHistory(
            model_name=MODEL_NAME,
            config=config.to_dict(),
            device=dev.type,
            probes=probes,
            corpus={
                "stats": corpus.stats,
                "train_tokens": len(source.stream),
                "train_sequences": len(source.starts),
                "heldout_sequences": len(held),
                "vocab_size": len(hf_tok),
                "prepare_seconds": round(prep_s, 2),
            },
        )
    else:
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["optimizer"])
        sched.load_state_dict(state["scheduler"])
        _set_rng_state(state["rng"])
        start, elapsed = int(state["step"]), float(state["elapsed"])
        history = TrainingHistory.model_validate_json(state["history"])
        history.truncate(start)
        log.info("resuming %s at step %d", out, start)

    hist_steps, keep_weights = set(history_steps(config)), set(weight_steps(config))
    last = min(config.steps, stop_at if stop_at is not None else config.steps)
    heldout_cache: dict[int, float] = {}

    def heldout_at(step: int) -> float:
        if step not in heldout_cache:
            heldout_cache[step] = heldout_loss(model, held)
            history.heldout.append(HeldoutRecord(step=step, loss=round(heldout_cache[step], 5)))
        return heldout_cache[step]

    def checkpoint(step: int, train_loss: float | None) -> None:
        weights = None
        if step in keep_weights:
            weights = f"checkpoints/step-{step:07d}"
            ckpt.save_weights_snapshot(model, out / weights)
        history.checkpoints.append(
            CheckpointRecord(
                step=step,
                tokens_seen=step * config.tokens_per_step,
                train_loss=train_loss,
                heldout_loss=round(heldout_at(step), 5),
                weights=weights,
            )
        )
        history.snapshots.append(probe_snapshot(model, hf_tok, probes, step, history.top_k))
        save_history(history, out / "history.json")

    def save_state(step: int) -> None:
        ckpt.save_state(
            out,
            step,
            {
                "step": step,
                "elapsed": elapsed,
                "config": config.to_dict(),
                "model": model.state_dict(),
                "optimizer": opt.state_dict(),
                "scheduler": sched.state_dict(),
                "rng": _rng_state(),
                "history": history.model_dump_json(),
            },
        )

    if start == 0 and 0 in hist_steps and not history.checkpoints:
        checkpoint(0, None)
    model.train()
    bar_ctx, bar = _progress(progress, config.steps, start)
    loss = float("nan")
    with bar_ctx:
        # Wall clock of the whole loop, bookkeeping (held-out loss, probes, checkpoints) included.
        loop_t0, elapsed0, tokens_since = time.perf_counter(), elapsed, 0
        for step in range(start, last):
            lr = sched.get_last_lr()[0]
            loss = train_step(model, opt, sched, source.batch(step).to(dev, non_blocking=True), config.grad_clip)
            if not math.isfinite(loss):
                raise TrainingError(f"the loss became {loss} at step {step + 1}: lower --lr or check the data")
            done = step + 1
            elapsed = elapsed0 + time.perf_counter() - loop_t0
            tokens_since += config.tokens_per_step
            history.steps.append(
                StepRecord(
                    step=done,
                    loss=round(loss, 5),
                    lr=lr,
                    tokens_seen=done * config.tokens_per_step,
                    elapsed_s=round(elapsed, 3),
                )
            )
            if on_step is not None:
                on_step(history.steps[-1])
            if done % config.eval_interval == 0:
                heldout_at(done)
            if done in hist_steps:
                checkpoint(done, round(loss, 5))
            # States are big (weights + Adam moments): only every state_interval steps and when stopping.
            if done % config.state_interval == 0 or done == last:
                history.train_seconds = round(elapsed, 2)
                save_state(done)
            if done % max(1, config.steps // 40) == 0:
                log.info(
                    "step %d/%d loss %.4f lr %.2e %.0f tok/s",
                    done,
                    config.steps,
                    loss,
                    lr,
                    tokens_since / max(elapsed - elapsed0, 1e-9),
                )
            if bar is not None:
                bar[0].update(bar[1], completed=done, loss=loss, tps=tokens_since / max(elapsed - elapsed0, 1e-9))
    history.train_seconds = round(elapsed0 + time.perf_counter() - loop_t0, 2)
    if last < config.steps:
        save_history(history, out / "history.json")
        return TrainResult(out, history, completed=False, evaluation=None)

    history.completed = True
    report = finish(model, hf_tok, history, corpus, out, evaluate=evaluate)
    if not keep_state:
        shutil.rmtree(out / ckpt.STATE_DIR, ignore_errors=True)
    return TrainResult(out, history, completed=True, evaluation=report)


def finish(
    model: Any, tokenizer: Any, history: TrainingHistory, corpus: Corpus, out: Path, evaluate: bool = True
) -> EvalReport | None:
    """Write the final model (atomically, file by file), the history, the evaluation and glassbox.json."""
    tmp = out / ".final.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    model.to("cpu").save_pretrained(str(tmp))
    for f in tmp.iterdir():
        f.chmod(0o644)  # save_pretrained may create 0600 files; a shipped model must be world-readable
        os.replace(f, out / f.name)
    tmp.rmdir()
    save_history(history, out / "history.json")
    report = evaluate_model(model, tokenizer, corpus.heldout, seed=history.config["seed"]) if evaluate else None
    final = history.checkpoints[-1] if history.checkpoints else None
    meta = {
        "name": MODEL_NAME,
        "description": "A tiny GPT-2-architecture model that glassbox trains itself on a corpus it generates: "
        "facts, two-hop facts, stories, sequences and repeated word lists in seven languages.",
        "languages": ["en", "fr", "cs", "uk", "zh", "ru", "ja"],
        "architecture": "gpt2",
        "parameters": sum(p.numel() for p in model.parameters()),
        "config": history.config,
        "device": history.device,
        "train_seconds": history.train_seconds,
        "train_tokens_seen": history.steps[-1].tokens_seen if history.steps else 0,
        "final_train_loss": final.train_loss if final else None,
        "final_heldout_loss": final.heldout_loss if final else None,
        "evaluation": report.model_dump(mode="json") if report else None,
        "history_schema_version": history.schema_version,
    }
    atomic_write_text(out / "glassbox.json", json.dumps(meta, ensure_ascii=False, indent=2) + "\n")
    return report
