"""Activation patching: where in the network the difference between two prompts is decided.

Run the corrupted prompt; for every layer × position (× head for ``head_result``) replace that one activation
with its value in the clean run, and read ``logit(answer) − logit(wrong)`` at the last position. The sites:

- ``resid_pre``: the residual stream entering block ``layer`` at ``pos``;
- ``attn_out`` / ``mlp_out``: what block ``layer``'s attention / MLP adds at ``pos`` (after the output norm of
  post-norm blocks, as ``hook_attn_out``/``hook_mlp_out`` are);
- ``head_result``: one head's share of the attention output at ``pos`` (``hook_result``): the attention output
  becomes ``attn_out − result_corrupted[h] + result_clean[h]``.

How it stays cheap: a patch at ``(layer, pos)`` changes nothing before ``layer`` and nothing at earlier
positions, so each batched run starts at ``layer`` from the corrupted run's residual stream, covers only
positions ``p0..n-1`` of a chunk of patched positions ``≥ p0`` (one row per position, × head), takes the earlier
positions' keys and values from the corrupted run, and unembeds only the last position. The full ``resid_pre``
map of an ``L``-layer, ``n``-token prompt costs about a quarter of ``L × n`` forward passes' block work, in
``L × ⌈n / chunk⌉`` batched calls (``bench/bench_why.py`` measures the ratio).

:func:`patch_cell` opens one cell of the map: the full next-token distribution after that one patch, from the
same batched chunk the map computed it in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import torch

from glassbox.analysis.distributions import compare_next_token
from glassbox.analysis.inputs import prompt_ids, resolve_token
from glassbox.capture.batched import Edit, final_logits, past_names, run_blocks
from glassbox.capture.forward import run_forward
from glassbox.capture.names import act_name
from glassbox.errors import InvalidInputError
from glassbox.models.loading import require_one_device
from glassbox.models.tokens import token_infos
from glassbox.schema.models import tensor_payload
from glassbox.schema.why import PatchedCell, Patching, PatchSite, TokenRef

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel

SITES: tuple[PatchSite, ...] = ("resid_pre", "attn_out", "mlp_out", "head_result")

CHUNK = 16
"""Patched positions per batched run (× heads for ``head_result``): smaller chunks skip more of the earlier
positions, larger ones batch better."""


def _site_name(site: PatchSite, layer: int) -> str:
    return act_name("result", layer, "attn") if site == "head_result" else act_name(site, layer)


def _run(model: LoadedModel, ids: list[int], site: PatchSite) -> dict[str, torch.Tensor]:
    a = model.adapter
    wanted = {act_name("resid_pre", layer) for layer in range(a.n_layers)}
    wanted |= {name for layer in range(a.n_layers) for name in past_names(model, layer)}
    wanted |= {_site_name(site, layer) for layer in range(a.n_layers)}
    if a.d_ple:  # Gemma 4: the per-layer inputs the patched run reads (the corrupted prompt's)
        wanted |= {act_name("ple_input", layer) for layer in range(a.n_layers)}
    return run_forward(model, ids, wanted.__contains__)


def _add_at(name: str, rows: torch.Tensor, rel: torch.Tensor, delta: torch.Tensor) -> Edit:
    """An edit adding ``delta[r]`` to row ``r``'s activation ``name`` at its own position ``rel[r]``."""

    def edit(hook: str, value: torch.Tensor) -> torch.Tensor:
        if hook != name:
            return value
        value = value.clone()
        value[rows, rel] += delta.to(value.dtype)
        return value

    return edit


