"""The ``glassbox`` command line: ``serve | trace | generate | tokenize | models | train | eval | compare``.

Errors a user can cause are printed as one line on stderr (``error: …``) with exit code 1, no traceback.
Heavy imports (torch, transformers) happen inside the commands so ``glassbox --help`` stays instant.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from glassbox.cli_options import DeviceMapOpt, DtypeOpt
from glassbox.errors import GlassboxError, InvalidInputError

app = typer.Typer(
    name="glassbox",
    help="See inside a language model, with real numbers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

ModelOpt = Annotated[
    str | None,
    typer.Option("--model", "-m", help="Hub name, local folder, or glassbox-tiny (default: the embedded model)"),
]
DeviceOpt = Annotated[str, typer.Option("--device", help="auto, cpu or cuda")]
PromptOpt = Annotated[str, typer.Option("--prompt", "-p", help="the text to run")]


def _load(
    model: str | None,
    device: str,
    trust_remote_code: bool = False,
    dtype: str = "float32",
    device_map: str | None = None,
) -> Any:
    from transformers.utils import logging as hf_logging

    from glassbox.models.loading import DTYPE_NAMES, load_model, tune_threads

    if dtype not in DTYPE_NAMES:  # before any weights are read
        raise typer.BadParameter(f"unknown dtype {dtype!r}: use one of {', '.join(DTYPE_NAMES)}", param_hint="--dtype")

    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    with console.status(f"loading {model or 'glassbox-tiny'}…"):
        loaded = load_model(
            model, device=device, dtype=dtype, trust_remote_code=trust_remote_code, device_map=device_map
        )
    tune_threads([loaded])
    return loaded


def _prob_style(p: float) -> str:
    # colour-blind-safe ramp (viridis-like): low probability purple → high yellow
    ramp = ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"]
    return f"black on {ramp[min(4, int(p * 5))]}"


@app.command()
def models() -> None:
    """List the supported architecture families and the models available offline."""
    from glassbox.models.adapters import ADAPTERS
    from glassbox.models.loading import list_local_models

    table = Table(title="supported architectures")
    table.add_column("family")
    table.add_column("model_type (config.json)")
    for adapter in ADAPTERS:
        table.add_row(adapter.family, ", ".join(adapter.model_types))
    console.print(table)
    local = list_local_models()
    table = Table(title="models available offline")
    table.add_column("name")
    table.add_column("kind")
    table.add_column("where")
    for row in local:
        table.add_row(row["name"], row["kind"], row["where"])
    if not local:
        table.add_row("(none)", "", "build the embedded model with `make model`")
    console.print(table)
    console.print("Any local folder saved with save_pretrained, or a Hub name in the local cache, works with --model.")


@app.command()
def tokenize(
    prompt: PromptOpt,
    model: ModelOpt = None,
    device: DeviceOpt = "auto",
    compare: Annotated[
        str | None,
        typer.Option(
            "--compare",
            help="tokenizers side by side, comma-separated: gpt2, cl100k, o200k, llama3, qwen3, gemma3, "
            "deepseek-v3, a local folder or a cached Hub name; also prints the token tax of glassbox's parallel text",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="with --compare: print the comparison as JSON")] = False,
) -> None:
    """Show how a prompt is split into tokens: id, text and bytes (--compare: several tokenizers side by side)."""
    if compare is not None:
        from glassbox.tokenizers import compare as compare_text
        from glassbox.tokenizers import token_tax
        from glassbox.tokenizers.report import print_comparison, print_tax

        comparison = compare_text(prompt, compare)
        tax = token_tax(compare)
        if as_json:
            payload = {"comparison": comparison.model_dump(mode="json"), "token_tax": tax.model_dump(mode="json")}
            sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
            return
        print_comparison(console, comparison)
        print_tax(console, tax)
        return
    if as_json:
        raise InvalidInputError("--json goes with --compare: glassbox tokenize --compare gpt2,o200k -p TEXT --json")
    from glassbox.models.tokenizer_files import find_tokenizer_files, load_file_tokenizer
    from glassbox.models.tokens import token_infos

    # splitting text needs only the tokenizer: read its files (no torch, no weights: well under a second)
    # and load the whole model only for a tokenizer without a tokenizer.json
    folder = find_tokenizer_files(model)
    tokenizer: Any
    if folder is not None:
        tokenizer = load_file_tokenizer(folder, model)
        ids = tokenizer.encode_prompt(prompt)
    else:
        from glassbox.models.tokens import encode

        m = _load(model, device)
        tokenizer, ids = m.tokenizer, encode(m, prompt)
    table = Table(title=f"{len(ids)} tokens ({len(prompt)} characters)")
    for col in ("#", "id", "text", "bytes"):
        table.add_column(col)
    for i, info in enumerate(token_infos(tokenizer, ids)):
        table.add_row(str(i), str(info.id), Text(repr(info.text)), info.bytes_hex)
    console.print(table)


@app.command()
def trace(
    prompt: Annotated[str | None, typer.Option("--prompt", "-p", help="the text to run")] = None,
    model: ModelOpt = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write the schema-valid JSON here")] = None,
    k: Annotated[int, typer.Option("-k", help="top-k tokens to show")] = 5,
    prompts: Annotated[
        Path | None, typer.Option("--prompts", help="batch: a UTF-8 file with one prompt per line (needs --out)")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="batch: the folder for one trace file per prompt")] = None,
    n: Annotated[int, typer.Option("-n", "--max-new-tokens", help="batch: tokens to generate per prompt")] = 16,
    temperature: Annotated[float, typer.Option(help="batch: 0 = greedy")] = 1.0,
    top_k: Annotated[int, typer.Option(help="batch: 0 = off")] = 0,
    top_p: Annotated[float, typer.Option(help="batch: 1 = off")] = 1.0,
    min_p: Annotated[float, typer.Option(help="batch: 0 = off")] = 0.0,
    seed: Annotated[int, typer.Option(help="batch: same seed → same tokens")] = 0,
    device: DeviceOpt = "auto",
    dtype: DtypeOpt = "float32",
    device_map: DeviceMapOpt = None,
) -> None:
    """Run one traced forward pass: tokens, top predictions and the logit lens (--prompts: one trace file each)."""
    import glassbox

    if prompts is not None or out is not None:
        _trace_batch(
            prompts,
            out,
            model,
            device,
            n,
            dict(temperature=temperature, top_k=top_k, top_p=top_p, min_p=min_p, seed=seed),
            dtype,
        )
        return
    if prompt is None:
        raise InvalidInputError("give --prompt TEXT, or --prompts FILE --out DIR for a batch")
    m = _load(model, device, dtype=dtype, device_map=device_map)
    t = glassbox.trace(m, prompt)
    summary = t.summary(k=k, lens_k=1)
    if output is not None:
        output.write_text(summary.model_dump_json(indent=1), encoding="utf-8")
        console.print(f"wrote {output} ({output.stat().st_size:,} bytes, {len(t.tokens)} tokens)")
        return
    i = m.info
    console.print(
        f"[bold]{m.name}[/] {i.model_type}: {i.n_layers} layers, {i.n_heads} heads, d_model {i.d_model}, "
        f"{i.n_params:,} parameters"
    )
    console.print("tokens: " + " ".join(f"[reverse]{tok.text}[/]" for tok in t.tokens), highlight=False)
    table = Table(title="next token")
    table.add_column("token")
    table.add_column("prob", justify="right")
    table.add_column("logit", justify="right")
    for top in summary.next_token:
        table.add_row(Text(repr(top.token.text)), f"{top.prob:.4f}", f"{top.logit:.3f}")
    console.print(table)
    lens = Table(title="logit lens: top-1 per layer (rows) and position (columns)")
    lens.add_column("layer")
    for tok in t.tokens:
        lens.add_column(Text(repr(tok.text)[:10]), overflow="fold")
    n = len(t.tokens)
    for row, site in enumerate(summary.logit_lens.layers):
        cells = summary.logit_lens.cells[row * n : (row + 1) * n]
        label = site.part if site.layer is None else f"{site.part} {site.layer}"  # "embed", "block 3"
        lens.add_row(label, *[Text(f"{c.top[0].token.text!r} {c.top[0].prob:.2f}") for c in cells])
    console.print(lens)


def _trace_batch(
    prompts: Path | None,
    out: Path | None,
    model: str | None,
    device: str,
    n: int,
    sampling: dict[str, Any],
    dtype: str = "float32",
) -> None:
    """``glassbox trace --prompts FILE --out DIR``: one versioned trace file per prompt, with a progress bar."""
    from rich.progress import Progress

    from glassbox.analysis.sampling import settings
    from glassbox.traces import read_prompts, trace_prompts

    if prompts is None or out is None:
        raise InvalidInputError("a batch needs both --prompts FILE and --out DIR")
    lines = read_prompts(prompts)  # a bad file fails before the model loads
    s = settings(**sampling)
    m = _load(model, device, dtype=dtype)
    with Progress(console=err_console, transient=True) as bar:
        task = bar.add_task("tracing", total=len(lines))
        paths = trace_prompts(  # the file again, not the lines: an error names the prompt's line
            m, prompts, out, max_new_tokens=n, settings=s, progress=lambda done, _t: bar.update(task, completed=done)
        )
    size = sum(p.stat().st_size for p in paths)
    console.print(f"wrote {len(paths)} trace files into {out} ({size:,} bytes)")


@app.command()
def generate(
    prompt: PromptOpt,
    model: ModelOpt = None,
    n: Annotated[int, typer.Option("-n", "--max-new-tokens", help="tokens to generate")] = 20,
    temperature: Annotated[float, typer.Option(help="0 = greedy")] = 1.0,
    top_k: Annotated[int, typer.Option(help="0 = off")] = 0,
    top_p: Annotated[float, typer.Option(help="1 = off")] = 1.0,
    min_p: Annotated[float, typer.Option(help="0 = off")] = 0.0,
    seed: Annotated[int, typer.Option(help="same seed → same tokens")] = 0,
    chat: Annotated[bool, typer.Option(help="apply the tokenizer's chat template")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the Generation as JSON")] = False,
    animatedllm: Annotated[
        Path | None,
        typer.Option(
            "--animatedllm",
            help="also write the generation as an AnimatedLLM inference trace (top-10 per step) to this JSON file",
        ),
    ] = None,
    device: DeviceOpt = "auto",
    dtype: DtypeOpt = "float32",
    device_map: DeviceMapOpt = None,
) -> None:
    """Generate text step by step; tokens are coloured by their probability."""
    from rich.progress import Progress

    from glassbox.analysis.sampling import settings
    from glassbox.generation import chat_prompt_ids, generate_steps
    from glassbox.models.tokens import encode

    m = _load(model, device, dtype=dtype, device_map=device_map)
    s = settings(temperature=temperature, top_k=top_k, top_p=top_p, min_p=min_p, seed=seed)
    if n < 0:
        raise InvalidInputError("-n must be ≥ 0")
    ids = chat_prompt_ids(m, prompt) if chat else encode(m, prompt)
    steps = []
    with Progress(console=err_console, transient=True) as progress:
        task = progress.add_task("generating", total=n)
        for rec, _ in generate_steps(m, ids, s, n):
            steps.append(rec)
            progress.advance(task)
    if animatedllm is not None:
        _write_animatedllm(m, prompt, ids, s, steps, n, animatedllm)
    if as_json:
        print(json.dumps([st.model_dump() for st in steps], ensure_ascii=False))
        return
    text = Text(prompt)
    for st in steps:
        text.append(st.token.text, style=_prob_style(st.prob))
    console.print(text)
    console.print(f"[dim]{len(steps)} tokens; colour = probability of the chosen token (purple low → yellow high)[/]")


def _write_animatedllm(m: Any, prompt: str, ids: list[int], s: Any, steps: list[Any], n: int, out: Path) -> None:
    """The CLI's generation as the ``Generation`` the API would answer, then in AnimatedLLM's format."""
    from glassbox.animatedllm import write_animatedllm
    from glassbox.models.tokens import token_infos
    from glassbox.schema.models import Generation

    eos = getattr(m.tokenizer, "eos_token_id", None)
    reason = "eos" if steps and steps[-1].token.id == eos else ("context" if len(steps) < n else "max_new_tokens")
    generation = Generation(
        model=m.name,
        prompt=prompt,
        prompt_tokens=token_infos(m.tokenizer, ids),
        settings=s,
        steps=steps,
        stop_reason=reason,
    )
    write_animatedllm(generation, out, m)
    err_console.print(f"wrote {out} ({out.stat().st_size:,} bytes, {len(steps)} steps, AnimatedLLM inference format)")


def _register_optional() -> None:
    """Commands that live beside their subsystem (server, training) register themselves."""
    import importlib

    for module in (
        "glassbox.server.commands",
        "glassbox.training.commands",
        "glassbox.why_commands",
        "glassbox.graph_commands",
        "glassbox.export_commands",
        "glassbox.compare_commands",
    ):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if not exc.name or not module.startswith(exc.name):  # a real import error inside the module
                raise
            continue
        mod.register(app)


_register_optional()


def main() -> None:
    try:
        app()
    except GlassboxError as exc:
        err_console.print(f"error: {exc}", style="red", highlight=False, soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
