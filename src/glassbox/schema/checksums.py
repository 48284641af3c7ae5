"""``checksums.json``: the SHA-256 of every file a training run leaves in its folder.

Training writes it last (:func:`glassbox.training.files.write_manifest`); readers verify a file against it
before they trust the bytes (:mod:`glassbox.models.checksums`), so a truncated or overwritten file is a clear
error naming the file instead of a crash or silently wrong numbers. Folders without one (Hugging Face models,
folders written before it existed) are read as before.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from glassbox.schema.base import Payload


class ChecksumManifest(Payload):
    """``{relative path: sha256 hex}`` of the files in a model folder (``/``-separated, the manifest excluded)."""

    kind: Literal["checksum_manifest"] = "checksum_manifest"
    algorithm: Literal["sha256"] = "sha256"
    files: dict[str, str] = Field(description="path relative to the folder → lowercase hex SHA-256 of its bytes")


CHECKSUM_MODELS: list[type[BaseModel]] = [ChecksumManifest]
