"""Interventions on transcoder features: set, scale or zero chosen features at chosen prompt positions.

:func:`intervene_features` answers three runs of the same prompt, each with its next-token distribution and a
greedy continuation:

- ``original``: the real model, untouched;
- ``replacement``: the replacement model with the errors of the *original* pass frozen — at every prompt position
  each MLP's output (at the transcoders' output hook) is the transcoder's output on its live input, with the chosen
  features' activations overridden at their (layer, position), plus the error term ``real − transcoder`` that
  the original pass had there. Attention and norms are recomputed (not frozen): an intervention's effect reaches
  later positions and layers through them;
- ``real``: the real model, with ``(a' − a) · W_dec[f]`` added to that MLP's output at that position, where ``a``
  is the feature's activation in that same (intervened) pass and ``a'`` the value asked for.

With a cross-layer transcoder a feature of layer ``i`` writes to every MLP output ``t ≥ i``: both edited models
change each of those by the feature's decoder to that layer (``(a' − a) · W_dec_i[f, t − i]`` in ``real``; the
whole reconstruction from every layer's features so far in ``replacement``).

Interventions apply at prompt positions only. At generated positions both edited models run the real MLPs
(there is no original pass to take errors from, and nothing was asked there): the continuation shows how the
edited prompt positions steer what follows.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import torch

from glassbox.errors import InvalidInputError
from glassbox.graph.engine import resolve_transcoders
from glassbox.graph.replacement import Frozen, MlpEdit, check_compatible, forward
from glassbox.schema.circuits import (
    FeatureInterventionResult,
    FeatureInterventionSpec,
    InterventionMode,
    InterventionOutcome,
)
from glassbox.schema.history import TokenProb
from glassbox.transcoders.cards import FeatureOutOfRangeError, transcoders_name

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel
    from glassbox.transcoders.format import TranscoderSet


MAX_MAGNITUDE = 1e4
"""The largest |scale| or |value| accepted (activations of trained transcoders are of order 1–100)."""


def check_interventions(
    model: LoadedModel, ts: TranscoderSet, n_prompt: int, specs: Sequence[FeatureInterventionSpec]
) -> None:
    """A clear 422 for a layer, position or feature that does not exist, or a spec with no (or two) values."""
    if not specs:
        raise InvalidInputError("no interventions: choose at least one feature to set, scale or zero")
    for s in specs:
        if not 0 <= s.layer < ts.n_layers:
            raise FeatureOutOfRangeError(f"layer {s.layer} does not exist: the model has layers 0..{ts.n_layers - 1}")
        if not 0 <= s.pos < n_prompt:
            raise FeatureOutOfRangeError(f"position {s.pos} is not in the prompt: it has positions 0..{n_prompt - 1}")
        d = ts[s.layer].d_transcoder
        if not 0 <= s.feature < d:
            raise FeatureOutOfRangeError(f"feature {s.feature} does not exist at layer {s.layer}: 0..{d - 1}")
        if (s.scale is None) == (s.value is None):
            raise FeatureOutOfRangeError(
                f"feature {s.feature} at layer {s.layer}, position {s.pos}: give either scale (0 zeroes it) or value"
            )
        amount = s.scale if s.scale is not None else s.value
        if amount is not None and abs(amount) > MAX_MAGNITUDE:
            raise FeatureOutOfRangeError(
                f"feature {s.feature} at layer {s.layer}: {amount} is beyond ±{MAX_MAGNITUDE:g}, where float32 "
                "arithmetic stops meaning anything; choose a smaller scale or value"
            )


def _new_acts(acts: torch.Tensor, specs: Sequence[FeatureInterventionSpec], layer: int) -> torch.Tensor:
    """The activations [pos, d_transcoder] with this layer's interventions applied (in the order given)."""
    out = acts.clone()
    for s in specs:
        if s.layer != layer:
            continue
        out[s.pos, s.feature] = s.value if s.value is not None else out[s.pos, s.feature] * float(s.scale or 0.0)
    return out


def _edit(
    ts: TranscoderSet,
    specs: Sequence[FeatureInterventionSpec],
    mode: InterventionMode,
    n_prompt: int,
    errors: Sequence[torch.Tensor],
) -> MlpEdit:
    # A cross-layer transcoder's features write to later layers too: the edit keeps every layer's activations of
    # the pass it is in (the forward calls it once per layer, in order, so layer 0 starts a new pass).
    acts_so_far: list[torch.Tensor] = []
    new_so_far: list[torch.Tensor] = []

    def edit(layer: int, tc_in: torch.Tensor, out: torch.Tensor) -> torch.Tensor:
        if layer == 0:
            acts_so_far.clear()
            new_so_far.clear()
        x = tc_in[:n_prompt]
        acts = ts[layer].encode(x)
        new = _new_acts(acts, specs, layer)
        acts_so_far.append(acts)
        new_so_far.append(new)
        result = out.clone()
        if mode == "replacement":
            result[:n_prompt] = ts.reconstruct(layer, new_so_far, x) + errors[layer]
        else:
            deltas = [b - a for a, b in zip(acts_so_far, new_so_far, strict=True)]
            result[:n_prompt] = out[:n_prompt] + ts.decode_at(layer, deltas)
        return result

    return edit


