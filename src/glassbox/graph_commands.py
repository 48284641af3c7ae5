"""``glassbox graph`` and ``glassbox transcoders …``: attribution graphs and the transcoders they need.

Registered by :func:`register` from ``glassbox.cli``; heavy imports happen inside the commands.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from glassbox.errors import InvalidInputError

console = Console(stderr=True)

transcoders_app = typer.Typer(
    help="Train and inspect transcoders (circuit-tracer's file format).", no_args_is_help=True
)


def graph_command(
    prompt: Annotated[str, typer.Option("--prompt", "-p", help="the text whose next token the graph explains")],
    out: Annotated[Path, typer.Option("--out", "-o", help="where to write the graph JSON")],
    model: Annotated[
        str | None, typer.Option("--model", "-m", help="Hub name or local folder (default: embedded)")
    ] = None,
    transcoders: Annotated[
        str | None, typer.Option("--transcoders", "-t", help="folder in circuit-tracer's format (default: the model's)")
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="circuit-tracer (the viewer's JSON, with scores) or glassbox (own payload)")
    ] = "circuit-tracer",
    node_threshold: Annotated[float, typer.Option(help="keep nodes up to this share of influence")] = 0.8,
    edge_threshold: Annotated[float, typer.Option(help="keep edges up to this share of influence")] = 0.98,
    max_logits: Annotated[int, typer.Option(help="at most this many logit targets")] = 10,
    logit_prob: Annotated[float, typer.Option(help="logit targets until their probabilities add up to this")] = 0.95,
    batch_size: Annotated[int, typer.Option(help="targets per backward pass")] = 64,
    slug: Annotated[str | None, typer.Option(help="the graph's name in the file (default: the file's stem)")] = None,
    device: Annotated[str, typer.Option(help="cpu, cuda or auto")] = "cpu",
) -> None:
    """Build the attribution graph of PROMPT's next token and write it as JSON."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from glassbox.graph.engine import attribution_graph
    from glassbox.graph.files import circuit_tracer_json, graph_payload
    from glassbox.models.loading import load_model

    if fmt not in ("circuit-tracer", "glassbox"):
        raise InvalidInputError(f"--format {fmt!r}: choose circuit-tracer or glassbox")
    m = load_model(model, device=device)
    with Progress(
        TextColumn("[bold]attributing[/]"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=console
    ) as bar:
        task = bar.add_task("graph", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        g = attribution_graph(
            m,
            prompt,
            transcoders,
            max_n_logits=max_logits,
            desired_logit_prob=logit_prob,
            batch_size=batch_size,
            node_threshold=node_threshold,
            edge_threshold=edge_threshold,
            progress=progress,
        )
    data = circuit_tracer_json(g, slug or out.stem) if fmt == "circuit-tracer" else graph_payload(g)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data.model_dump(mode="json"), ensure_ascii=False, indent=1), encoding="utf-8")
    console.print(
        f"{g.n_features} active features, {g.n_logits} logit targets, {int(g.node_mask.sum())} nodes and "
        f"{int(g.edge_mask.sum())} edges kept; replacement score {g.replacement_score:.3f}, "
        f"completeness {g.completeness_score:.3f} → {out}",
        soft_wrap=True,
        highlight=False,
    )


def info_command(path: Annotated[str, typer.Argument(help="a transcoder folder or cached Hub repo id")]) -> None:
    """Print what a transcoder folder holds."""
    from glassbox.transcoders.format import load_transcoders

    ts = load_transcoders(path)
    kinds = sorted({"jumprelu" if t.threshold is not None else "topk" if t.topk else "relu" for t in ts.layers})
    what = "cross-layer transcoder" if ts.kind == "clt" else "per-layer transcoders"
    console.print(
        f"{what}: {ts.n_layers} layers, d_model={ts.d_model}, d_transcoder={ts.d_transcoder}, "
        f"activation {'/'.join(kinds)}, "
        f"skip={'yes' if ts.skip_connection else 'no'}; reads {ts.feature_input_hook}, writes {ts.feature_output_hook}"
    )


