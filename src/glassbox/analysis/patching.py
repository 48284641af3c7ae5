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
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import torch

from glassbox.analysis.inputs import prompt_ids, resolve_token
from glassbox.capture.batched import Edit, final_logits, run_blocks
from glassbox.capture.forward import run_forward
from glassbox.capture.names import act_name
from glassbox.errors import InvalidInputError
from glassbox.models.tokens import token_infos
from glassbox.schema.why import Patching, PatchSite, TokenRef

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
    wanted |= {act_name("k", layer, "attn") for layer in range(a.n_layers)}
    wanted |= {act_name("v", layer, "attn") for layer in range(a.n_layers)}
    wanted |= {_site_name(site, layer) for layer in range(a.n_layers)}
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
    if site not in SITES:
        raise InvalidInputError(f"unknown patching site {site!r}: choose one of {', '.join(SITES)}")
    a = model.adapter
    with model.lock, torch.no_grad():
        clean_ids = prompt_ids(model, clean)
        corr_ids = prompt_ids(model, corrupted)
        if len(clean_ids) != len(corr_ids):
            raise InvalidInputError(
                f"the clean prompt is {len(clean_ids)} tokens and the corrupted one {len(corr_ids)}: patching "
                "replaces activations position by position, so both must have the same number of tokens"
            )
        ans = resolve_token(model, answer, "answer")
        wro = resolve_token(model, wrong, "wrong")
        if ans == wro:
            raise InvalidInputError("answer and wrong are the same token: their logit difference is always 0")
        n = len(clean_ids)
        c = _run(model, clean_ids, site)
        k = _run(model, corr_ids, site)

        def diff(logits: torch.Tensor) -> torch.Tensor:
            return (logits[..., ans] - logits[..., wro]).float()

        clean_val = float(diff(c["logits"][-1]))
        corr_val = float(diff(k["logits"][-1]))
        per_head = site == "head_result"
        n_heads = a.n_heads if per_head else 1
        effect = torch.empty(a.n_layers, n, n_heads, dtype=torch.float32)
        for layer in range(a.n_layers):
            name = _site_name(site, layer)
            past = [(k[act_name("k", ll, "attn")], k[act_name("v", ll, "attn")]) for ll in range(a.n_layers)]
            for p0 in range(0, n, CHUNK):
                cells = [(p, h) for p in range(p0, min(n, p0 + CHUNK)) for h in range(n_heads)]
                rows = len(cells)
                row_idx = torch.arange(rows)
                rel = torch.tensor([p - p0 for p, _ in cells])  # each row's patched position within the span
                heads = torch.tensor([h for _, h in cells])
                start = k[act_name("resid_pre", layer)][p0:].unsqueeze(0).repeat(rows, 1, 1)  # [row, pos, d_model]
                if site == "resid_pre":
                    start[row_idx, rel] = c[name][p0 + rel]
                    edit: Edit | None = None
                else:
                    if per_head:  # swap one head's share of the attention output
                        delta = c[name][p0 + rel, heads] - k[name][p0 + rel, heads]  # [row, d_model]
                        target_name = act_name("attn_out", layer)
                    else:
                        delta = c[name][p0 + rel] - k[name][p0 + rel]
                        target_name = name

                    edit = _add_at(target_name, row_idx, rel, delta)

                final = run_blocks(model, start, start_layer=layer, start_pos=p0, past=past, edit=edit)
                d = diff(final_logits(model, final[:, -1]))  # [row]
                effect[layer, p0 : p0 + rows // n_heads] = d.view(-1, n_heads).cpu()
        infos = token_infos(model.tokenizer, [*clean_ids, *corr_ids, ans, wro])
    arr: np.ndarray = effect.numpy() if per_head else effect[..., 0].numpy()
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
