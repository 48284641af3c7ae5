"""Loading a causal LM: the embedded default, a local folder, or a Hub name.

Resolution order for ``load_model(name_or_path)``:
1. ``None`` or ``"glassbox-tiny"`` → the embedded model shipped in ``glassbox/assets/glassbox-tiny``;
2. an existing folder → loaded from that folder (``save_pretrained`` layout);
3. anything else → a Hub name, from the local cache first, downloading only when the network allows.

The architecture is checked against the adapters *before* weights are read, so an unsupported model fails
fast with a list of what is supported. ``trust_remote_code`` stays off unless the caller passes it.

A folder with a ``checksums.json`` (every folder ``glassbox train`` finishes, the embedded model included) has
its files verified first (:mod:`glassbox.models.checksums`); any folder whose files cannot be read — a checksum
mismatch, a truncated ``model.safetensors``, a damaged config or tokenizer — is a
:class:`~glassbox.errors.CorruptedModelError` that names the file, never a bare exception.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import torch

from glassbox.errors import (
    CorruptedModelError,
    GlassboxError,
    InvalidInputError,
    ModelNotFoundError,
    UnsupportedArchitectureError,
)
from glassbox.models.adapters import Adapter, adapter_for, check_supported
from glassbox.models.checksums import verify_model_files
from glassbox.schema.models import ModelInfo

log = logging.getLogger(__name__)

EMBEDDED_NAME = "glassbox-tiny"
ASSETS = Path(__file__).resolve().parent.parent / "assets"

DeviceArg = Literal["auto", "cpu", "cuda"] | str


@dataclass
class LoadedModel:
    """A transformers model with its tokenizer, adapter and shape, ready to trace and generate.

    Hold ``lock`` around every call into the model when several threads share it (the server does).
    """

    name: str
    hf: Any
    tokenizer: Any
    adapter: Adapter
    info: ModelInfo
    device: torch.device
    path: Path | None = None
    #: prepend the beginning-of-text token to prompts (GPT-2-style tokenizers do not add it themselves)
    prepend_bos: bool = True
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    def __repr__(self) -> str:
        i = self.info
        return (
            f"LoadedModel({self.name!r}, {i.model_type}, {i.n_layers} layers, {i.n_heads} heads, "
            f"d_model={i.d_model}, {i.n_params:,} params, {self.device})"
        )


def embedded_path() -> Path:
    return ASSETS / EMBEDDED_NAME


def resolve_device(device: DeviceArg | torch.device) -> torch.device:
    """The one place a device name becomes a torch device (loading, wrapping and training all use it).

    ``auto`` → CUDA when available, else CPU; ``cpu``; ``cuda`` or ``cuda:N`` (an error without a GPU).
    """
    text = str(device)
    if text == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if text.startswith("cuda") and not torch.cuda.is_available():
        raise InvalidInputError(f"device {text!r} was asked for but no CUDA GPU is available: use --device cpu")
    if text != "cpu" and not text.startswith("cuda"):
        raise InvalidInputError(f"unknown device {text!r}: use auto, cpu or cuda")
    return torch.device(text)


#: what ``dtype=`` / ``--dtype`` accept besides a ``torch.dtype``; "auto" is the dtype the checkpoint's config declares
DTYPE_NAMES = ("auto", "float32", "fp32", "bfloat16", "bf16", "float16", "fp16")


def _resolve_dtype(dtype: str | torch.dtype | None) -> torch.dtype | str | None:
    if dtype is None or isinstance(dtype, torch.dtype):
        return dtype
    if dtype == "auto":
        return "auto"  # from_pretrained reads the config's dtype (float32 when it declares none)
    table = {
        "float32": torch.float32,
        "fp32": torch.float32,
        "float16": torch.float16,
        "fp16": torch.float16,
        "bfloat16": torch.bfloat16,
        "bf16": torch.bfloat16,
    }
    if dtype not in table:
        raise InvalidInputError(f"unknown dtype {dtype!r}: use one of {', '.join(table)}")
    return table[dtype]


def _locate(name_or_path: str | os.PathLike[str] | None) -> tuple[str, str, bool]:
    """(display name, what to pass to from_pretrained, local_files_only)."""
    if name_or_path is None or str(name_or_path) == EMBEDDED_NAME:
        path = embedded_path()
        if not (path / "config.json").exists():
            raise ModelNotFoundError(
                f"the embedded model is missing from {path}: reinstall glassbox or rebuild it with `make model`"
            )
        return EMBEDDED_NAME, str(path), True
    text = str(name_or_path)
    if text.strip() == "":
        raise InvalidInputError("the model name is empty: pass a Hub name, a local folder, or nothing for the default")
    path = Path(text).expanduser()
    if path.is_dir():
        if not (path / "config.json").exists():
            raise ModelNotFoundError(f"{path} is a folder but has no config.json: is it a save_pretrained folder?")
        return path.name, str(path), True
    if path.exists():
        raise ModelNotFoundError(f"{path} is a file: pass the folder that holds config.json and the weights")
    if text.startswith((".", "/", "~")):
        raise ModelNotFoundError(f"no folder at {path}: check the path")
    offline = os.environ.get("HF_HUB_OFFLINE", "0") not in ("0", "", "false", "False")
    return text, text, offline


def _load_config(source: str, local_only: bool, trust_remote_code: bool) -> Any:
    from transformers import AutoConfig

    try:
        return AutoConfig.from_pretrained(source, local_files_only=local_only, trust_remote_code=trust_remote_code)
    except (OSError, ValueError) as exc:
        message = str(exc) or type(exc).__name__
        if "trust_remote_code" in message:
            raise GlassboxError(
                f"{source!r} needs code from its repository; glassbox never runs it unless you pass "
                "trust_remote_code=True and trust its authors"
            ) from exc
        if Path(source).is_dir():
            raise CorruptedModelError(f"cannot read the config in {source}: {message.splitlines()[0]}") from exc
        if local_only:
            raise ModelNotFoundError(
                f"model {source!r} is not in the local cache and downloads are off (HF_HUB_OFFLINE=1): "
                "pass a local folder with --model"
            ) from exc
        # Second chance: the cache, for when the network is unreachable.
        try:
            return AutoConfig.from_pretrained(source, local_files_only=True, trust_remote_code=trust_remote_code)
        except (OSError, ValueError):
            raise ModelNotFoundError(
                f"model {source!r} is not in the local cache and could not be downloaded "
                f"({message.splitlines()[0][:160]}): check the name or pass a local folder with --model"
            ) from exc


@contextlib.contextmanager
def quiet_progress() -> Iterator[None]:
    """No progress bar from transformers while loading: ``from_pretrained`` draws a "Loading weights" bar on
    stderr, which a library must not print (a notebook cell or a CLI gets it uninvited) and which says nothing
    for models that load in a blink. Only transformers' progress bars are off, and only inside the block: the
    caller's own setting comes back afterwards."""
    from transformers.utils import logging as hf_logging

    was_on = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    try:
        yield
    finally:
        if was_on:
            hf_logging.enable_progress_bar()  # type: ignore[no-untyped-call]


