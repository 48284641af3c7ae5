"""Write the server's OpenAPI document to ``schema/openapi.json`` (committed; the web client is generated from it).

``python -m glassbox.server.openapi`` rewrites it; ``--check`` fails (exit 1) when the committed file is stale,
so a route or payload change that was not followed by ``make schema`` fails ``make check`` and the web build.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OPENAPI_PATH = Path(__file__).resolve().parents[3] / "schema" / "openapi.json"


def build_openapi() -> dict[str, Any]:
    """The OpenAPI document of every ``/api`` route (no model is loaded to build it)."""
    # imported here: reading OPENAPI_PATH (the Makefile's and the tests' use) should not import torch and the app
    from glassbox.server.app import build_api

    return build_api().openapi()


def render() -> str:
    return json.dumps(build_openapi(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = render()
    if "--check" in args:
        current = OPENAPI_PATH.read_text(encoding="utf-8") if OPENAPI_PATH.exists() else ""
        if current != text:
            print(f"{OPENAPI_PATH} is stale: run `make schema`", file=sys.stderr)
            return 1
        return 0
    OPENAPI_PATH.parent.mkdir(parents=True, exist_ok=True)
    OPENAPI_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {OPENAPI_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
