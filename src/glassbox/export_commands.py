"""``glassbox export`` on the command line (the work is :func:`glassbox.export_site.export_site`).

Registered by :mod:`glassbox.cli` at start-up, so it imports nothing heavy until the command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from glassbox.cli_options import DtypeOpt


def register(app: typer.Typer) -> None:
    """Add ``glassbox export`` to the command line."""

    @app.command("export")
    def export_command(
        prompts: Annotated[Path, typer.Option("--prompts", help="a UTF-8 file with one prompt per line")],
        out: Annotated[Path, typer.Option("--out", help="the folder to write the static site into")],
        model: Annotated[
            str | None, typer.Option("--model", "-m", help="Hub name, local folder, or glassbox-tiny (default)")
        ] = None,
        n: Annotated[int, typer.Option("-n", "--max-new-tokens", help="tokens to generate per prompt")] = 16,
        temperature: Annotated[float, typer.Option(help="0 = greedy")] = 1.0,
        top_k: Annotated[int, typer.Option(help="0 = off")] = 0,
        top_p: Annotated[float, typer.Option(help="1 = off")] = 1.0,
        min_p: Annotated[float, typer.Option(help="0 = off")] = 0.0,
        seed: Annotated[int, typer.Option(help="same seed → same tokens")] = 0,
        device: Annotated[str, typer.Option("--device", help="auto, cpu or cuda")] = "auto",
        dtype: DtypeOpt = "float32",
        why: Annotated[
            bool, typer.Option("--why/--no-why", help="precompute the Why view of every prompt (--no-why: faster)")
        ] = True,
        circuits: Annotated[
            bool,
            typer.Option(
                "--circuits/--no-circuits",
                help="precompute each prompt's attribution graph and its feature cards, for a model with its own "
                "transcoders (--no-circuits: smaller)",
            ),
        ] = True,
    ) -> None:
        """Write a static, read-only site of the web app for a list of prompts (opens from file://, no server)."""
        from rich.progress import Progress

        from glassbox.analysis.sampling import settings
        from glassbox.cli import _load, console, err_console
        from glassbox.export_site import export_site
        from glassbox.traces import read_prompts

        read_prompts(prompts)  # a bad file fails before the model loads
        s = settings(temperature=temperature, top_k=top_k, top_p=top_p, min_p=min_p, seed=seed)
        m = _load(model, device, dtype=dtype)
        with Progress(console=err_console, transient=True) as bar:
            # one step per prompt and stage (its trace, its Why view, its graph): export_site reports the total
            task = bar.add_task("exporting", total=None)
            report = export_site(  # the file again, not the lines: an error names the prompt's line
                m,
                prompts,
                out,
                max_new_tokens=n,
                settings=s,
                progress=lambda done, total: bar.update(task, completed=done, total=total),
                why=why,
                circuits=circuits,
            )
        console.print(
            f"wrote {report.out / 'index.html'}: {len(report.manifest.prompts)} prompts, "
            f"{report.total_bytes:,} bytes in all"
        )
