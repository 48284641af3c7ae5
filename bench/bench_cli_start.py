"""How long ``glassbox tokenize`` and ``glassbox --help`` take to start, against loading the whole model.

``glassbox tokenize`` used to load the model (torch, transformers and the weights) to split a text: 4–11 s on a
busy 2-core machine (issue 17). It now reads the tokenizer's files with the ``tokenizers`` library. Each
contender is a fresh process, as a user runs it, and the contenders take turns within every repeat
(:func:`_common.paired_medians`), so a burst of load from another process slows them alike:

* ``python -c pass`` — the interpreter alone: the floor no command can go under;
* ``import torch`` — what the command no longer pays;
* ``glassbox --help``;
* ``glassbox tokenize`` — the command as it is now;
* the old path — the same command's work done as it was before (``load_model`` then ``encode``), in one process.

Ratios are against the old path measured in the same run.

    .venv/bin/python bench/bench_cli_start.py            # print the table
    .venv/bin/python bench/bench_cli_start.py --write    # and rewrite its section of docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import paired_medians, write_section

ROOT = Path(__file__).resolve().parents[1]
TEXT = "The capital of France is Paris. Hlavní město Francie je Paříž. 法国的首都是巴黎。"

OLD_PATH = (
    "import sys\n"
    "from glassbox.cli import _load\n"
    "from glassbox.models.tokens import encode, token_infos\n"
    "m = _load(None, 'auto')\n"
    f"ids = encode(m, {TEXT!r})\n"
    "token_infos(m.tokenizer, ids)\n"
)

CONTENDERS: dict[str, list[str]] = {
    "python -c pass (interpreter only)": [sys.executable, "-c", "pass"],
    "python -c 'import torch'": [sys.executable, "-c", "import torch"],
    "glassbox --help": [sys.executable, "-m", "glassbox.cli", "--help"],
    "glassbox tokenize (now: tokenizer files)": [sys.executable, "-m", "glassbox.cli", "tokenize", "-p", TEXT],
    "before: load_model + encode": [sys.executable, "-c", OLD_PATH],
}
BASELINE = "before: load_model + encode"


def runner(cmd: list[str]) -> Callable[[], None]:
    def run() -> None:
        out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False, env=os.environ.copy())
        if out.returncode != 0:
            raise SystemExit(f"{' '.join(cmd[:4])}… failed ({out.returncode}): {out.stderr.strip()[-400:]}")

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--write", action="store_true", help="rewrite the section of docs/benchmarks.md")
    args = parser.parse_args()
    medians = paired_medians({name: runner(cmd) for name, cmd in CONTENDERS.items()}, repeats=args.repeats)
    base = medians[BASELINE]
    lines = [
        "| process | median wall-clock | vs the old `tokenize` path |",
        "| --- | ---: | ---: |",
    ]
    for name, seconds in medians.items():
        lines.append(f"| {name} | {seconds * 1000:,.0f} ms | {seconds / base:.3f}× |")
    speedup = base / medians["glassbox tokenize (now: tokenizer files)"]
    over_floor = medians["glassbox tokenize (now: tokenizer files)"] - medians["python -c pass (interpreter only)"]
    body = "\n".join(
        [
            "`bench/bench_cli_start.py`: each row a fresh process on the embedded model, the rows taking turns in"
            f" each of {args.repeats} repeats (medians); {platform.processor() or platform.machine()},"
            f" {os.cpu_count()} CPUs, Python {platform.python_version()}.",
            "",
            *lines,
            "",
            f"`glassbox tokenize` starts **{speedup:.1f}× faster** than loading the model to tokenize did, and"
            f" spends {over_floor * 1000:,.0f} ms beyond the bare interpreter; it never imports torch"
            " (`tests/integration/test_tokenize_light.py` asserts it).",
        ]
    )
    print(body)
    if args.write:
        write_section("CLI start-up (glassbox tokenize)", body)


if __name__ == "__main__":
    main()
