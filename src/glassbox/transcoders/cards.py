"""Feature cards: what each transcoder feature does on a sample of text, stored next to the transcoders.

Two files beside ``config.yaml`` (no pickle):

- ``features.safetensors``: ``tokens`` int32 [N] — the sampled corpus tokens, ``N = rows × seq_len``, each row of
  ``seq_len`` tokens read as one sequence by the model —, and per layer ``l``: ``layer_{l}.top_peak`` int32
  [d_transcoder, n_top] (the token index of each top activation, −1 where a feature has fewer),
  ``layer_{l}.top_acts`` float16 [d_transcoder, n_top, window] (the feature's activation on every token of the
  window around it), ``layer_{l}.quantile_peak`` int32 [d_transcoder, n_quantiles] and
  ``layer_{l}.quantile_acts`` float16 [d_transcoder, n_quantiles, window] (the same at activation quantiles);
- ``features.json``: ``metadata`` (corpus, n_tokens, seq_len, window, before, quantiles, model, transcoders,
  glassbox version) and per layer ``labels``, ``density`` and ``max_activation``.

A window holds ``window`` tokens of its row, the peak ``before`` tokens from its start where the row allows it
(:func:`window_start`): windows never cross from one sampled sequence into the next. The promoted and
suppressed tokens are not stored: they are ``W_dec[f] · W_U``, computed exactly when a card is read.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import torch

from glassbox.errors import CorruptedModelError, InvalidInputError
from glassbox.schema.circuits import FeatureCard, FeatureContext, QuantileExample
from glassbox.schema.errors import ErrorCode
from glassbox.schema.history import TokenProb

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel
    from glassbox.transcoders.format import TranscoderSet


class FeatureOutOfRangeError(InvalidInputError):
    """A layer, position or feature the transcoders (or the prompt) do not have: answered 422."""

    status = 422
    code = ErrorCode.INVALID_INPUT


CARDS_FILE = "features.safetensors"
CARDS_META = "features.json"
N_PROMOTED = 10


def window_start(peak: int, seq_len: int, window: int, before: int) -> int:
    """Where the window around token ``peak`` starts: ``before`` tokens earlier, moved to stay inside its row."""
    row_start = (peak // seq_len) * seq_len
    return max(row_start, min(peak - before, row_start + seq_len - window))


@dataclass
class FeatureCards:
    """Every feature's statistics over a sample of text (see the module docstring for the layout)."""

    tokens: torch.Tensor  # [N] int32
    top_peak: list[torch.Tensor]  # per layer [F, n_top] int32
    top_acts: list[torch.Tensor]  # per layer [F, n_top, window] float16
    quantile_peak: list[torch.Tensor]  # per layer [F, Q] int32
    quantile_acts: list[torch.Tensor]  # per layer [F, Q, window] float16
    labels: list[list[str]]
    density: list[list[float]]
    max_activation: list[list[float]]
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def n_layers(self) -> int:
        return len(self.top_peak)

    @property
    def seq_len(self) -> int:
        return int(self.metadata["seq_len"])

    @property
    def window(self) -> int:
        return int(self.metadata["window"])

    @property
    def before(self) -> int:
        return int(self.metadata["before"])

    @property
    def quantiles(self) -> list[float]:
        return [float(q) for q in self.metadata["quantiles"]]

    def label(self, layer: int, feature: int) -> str | None:
        if not 0 <= layer < len(self.labels) or not 0 <= feature < len(self.labels[layer]):
            return None
        return self.labels[layer][feature]

    def _context(self, model: LoadedModel, peak: int, acts: torch.Tensor) -> FeatureContext:
        from glassbox.models.tokens import readable_text

        start = window_start(peak, self.seq_len, self.window, self.before)
        ids = self.tokens[start : start + self.window].tolist()
        return FeatureContext(
            tokens=[readable_text(model.tokenizer, [int(t)]) for t in ids],
            activations=[float(a) for a in acts.float().tolist()],
            peak=peak - start,
        )

    def card(self, model: LoadedModel, ts: TranscoderSet, layer: int, feature: int, *, name: str) -> FeatureCard:
        """The card of ``feature`` at ``layer`` (the model gives the tokens' text and the unembedding)."""
        check_feature(ts, layer, feature)
        if layer >= self.n_layers or feature >= int(self.top_peak[layer].shape[0]):
            raise CorruptedModelError(f"the feature cards cover fewer features than the transcoders at layer {layer}")
        tops = [
            self._context(model, int(p), a)
            for p, a in zip(self.top_peak[layer][feature].tolist(), self.top_acts[layer][feature], strict=True)
            if p >= 0
        ]
        quantiles = [
            QuantileExample(quantile=q, context=self._context(model, int(p), a))
            for q, p, a in zip(
                self.quantiles,
                self.quantile_peak[layer][feature].tolist(),
                self.quantile_acts[layer][feature],
                strict=True,
            )
            if p >= 0
        ]
        promoted, suppressed = logit_effects(model, ts, layer, feature)
        return FeatureCard(
            model=model.name,
            transcoders=name,
            layer=layer,
            feature=feature,
            label=self.labels[layer][feature],
            density=self.density[layer][feature],
            max_activation=self.max_activation[layer][feature],
            top_contexts=tops,
            quantile_examples=quantiles,
            promoted=promoted,
            suppressed=suppressed,
            sampled_tokens=int(self.tokens.numel()),
        )


def check_feature(ts: TranscoderSet, layer: int, feature: int) -> None:
    """A clear error for a layer or feature the transcoders do not have."""
    if not 0 <= layer < ts.n_layers:
        raise FeatureOutOfRangeError(f"layer {layer} does not exist: the transcoders cover layers 0..{ts.n_layers - 1}")
    d = ts[layer].d_transcoder
    if not 0 <= feature < d:
        raise FeatureOutOfRangeError(f"feature {feature} does not exist at layer {layer}: it has features 0..{d - 1}")


