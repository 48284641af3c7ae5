"""Generate the committed JSON Schema from the pydantic models.

``python -m glassbox.schema.export`` rewrites ``schema/glassbox.schema.json``; ``--check`` fails (exit 1)
when the committed file is stale. The web build generates its TypeScript types from that file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from glassbox.schema.animatedllm import ANIMATEDLLM_MODELS
from glassbox.schema.api import API_MODELS
from glassbox.schema.api_checkpoints import API_CHECKPOINT_MODELS
from glassbox.schema.api_compare import API_COMPARE_MODELS
from glassbox.schema.api_detail import API_DETAIL_MODELS
from glassbox.schema.api_training import API_TRAINING_MODELS
from glassbox.schema.attribution import ATTRIBUTION_MODELS
from glassbox.schema.base import SCHEMA_VERSION
from glassbox.schema.checksums import CHECKSUM_MODELS
from glassbox.schema.circuits import CIRCUITS_MODELS
from glassbox.schema.detail import DETAIL_MODELS
from glassbox.schema.errors import ERROR_MODELS
from glassbox.schema.evaluation import EVALUATION_MODELS
from glassbox.schema.export_views import EXPORT_VIEW_MODELS
from glassbox.schema.graph import GRAPH_MODELS
from glassbox.schema.history import HISTORY_MODELS
from glassbox.schema.linear_attention import LINEAR_ATTENTION_MODELS
from glassbox.schema.models import CORE_MODELS
from glassbox.schema.moe import MOE_MODELS
from glassbox.schema.per_layer import PER_LAYER_MODELS
from glassbox.schema.tokenizers import TOKENIZER_MODELS
from glassbox.schema.traces import TRACE_FILE_MODELS
from glassbox.schema.why import WHY_MODELS

SCHEMA_PATH = Path(__file__).resolve().parents[3] / "schema" / "glassbox.schema.json"


def all_models() -> list[type[BaseModel]]:
    """Every wire model of every schema module, each once, in the modules' order."""
    models: list[type[BaseModel]] = []
    for group in (
        CORE_MODELS,
        ERROR_MODELS,
        API_MODELS,
        API_DETAIL_MODELS,
        DETAIL_MODELS,
        MOE_MODELS,
        PER_LAYER_MODELS,
        LINEAR_ATTENTION_MODELS,
        ATTRIBUTION_MODELS,
        API_TRAINING_MODELS,
        HISTORY_MODELS,
        API_CHECKPOINT_MODELS,
        API_COMPARE_MODELS,
        EVALUATION_MODELS,
        CHECKSUM_MODELS,
        WHY_MODELS,
        TOKENIZER_MODELS,
        GRAPH_MODELS,
        CIRCUITS_MODELS,
        TRACE_FILE_MODELS,
        EXPORT_VIEW_MODELS,
        ANIMATEDLLM_MODELS,
    ):
        models.extend(m for m in group if m not in models)
    return models


def build_schema() -> dict[str, Any]:
    """One JSON Schema document whose ``$defs`` hold every model, in a stable order."""
    defs: dict[str, Any] = {}
    for model in all_models():
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        defs[model.__name__] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "glassbox",
        "description": f"glassbox payloads, schema_version {SCHEMA_VERSION}",
        "schema_version": SCHEMA_VERSION,
        "$defs": dict(sorted(defs.items())),
    }


def render() -> str:
    return json.dumps(build_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def write_or_check(path: Path, text: str, argv: list[str] | None = None) -> int:
    """Write a generated, committed file; with ``--check`` in ``argv`` only compare (exit 1 when stale)."""
    args = sys.argv[1:] if argv is None else argv
    if "--check" in args:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            print(f"{path} is stale: run `make schema`", file=sys.stderr)
            return 1
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return write_or_check(SCHEMA_PATH, render(), argv)


if __name__ == "__main__":
    raise SystemExit(main())
