"""Per-layer transcoders and their files, in the format circuit-tracer reads and writes.

A folder holds ``config.yaml`` and one ``layer_{i}.safetensors`` per layer. Each file has

- ``W_enc`` [d_transcoder, d_model] and ``b_enc`` [d_transcoder]: ``pre = x @ W_enc.T + b_enc``;
- ``W_dec`` [d_transcoder, d_model] and ``b_dec`` [d_model]: ``out = act @ W_dec + b_dec``;
- optionally ``activation_function.threshold`` [d_transcoder]: JumpReLU, ``act = pre · (pre > θ)``; without it
  ``act = relu(pre)``;
- optionally ``W_skip`` [d_model, d_model]: a linear skip connection, ``out += x @ W_skip.T``.

``config.yaml`` says ``model_kind: transcoder_set``, where the features read (``feature_input_hook``) and write
(``feature_output_hook``) in TransformerLens's hook names, and ``transcoders``: the layer files in layer order.
glassbox understands the hooks circuit-tracer's own configs use for the architectures glassbox supports:

- ``mlp.hook_in``: what the MLP reads, i.e. the output of the norm before it (weight and bias applied); for a
  parallel block (Cohere) the block's one norm;
- ``hook_resid_mid``: the residual stream before that norm (circuit-tracer's Llama ReLU transcoders);
- ``mlp.hook_out``: what the MLP returns, before any norm on its output (OLMo's post-norm);
- ``hook_mlp_out``: what is added to the residual stream (after that norm; the same place for pre-norm models).

Everything is read into float32 on the CPU (the graph engine's exactness is stated in float32). Files are read
with ``safetensors`` and YAML with ``yaml.safe_load``: no pickle anywhere.

A folder whose config says ``model_kind: cross_layer_transcoder`` is a cross-layer transcoder:
:func:`load_transcoders` hands it to :mod:`glassbox.transcoders.clt`, and :func:`save_transcoders` writes one back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

from glassbox.errors import CorruptedModelError, InvalidInputError, ModelNotFoundError

INPUT_HOOKS = ("mlp.hook_in", "hook_resid_mid")
OUTPUT_HOOKS = ("mlp.hook_out", "hook_mlp_out")
THRESHOLD_KEY = "activation_function.threshold"
_CORE_KEYS = ("W_enc", "W_dec", "b_enc", "b_dec")
_LAYER_FILE = re.compile(r"layer_(\d+)\.safetensors$")


@dataclass
class Transcoder:
    """One layer's transcoder: reads ``d_model`` at the input hook, writes ``d_model`` at the output hook."""

    W_enc: torch.Tensor  # [d_transcoder, d_model]
    W_dec: torch.Tensor  # [d_transcoder, d_model]
    b_enc: torch.Tensor  # [d_transcoder]
    b_dec: torch.Tensor  # [d_model]
    threshold: torch.Tensor | None = None  # [d_transcoder]: JumpReLU
    W_skip: torch.Tensor | None = None  # [d_model, d_model]
    #: TopK activation (only when a config asks for it: circuit-tracer's format stores no TopK of its own)
    topk: int | None = None
    #: tensors of the file glassbox does not use, kept so that a round trip is lossless (e.g. circuit-tracer's "k")
    extra: dict[str, torch.Tensor] = field(default_factory=dict)

    @property
    def d_transcoder(self) -> int:
        return int(self.W_enc.shape[0])

    @property
    def d_model(self) -> int:
        return int(self.W_enc.shape[1])

    def pre_activation(self, x: torch.Tensor) -> torch.Tensor:
        """``x @ W_enc.T + b_enc`` for ``x`` [..., d_model]."""
        return x.float() @ self.W_enc.T + self.b_enc

    def activate(self, pre: torch.Tensor) -> torch.Tensor:
        """The activation function: TopK, JumpReLU ``pre · (pre > θ)``, or ReLU."""
        if self.topk is not None:
            idx = pre.topk(self.topk, dim=-1).indices
            return pre * torch.zeros_like(pre).scatter_(-1, idx, 1.0)
        if self.threshold is not None:
            return pre * (pre > self.threshold).to(pre.dtype)
        return torch.relu(pre)

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        """Feature activations [..., d_transcoder] of the input ``x`` [..., d_model]."""
        return self.activate(self.pre_activation(x))

    def skip(self, x: torch.Tensor) -> torch.Tensor:
        """The skip connection's output ``x @ W_skip.T`` (zeros without one)."""
        if self.W_skip is None:
            return torch.zeros_like(x, dtype=torch.float32)
        return x.float() @ self.W_skip.T

    def decode(self, acts: torch.Tensor, x: torch.Tensor | None = None) -> torch.Tensor:
        """``acts @ W_dec + b_dec`` (+ the skip connection of the input ``x``, which a skip transcoder needs)."""
        out = acts @ self.W_dec + self.b_dec
        if self.W_skip is not None:
            if x is None:
                raise ValueError("this transcoder has a skip connection: pass its input x to decode")
            out = out + self.skip(x)
        return out

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        return self.decode(self.encode(x), x)

    def tensors(self) -> dict[str, torch.Tensor]:
        """The file's tensors by circuit-tracer's key names."""
        out = {"W_enc": self.W_enc, "W_dec": self.W_dec, "b_enc": self.b_enc, "b_dec": self.b_dec}
        if self.threshold is not None:
            out[THRESHOLD_KEY] = self.threshold
        if self.W_skip is not None:
            out["W_skip"] = self.W_skip
        out.update(self.extra)
        return out