def logit_direction(model: LoadedModel, ts: TranscoderSet, layer: int, feature: int) -> torch.Tensor:
    """``W_dec[f] · W_U`` [d_vocab]: the feature's decoder row read straight by the unembedding. It ignores
    everything between the MLP's output and the unembedding: later layers, the final norm's 1/σ and its weight,
    an output norm after the MLP, and Gemma's soft-cap (so the numbers rank tokens; they are not logits).

    For a cross-layer transcoder ``W_dec[f]`` is the sum of the feature's decoders to every layer it writes to
    (:class:`~glassbox.transcoders.clt.CrossLayerTranscoder`): all it adds to the residual stream, which the
    unembedding reads once."""
    W_U = model.adapter.W_U.float()
    return ts[layer].W_dec[feature].to(W_U.device) @ W_U


def logit_effects(
    model: LoadedModel, ts: TranscoderSet, layer: int, feature: int, k: int = N_PROMOTED
) -> tuple[list[TokenProb], list[TokenProb]]:
    """The ``k`` tokens the feature's decoder promotes most and suppresses most (``prob`` holds the weight)."""
    from glassbox.models.tokens import readable_text

    direction = logit_direction(model, ts, layer, feature)
    k = min(k, int(direction.shape[0]))
    up = direction.topk(k)
    down = (-direction).topk(k)

    def rows(values: torch.Tensor, ids: torch.Tensor, sign: float) -> list[TokenProb]:
        return [
            TokenProb(token_id=int(i), token=readable_text(model.tokenizer, [int(i)]), prob=sign * float(v))
            for v, i in zip(values.tolist(), ids.tolist(), strict=True)
        ]

    return rows(up.values, up.indices, 1.0), rows(down.values, down.indices, -1.0)


# --- files ----------------------------------------------------------------------------------------------------


def save_feature_cards(cards: FeatureCards, folder: str | Path) -> Path:
    """Write ``features.safetensors`` and ``features.json`` into ``folder`` (beside the transcoders)."""
    from safetensors.torch import save_file

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    tensors: dict[str, torch.Tensor] = {"tokens": cards.tokens.to(torch.int32).contiguous()}
    for layer in range(cards.n_layers):
        tensors[f"layer_{layer}.top_peak"] = cards.top_peak[layer].to(torch.int32).contiguous()
        tensors[f"layer_{layer}.top_acts"] = cards.top_acts[layer].to(torch.float16).contiguous()
        tensors[f"layer_{layer}.quantile_peak"] = cards.quantile_peak[layer].to(torch.int32).contiguous()
        tensors[f"layer_{layer}.quantile_acts"] = cards.quantile_acts[layer].to(torch.float16).contiguous()
    save_file(tensors, str(out / CARDS_FILE))
    meta = {
        "metadata": cards.metadata,
        "layers": [
            {"labels": cards.labels[i], "density": cards.density[i], "max_activation": cards.max_activation[i]}
            for i in range(cards.n_layers)
        ],
    }
    (out / CARDS_META).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return out


def has_feature_cards(folder: str | Path) -> bool:
    f = Path(folder)
    return (f / CARDS_FILE).is_file() and (f / CARDS_META).is_file()


_LOADED: OrderedDict[tuple[str, float], FeatureCards] = OrderedDict()
_LOADED_LOCK = threading.Lock()


def load_feature_cards(folder: str | Path) -> FeatureCards | None:
    """The cards saved in ``folder``, or None where there are none (read once per file version, then kept)."""
    f = Path(folder)
    if not has_feature_cards(f):
        return None
    key = (str(f.resolve()), (f / CARDS_FILE).stat().st_mtime)
    with _LOADED_LOCK:
        if key in _LOADED:
            return _LOADED[key]
    cards = _read(f)
    with _LOADED_LOCK:
        _LOADED[key] = cards
        while len(_LOADED) > 4:
            _LOADED.popitem(last=False)
    return cards


def _read(folder: Path) -> FeatureCards:
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    try:
        tensors = load_file(str(folder / CARDS_FILE), device="cpu")
        meta = json.loads((folder / CARDS_META).read_text(encoding="utf-8"))
        layers = meta["layers"]
        n = len(layers)
        cards = FeatureCards(
            tokens=tensors["tokens"].long(),
            top_peak=[tensors[f"layer_{i}.top_peak"].long() for i in range(n)],
            top_acts=[tensors[f"layer_{i}.top_acts"] for i in range(n)],
            quantile_peak=[tensors[f"layer_{i}.quantile_peak"].long() for i in range(n)],
            quantile_acts=[tensors[f"layer_{i}.quantile_acts"] for i in range(n)],
            labels=[list(map(str, layer["labels"])) for layer in layers],
            density=[list(map(float, layer["density"])) for layer in layers],
            max_activation=[list(map(float, layer["max_activation"])) for layer in layers],
            metadata=dict(meta["metadata"]),
        )
        for key in ("seq_len", "window", "before", "quantiles"):
            if key not in cards.metadata:
                raise KeyError(key)
    except (SafetensorError, OSError, ValueError, KeyError, TypeError) as exc:
        raise CorruptedModelError(f"{folder}: unreadable feature cards ({exc.__class__.__name__}: {exc})") from exc
    return cards


def transcoders_name(ts: TranscoderSet, folder: Path | None) -> str:
    """What a payload calls a transcoder set: its scan name, else its folder's name."""
    if ts.scan_name:
        return ts.scan_name
    return folder.name if folder is not None else "transcoders"
