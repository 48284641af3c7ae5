"""A model's tokenizer without its model: what ``glassbox tokenize`` needs to split text, in a fraction of a second.

:func:`~glassbox.models.loading.load_model` imports torch and transformers and reads the weights (seconds);
splitting a text needs only the folder's ``tokenizer.json`` (the Rust ``tokenizers`` library reads it directly)
and the few settings that decide the ids: the beginning-of-text token (``tokenizer_config.json`` or
``special_tokens_map.json``), ``glassbox.json``'s ``prepend_bos`` and the context length in ``config.json``.
:class:`FileTokenizer` answers the handful of questions :mod:`glassbox.models.tokens` asks a transformers
tokenizer (``convert_ids_to_tokens``, ``all_special_ids``, ``backend_tokenizer``, ``bos_token_id``), so the
token chips are computed by the same code as everywhere else; ``tests/integration/test_tokenize_light.py``
holds the ids and chips equal to those of the fully loaded model.

Nothing here imports torch or transformers. A model whose tokenizer has no ``tokenizer.json`` (a slow,
Python-only tokenizer) is not handled here: :func:`find_tokenizer_files` returns None and the caller loads the
model as before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glassbox.errors import CorruptedModelError, InvalidInputError
from glassbox.models.checksums import verify_files
from glassbox.models.tokens import check_length, with_bos

EMBEDDED_NAME = "glassbox-tiny"  # the same name as loading.EMBEDDED_NAME (that module imports torch)
_ASSETS = Path(__file__).resolve().parent.parent / "assets"

#: tokenizer_config.json keys that name one special token each (transformers' ``SPECIAL_TOKENS_ATTRIBUTES``)
_SPECIAL_KEYS = ("bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token")
#: keys that name a list of further special tokens (older and newer transformers spell it differently)
_SPECIAL_LIST_KEYS = ("additional_special_tokens", "extra_special_tokens")


def _token_text(value: Any) -> str | None:
    """A special token as a config writes it: a string, or ``{"content": "<s>", …}``."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("content"), str):
        return str(value["content"])
    return None


