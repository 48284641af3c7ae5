"""Write the server's OpenAPI document to ``schema/openapi.json`` (committed; the web client is generated from it).

``python -m glassbox.server.openapi`` rewrites it; ``--check`` fails (exit 1) when the committed file is stale,
so a route or payload change that was not followed by ``make schema`` fails ``make check`` and the web build.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from glassbox.schema.export import write_or_check

OPENAPI_PATH = Path(__file__).resolve().parents[3] / "schema" / "openapi.json"


def build_openapi() -> dict[str, Any]:
    """The OpenAPI document of every ``/api`` route (no model is loaded to build it)."""
    # imported here: reading OPENAPI_PATH (the Makefile's and the tests' use) should not import torch and the app
    from glassbox.server.app import build_api

    return build_api().openapi()


def render() -> str:
    return json.dumps(build_openapi(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    return write_or_check(OPENAPI_PATH, render(), argv)


if __name__ == "__main__":
    raise SystemExit(main())
