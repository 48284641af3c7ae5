"""Writing training files so that a crash never leaves half a file, and reading the version each one carries.

Every file a run writes (``history.json``, ``glassbox.json``, the resumable states) records the
:data:`~glassbox.schema.base.SCHEMA_VERSION` it was written with. Files from before versions were strings
(``history.json`` said ``1``; ``glassbox.json`` and the states said nothing) are version 1 and are migrated
by their readers; a file from a newer glassbox is refused with an error naming it.

A finished run's folder also gets ``checksums.json`` (:func:`write_manifest`): the SHA-256 of every file in it,
checkpoint snapshots included, which the readers verify (:mod:`glassbox.models.checksums`).
"""

from __future__ import annotations

import os
from pathlib import Path

from glassbox.errors import CorruptedModelError
from glassbox.models.checksums import MANIFEST_FILE, build_manifest
from glassbox.schema.base import SCHEMA_VERSION

CURRENT_MAJOR = int(SCHEMA_VERSION.split(".")[0])


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file, fsync and ``os.replace`` (never a half-written file)."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def write_manifest(folder: str | Path) -> Path:
    """Write ``checksums.json`` into a model folder: the SHA-256 of every file in it (written last by training;
    run it again after changing a file on purpose). Returns the manifest's path."""
    root = Path(folder)
    manifest = build_manifest(root)
    path = root / MANIFEST_FILE
    atomic_write_text(path, manifest.model_dump_json(indent=1) + "\n")
    return path


def remove_manifest(folder: Path) -> None:
    """Drop a folder's manifest before its files change (a new or resumed run writes a fresh one at the end)."""
    (folder / MANIFEST_FILE).unlink(missing_ok=True)


def major_version(found: object, path: Path) -> int:
    """The major schema version of a file's ``schema_version`` value (``None`` or ``1``: version 1).

    Raises :class:`CorruptedModelError` for a version this glassbox cannot read (newer, or not a version).
    """
    if found is None or found == 1:
        return 1
    major = None
    if isinstance(found, str):
        head = found.split(".")[0]
        major = int(head) if head.isdigit() else None
    if major is None or major < 1:
        raise CorruptedModelError(f"{path} has an unreadable schema version {found!r}: the file is damaged")
    if major > CURRENT_MAJOR:
        raise CorruptedModelError(
            f"{path} was written by a newer glassbox (schema version {found}; this one reads up to"
            f" {CURRENT_MAJOR}.x): upgrade glassbox to read it"
        )
    return major
