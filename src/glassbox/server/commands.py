"""``glassbox serve``: the web app on the models the operator names (the embedded model by default)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated, Any

import typer

from glassbox.cli_options import DeviceMapOpt
from glassbox.errors import InvalidInputError, NotBuiltError, NotFoundError


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``glassbox`` command line."""
    app.command()(serve)


def serve(
    model: Annotated[
        list[str] | None,
        typer.Option(
            "--model",
            "-m",
            help="a model to offer (Hub name, local folder or glassbox-tiny); repeat for several. "
            "Default: the embedded glassbox-tiny",
        ),
    ] = None,
    host: Annotated[str, typer.Option(help="address to bind; 0.0.0.0 exposes the app to your network")] = "127.0.0.1",
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="a name (or address) readers reach this server by, besides 127.0.0.1, localhost and [::1]; "
            "requests addressed to any other name are refused. Repeat for several; '*' allows any name",
        ),
    ] = None,
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="do not open a browser tab")] = False,
    device: Annotated[str, typer.Option(help="auto, cpu or cuda")] = "auto",
    dtype: Annotated[
        str,
        typer.Option(
            help="weights' precision: float32 (exact parity with the plain forward), bfloat16 or float16 (half the "
            "memory; probabilities still computed in float32), or auto (what the checkpoint's config declares)"
        ),
    ] = "float32",
    device_map: DeviceMapOpt = None,
    max_prompt_tokens: Annotated[int, typer.Option(min=1, help="longest prompt a page may send, in tokens")] = 512,
    max_new_tokens: Annotated[int, typer.Option(min=1, help="most tokens one generation may add")] = 256,
    max_top_k: Annotated[int, typer.Option(min=1, help="largest top-k a page may ask for")] = 1000,
    trace_cache_mb: Annotated[
        int,
        typer.Option(
            "--trace-cache-mb",
            min=0,
            help="memory for full traces kept between requests, in MB (least recently used dropped first; "
            "one 512-token trace of a 1B model is about 1.6 GB)",
        ),
    ] = 2048,
    traces: Annotated[
        Path | None,
        typer.Option(
            "--traces",
            help="a folder of trace files (AnimatedLLM's inference/training JSON, glassbox generations and traces) "
            "the page offers in its trace picker; pages pick from its listing, never name a path",
        ),
    ] = None,
    checkpoints: Annotated[
        str | None,
        typer.Option(
            "--checkpoints",
            help="training checkpoints of the (first) --model for the pre-training view, comma-separated: Hub "
            "revisions from the local cache (step1000,step2000 for Pythia; OLMo's stage1-step…), local folders "
            "(DIR1,DIR2), or one folder with a sub-folder per checkpoint; ordered by the step in their names",
        ),
    ] = None,
    transcoders: Annotated[
        list[str] | None,
        typer.Option(
            "--transcoders",
            help="MODEL=DIR: transcoders (a folder in circuit-tracer's format) for the Circuits view of the model "
            "offered as MODEL; repeat for several. A model's own transcoders/ folder (the embedded model's) is used "
            "without this",
        ),
    ] = None,
) -> None:
    """Open the web app: type a prompt, watch the model predict, sample and generate step by step."""
    # imported here, not at the top: `glassbox --help` and the other commands should not pay for torch,
    # transformers and the web server
    from glassbox.server.app import BUILD_HINT, static_built

    if not static_built():
        raise NotBuiltError(BUILD_HINT)
    if traces is not None and not traces.is_dir():
        raise NotFoundError(f"--traces {traces}: no such folder")
    transcoder_dirs = parse_transcoders(transcoders or [])

    import threading
    import webbrowser

    from rich.console import Console
    from transformers.utils import logging as hf_logging

    from glassbox.models.loading import DTYPE_NAMES, check_device_map, load_model, tune_threads
    from glassbox.schema.api import Limits
    from glassbox.server.app import begin_shutdown, create_app_for
    from glassbox.server.protocol import GlassboxServer, server_config
    from glassbox.server.registry import Registry

    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    console = Console(stderr=True)
    names = model or ["glassbox-tiny"]
    if dtype not in DTYPE_NAMES:  # before any weights are read
        raise typer.BadParameter(f"unknown dtype {dtype!r}: use one of {', '.join(DTYPE_NAMES)}", param_hint="--dtype")
    if device_map is not None:
        check_device_map(device_map)
    if checkpoints:  # a revision missing from the cache fails now, before any weights are read
        from glassbox.training.checkpoint_replay import resolve_checkpoints

        resolve_checkpoints(names[0], checkpoints)
    loaded = []
    for name in names:
        with console.status(f"loading {name}…"):
            loaded.append(load_model(name, device=device, dtype=dtype, device_map=device_map))
    tune_threads(loaded)
    checkpoint_sets = open_served_checkpoints(loaded[0], checkpoints, device, console) if checkpoints else {}
    limits = Limits(max_prompt_tokens=max_prompt_tokens, max_new_tokens=max_new_tokens, max_top_k=max_top_k)
    allowed = [h.strip() for h in allowed_host or [] if h.strip()]
    app = create_app_for(
        Registry(loaded),
        limits,
        allowed_hosts=allowed,
        traces_dir=traces,
        transcoders=transcoder_dirs,
        checkpoints=checkpoint_sets,
        trace_cache_mb=trace_cache_mb,
    )
    shown_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    url = f"http://{f'[{shown_host}]' if ':' in shown_host else shown_host}:{port}/"
    console.print(f"glassbox is serving {', '.join(m.name for m in loaded)} at [bold]{url}[/] (Ctrl+C stops it)")
    warning = exposure_warning(host, allowed)
    if warning:
        console.print(f"[yellow]warning:[/] {warning}")
    if not no_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    GlassboxServer(server_config(app, host, port), on_exit=lambda: begin_shutdown(app)).run()