@dataclass
class TranscoderSet:
    """One transcoder per layer, 0..n_layers-1, and where they read and write."""

    layers: list[Transcoder]
    feature_input_hook: str = "mlp.hook_in"
    feature_output_hook: str = "mlp.hook_out"
    #: the other keys of ``config.yaml`` (``scan_name``, ``model_name``, ``activation``, …), kept verbatim
    config: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.layers:
            raise InvalidInputError("a transcoder set needs at least one layer")
        if self.feature_input_hook not in INPUT_HOOKS:
            raise InvalidInputError(
                f"feature_input_hook {self.feature_input_hook!r} is not a hook glassbox reads: "
                f"use {', '.join(INPUT_HOOKS)}"
            )
        if self.feature_output_hook not in OUTPUT_HOOKS:
            raise InvalidInputError(
                f"feature_output_hook {self.feature_output_hook!r} is not one glassbox writes: "
                f"use {', '.join(OUTPUT_HOOKS)}"
            )
        d_model = self.layers[0].d_model
        for i, tc in enumerate(self.layers):
            _check_shapes(tc, f"layer {i}", d_model)

    def __len__(self) -> int:
        return len(self.layers)

    def __getitem__(self, layer: int) -> Transcoder:
        return self.layers[layer]

    @property
    def n_layers(self) -> int:
        return len(self.layers)

    @property
    def d_model(self) -> int:
        return self.layers[0].d_model

    @property
    def d_transcoder(self) -> int:
        """The widest layer's number of features (layers may differ, as in circuit-tracer)."""
        return max(tc.d_transcoder for tc in self.layers)

    @property
    def scan_name(self) -> str | None:
        name = self.config.get("scan_name")
        return str(name) if name is not None else None

    @property
    def skip_connection(self) -> bool:
        return any(tc.W_skip is not None for tc in self.layers)

    # What a reconstruction needs, the same for per-layer and cross-layer transcoders (a CLT overrides these):
    # the graph engine, the replacement model, interventions and training go through them, never ``W_dec`` alone.

    @property
    def kind(self) -> str:
        """``"plt"`` (per-layer) or ``"clt"`` (cross-layer)."""
        return "plt"

    def target_layers(self, layer: int) -> range:
        """The layers whose MLP output layer ``layer``'s features write to (only their own, here)."""
        return range(layer, layer + 1)

    def decoder(self, layer: int, target: int) -> torch.Tensor:
        """[d_transcoder, d_model]: what layer ``layer``'s features write to layer ``target``'s MLP output."""
        if target != layer:
            raise ValueError(f"per-layer transcoders write to their own layer only ({layer}), not {target}")
        return self.layers[layer].W_dec

    def decode_at(self, target: int, acts: list[torch.Tensor]) -> torch.Tensor:
        """What the features write to layer ``target``'s MLP output, given every layer's activations so far
        (``acts[i]`` for ``i ≤ target``), without ``b_dec`` or the skip connection."""
        return acts[target] @ self.layers[target].W_dec

    def reconstruct(self, target: int, acts: list[torch.Tensor], x: torch.Tensor) -> torch.Tensor:
        """The transcoders' whole output at layer ``target``: :meth:`decode_at` + ``b_dec`` + skip of its input."""
        tc = self.layers[target]
        return self.decode_at(target, acts) + tc.b_dec + tc.skip(x)


