"""``glassbox train`` and ``glassbox eval``: the CLI face of :mod:`glassbox.training`.

torch and transformers are imported inside the commands, so ``glassbox --help`` stays fast.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Annotated, Any

import typer

from glassbox.errors import GlassboxError, ModelNotFoundError, TrainingError

#: The embedded default model shipped inside the package.
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "assets" / "glassbox-tiny"


def train_command(
    preset: Annotated[
        str,
        typer.Option(
            help="Recipe: 'micro' (seconds, for demos/tests), 'default' (= 'v2', the shipped glassbox-tiny: "
            "everyday text in 7 languages, context 512, ~55 min on 2 CPU cores) or 'v1' (the first "
            "glassbox-tiny: templates, context 128, ~20 min)."
        ),
    ] = "default",
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            help="Folder to write the model, tokenizer, history.json and checkpoints into (created if missing).",
        ),
    ] = Path("runs/glassbox-tiny"),
    steps: Annotated[int | None, typer.Option(help="Optimizer steps (overrides the preset).")] = None,
    device: Annotated[str, typer.Option(help="auto (CUDA when present), cpu or cuda.")] = "auto",
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Continue an interrupted run in --out from its last good checkpoint, with the same data order.",
        ),
    ] = False,
    extend: Annotated[
        bool,
        typer.Option(
            "--extend",
            help="Add the anneal phase (--anneal-steps) to a finished run in --out that had none; the same as "
            "training with it from scratch.",
        ),
    ] = False,
    seed: Annotated[int | None, typer.Option(help="Seed of the corpus, the initialisation and the data order.")] = None,
    corpus_size: Annotated[int | None, typer.Option(help="Training documents to generate.")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Sequences per step.")] = None,
    lr: Annotated[float | None, typer.Option(help="Peak learning rate.")] = None,
    d_vocab: Annotated[int | None, typer.Option("--d-vocab", "--vocab-size", help="BPE vocabulary size.")] = None,
    arch: Annotated[
        str | None,
        typer.Option(help="gpt2 (learned positions, LayerNorm, GELU) or llama (rotary, RMSNorm, SwiGLU, no biases)."),
    ] = None,
    copy_fraction: Annotated[
        float | None, typer.Option(help="Share of random-token copying data in the token stream.")
    ] = None,
    short_steps: Annotated[
        int | None,
        typer.Option(help="First steps on short, copying-heavy rows (--short-ctx tokens), where induction heads form."),
    ] = None,
    short_ctx: Annotated[int | None, typer.Option(help="Row length of the short phase, in tokens.")] = None,
    anneal_steps: Annotated[
        int | None,
        typer.Option(
            help="Last steps (counted in --steps) of the anneal phase: a fresh AdamW on fact-rich data, facts after "
            "lead-ins; 0 = none."
        ),
    ] = None,
    calibrate: Annotated[
        bool | None,
        typer.Option(
            "--calibrate/--no-calibrate",
            help="At the end, fit a temperature on hand-written held-out sentences and fold it into the weights "
            "(default: the preset's; on for 'default').",
        ),
    ] = None,
    threads: Annotated[
        int | None, typer.Option(help="CPU threads (default: the cores other processes leave free).")
    ] = None,
    no_eval: Annotated[bool, typer.Option("--no-eval", help="Skip the final evaluation.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
) -> None:
    """Generate the multilingual corpus, train the BPE tokenizer and pre-train a tiny GPT-2 or Llama-style model.

    Writes a standard Hugging Face model folder plus history.json (loss curve, held-out loss, probe
    predictions at log-spaced checkpoints) and glassbox.json (metadata and evaluation). Interrupt it at any
    time (even kill -9) and continue with --resume.
    """
    from transformers.utils import logging as hf_logging

    from glassbox.training.config import preset as get_preset
    from glassbox.training.evaluate import report_table, v2_table
    from glassbox.training.train import train

    # Our own progress bar is the one to read: no "Writing model shards" bar at every checkpoint.
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    logging.basicConfig(level=logging.INFO if not quiet else logging.WARNING, format="%(message)s")
    try:
        config = get_preset(preset)
    except KeyError as exc:
        raise TrainingError(str(exc.args[0])) from None
    config = config.replace(
        steps=steps,
        seed=seed,
        corpus_size=corpus_size,
        batch_size=batch_size,
        learning_rate=lr,
        d_vocab=d_vocab,
        threads=threads,
        arch=arch,
        copy_fraction=copy_fraction,
        short_steps=short_steps,
        short_ctx=short_ctx,
        anneal_steps=anneal_steps,
        calibrate=calibrate,
    )
    config.check()
    if resume and extend:
        raise TrainingError("choose one of --resume (an interrupted run) and --extend (a finished one)")
    result = train(config, out, resume=resume, extend=extend, device=device, progress=not quiet, evaluate=not no_eval)
    from rich.console import Console

    console = Console()
    final = result.history.checkpoints[-1] if result.history.checkpoints else None
    console.print(
        f"[bold]done[/bold] in {result.history.train_seconds:.0f} s of training → {out}"
        + (f" (train loss {final.train_loss}, held-out loss {final.heldout_loss})" if final else "")
    )
    if result.evaluation is not None:
        console.print(report_table(result.evaluation))
        extra = v2_table(result.evaluation)
        if extra is not None:
            console.print(extra)


def _corpus_of(folder: Path, seed: int) -> tuple[int, int, int]:
    """(corpus size, seed, corpus version) of the run that wrote ``folder`` (v1's corpus when it does not say)."""
    from glassbox.training.history import METADATA_FILE, load_metadata

    size, version, meta_path = 1, 1, folder / METADATA_FILE
    if meta_path.exists():
        cfg = load_metadata(meta_path).config
        size, seed = int(cfg.get("corpus_size", 1)), int(cfg.get("seed", seed))
        version = int(cfg.get("corpus_version", 1))
    return size, seed, version


def _load_for_eval(folder: Path) -> tuple[Any, Any]:
    if not (folder / "config.json").exists():
        raise ModelNotFoundError(
            f"no model in {folder} (config.json missing): pass a folder written by "
            "'glassbox train' with --model, or run 'make model'"
        )
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    try:
        lm = AutoModelForCausalLM.from_pretrained(str(folder), dtype=torch.float32)
        tok = AutoTokenizer.from_pretrained(str(folder))
    except (OSError, ValueError) as exc:
        raise GlassboxError(f"cannot load the model in {folder}: {exc}") from exc
    return lm, tok


def eval_command(
    model: Annotated[Path | None, typer.Option(help="Model folder (default: the embedded glassbox-tiny).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON instead of a table.")] = False,
    seed: Annotated[int, typer.Option(help="Seed of the corpus the held-out split is drawn from.")] = 0,
    heldout_of: Annotated[
        Path | None,
        typer.Option(
            help="Evaluate on the held-out split of the run that wrote this folder (default: --model's own), "
            "so two models are measured on the same data."
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            help="Set another model beside this one: a model folder (evaluated on the same held-out split) or a "
            "report written by 'glassbox eval --json'. Default for the embedded model: glassbox-tiny v1's report."
        ),
    ] = None,
    no_baseline: Annotated[bool, typer.Option("--no-baseline", help="No old-vs-new table.")] = False,
) -> None:
    """Evaluate a glassbox-trained model on held-out data: facts, two-hop, IOI, copying, held-out loss, calibration."""
    folder = model or DEFAULT_MODEL_DIR
    lm, tok = _load_for_eval(folder)
    if heldout_of is not None and not (heldout_of / "config.json").exists():
        raise ModelNotFoundError(f"no model in {heldout_of} (config.json missing): --heldout-of takes a model folder")
    if baseline is not None and not (baseline.is_file() or (baseline / "config.json").exists()):
        raise ModelNotFoundError(f"--baseline {baseline}: neither a model folder nor a report file")

    from glassbox.training.corpus import generate_corpus
    from glassbox.training.evaluate import (
        V1_REPORT,
        comparison_table,
        evaluate_model,
        load_report,
        report_table,
        v2_table,
    )

    # The held-out split drops exact duplicates of training documents, so regenerate the training corpus the
    # model was trained on when glassbox.json says which one it was (seconds; a minute for v2's 250k documents).
    size, seed, version = _corpus_of(heldout_of or folder, seed)
    corpus = generate_corpus(size, seed=seed, version=version)
    report = evaluate_model(lm, tok, corpus.heldout, seed=seed)
    if as_json:
        typer.echo(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    console = Console()
    console.print(report_table(report))
    extra = v2_table(report)
    if extra is not None:
        console.print(extra)
    if no_baseline:
        return
    old, old_name = None, ""
    if baseline is None and model is None and V1_REPORT.exists():
        old, old_name = load_report(V1_REPORT), "glassbox-tiny v1"
    elif baseline is not None and baseline.is_file():
        try:
            old, old_name = load_report(baseline), baseline.name
        except ValueError as exc:
            msg = f"--baseline {baseline} is not a report written by 'glassbox eval --json': {exc}"
            raise GlassboxError(msg) from exc
    elif baseline is not None:
        other, other_tok = _load_for_eval(baseline)
        old, old_name = evaluate_model(other, other_tok, corpus.heldout, seed=seed), baseline.name
    if old is not None:
        console.print(comparison_table(old, report, old_name, folder.name if model else "glassbox-tiny"))


def register(app: typer.Typer) -> None:
    """Add ``train`` and ``eval`` to the glassbox CLI."""
    app.command("train")(train_command)
    app.command("eval")(eval_command)