def open_served_checkpoints(model: Any, items: str, device: str, console: Any) -> dict[str, Any]:
    """``--checkpoints``: the first model's checkpoint set, its probe replay computed now (with a progress bar),
    so that the page's first look costs nothing and a bad revision stops the server before it starts."""
    from rich.progress import Progress

    from glassbox.training.checkpoint_replay import open_checkpoints

    # in the served model's dtype: `serve --dtype bfloat16` halves the checkpoints too
    found = open_checkpoints(model, items, device=device, dtype=next(model.hf.parameters()).dtype)
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task(f"replaying {len(found.refs)} checkpoints of {model.name}", total=len(found.refs))
        found.replay(progress=lambda done, _n: bar.update(task, completed=done))
    order = "by step" if found.ordered_by == "step" else "as given (not every name says a step)"
    console.print(f"checkpoints of {model.name}, {order}: {', '.join(found.labels)}")
    return {model.name: found}


def parse_transcoders(items: list[str]) -> dict[str, Path]:
    """``--transcoders MODEL=DIR`` options as {model id: folder}; each folder must hold a config.yaml."""
    out: dict[str, Path] = {}
    for item in items:
        model, sep, folder = item.partition("=")
        if not sep or not model.strip() or not folder.strip():
            raise InvalidInputError(f"--transcoders {item!r}: expected MODEL=DIR, e.g. glassbox-tiny=./transcoders")
        path = Path(folder.strip()).expanduser()
        if not (path / "config.yaml").is_file():
            raise NotFoundError(f"--transcoders {item!r}: {path} has no config.yaml (circuit-tracer's format)")
        out[model.strip()] = path
    return out


LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


def exposure_warning(host: str, allowed_hosts: list[str]) -> str | None:
    """What to tell an operator who binds beyond loopback without naming the host readers will use."""
    if host in LOOPBACK or allowed_hosts:
        return None
    return (
        f"bound to {host}, but this server answers only requests addressed to 127.0.0.1, localhost or [::1]: "
        "readers on other machines must reach it by a name you allow with --allowed-host NAME (this machine's "
        "address or host name, e.g. --allowed-host 192.168.1.20)"
    )
