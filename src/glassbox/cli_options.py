"""Command-line options shared by the commands of several modules (``cli``, ``why_commands``, ``graph_commands``,
``export_commands``), so each is declared once."""

from __future__ import annotations

from typing import Annotated

import typer

DtypeOpt = Annotated[
    str,
    typer.Option(
        "--dtype",
        help="weights' precision: float32 (exact parity), bfloat16 or float16 (half the memory; probabilities still "
        "float32), or auto (the checkpoint's own)",
    ),
]

DeviceMapOpt = Annotated[
    str | None,
    typer.Option(
        "--device-map",
        help="spread the weights over the GPUs available: auto, balanced, balanced_low_0 or sequential "
        "(accelerate's placement; pip install 'glassbox[multi-gpu]'); --device is then ignored",
    ),
]