def _read_json(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorruptedModelError(f"cannot read {path} ({exc}): the file is truncated or corrupted") from exc
    return data if isinstance(data, dict) else {}


@dataclass
class FileTokenizer:
    """A tokenizer read from a model's files, shaped like the parts of a transformers tokenizer glassbox uses."""

    name: str
    backend_tokenizer: Any  # tokenizers.Tokenizer
    special_tokens: dict[str, str] = field(default_factory=dict)  # "bos_token" → "<|endoftext|>"
    extra_special: list[str] = field(default_factory=list)
    prepend_bos: bool = True
    n_ctx: int | None = None

    def _id(self, token: str | None) -> int | None:
        return None if token is None else self.backend_tokenizer.token_to_id(token)

    @property
    def bos_token_id(self) -> int | None:
        return self._id(self.special_tokens.get("bos_token"))

    @property
    def eos_token_id(self) -> int | None:
        return self._id(self.special_tokens.get("eos_token"))

    @property
    def all_special_ids(self) -> list[int]:
        """Ids of every special token the config names, in the order transformers lists them, without repeats."""
        ids: list[int] = []
        for token in [*self.special_tokens.values(), *self.extra_special]:
            tid = self._id(token)
            if tid is not None and tid not in ids:
                ids.append(tid)
        return ids

    def convert_ids_to_tokens(self, token_id: int) -> str | None:
        piece: str | None = self.backend_tokenizer.id_to_token(int(token_id))
        return piece

    def __call__(self, text: str, add_special_tokens: bool = True) -> dict[str, list[int]]:
        return {"input_ids": list(self.backend_tokenizer.encode(text, add_special_tokens=add_special_tokens).ids)}

    def encode_prompt(self, prompt: str) -> list[int]:
        """The ids ``glassbox.models.tokens.encode`` gives the loaded model: the tokenizer's own ids, then a
        beginning-of-text token in front when the model prepends one and the tokenizer did not add it; a prompt
        longer than the context is refused with the same message."""
        if not isinstance(prompt, str) or prompt == "":
            raise InvalidInputError("the prompt is empty: type some text to tokenize")
        ids = with_bos(self(prompt)["input_ids"], self.bos_token_id, self.prepend_bos)
        return ids if self.n_ctx is None else check_length(ids, self.n_ctx)


def _context_length(config: dict[str, Any]) -> int | None:
    """The context length as the adapters read it: GPT-2's ``n_positions``, the others' ``max_position_embeddings``."""
    for key in ("n_positions", "max_position_embeddings"):
        value = config.get(key)
        if isinstance(value, int) and value > 0:
            return value
    return None


def _hub_folder(name: str) -> Path | None:
    """The cached snapshot folder of a Hub name whose tokenizer.json is already on disk (never downloads)."""
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:  # pragma: no cover - transformers depends on huggingface_hub
        return None
    try:
        found = try_to_load_from_cache(name, "tokenizer.json")
    except ValueError:  # not a valid repository id
        return None
    return Path(found).parent if isinstance(found, str) else None


def find_tokenizer_files(name: str | None) -> Path | None:
    """The folder holding the tokenizer files of ``name`` (as ``load_model`` resolves it: the embedded model, a
    folder, a Hub name in the local cache), or None when there is no ``tokenizer.json`` to read."""
    folder: Path | None
    if name is None or name == EMBEDDED_NAME:
        folder = _ASSETS / EMBEDDED_NAME
    elif (path := Path(name).expanduser()).is_dir():
        folder = path
    elif path.exists() or name.startswith((".", "/", "~")):
        folder = None  # a file, or a folder that is not there: load_model says what is wrong
    else:
        folder = _hub_folder(name)
    if folder is None or not (folder / "tokenizer.json").is_file():
        return None
    return folder


#: the files this module reads: verified against the folder's checksums.json first, as load_model verifies them
_READ_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "config.json", "glassbox.json")


def load_file_tokenizer(folder: Path, name: str | None = None) -> FileTokenizer:
    """Read the tokenizer in ``folder`` (see :func:`find_tokenizer_files`); a file that does not match the folder's
    ``checksums.json`` is a :class:`~glassbox.errors.CorruptedModelError` naming it, as with the whole model."""
    import tokenizers

    verify_files(folder, _READ_FILES)
    path = folder / "tokenizer.json"
    try:
        backend = tokenizers.Tokenizer.from_file(str(path))
    except Exception as exc:  # the tokenizers library raises a bare Exception for a damaged file
        raise CorruptedModelError(f"cannot read the tokenizer in {path} ({exc}): it is truncated or corrupted") from exc
    config = _read_json(folder / "tokenizer_config.json")
    specials_map = _read_json(folder / "special_tokens_map.json")
    special: dict[str, str] = {}
    for key in _SPECIAL_KEYS:
        text = _token_text(config.get(key)) or _token_text(specials_map.get(key))
        if text is not None:
            special[key] = text
    extra: list[str] = []
    for key in _SPECIAL_LIST_KEYS:
        for source in (config, specials_map):
            values = source.get(key)
            items = values.values() if isinstance(values, dict) else values if isinstance(values, list) else []
            extra += [t for t in (_token_text(v) for v in items) if t is not None and t not in extra]
    tok = FileTokenizer(
        name=name or folder.name,
        backend_tokenizer=backend,
        special_tokens=special,
        extra_special=extra,
        n_ctx=_context_length(_read_json(folder / "config.json")),
    )
    # the loaded model's rule (loading._default_prepend_bos): prepend BOS when there is one, unless glassbox.json
    # says otherwise
    try:
        meta = _read_json(folder / "glassbox.json")
    except CorruptedModelError:
        meta = {}  # as the loaded model: a glassbox.json that cannot be read says nothing
    tok.prepend_bos = bool(meta["prepend_bos"]) if "prepend_bos" in meta else tok.bos_token_id is not None
    return tok