#: the ``device_map`` policies ``load_model`` passes to transformers (and so to accelerate)
DEVICE_MAPS = ("auto", "balanced", "balanced_low_0", "sequential")


def load_model(
    name_or_path: str | os.PathLike[str] | None = None,
    device: DeviceArg = "auto",
    dtype: str | torch.dtype | None = None,
    trust_remote_code: bool = False,
    device_map: str | None = None,
) -> LoadedModel:
    """Load a causal LM for tracing and generation.

    Args:
        name_or_path: ``None``/``"glassbox-tiny"`` (embedded), a folder, or a Hub name such as ``"gpt2"``.
        device: ``"auto"`` (CUDA when available), ``"cpu"`` or ``"cuda"``.
        dtype: ``None`` keeps float32 (exact parity); ``"bfloat16"``/``"float16"`` to save memory (probabilities are
            still computed in float32 from the reduced-precision logits; tolerances in docs/inside-the-model.md);
            ``"auto"`` the dtype the checkpoint's config declares.
        trust_remote_code: allow a Hub repository's own modelling code (off unless you pass it).
        device_map: ``"auto"``, ``"balanced"``, ``"balanced_low_0"`` or ``"sequential"``: spread the weights over
            the GPUs available (accelerate's placement; needs ``pip install 'glassbox[multi-gpu]'``); ``device`` is
            then ignored. Traces run each block on its own GPU and keep their activations on the first one.
    """
    from safetensors import SafetensorError
    from transformers import AutoModelForCausalLM, AutoTokenizer

    if device_map is not None:
        check_device_map(device_map)
    dev = resolve_device(device)
    resolved = _resolve_dtype(dtype)
    torch_dtype = torch.float32 if resolved is None else resolved
    name, source, local_only = _locate(name_or_path)
    local = Path(source).is_dir()
    if local:
        verify_model_files(Path(source))
    config = _load_config(source, local_only, trust_remote_code)
    adapter_cls = check_supported(str(getattr(config, "model_type", "?")))
    try:
        with quiet_progress():
            hf = AutoModelForCausalLM.from_pretrained(
                source,
                config=config,
                dtype=torch_dtype,
                local_files_only=local_only,
                trust_remote_code=trust_remote_code,
                attn_implementation=adapter_cls.hf_attn_implementation(config),
                **({} if device_map is None else {"device_map": device_map}),
            )
    except (OSError, ValueError, RuntimeError, SafetensorError) as exc:
        first = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        if local:
            raise CorruptedModelError(
                f"the weights in {source} cannot be read ({first}): the file is truncated or corrupted; "
                "save the model again or re-download it"
            ) from exc
        raise ModelNotFoundError(f"cannot load the weights of {source!r} ({first})") from exc
    try:
        tokenizer = AutoTokenizer.from_pretrained(
            source, local_files_only=local_only, trust_remote_code=trust_remote_code
        )
    except Exception as exc:  # the tokenizers library raises a bare Exception for a damaged tokenizer.json
        if not local and not isinstance(exc, OSError | ValueError):
            raise
        first = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise CorruptedModelError(
            f"cannot load the tokenizer of {source!r} ({first}): its files are truncated or corrupted; save the"
            " model again or re-download it"
        ) from exc
    path = Path(source) if Path(source).is_dir() else None
    placed = device_map is not None  # accelerate put the weights where they belong: no .to() may move them
    if placed:
        dev = next(hf.get_input_embeddings().parameters()).device
    model = wrap_model(hf, tokenizer, name, device=dev, path=path, placed=placed)
    log.info("loaded %s", model)
    return model


