"""Reading and writing the files a run leaves next to its model: ``history.json`` and ``glassbox.json``.

The shapes live in :mod:`glassbox.schema.history`; this module writes them atomically and reads them back,
migrating files written before schema version 2.0:

* the configuration's Hugging Face key names (``n_layer``, ``n_head``, ``n_embd``, ``n_positions``,
  ``vocab_size``) become the house's (``n_layers``, ``n_heads``, ``d_model``, ``n_ctx``, ``d_vocab``);
* a probe's ``family`` becomes ``task`` and the corpus statistics' ``documents_per_family`` becomes
  ``documents_per_genre`` ("family" names an architecture family only); the corpus's ``vocab_size`` becomes
  ``d_vocab``;
* ``history.json``'s integer ``schema_version: 1`` (and ``glassbox.json``'s missing version, with its
  ``history_schema_version``) become the schema version string.

Both readers first verify the file against its folder's ``checksums.json`` when there is one, and every way a
file can be damaged (a checksum mismatch, truncated or invalid JSON, bytes that are not UTF-8, a shape that does
not validate) is a :class:`~glassbox.errors.CorruptedModelError` naming the file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from glassbox.errors import CorruptedModelError
from glassbox.models.checksums import verify_files
from glassbox.schema.base import SCHEMA_VERSION
from glassbox.schema.history import TrainedModelMetadata, TrainingHistory
from glassbox.training.config import migrate_keys
from glassbox.training.files import atomic_write_text, major_version

_M = TypeVar("_M", TrainingHistory, TrainedModelMetadata)

HISTORY_FILE = "history.json"
METADATA_FILE = "glassbox.json"


def save_history(history: TrainingHistory, path: Path) -> None:
    atomic_write_text(path, json.dumps(history.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")))


def load_history(path: Path) -> TrainingHistory:
    """Read a ``history.json`` of any version this glassbox knows (older ones are migrated), verified against
    its folder's manifest when there is one."""
    return history_from_json(_read_verified(path), path)


def history_from_json(text: str, path: Path) -> TrainingHistory:
    """A history from its JSON text (``path`` names its file in errors); see :func:`load_history`."""
    data = _json_object(text, path)
    if major_version(data.get("schema_version"), path) == 1:
        data = migrate_history_v1(data)
    return _validated(TrainingHistory, data, path)


def migrate_history_v1(data: dict[str, Any]) -> dict[str, Any]:
    """A version-1 history dict in the current shape (the same values; see the module docstring)."""
    out = {**data, "schema_version": SCHEMA_VERSION, "config": migrate_keys(data.get("config", {}))}
    out["probes"] = [_renamed(p, "family", "task") for p in data.get("probes", [])]
    corpus = data.get("corpus")
    if corpus:  # v1 wrote {} when it had no statistics
        corpus = _renamed(corpus, "vocab_size", "d_vocab")
        stats = corpus.get("stats", {})
        corpus["stats"] = {
            split: _renamed(counts, "documents_per_family", "documents_per_genre") for split, counts in stats.items()
        }
        out["corpus"] = corpus
    else:
        out.pop("corpus", None)
    return out


def save_metadata(meta: TrainedModelMetadata, path: Path) -> None:
    atomic_write_text(path, json.dumps(meta.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")


def load_metadata(path: Path) -> TrainedModelMetadata:
    """Read a ``glassbox.json`` of any version this glassbox knows (older ones are migrated)."""
    data = _json_object(_read_verified(path), path)
    if major_version(data.get("schema_version"), path) == 1:
        data = {k: v for k, v in data.items() if k != "history_schema_version"}
        data = {**data, "schema_version": SCHEMA_VERSION, "config": migrate_keys(data.get("config", {}))}
    return _validated(TrainedModelMetadata, data, path)


def _read_verified(path: Path) -> str:
    """The text of a file next to a model, checked against the folder's ``checksums.json`` when it has one."""
    verify_files(path.parent, [path.name])
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CorruptedModelError(
            f"{path} is corrupted (not UTF-8 text: {exc.reason}): re-train it or restore it from a copy"
        ) from None


def _validated(model: type[_M], data: dict[str, Any], path: Path) -> _M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(map(str, first["loc"])) or "the file"
        raise CorruptedModelError(
            f"{path} is corrupted ({exc.error_count()} invalid field(s), first {where}: {first['msg']}):"
            " re-train it or restore it from a copy"
        ) from None


def _renamed(data: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    return {(new if k == old else k): v for k, v in data.items()}


def _json_object(text: str, path: Path) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorruptedModelError(
            f"{path} is corrupted (not valid JSON: {exc}): re-train it or restore it from a copy"
        ) from exc
    if not isinstance(data, dict):
        raise CorruptedModelError(f"{path} does not hold a JSON object: the file is damaged")
    return data
