"""``glassbox compare``: one prompt through two to four models, side by side (what the web app's Compare view shows).

Prints each model's tokens, the next tokens matched across vocabularies by their bytes, the total variation
distance between the distributions, and where each model's logit lens settles on its answer; ``-o`` writes the
schema-valid :class:`~glassbox.schema.api_compare.ModelComparison` as JSON.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from glassbox.cli_options import DeviceMapOpt, DtypeOpt
from glassbox.errors import InvalidInputError

console = Console()


def _load(model: str, device: str, dtype: str, device_map: str | None) -> Any:
    from glassbox.cli import _load as load  # here, not at the top: glassbox.cli imports this module

    return load(model, device, dtype=dtype, device_map=device_map)


def register(app: typer.Typer) -> None:
    """Add ``compare`` to the ``glassbox`` command line."""
    app.command()(compare)


def compare(
    prompt: Annotated[str, typer.Option("--prompt", "-p", help="the text to run")],
    model: Annotated[
        list[str],
        typer.Option("--model", "-m", help="a model to compare (Hub name, local folder or glassbox-tiny); 2 to 4"),
    ],
    k: Annotated[int, typer.Option("-k", min=1, max=50, help="next tokens listed per model")] = 10,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write the schema-valid JSON here")] = None,
    device: Annotated[str, typer.Option("--device", help="auto, cpu or cuda")] = "auto",
    dtype: DtypeOpt = "float32",
    device_map: DeviceMapOpt = None,
) -> None:
    """One prompt through two to four models: tokens, next tokens matched by bytes, and the logit lens by depth."""
    from glassbox.comparison import compare_models

    if not 2 <= len(model) <= 4:
        raise InvalidInputError(f"give 2 to 4 models with --model (got {len(model)})")
    loaded = [_load(name, device, dtype, device_map) for name in model]
    c = compare_models(loaded, prompt, top_k=k, names=model)
    if output is not None:
        output.write_text(c.model_dump_json(indent=1), encoding="utf-8")
        console.print(f"wrote {output} ({output.stat().st_size:,} bytes, {len(c.models)} models)")
        return
    for side in c.models:
        i = side.info
        console.print(
            f"[bold]{side.model}[/] {i.model_type}: {i.n_layers} layers, {len(side.tokens)} tokens, "
            f"next-token entropy {side.entropy:.3f} nats"
        )
        console.print("  " + " ".join(f"[reverse]{tok.text}[/]" for tok in side.tokens), highlight=False)
    console.print("one tokenizer" if c.same_tokenizer else "different tokenizers: next tokens matched by their bytes")
    table = Table(title="next token")
    table.add_column("token")
    for side in c.models:
        table.add_column(side.model, justify="right")
    for row in c.next:
        cells = [f"{p:.4f}" if present else "—" for p, present in zip(row.probs, row.in_vocab, strict=True)]
        table.add_row(Text(repr(row.text)), *cells)
    console.print(table)
    for a in range(len(c.models)):
        for b in range(a + 1, len(c.models)):
            console.print(
                f"total variation {c.models[a].model} ↔ {c.models[b].model}: {c.total_variation[a][b]:.4f} "
                "(0 = the same distribution, 1 = no overlap)"
            )
    lens = Table(title="logit lens at the last position: top-1 after each layer, and p(final top token)")
    lens.add_column("depth", justify="right")
    for side in c.models:
        lens.add_column(side.model)
    depths = sorted({round(r.depth, 3) for side in c.models for r in side.lens})
    for d in depths:
        shown: list[Text] = []
        for side in c.models:
            at = next((r for r in side.lens if round(r.depth, 3) == d), None)
            shown.append(Text("") if at is None else Text(f"{at.top.token.text!r} · {at.final_prob:.3f}"))
        lens.add_row(f"{d:.2f}", *shown)
    console.print(lens)