class _Runs:
    """Everything both the map and one opened cell read: the two prompts' ids, the two unpatched runs, the
    answer and wrong tokens."""

    def __init__(
        self,
        model: LoadedModel,
        clean: str | Sequence[int],
        corrupted: str | Sequence[int],
        answer: TokenRef,
        wrong: TokenRef,
        site: PatchSite,
    ) -> None:
        if site not in SITES:
            raise InvalidInputError(f"unknown patching site {site!r}: choose one of {', '.join(SITES)}")
        self.site = site
        self.clean_ids = prompt_ids(model, clean)
        self.corr_ids = prompt_ids(model, corrupted)
        if len(self.clean_ids) != len(self.corr_ids):
            raise InvalidInputError(
                f"the clean prompt is {len(self.clean_ids)} tokens and the corrupted one {len(self.corr_ids)}: "
                "patching replaces activations position by position, so both must have the same number of tokens"
            )
        self.ans = resolve_token(model, answer, "answer")
        self.wro = resolve_token(model, wrong, "wrong")
        if self.ans == self.wro:
            raise InvalidInputError("answer and wrong are the same token: their logit difference is always 0")
        self.n = len(self.clean_ids)
        require_one_device(model, "activation patching")
        counts = {model.adapter.heads_in(layer) for layer in range(model.adapter.n_layers)}
        if site == "head_result" and len(counts) > 1:  # one [layer, pos, head] map needs one head count
            raise InvalidInputError(
                f"this model's layers have {' and '.join(map(str, sorted(counts)))} heads (Qwen3.5: linear attention "
                "has one per value head): patch a layer's whole attention output (site attn_out) instead"
            )
        self.n_heads = model.adapter.n_heads if site == "head_result" else 1
        self.c = _run(model, self.clean_ids, site)
        self.k = _run(model, self.corr_ids, site)

    def diff(self, logits: torch.Tensor) -> torch.Tensor:
        """``logit(answer) − logit(wrong)`` over the last axis of ``logits`` [..., d_vocab]."""
        return (logits[..., self.ans] - logits[..., self.wro]).float()

    def chunk(self, model: LoadedModel, layer: int, p0: int) -> torch.Tensor:
        """The last position's logits [row, d_vocab] of one batched run: layer ``layer``, positions
        ``p0..min(n, p0 + CHUNK) - 1`` × every head (one row per cell, position-major), each row with its one
        clean activation put back. The map and :func:`patch_cell` both take their numbers from here, so an
        opened cell is exactly the map's."""
        a, c, k, site = model.adapter, self.c, self.k, self.site
        name = _site_name(site, layer)
        past = [(k[kn], k[vn]) for kn, vn in (past_names(model, ll) for ll in range(a.n_layers))]
        cells = [(p, h) for p in range(p0, min(self.n, p0 + CHUNK)) for h in range(self.n_heads)]
        rows = len(cells)
        row_idx = torch.arange(rows)
        rel = torch.tensor([p - p0 for p, _ in cells])  # each row's patched position within the span
        heads = torch.tensor([h for _, h in cells])
        start = k[act_name("resid_pre", layer)][p0:].unsqueeze(0).repeat(rows, 1, 1)  # [row, pos, d_model]
        if site == "resid_pre":
            start[row_idx, rel] = c[name][p0 + rel]
            edit: Edit | None = None
        else:
            if site == "head_result":  # swap one head's share of the attention output
                delta = c[name][p0 + rel, heads] - k[name][p0 + rel, heads]  # [row, d_model]
                target_name = act_name("attn_out", layer)
            else:
                delta = c[name][p0 + rel] - k[name][p0 + rel]
                target_name = name
            edit = _add_at(target_name, row_idx, rel, delta)
        per_layer = None
        if a.d_ple:  # [pos, layer, d_ple] of the positions run: per-layer inputs depend on the tokens only
            per_layer = torch.stack([k[act_name("ple_input", ll)][p0:] for ll in range(a.n_layers)], dim=1)
        final = run_blocks(model, start, start_layer=layer, start_pos=p0, past=past, edit=edit, per_layer=per_layer)
        return final_logits(model, final[:, -1])  # [row, d_vocab]


