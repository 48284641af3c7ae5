"""``glassbox attribute | patch | score``: "why did it say that?" from the command line.

Each prints a rich table, or the schema-valid JSON payload with ``--json``. Errors surface as one line through
``glassbox.cli.main`` (they are :class:`~glassbox.errors.GlassboxError`\\ s). torch and transformers are imported
inside the commands, so ``glassbox --help`` stays fast.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, cast

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from glassbox.cli_options import DtypeOpt

console = Console()

ModelOpt = Annotated[str | None, typer.Option("--model", "-m", help="Hub name, local folder, or glassbox-tiny")]
JsonOpt = Annotated[bool, typer.Option("--json", help="print the JSON payload instead of a table")]
DeviceOpt = Annotated[str, typer.Option(help="auto, cpu or cuda")]
Method = Literal["gradient_x_input", "integrated_gradients", "occlusion", "shapley"]
Site = Literal["resid_pre", "attn_out", "mlp_out", "head_result"]


def _token(ref: str | None) -> int | str | None:
    """A token given on the command line: digits are an id, anything else its text."""
    if ref is None:
        return None
    return int(ref) if ref.isdigit() else ref


def _load(model: str | None, device: str, dtype: str) -> Any:
    from glassbox.cli import _load as load

    return load(model, device, dtype=dtype)


def _signed(v: float) -> Text:
    return Text(f"{v:+.4f}", style="green" if v > 0 else "red" if v < 0 else "")


def attribute_command(
    prompt: Annotated[str, typer.Option("--prompt", "-p", help="the text whose next token is explained")],
    method: Annotated[
        str, typer.Option(help="gradient_x_input, integrated_gradients, occlusion or shapley")
    ] = "gradient_x_input",
    target: Annotated[str | None, typer.Option(help="the token explained (id or one-token text); default: top")] = None,
    foil: Annotated[str | None, typer.Option(help="explain log p(target) − log p(foil) instead")] = None,
    n_steps: Annotated[int, typer.Option(help="integration steps (integrated gradients)")] = 32,
    n_samples: Annotated[int, typer.Option(help="sampled orders (shapley)")] = 16,
    seed: Annotated[int, typer.Option(help="seed of the sampled orders (shapley)")] = 0,
    model: ModelOpt = None,
    json: JsonOpt = False,
    device: DeviceOpt = "auto",
    dtype: DtypeOpt = "float32",
) -> None:
    """How much each prompt token contributes to the next token's log-probability."""
    from glassbox.analysis.attribution import attribute

    m = _load(model, device, dtype)
    a = attribute(
        m,
        prompt,
        target=_token(target),
        foil=_token(foil),
        method=cast(Method, method),
        n_steps=n_steps,
        n_samples=n_samples,
        seed=seed,
    )
    if json:
        print(a.model_dump_json(indent=1))
        return
    what = f"log p({a.target.text!r})" + (f" − log p({a.foil.text!r})" if a.foil else "")
    table = Table(title=f"{a.method}: contribution of each position to f = {what} = {a.f:.4f}")
    table.add_column("pos", justify="right")
    table.add_column("token")
    table.add_column("score", justify="right")
    for i, (tok, s) in enumerate(zip(a.tokens, a.scores.tolist(), strict=True)):
        table.add_row(str(i), Text(repr(tok.text)), _signed(s))
    console.print(table)
    if a.delta is not None:
        console.print(f"completeness error delta = Σ scores − (f − f(baseline)) = {a.delta:+.2e} ({a.n_steps} steps)")


def patch_command(
    clean: Annotated[str, typer.Option(help="the prompt whose activations are put back")],
    corrupted: Annotated[str, typer.Option(help="the prompt that is run (same number of tokens)")],
    answer: Annotated[str, typer.Option(help="the clean answer token (id or one-token text)")],
    wrong: Annotated[str, typer.Option(help="the corrupted answer token (id or one-token text)")],
    site: Annotated[str, typer.Option(help="resid_pre, attn_out, mlp_out or head_result")] = "resid_pre",
    model: ModelOpt = None,
    json: JsonOpt = False,
    device: DeviceOpt = "auto",
    dtype: DtypeOpt = "float32",
) -> None:
    """Activation patching: logit(answer) − logit(wrong) with each clean activation put into the corrupted run."""
    from glassbox.analysis.patching import patch

    m = _load(model, device, dtype)
    p = patch(m, clean, corrupted, cast(int | str, _token(answer)), cast(int | str, _token(wrong)), cast(Site, site))
    if json:
        print(p.model_dump_json(indent=1))
        return
    console.print(
        f"logit({p.answer.text!r}) − logit({p.wrong.text!r}): clean {p.clean:+.4f}, corrupted {p.corrupted:+.4f}"
    )
    effect = p.effect if p.effect.ndim == 2 else p.effect.max(axis=2)
    title = "patched value per layer (rows) and position (columns)"
    table = Table(title=title + (" — the largest over heads" if p.effect.ndim == 3 else ""))
    table.add_column("layer")
    for a, b in zip(p.clean_tokens, p.corrupted_tokens, strict=True):
        table.add_column(Text(repr(a.text) if a.id == b.id else f"{a.text!r}/{b.text!r}"), justify="right")
    for layer in range(effect.shape[0]):
        table.add_row(str(layer), *[f"{v:+.3f}" for v in effect[layer].tolist()])
    console.print(table)


def score_command(
    prompt: Annotated[str, typer.Option("--prompt", "-p", help="the text to score")],
    k: Annotated[int, typer.Option("-k", help="alternatives shown per token")] = 3,
    model: ModelOpt = None,
    json: JsonOpt = False,
    device: DeviceOpt = "auto",
    dtype: DtypeOpt = "float32",
) -> None:
    """The log-probability and rank of every token of a text, and its perplexity."""
    from glassbox.analysis.scoring import score_text

    m = _load(model, device, dtype)
    s = score_text(m, prompt, k=k)
    if json:
        print(s.model_dump_json(indent=1))
        return
    table = Table(title=f"perplexity {s.perplexity:.3f} over {s.n_scored} tokens")
    table.add_column("pos", justify="right")
    table.add_column("token")
    table.add_column("logprob", justify="right")
    table.add_column("rank", justify="right")
    table.add_column("most likely there")
    for t in s.tokens:
        alts = "" if t.top is None else "  ".join(f"{a.text!r} {a.logprob:.2f}" for a in t.top)
        lp = "" if t.logprob is None else f"{t.logprob:.3f}"
        table.add_row(str(t.pos), Text(repr(t.text)), lp, "" if t.rank is None else str(t.rank), Text(alts))
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add ``attribute``, ``patch`` and ``score`` to the ``glassbox`` command line."""
    app.command("attribute")(attribute_command)
    app.command("patch")(patch_command)
    app.command("score")(score_command)
