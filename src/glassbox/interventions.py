"""Interventions: switch attention heads and MLP neurons off and trace what the model does without them.

``glassbox.ablate(model, prompt, heads=[(layer, head)], neurons=[(layer, index)], mode=...)`` returns a full
:class:`~glassbox.tracing.Trace` of the edited forward pass:

- a head: its ``hook_z`` [pos, d_head] (the attention-weighted values, before the output projection) becomes 0
  (``"zero"``), or its mean over the prompt's positions (``"mean"``) — the same as zeroing (or averaging) that
  head's slice of the output projection's input, so the output bias stays;
- a neuron: its ``hook_post`` value (what the MLP's output projection reads) becomes 0, or its mean over the
  prompt's positions.

Means are taken in the edited run itself, so a mean-ablated component in a later layer averages what it computes
with the earlier ablations in place. It sits on the tracing floor because it returns a ``Trace``;
:func:`ablation_summary` is the before/after payload the "Why?" page shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import torch

from glassbox.analysis.distributions import compare_next_token
from glassbox.analysis.inputs import prompt_ids
from glassbox.capture.forward import CaptureArg, capture_filter, run_forward
from glassbox.capture.names import act_name
from glassbox.errors import InvalidInputError
from glassbox.models.tokens import token_infos
from glassbox.schema.models import tensor_payload
from glassbox.schema.why import Ablation, AblationMode, HeadRef, NeuronRef
from glassbox.tracing import Trace

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel


def _pairs(
    model: LoadedModel, items: Sequence[tuple[int, int]], what: str, size: int | Callable[[int], int], axis: str
) -> list[tuple[int, int]]:
    """``items`` as checked (layer, index) pairs; ``size`` is the index's bound, or per layer (heads)."""
    out: list[tuple[int, int]] = []
    n_layers = model.adapter.n_layers
    for item in items:
        try:
            layer, index = (int(v) for v in item)
        except (TypeError, ValueError):
            raise InvalidInputError(f"each of {what} is a (layer, {axis}) pair, not {item!r}") from None
        if not 0 <= layer < n_layers:
            raise InvalidInputError(f"{what}: layer {layer} does not exist (the model has layers 0..{n_layers - 1})")
        bound = size(layer) if callable(size) else size
        if not 0 <= index < bound:
            raise InvalidInputError(f"{what}: {axis} {index} does not exist in layer {layer} (0..{bound - 1})")
        out.append((layer, index))
    return out


def _edit(
    heads: list[tuple[int, int]], neurons: list[tuple[int, int]], mode: AblationMode
) -> Callable[[str, torch.Tensor], torch.Tensor]:
    by_name: dict[str, list[int]] = {}
    for layer, head in heads:
        by_name.setdefault(act_name("z", layer, "attn"), []).append(head)
    for layer, neuron in neurons:
        by_name.setdefault(act_name("post", layer, "mlp"), []).append(neuron)

    def edit(name: str, value: torch.Tensor) -> torch.Tensor:
        idx = by_name.get(name)
        if idx is None:
            return value
        value = value.clone()
        # z [pos, head, d_head] and post [pos, d_mlp]: the component is axis 1 in both
        index = torch.tensor(sorted(set(idx)), device=value.device)
        if mode == "zero":
            value[:, index] = 0
        else:
            value[:, index] = value[:, index].mean(0, keepdim=True)
        return value

    return edit


def ablate(
    model: LoadedModel,
    prompt: str | Sequence[int],
    heads: Sequence[tuple[int, int]] = (),
    neurons: Sequence[tuple[int, int]] = (),
    mode: AblationMode = "zero",
    capture: CaptureArg = "default",
) -> Trace:
    """A trace of ``prompt`` with the given heads and neurons switched off (module docstring).

    Args:
        heads: ``(layer, head)`` pairs. neurons: ``(layer, index)`` pairs, ``index`` into ``d_mlp``.
        mode: ``"zero"`` or ``"mean"`` (the mean over the prompt's positions).
        capture: what the trace keeps, as for :func:`glassbox.trace`.
    """
    if mode not in ("zero", "mean"):
        raise InvalidInputError(f"unknown ablation mode {mode!r}: choose zero or mean")
    a = model.adapter
    head_list = _pairs(model, heads, "heads", a.heads_in, "head")
    neuron_list = _pairs(model, neurons, "neurons", a.d_mlp, "neuron")
    edit = _edit(head_list, neuron_list, mode)
    with model.lock:
        ids = prompt_ids(model, prompt)
        cache = run_forward(model, ids, capture_filter(capture), edit=edit)
    return Trace(model, ids, cache, prompt if isinstance(prompt, str) else None)


def ablation_summary(
    model: LoadedModel,
    prompt: str | Sequence[int],
    heads: Sequence[tuple[int, int]] = (),
    neurons: Sequence[tuple[int, int]] = (),
    mode: AblationMode = "zero",
    k: int = 10,
    generated_ids: Sequence[int] = (),
) -> Ablation:
    """The next-token distribution at the last position without and with the ablation, and the ``k`` tokens whose
    probability moved most.

    ``generated_ids`` are tokens appended after the prompt (a continuation the page generated): the ablated
    forward runs over prompt and continuation, so "before" is the next token after the last generated one, as
    the detailed view shows it."""
    if not 1 <= k <= 1000:
        raise InvalidInputError(f"k must be between 1 and 1000, not {k}")
    a = model.adapter
    head_list = _pairs(model, heads, "heads", a.heads_in, "head")
    neuron_list = _pairs(model, neurons, "neurons", a.d_mlp, "neuron")
    with model.lock:
        ids = prompt_ids(model, prompt)
        if generated_ids:
            ids = prompt_ids(model, [*ids, *generated_ids])
        before = run_forward(model, ids, capture_filter("none"))["logits"][-1].float()
        after_trace = ablate(model, ids, heads, neurons, mode, capture="none")
        after = after_trace.logits[-1].float()
        cmp = compare_next_token(model, before, after, k)
        tokens = token_infos(model.tokenizer, ids)

    return Ablation(
        model=model.name,
        mode=mode,
        heads=[HeadRef(layer=la, head=h) for la, h in head_list],
        neurons=[NeuronRef(layer=la, neuron=i) for la, i in neuron_list],
        tokens=tokens,
        logits_before=tensor_payload(before, ["d_vocab"]),
        logits_after=tensor_payload(after, ["d_vocab"]),
        top_before=cmp.top_before,
        top_after=cmp.top_after,
        changes=cmp.changes,
    )