def require_one_device(model: LoadedModel, what: str) -> None:
    """Refuse, by name, an analysis that does not run yet on a model spread over several devices (device map)."""
    placement = model.adapter.placement
    if placement.split:
        raise UnsupportedArchitectureError(
            f"{what} runs on one device; {model.name} is spread over {', '.join(placement.devices())} "
            "(--device-map): load it on one device for this"
        )


def check_device_map(device_map: str) -> None:
    """A clear error for a device map glassbox does not pass on, or when accelerate (which places it) is missing."""
    import importlib.util

    if device_map not in DEVICE_MAPS:
        raise InvalidInputError(f"unknown device map {device_map!r}: use one of {', '.join(DEVICE_MAPS)}")
    if importlib.util.find_spec("accelerate") is None:
        raise GlassboxError(
            "a device map needs accelerate, which places the weights: pip install 'glassbox[multi-gpu]'"
        )


def wrap_model(
    hf: Any,
    tokenizer: Any,
    name: str = "custom",
    device: DeviceArg | torch.device = "cpu",
    path: Path | None = None,
    placed: bool = False,
) -> LoadedModel:
    """Wrap a transformers causal LM already in memory (e.g. one you built or fine-tuned in a notebook).
    ``placed``: its weights were put on their devices by a device map; leave them there (``device`` is then the
    embeddings' device)."""
    check_supported(str(hf.config.model_type))
    dev = device if isinstance(device, torch.device) and placed else resolve_device(device)
    if not placed:
        hf.to(dev)
    hf.eval()
    hf.requires_grad_(False)
    adapter = adapter_for(hf)
    return LoadedModel(
        name=name,
        hf=hf,
        tokenizer=tokenizer,
        adapter=adapter,
        info=model_info(name, hf, adapter, dev),
        device=dev,
        path=path,
        prepend_bos=_default_prepend_bos(tokenizer, path),
    )


