"""Cross-layer transcoders (CLTs) and their files, in the format circuit-tracer reads and writes.

A CLT has one encoder per layer, like a per-layer set, but each layer's features write to that layer's MLP output
*and every later one*: the feature ``f`` of layer ``i`` has one decoder row per target layer ``t ≥ i``, and the
reconstruction of layer ``t``'s MLP output is

    out_t = Σ_{i ≤ t} a_i @ W_dec_i[:, t − i] + b_dec_t

A folder holds ``config.yaml`` (``model_kind: cross_layer_transcoder``, ``feature_input_hook``,
``feature_output_hook``, other keys kept verbatim) and, per layer ``i``,

- ``W_enc_{i}.safetensors``: ``W_enc_{i}`` [d_transcoder, d_model], ``b_enc_{i}`` [d_transcoder], ``b_dec_{i}``
  [d_model] and, for JumpReLU, ``threshold_{i}`` [d_transcoder];
- ``W_dec_{i}.safetensors``: ``W_dec_{i}`` [d_transcoder, n_layers − i, d_model].

That is what circuit-tracer's ``CrossLayerTranscoder.to_safetensors`` writes and its ``load_clt`` reads (its CLT
files have no skip connection, so neither do glassbox's).

:class:`CrossLayerTranscoder` is a :class:`~glassbox.transcoders.format.TranscoderSet` whose ``layers[i]`` are
the encoders (``W_enc``, ``b_enc``, ``threshold``, the layer's ``b_dec``) with ``W_dec`` set to the feature's
decoders *summed over its target layers* — what a feature adds to the residual stream in all, which is what
feature cards read through the unembedding. Anything that reconstructs an MLP output goes through
:meth:`~glassbox.transcoders.format.TranscoderSet.reconstruct` / ``decode_at`` / ``decoder``, which a CLT
overrides with its per-target-layer decoders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import torch

from glassbox.errors import CorruptedModelError, InvalidInputError
from glassbox.transcoders.format import Transcoder, TranscoderSet

CLT_KIND = "cross_layer_transcoder"
_ENC_FILE = re.compile(r"W_enc_(\d+)\.safetensors$")


@dataclass
class CLTLayer(Transcoder):
    """One layer of a cross-layer transcoder: its encoder, its layer's ``b_dec``, and ``W_dec`` = each feature's
    decoders summed over its target layers. It cannot decode on its own — its layer's output sums the decoders of
    every earlier layer too — so :meth:`decode` refuses rather than answer a per-layer reconstruction silently."""

    def decode(self, acts: torch.Tensor, x: torch.Tensor | None = None) -> torch.Tensor:
        raise TypeError(
            "a cross-layer transcoder's layer does not decode alone (its output sums the decoders of every earlier "
            "layer): use CrossLayerTranscoder.reconstruct(layer, acts_of_every_layer_so_far, x)"
        )


@dataclass
class CrossLayerTranscoder(TranscoderSet):
    """Per-layer encoders (``layers``) and per-source-layer decoders ``W_dec_layers[i]`` [d_tc, n_layers − i,
    d_model]."""

    W_dec_layers: list[torch.Tensor] = field(default_factory=list)
    #: tensors of the decoder files glassbox does not use, per layer (kept for a lossless round trip)
    dec_extra: list[dict[str, torch.Tensor]] = field(default_factory=list)

    def __post_init__(self) -> None:
        n = len(self.layers)
        if len(self.W_dec_layers) != n:
            raise CorruptedModelError(f"a cross-layer transcoder of {n} layers needs {n} decoders")
        if not self.dec_extra:
            self.dec_extra = [{} for _ in range(n)]
        self.layers = [
            tc if isinstance(tc, CLTLayer) else CLTLayer(**{f.name: getattr(tc, f.name) for f in fields(Transcoder)})
            for tc in self.layers
        ]
        for i, (tc, W) in enumerate(zip(self.layers, self.W_dec_layers, strict=True)):
            shape = (tc.d_transcoder, n - i, tc.d_model)
            if tuple(W.shape) != shape:
                raise CorruptedModelError(
                    f"cross-layer transcoder layer {i}: W_dec_{i} has shape {tuple(W.shape)}, expected {shape} "
                    f"(d_transcoder, n_layers − {i}, d_model)"
                )
            if tc.W_skip is not None:
                raise InvalidInputError("circuit-tracer's cross-layer transcoder files have no skip connection")
            # what the feature writes in all (the cards' logit direction); the exact forward uses W_dec_layers
            tc.W_dec = W.sum(dim=1)
        super().__post_init__()

    @property
    def kind(self) -> str:
        return "clt"

    def target_layers(self, layer: int) -> range:
        return range(layer, self.n_layers)

    def decoder(self, layer: int, target: int) -> torch.Tensor:
        if not layer <= target < self.n_layers:
            raise ValueError(f"layer {layer}'s features write to layers {layer}..{self.n_layers - 1}, not {target}")
        return self.W_dec_layers[layer][:, target - layer]

    def decode_at(self, target: int, acts: list[torch.Tensor]) -> torch.Tensor:
        out = acts[0] @ self.decoder(0, target)
        for i in range(1, target + 1):
            out = out + acts[i] @ self.decoder(i, target)
        return out


def save_clt(clt: CrossLayerTranscoder, path: str | Path) -> Path:
    """Write ``clt`` as circuit-tracer's CLT folder (``W_enc_{i}``/``W_dec_{i}`` files and ``config.yaml``)."""
    import yaml
    from safetensors.torch import save_file

    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    for i, tc in enumerate(clt.layers):
        enc = {f"W_enc_{i}": tc.W_enc, f"b_enc_{i}": tc.b_enc, f"b_dec_{i}": tc.b_dec}
        if tc.threshold is not None:
            enc[f"threshold_{i}"] = tc.threshold
        enc.update(tc.extra)
        save_file({k: v.detach().cpu().contiguous() for k, v in enc.items()}, str(folder / f"W_enc_{i}.safetensors"))
        dec = {f"W_dec_{i}": clt.W_dec_layers[i], **clt.dec_extra[i]}
        save_file({k: v.detach().cpu().contiguous() for k, v in dec.items()}, str(folder / f"W_dec_{i}.safetensors"))
    config: dict[str, Any] = {
        "model_kind": CLT_KIND,
        "feature_input_hook": clt.feature_input_hook,
        "feature_output_hook": clt.feature_output_hook,
    }
    config.update({k: v for k, v in clt.config.items() if k not in config})
    (folder / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder


def _read(file: Path) -> dict[str, torch.Tensor]:
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    if not file.is_file():
        raise CorruptedModelError(f"{file}: missing (a cross-layer transcoder folder has one per layer)")
    try:
        tensors = load_file(str(file), device="cpu")
    except (SafetensorError, OSError, ValueError) as exc:
        raise CorruptedModelError(f"{file}: not a readable safetensors file ({exc})") from exc
    return {k: v.float() if v.is_floating_point() else v for k, v in tensors.items()}


def load_clt(folder: Path, config: dict[str, Any]) -> CrossLayerTranscoder:
    """Read a CLT folder whose ``config.yaml`` (already parsed: ``config``) says ``cross_layer_transcoder``.

    Layers are the ``W_enc_{i}.safetensors`` files, 0..n−1 without gaps (as circuit-tracer counts them)."""
    cfg_path = folder / "config.yaml"
    found = sorted(int(m.group(1)) for f in folder.glob("W_enc_*.safetensors") if (m := _ENC_FILE.search(f.name)))
    if not found:
        raise CorruptedModelError(f"{folder}: a cross-layer transcoder folder needs W_enc_0.safetensors, … files")
    if found != list(range(len(found))):
        raise CorruptedModelError(f"{folder}: W_enc files must cover layers 0..n-1 without gaps, found {found}")
    for key in ("feature_input_hook", "feature_output_hook"):
        if not isinstance(config.get(key), str):
            raise CorruptedModelError(f"{cfg_path}: {key} is missing")
    layers: list[Transcoder] = []
    decs: list[torch.Tensor] = []
    dec_extra: list[dict[str, torch.Tensor]] = []
    for i in found:
        enc = _read(folder / f"W_enc_{i}.safetensors")
        dec = _read(folder / f"W_dec_{i}.safetensors")
        missing = [k for k in (f"W_enc_{i}", f"b_enc_{i}", f"b_dec_{i}") if k not in enc]
        if missing or f"W_dec_{i}" not in dec:
            raise CorruptedModelError(f"{folder}: layer {i} is missing {', '.join(missing or [f'W_dec_{i}'])}")
        W_enc = enc.pop(f"W_enc_{i}")
        W_dec = dec.pop(f"W_dec_{i}")
        if W_dec.dim() != 3:
            raise CorruptedModelError(f"{folder}: W_dec_{i} must be [d_transcoder, n_layers − {i}, d_model]")
        layers.append(
            Transcoder(
                W_enc=W_enc,
                W_dec=W_dec.sum(dim=1),
                b_enc=enc.pop(f"b_enc_{i}"),
                b_dec=enc.pop(f"b_dec_{i}"),
                threshold=enc.pop(f"threshold_{i}", None),
                extra=enc,
            )
        )
        decs.append(W_dec)
        dec_extra.append(dec)
    rest = {k: v for k, v in config.items() if k not in ("model_kind", "feature_input_hook", "feature_output_hook")}
    try:
        return CrossLayerTranscoder(
            layers,
            feature_input_hook=config["feature_input_hook"],
            feature_output_hook=config["feature_output_hook"],
            config=rest,
            W_dec_layers=decs,
            dec_extra=dec_extra,
        )
    except InvalidInputError as exc:
        raise CorruptedModelError(f"{cfg_path}: {exc}") from exc


def random_clt(
    n_layers: int,
    d_model: int,
    d_transcoder: int,
    *,
    seed: int = 0,
    jumprelu: bool = False,
    feature_input_hook: str = "mlp.hook_in",
    feature_output_hook: str = "mlp.hook_out",
) -> CrossLayerTranscoder:
    """A seeded random CLT (tests and benchmarks: the graph's exactness must not depend on training)."""
    g = torch.Generator().manual_seed(seed)
    layers, decs = [], []
    for i in range(n_layers):
        W_enc = torch.randn(d_transcoder, d_model, generator=g)
        layers.append(
            Transcoder(
                W_enc=W_enc / W_enc.norm(dim=-1, keepdim=True),
                W_dec=torch.zeros(d_transcoder, d_model),
                b_enc=-0.2 * torch.rand(d_transcoder, generator=g),
                b_dec=0.05 * torch.randn(d_model, generator=g),
                threshold=0.1 * torch.rand(d_transcoder, generator=g) if jumprelu else None,
            )
        )
        decs.append(0.1 * torch.randn(d_transcoder, n_layers - i, d_model, generator=g))
    return CrossLayerTranscoder(
        layers,
        feature_input_hook,
        feature_output_hook,
        config={"scan_name": f"random-clt-seed{seed}"},
        W_dec_layers=decs,
    )