def train_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="folder to write the transcoders to")],
    model: Annotated[
        str | None, typer.Option("--model", "-m", help="Hub name or local folder (default: embedded)")
    ] = None,
    corpus: Annotated[str, typer.Option(help="'embedded' or a UTF-8 text file (blank-line-separated documents)")] = (
        "embedded"
    ),
    kind: Annotated[
        str, typer.Option(help="plt (per-layer) or clt (cross-layer: each layer's features write to every later MLP)")
    ] = "plt",
    latents: Annotated[int | None, typer.Option(help="features per layer (default 8 × d_model)")] = None,
    activation: Annotated[str, typer.Option(help="relu, jumprelu or topk")] = "relu",
    k: Annotated[int, typer.Option(help="TopK's k")] = 16,
    steps: Annotated[int, typer.Option(help="optimizer steps")] = 1000,
    batch_size: Annotated[int, typer.Option(help="sequences per step")] = 8,
    seq_len: Annotated[int, typer.Option(help="tokens per sequence")] = 64,
    lr: Annotated[float, typer.Option(help="Adam's learning rate")] = 2e-3,
    sparsity: Annotated[float | None, typer.Option(help="the sparsity penalty λ (default 1e-3)")] = None,
    seed: Annotated[int, typer.Option(help="seed of the weights and of the batch order")] = 0,
    documents: Annotated[int, typer.Option(help="documents generated from the embedded corpus")] = 2000,
    heldout: Annotated[int, typer.Option(help="held-out sequences the figures are measured on")] = 16,
    resume: Annotated[bool, typer.Option("--resume", help="continue the run saved in OUT/train_state")] = False,
    device: Annotated[str, typer.Option(help="cpu, cuda or auto")] = "cpu",
) -> None:
    """Train per-layer transcoders (or a cross-layer transcoder, --kind clt) on activations streamed from a corpus;
    save them in circuit-tracer's format."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from glassbox.models.loading import load_model
    from glassbox.training.transcoders import TranscoderTrainConfig, train_transcoders

    if kind not in ("plt", "clt") or activation not in ("relu", "jumprelu", "topk"):
        raise InvalidInputError("--kind is plt or clt; --activation is relu, jumprelu or topk")
    cfg = TranscoderTrainConfig(
        kind=kind,  # type: ignore[arg-type]
        latents=latents,
        activation=activation,  # type: ignore[arg-type]
        k=k,
        sparsity=sparsity,
        steps=steps,
        batch_size=batch_size,
        seq_len=seq_len,
        lr=lr,
        seed=seed,
        corpus=corpus,
        n_documents=documents,
        heldout_sequences=heldout,
    )
    m = load_model(model, device=device)
    with Progress(
        TextColumn("[bold]training[/] loss {task.fields[loss]}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
    ) as bar:
        task = bar.add_task("train", total=steps, loss="…")

        def progress(step: int, total: int, loss: float) -> None:
            bar.update(task, completed=step, total=total, loss=f"{loss:.4f}")

        _, report = train_transcoders(m, out, cfg, resume=resume, progress=progress)
    for f in report.layers:
        console.print(
            f"layer {f.layer}: FVU {f.fvu:.3f}, L0 {f.l0:.1f}, dead {f.dead}, dense {f.dense}", highlight=False
        )
    console.print(
        f"next-token loss: real {report.real_loss:.4f}, replacement {report.replacement_loss:.4f} → {out}",
        soft_wrap=True,
        highlight=False,
    )


def features_command(
    transcoders: Annotated[Path, typer.Option("--transcoders", "-t", help="the transcoder folder (cards go in it)")],
    model: Annotated[
        str | None, typer.Option("--model", "-m", help="Hub name or local folder (default: embedded)")
    ] = None,
    tokens: Annotated[int, typer.Option("--tokens", help="corpus tokens to sample", min=64)] = 16384,
    corpus: Annotated[str, typer.Option(help="'embedded' or a UTF-8 text file (blank-line-separated documents)")] = (
        "embedded"
    ),
) -> None:
    """Compute every feature's card (top contexts, quantile examples, density, promoted tokens, derived label) and
    write features.safetensors + features.json next to the transcoders."""
    import time

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from glassbox.models.loading import load_model
    from glassbox.training.feature_cards import feature_cards
    from glassbox.transcoders.cards import CARDS_FILE, CARDS_META, save_feature_cards, transcoders_name
    from glassbox.transcoders.format import load_transcoders

    ts = load_transcoders(transcoders)
    m = load_model(model, device="cpu")
    start = time.perf_counter()
    with Progress(
        TextColumn("[bold]feature cards[/]"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=console
    ) as bar:
        task = bar.add_task("cards", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        cards = feature_cards(
            m, ts, n_tokens=tokens, corpus=corpus, progress=progress, name=transcoders_name(ts, transcoders)
        )
    save_feature_cards(cards, transcoders)
    size = (transcoders / CARDS_FILE).stat().st_size + (transcoders / CARDS_META).stat().st_size
    console.print(
        f"{sum(len(x) for x in cards.labels)} feature cards over {cards.tokens.numel()} tokens in "
        f"{time.perf_counter() - start:.1f} s → {transcoders / CARDS_FILE}, {transcoders / CARDS_META} "
        f"({size:,} bytes)",
        soft_wrap=True,
        highlight=False,
    )


def score_command(
    transcoders: Annotated[
        str | None, typer.Option("--transcoders", "-t", help="folder in circuit-tracer's format (default: the model's)")
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", "-m", help="Hub name or local folder (default: embedded)")
    ] = None,
    prompts: Annotated[
        Path | None,
        typer.Option(help="UTF-8 file, one prompt per line (default: held-out documents of the embedded corpus)"),
    ] = None,
    n: Annotated[int, typer.Option("-n", help="held-out prompts to score (without --prompts)", min=1)] = 12,
    max_tokens: Annotated[int, typer.Option(help="tokens per held-out prompt", min=8)] = 24,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="also write the scores as JSON here")] = None,
) -> None:
    """Replacement and completeness scores (circuit-tracer's compute_graph_scores) of the graphs of held-out prompts."""
    from dataclasses import asdict

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from glassbox.graph.engine import resolve_transcoders
    from glassbox.models.loading import load_model
    from glassbox.training.transcoders import graph_score_report, heldout_prompts

    m = load_model(model, device="cpu")
    ts = resolve_transcoders(m, transcoders)
    if prompts is not None:
        items: list[str] | list[list[int]] = [
            line.strip() for line in prompts.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
        if not items:
            raise InvalidInputError(f"{prompts}: no prompts in it (one per line)")
    else:
        items = heldout_prompts(m, n, max_tokens)
    with Progress(
        TextColumn("[bold]graphs[/]"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=console
    ) as bar:
        task = bar.add_task("graphs", total=len(items))
        report = graph_score_report(m, ts, items, lambda done, total: bar.update(task, completed=done))
    for p in report.prompts:
        console.print(f"{p.replacement:.3f} {p.completeness:.3f}  ({p.n_tokens} tokens) {p.prompt!r}", highlight=False)
    console.print(
        f"mean over {len(report.prompts)} prompts: replacement {report.mean_replacement:.3f}, "
        f"completeness {report.mean_completeness:.3f}",
        highlight=False,
    )
    if out is not None:
        data = {
            "prompts": [asdict(p) for p in report.prompts],
            "mean_replacement": report.mean_replacement,
            "mean_completeness": report.mean_completeness,
        }
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def register(app: typer.Typer) -> None:
    """Add ``graph`` and ``transcoders`` to the glassbox CLI."""
    app.command("graph")(graph_command)
    transcoders_app.command("info")(info_command)
    transcoders_app.command("train")(train_command)
    transcoders_app.command("features")(features_command)
    transcoders_app.command("score")(score_command)
    app.add_typer(transcoders_app, name="transcoders")
