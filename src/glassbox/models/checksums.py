"""Verifying a model folder's files against its ``checksums.json`` (written by training, read here).

A file listed in the manifest is hashed once per process — the hash is cached by path, inode, modification time
and size, so serving stays fast (the embedded model's ~5 MB take milliseconds) while a file rewritten since (even
with the same length) is hashed again. A mismatch, or a listed file that is missing, is a
:class:`~glassbox.errors.CorruptedModelError` that names the file and says what to do. Files the manifest does
not list, and folders without a manifest (Hugging Face models, older glassbox folders), are not verified.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from glassbox.errors import CorruptedModelError
from glassbox.schema.base import SCHEMA_VERSION
from glassbox.schema.checksums import ChecksumManifest

MANIFEST_FILE = "checksums.json"
#: never listed: the manifest itself, resumable training states (they carry their own .sha256), temporaries
_SKIPPED_DIRS = {"train-state"}

_lock = threading.Lock()
_hashes: dict[tuple[str, int, int, int], str] = {}  # (path, inode, mtime_ns, size) → sha256
_manifests: dict[tuple[str, int, int, int], ChecksumManifest] = {}


def _key(path: Path) -> tuple[str, int, int, int]:
    st = path.stat()
    return str(path.resolve()), st.st_ino, st.st_mtime_ns, st.st_size


def sha256_file(path: Path) -> str:
    """The SHA-256 (hex) of a file's bytes, cached per process by path + mtime + size."""
    key = _key(path)
    with _lock:
        cached = _hashes.get(key)
    if cached is not None:
        return cached
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    digest = h.hexdigest()
    with _lock:
        _hashes[key] = digest
    return digest


def manifest_files(folder: Path) -> list[str]:
    """Every file under ``folder`` a manifest covers, as sorted ``/``-separated relative paths."""
    out = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if not path.is_file() or rel.as_posix() == MANIFEST_FILE:
            continue
        if rel.parts[0] in _SKIPPED_DIRS or any(p.startswith(".") or p.endswith(".tmp") for p in rel.parts):
            continue
        out.append(rel.as_posix())
    return sorted(out)


def build_manifest(folder: Path) -> ChecksumManifest:
    """The manifest of ``folder`` as it is now (see :func:`manifest_files` for what it covers)."""
    return ChecksumManifest(files={rel: sha256_file(folder / rel) for rel in manifest_files(folder)})


def read_manifest(folder: Path) -> ChecksumManifest | None:
    """``folder``'s manifest, or None when it has none; a damaged manifest is a :class:`CorruptedModelError`."""
    path = folder / MANIFEST_FILE
    if not path.is_file():
        return None
    key = _key(path)
    with _lock:
        cached = _manifests.get(key)
    if cached is not None:
        return cached
    try:
        manifest = ChecksumManifest.model_validate_json(path.read_bytes())
    except (OSError, ValidationError) as exc:
        raise CorruptedModelError(
            f"{path} is corrupted ({str(exc).splitlines()[0]}): re-train the model or restore the folder from a copy"
        ) from None
    if int(manifest.schema_version.split(".")[0]) > int(SCHEMA_VERSION.split(".")[0]):
        raise CorruptedModelError(
            f"{path} was written by a newer glassbox (schema version {manifest.schema_version}): upgrade glassbox"
        )
    with _lock:
        _manifests[key] = manifest
    return manifest


def verify_files(folder: Path, relpaths: Iterable[str] | None = None) -> bool:
    """Check the files ``relpaths`` (default: every file the manifest lists) of ``folder`` against its manifest.

    Returns False when the folder has no manifest (nothing is verified), True when every listed file matched.
    Raises :class:`CorruptedModelError` naming the first file that is missing or does not match.
    """
    manifest = read_manifest(folder)
    if manifest is None:
        return False
    for rel in manifest.files if relpaths is None else relpaths:
        expected = manifest.files.get(rel)
        if expected is None:
            continue
        path = folder / rel
        if not path.is_file():
            raise CorruptedModelError(
                f"{path} is missing (it is listed in {MANIFEST_FILE}): re-train it or restore it from a copy"
            )
        if sha256_file(path) != expected:
            raise CorruptedModelError(f"{path} is corrupted (checksum mismatch): re-train it or restore it from a copy")
    return True


#: read by their own readers, which verify them (the training history is not needed to load the model)
_NOT_READ_BY_THE_LOADER = {"history.json"}


def verify_model_files(folder: Path) -> bool:
    """Verify the files a model loader reads: every listed file at the top of ``folder`` (weights, config,
    tokenizer, ``glassbox.json``), not the checkpoint snapshots or the history, which are verified when read."""
    manifest = read_manifest(folder)
    if manifest is None:
        return False
    top = [rel for rel in manifest.files if "/" not in rel and rel not in _NOT_READ_BY_THE_LOADER]
    return verify_files(folder, top)


def verify_under(folder: Path, sub: str) -> bool:
    """Verify every listed file in the subfolder ``sub`` of ``folder`` (e.g. ``checkpoints/step-0000010``)."""
    manifest = read_manifest(folder)
    if manifest is None:
        return False
    prefix = sub.strip("/") + "/"
    return verify_files(folder, [rel for rel in manifest.files if rel.startswith(prefix)])