def _errors(ts: TranscoderSet, rec: Frozen) -> list[torch.Tensor]:
    """Each layer's error in the original pass: the real MLP output minus all the transcoders write there."""
    acts: list[torch.Tensor] = []
    out = []
    for layer in range(ts.n_layers):
        x = rec.tc_in[layer]
        acts.append(ts[layer].encode(x))
        out.append(rec.mlp_out[layer] - ts.reconstruct(layer, acts, x))
    return out


def _top(model: LoadedModel, logits: torch.Tensor, k: int) -> list[TokenProb]:
    from glassbox.models.tokens import readable_text

    probs = torch.softmax(logits.float(), dim=-1)
    top = probs.topk(min(k, int(probs.shape[-1])))
    return [
        TokenProb(token_id=int(i), token=readable_text(model.tokenizer, [int(i)]), prob=float(p))
        for p, i in zip(top.values.tolist(), top.indices.tolist(), strict=True)
    ]


def _run(
    model: LoadedModel, ts: TranscoderSet, ids: list[int], edit: MlpEdit | None, max_new_tokens: int, k: int
) -> tuple[list[TokenProb], list[TokenProb], torch.Tensor]:
    """(top-k after the prompt, greedy continuation, the probabilities after the prompt)."""
    from glassbox.models.tokens import readable_text

    seq = list(ids)
    eos = getattr(model.tokenizer, "eos_token_id", None)
    first: torch.Tensor | None = None
    continuation: list[TokenProb] = []
    for step in range(max_new_tokens + 1):
        _, _, rec = forward(model, ts, seq, "real", edit=edit)
        assert rec is not None
        logits = rec.logits[-1]
        probs = torch.softmax(logits.float(), dim=-1)
        if not bool(torch.isfinite(probs).all()):
            raise FeatureOutOfRangeError("the intervention made the model's numbers overflow: choose a smaller value")
        if step == 0:
            first = logits
        if step == max_new_tokens or len(seq) >= model.info.n_ctx:
            break
        nxt = int(probs.argmax())
        continuation.append(
            TokenProb(token_id=nxt, token=readable_text(model.tokenizer, [nxt]), prob=float(probs[nxt]))
        )
        seq.append(nxt)
        if eos is not None and nxt == eos:
            break
    assert first is not None
    return _top(model, first, k), continuation, torch.softmax(first.float(), dim=-1)


def intervene_features(
    model: LoadedModel,
    prompt: str | Sequence[int],
    transcoders: TranscoderSet | str | Path | None,
    interventions: Sequence[FeatureInterventionSpec],
    *,
    max_new_tokens: int = 8,
    k: int = 10,
    name: str | None = None,
) -> FeatureInterventionResult:
    """The next-token distribution and a greedy continuation of ``prompt`` with ``interventions`` applied, in the
    replacement model (errors frozen) and in the real model, next to the original (see the module docstring).

    ``transcoders``: a :class:`TranscoderSet`, a folder, or None for the model's own. Raises
    :class:`~glassbox.transcoders.cards.FeatureOutOfRangeError` (422) for a layer, position or feature that does
    not exist."""
    from glassbox.models.tokens import check_ids, encode, readable_text

    ts = resolve_transcoders(model, transcoders)
    check_compatible(model, ts)
    if max_new_tokens < 0 or k < 1:
        raise InvalidInputError("max_new_tokens must be at least 0 and k at least 1")
    ids = encode(model, prompt) if isinstance(prompt, str) else check_ids(model, list(prompt))
    n = len(ids)
    check_interventions(model, ts, n, interventions)
    outcomes: list[InterventionOutcome] = []
    with model.lock, torch.no_grad():
        _, _, orig = forward(model, ts, ids, "real")
        assert orig is not None
        errors = _errors(ts, orig)
        for mode in ("original", "replacement", "real"):
            edit = None if mode == "original" else _edit(ts, interventions, mode, n, errors)
            top, cont, _ = _run(model, ts, ids, edit, max_new_tokens, k)
            outcomes.append(InterventionOutcome(mode=mode, top=top, continuation=cont))
    folder = Path(transcoders) if isinstance(transcoders, str | Path) else None
    if transcoders is None and model.path is not None:
        folder = model.path / "transcoders"
    return FeatureInterventionResult(
        model=model.name,
        transcoders=name or transcoders_name(ts, folder),
        prompt=prompt if isinstance(prompt, str) else readable_text(model.tokenizer, list(ids)),
        interventions=list(interventions),
        outcomes=outcomes,
    )


def next_token_probs(
    model: LoadedModel,
    prompt: str | Sequence[int],
    transcoders: TranscoderSet | str | Path | None,
    interventions: Sequence[FeatureInterventionSpec],
    mode: InterventionMode,
) -> torch.Tensor:
    """The whole next-token distribution [d_vocab] after ``prompt`` in one mode (tests compare it exactly)."""
    from glassbox.models.tokens import check_ids, encode

    ts = resolve_transcoders(model, transcoders)
    ids = encode(model, prompt) if isinstance(prompt, str) else check_ids(model, list(prompt))
    check_interventions(model, ts, len(ids), interventions)
    with model.lock, torch.no_grad():
        _, _, orig = forward(model, ts, ids, "real")
        assert orig is not None
        errors = _errors(ts, orig)
        edit = None if mode == "original" else _edit(ts, interventions, mode, len(ids), errors)
        return _run(model, ts, ids, edit, 0, 1)[2]