def _check_shapes(tc: Transcoder, where: str, d_model: int) -> None:
    d_tc = tc.W_enc.shape[0]
    expected = {
        "W_enc": (d_tc, d_model),
        "W_dec": (d_tc, d_model),
        "b_enc": (d_tc,),
        "b_dec": (d_model,),
    }
    if tc.threshold is not None:
        expected[THRESHOLD_KEY] = (d_tc,)
    if tc.W_skip is not None:
        expected["W_skip"] = (d_model, d_model)
    tensors = tc.tensors()
    for key, shape in expected.items():
        if tuple(tensors[key].shape) != shape:
            raise CorruptedModelError(
                f"transcoder {where}: {key} has shape {tuple(tensors[key].shape)}, expected {shape} "
                f"(d_transcoder={d_tc}, d_model={d_model})"
            )


# --- files ----------------------------------------------------------------------------------------------------


def save_transcoders(ts: TranscoderSet, path: str | Path) -> Path:
    """Write ``ts`` as circuit-tracer's folder: ``layer_{i}.safetensors`` and ``config.yaml``; return the folder
    (a cross-layer transcoder is written as circuit-tracer writes those: :func:`glassbox.transcoders.clt.save_clt`).

    Tensors are written as they are held (float32, contiguous); the config keeps every key ``ts.config`` holds
    and lists the layer files in ``transcoders``, by name relative to the folder.
    """
    import yaml
    from safetensors.torch import save_file

    if ts.kind == "clt":
        from glassbox.transcoders.clt import CrossLayerTranscoder, save_clt

        assert isinstance(ts, CrossLayerTranscoder)
        return save_clt(ts, path)
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for i, tc in enumerate(ts.layers):
        name = f"layer_{i}.safetensors"
        save_file({k: v.detach().cpu().contiguous() for k, v in tc.tensors().items()}, str(folder / name))
        names.append(name)
    config: dict[str, Any] = {
        "model_kind": "transcoder_set",
        "feature_input_hook": ts.feature_input_hook,
        "feature_output_hook": ts.feature_output_hook,
    }
    config.update({k: v for k, v in ts.config.items() if k not in config and k != "transcoders"})
    config["transcoders"] = names
    (folder / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder


def _resolve_folder(path: str | Path) -> Path:
    """A local folder, a ``config.yaml`` in one, or a Hugging Face repo id already in the local Hub cache."""
    p = Path(path).expanduser()
    if p.is_file() and p.name == "config.yaml":
        return p.parent
    if p.is_dir():
        return p
    ref = str(path)
    if re.fullmatch(r"[\w.-]+/[\w.-]+(/[\w./-]+)?(@[\w./-]+)?", ref) and not p.exists():
        from huggingface_hub import snapshot_download

        repo_path, _, revision = ref.partition("@")
        parts = repo_path.split("/")
        repo_id, sub = "/".join(parts[:2]), "/".join(parts[2:])
        try:  # only what is already cached: glassbox never downloads at run time unless a person asks it to
            local = snapshot_download(repo_id, revision=revision or None, local_files_only=True)
        except Exception as exc:
            raise ModelNotFoundError(
                f"transcoders {ref!r}: no such folder, and not in the local Hugging Face cache "
                f"({exc.__class__.__name__})"
            ) from exc
        return Path(local) / sub if sub else Path(local)
    raise ModelNotFoundError(f"transcoders {ref!r}: no such folder (expected config.yaml and layer_*.safetensors)")


def _layer_paths(folder: Path, config: dict[str, Any]) -> list[Path]:
    listed = config.get("transcoders")
    if listed is not None:
        if not isinstance(listed, list) or not all(isinstance(x, str) for x in listed):
            raise CorruptedModelError(f"{folder / 'config.yaml'}: 'transcoders' must be a list of file paths")
        return [_resolve_entry(folder, entry) for entry in listed]
    found: dict[int, Path] = {}
    for f in folder.glob("layer_*.safetensors"):
        m = _LAYER_FILE.search(f.name)
        if m:
            found[int(m.group(1))] = f
    if not found:
        raise CorruptedModelError(f"{folder}: no layer_*.safetensors files and no 'transcoders' list in config.yaml")
    if sorted(found) != list(range(len(found))):
        raise CorruptedModelError(f"{folder}: layer files must cover layers 0..n-1 without gaps, found {sorted(found)}")
    return [found[i] for i in range(len(found))]


def _resolve_entry(folder: Path, entry: str) -> Path:
    if entry.startswith("hf://"):
        from huggingface_hub import hf_hub_download

        rest = entry[len("hf://") :]
        rest, _, query = rest.partition("?")
        revision = query.split("revision=", 1)[1].split("&")[0] if "revision=" in query else None
        parts = rest.split("/")
        try:
            local = hf_hub_download("/".join(parts[:2]), "/".join(parts[2:]), revision=revision, local_files_only=True)
        except Exception as exc:
            raise ModelNotFoundError(
                f"{entry}: not in the local Hugging Face cache ({exc.__class__.__name__})"
            ) from exc
        return Path(local)
    p = Path(entry).expanduser()
    return p if p.is_absolute() else folder / p


def load_transcoders(path: str | Path) -> TranscoderSet:
    """Read a transcoder set from circuit-tracer's format: a folder (or its ``config.yaml``), or a Hub repo id
    (``owner/name[/subfolder][@revision]``) whose files are already in the local Hugging Face cache.

    Raises :class:`~glassbox.errors.ModelNotFoundError` when there is no such folder,
    :class:`~glassbox.errors.CorruptedModelError` for unreadable files, inconsistent shapes or an unknown kind.
    A cross-layer transcoder folder (``model_kind: cross_layer_transcoder``) gives a
    :class:`~glassbox.transcoders.clt.CrossLayerTranscoder` (see :mod:`glassbox.transcoders.clt`).
    """
    import yaml
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    folder = _resolve_folder(path)
    cfg_path = folder / "config.yaml"
    if not cfg_path.is_file():
        raise ModelNotFoundError(f"{folder}: no config.yaml (circuit-tracer's transcoder folders have one)")
    try:
        config = yaml.safe_load(cfg_path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CorruptedModelError(f"{cfg_path}: not valid YAML ({exc})") from exc
    if not isinstance(config, dict):
        raise CorruptedModelError(f"{cfg_path}: expected a mapping of keys, got {type(config).__name__}")
    kind = config.get("model_kind", "transcoder_set")  # older configs have no model_kind: they are per-layer sets
    if kind == "cross_layer_transcoder":
        from glassbox.transcoders.clt import load_clt

        return load_clt(folder, config)
    if kind != "transcoder_set":
        raise CorruptedModelError(
            f"{cfg_path}: unknown model_kind {kind!r} (expected transcoder_set or cross_layer_transcoder)"
        )
    for key in ("feature_input_hook", "feature_output_hook"):
        if not isinstance(config.get(key), str):
            raise CorruptedModelError(f"{cfg_path}: {key} is missing")
    activation = config.get("activation")
    topk: int | None = None
    if activation == "topk":
        if not isinstance(config.get("k"), int):
            raise CorruptedModelError(f"{cfg_path}: activation topk needs an integer k")
        topk = int(config["k"])
    layers: list[Transcoder] = []
    for i, file in enumerate(_layer_paths(folder, config)):
        if not file.is_file():
            raise CorruptedModelError(f"{cfg_path}: layer {i}'s file {file} does not exist")
        try:
            tensors = load_file(str(file), device="cpu")
        except (SafetensorError, OSError, ValueError) as exc:
            raise CorruptedModelError(f"{file}: not a readable safetensors file ({exc})") from exc
        missing = [k for k in _CORE_KEYS if k not in tensors]
        if missing:
            raise CorruptedModelError(f"{file}: missing {', '.join(missing)}")
        f32 = {k: v.float() if v.is_floating_point() else v for k, v in tensors.items()}
        threshold = f32.pop(THRESHOLD_KEY, None)
        tc = Transcoder(
            W_enc=f32.pop("W_enc"),
            W_dec=f32.pop("W_dec"),
            b_enc=f32.pop("b_enc"),
            b_dec=f32.pop("b_dec"),
            threshold=None if activation == "relu" else threshold,
            W_skip=f32.pop("W_skip", None),
            topk=topk,
            extra=f32,
        )
        if activation == "relu" and threshold is not None:
            tc.extra[THRESHOLD_KEY] = threshold  # ignored by the config's choice, but kept for a lossless copy
        layers.append(tc)
    rest = {k: v for k, v in config.items() if k not in ("model_kind", "feature_input_hook", "feature_output_hook")}
    try:
        return TranscoderSet(
            layers,
            feature_input_hook=config["feature_input_hook"],
            feature_output_hook=config["feature_output_hook"],
            config=rest,
        )
    except InvalidInputError as exc:
        raise CorruptedModelError(f"{cfg_path}: {exc}") from exc


def random_transcoders(
    n_layers: int,
    d_model: int,
    d_transcoder: int,
    *,
    seed: int = 0,
    jumprelu: bool = False,
    skip: bool = False,
    feature_input_hook: str = "mlp.hook_in",
    feature_output_hook: str = "mlp.hook_out",
    layers: Sequence[int] | None = None,
) -> TranscoderSet:
    """A seeded random transcoder set (tests and benchmarks: exactness must not depend on training).

    Encoder rows are unit vectors and the biases slightly negative so that a fraction of the features is active
    on any input, as with trained transcoders."""
    g = torch.Generator().manual_seed(seed)
    out = []
    for _ in layers if layers is not None else range(n_layers):
        W_enc = torch.randn(d_transcoder, d_model, generator=g)
        W_enc = W_enc / W_enc.norm(dim=-1, keepdim=True)
        out.append(
            Transcoder(
                W_enc=W_enc,
                W_dec=0.1 * torch.randn(d_transcoder, d_model, generator=g),
                b_enc=-0.2 * torch.rand(d_transcoder, generator=g),
                b_dec=0.05 * torch.randn(d_model, generator=g),
                threshold=0.1 * torch.rand(d_transcoder, generator=g) if jumprelu else None,
                W_skip=0.05 * torch.randn(d_model, d_model, generator=g) if skip else None,
            )
        )
    return TranscoderSet(out, feature_input_hook, feature_output_hook, config={"scan_name": f"random-seed{seed}"})