def _default_prepend_bos(tokenizer: Any, path: Path | None) -> bool:
    """Prepend BOS when the tokenizer has one; a folder's glassbox.json may say otherwise."""
    if path is not None and (path / "glassbox.json").exists():
        try:
            meta = json.loads((path / "glassbox.json").read_text(encoding="utf-8"))
            if "prepend_bos" in meta:
                return bool(meta["prepend_bos"])
        except (OSError, json.JSONDecodeError):
            pass
    return getattr(tokenizer, "bos_token_id", None) is not None


def model_info(name: str, hf: Any, adapter: Adapter, device: torch.device) -> ModelInfo:
    a = adapter
    kv_sources = [a.kv_source(layer) for layer in range(a.n_layers)]  # Gemma 4's KV sharing; all None elsewhere
    layer_heads = [a.heads_in(layer) for layer in range(a.n_layers)]  # Qwen3.5's value heads; all n_heads elsewhere
    return ModelInfo(
        name=name,
        architecture=type(hf).__name__,
        family=a.family,
        model_type=str(hf.config.model_type),
        n_layers=a.n_layers,
        n_heads=a.n_heads,
        n_kv_heads=a.n_kv_heads,
        d_model=a.d_model,
        d_head=a.d_head,
        d_mlp=a.d_mlp,
        d_vocab=a.d_vocab,
        n_ctx=a.n_ctx,
        positional=a.positional,
        norm=a.norm_kind,
        activation=a.activation,
        gated_mlp=a.gated_mlp,
        parallel_block=a.parallel_block,
        parallel_mlp_norm=a.parallel_block and a.ln2(0) is not None,
        qk_norm=a.qk_norm,
        post_norm=a.post_norm,
        pre_norm=a.pre_norm,
        nope_layers=[layer for layer in range(a.n_layers) if a.positional == "rotary" and not a.rope_layer(layer)],
        attn_softcap=next((c for c in map(a.attn_softcap, range(a.n_layers)) if c is not None), None),
        final_softcap=a.final_softcap,
        embed_scale=a.embed_scale,
        n_experts=a.n_experts,
        experts_per_token=a.experts_per_token,
        d_expert=a.d_expert,
        attn_sinks=a.attn_sinks(0) is not None,
        layer_kinds=[a.layer_kind(layer) for layer in range(a.n_layers)],
        layer_heads=layer_heads if any(h != a.n_heads for h in layer_heads) else [],
        d_ple=a.d_ple,
        kv_sources=kv_sources if any(s is not None for s in kv_sources) else [],
        devices=a.placement.devices() if a.placement.split else [],
        n_params=sum(p.numel() for p in hf.parameters()),
        dtype=str(next(hf.parameters()).dtype).removeprefix("torch."),
        device=str(device),
    )


#: below this many parameters one CPU thread is as fast as several, and much faster on a busy machine
SMALL_MODEL_PARAMS = 30_000_000


def tune_threads(models: list[LoadedModel]) -> int:
    """Use one CPU thread when every model is small; return the thread count in force.

    For a model like glassbox-tiny, torch's intra-op thread pool gains nothing and its hand-offs stall when
    the cores are shared: a traced forward took 550 ms on 2 threads against 5 ms on 1 while another process
    was busy (measured). An explicit ``OMP_NUM_THREADS``/``GLASSBOX_THREADS`` is respected.
    """
    explicit = os.environ.get("GLASSBOX_THREADS") or os.environ.get("OMP_NUM_THREADS")
    if explicit and explicit.isdigit():
        torch.set_num_threads(max(1, int(explicit)))
    elif models and all(m.device.type == "cpu" and m.info.n_params < SMALL_MODEL_PARAMS for m in models):
        torch.set_num_threads(1)
    return torch.get_num_threads()


def list_local_models() -> list[dict[str, str]]:
    """The embedded model (when present) as rows for ``glassbox models``."""
    rows = []
    path = embedded_path()
    if (path / "config.json").exists():
        rows.append({"name": EMBEDDED_NAME, "where": str(path), "kind": "embedded"})
    return rows