def patch(
    model: LoadedModel,
    clean: str | Sequence[int],
    corrupted: str | Sequence[int],
    answer: TokenRef,
    wrong: TokenRef,
    site: PatchSite = "resid_pre",
) -> Patching:
    """Patch every ``site`` activation of the clean run into the corrupted run, one at a time (module docstring).

    ``.effect[layer, pos]`` (``[layer, pos, head]`` for ``head_result``) is ``logit(answer) − logit(wrong)`` at the
    last position after that patch; ``.clean``/``.corrupted`` are the unpatched values. ``answer`` and ``wrong`` are
    token ids or one-token texts; the two prompts must have the same number of tokens.
    """
    a = model.adapter
    with model.lock, torch.no_grad():
        r = _Runs(model, clean, corrupted, answer, wrong, site)
        n, n_heads = r.n, r.n_heads
        effect = torch.empty(a.n_layers, n, n_heads, dtype=torch.float32)
        for layer in range(a.n_layers):
            for p0 in range(0, n, CHUNK):
                d = r.diff(r.chunk(model, layer, p0))  # [row]
                effect[layer, p0 : p0 + d.numel() // n_heads] = d.view(-1, n_heads).cpu()
        infos = token_infos(model.tokenizer, [*r.clean_ids, *r.corr_ids, r.ans, r.wro])
        clean_val = float(r.diff(r.c["logits"][-1]))
        corr_val = float(r.diff(r.k["logits"][-1]))
    arr: np.ndarray = effect.numpy() if site == "head_result" else effect[..., 0].numpy()
    return Patching(
        model=model.name,
        site=site,
        clean_tokens=infos[:n],
        corrupted_tokens=infos[n : 2 * n],
        answer=infos[2 * n],
        wrong=infos[2 * n + 1],
        clean=clean_val,
        corrupted=corr_val,
        effect=arr,
    )


def patch_cell(
    model: LoadedModel,
    clean: str | Sequence[int],
    corrupted: str | Sequence[int],
    answer: TokenRef,
    wrong: TokenRef,
    site: PatchSite = "resid_pre",
    *,
    layer: int,
    pos: int,
    head: int | None = None,
    k: int = 10,
) -> PatchedCell:
    """One cell of :func:`patch`'s map opened up: the corrupted run's full next-token distribution with the
    ``site`` activation at ``(layer, pos)`` (and ``head`` for ``head_result``) put back from the clean run, beside
    the unpatched corrupted run's, and the ``k`` tokens whose probability moved most.

    It runs the one batched chunk of the map that holds the cell (at most ``CHUNK`` positions × heads, from
    ``layer`` on) and keeps that cell's row: the same operations on the same shapes as the map, so
    ``.value`` equals ``patch(...).effect[layer, pos(, head)]`` bit for bit — a single-row run could round
    differently in the batched matrix products.
    """
    if not 1 <= k <= 1000:
        raise InvalidInputError(f"k must be between 1 and 1000, not {k}")
    a = model.adapter
    with model.lock, torch.no_grad():
        r = _Runs(model, clean, corrupted, answer, wrong, site)
        if not 0 <= layer < a.n_layers:
            raise InvalidInputError(f"layer {layer} does not exist (the model has layers 0..{a.n_layers - 1})")
        if not 0 <= pos < r.n:
            raise InvalidInputError(f"position {pos} does not exist (the prompts have positions 0..{r.n - 1})")
        if site == "head_result":
            if head is None:
                raise InvalidInputError("the head_result site patches one head: name the head")
            if not 0 <= head < a.n_heads:
                raise InvalidInputError(f"head {head} does not exist in layer {layer} (0..{a.n_heads - 1})")
        elif head is not None:
            raise InvalidInputError(f"the {site} site patches a whole layer's activation: leave the head out")
        p0 = pos // CHUNK * CHUNK
        row = (pos - p0) * r.n_heads + (head or 0)  # the chunk's rows are position-major, then head
        raw = r.chunk(model, layer, p0)[row]  # [d_vocab], in the model's dtype, as the map reads it
        value = float(r.diff(raw))
        patched = raw.float()
        before = r.k["logits"][-1].float()  # [d_vocab]
        cmp = compare_next_token(model, before, patched, k)
        clean_tok, ans_tok, wro_tok = token_infos(model.tokenizer, [r.clean_ids[pos], r.ans, r.wro])
        clean_val = float(r.diff(r.c["logits"][-1]))
        corr_val = float(r.diff(r.k["logits"][-1]))

    return PatchedCell(
        model=model.name,
        site=site,
        layer=layer,
        pos=pos,
        head=head if site == "head_result" else None,
        patched_token=clean_tok,
        answer=ans_tok,
        wrong=wro_tok,
        clean=clean_val,
        corrupted=corr_val,
        value=value,
        logits_corrupted=tensor_payload(before, ["d_vocab"]),
        logits_patched=tensor_payload(patched, ["d_vocab"]),
        top_corrupted=cmp.top_before,
        top_patched=cmp.top_after,
        changes=cmp.changes,
    )
