"""``glassbox.trace()``: one forward pass with every internal tensor kept under its canonical name.

A :class:`Trace` behaves like a read-only dict of activations (``trace["blocks.0.attn.hook_pattern"]``) with
the analyses that need them beside it: the logit lens, direct logit attribution, and slicing into compact
payloads for the browser.

This module sits one floor above :mod:`glassbox.capture` (which runs the forward pass) and
:mod:`glassbox.analysis` (which reads a trace it is handed), so neither of those imports it. It is named
``tracing`` rather than ``trace`` because a submodule ``glassbox.trace`` would replace the function
``glassbox.trace`` on the package as soon as anything imported it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Literal

import torch

from glassbox.analysis import dla as _dla
from glassbox.analysis import logit_lens as _lens
from glassbox.capture.derived import can_derive, derivable, derive_group, derived_names
from glassbox.capture.forward import CaptureArg, capture_filter, run_forward
from glassbox.capture.names import dims_of
from glassbox.errors import InvalidInputError
from glassbox.models.tokens import check_ids, token_infos
from glassbox.models.truncation import Truncate, encode_truncated, truncate_ids
from glassbox.schema.attribution import DirectLogitAttribution
from glassbox.schema.models import LogitLens, TensorPayload, TokenInfo, TopToken, TraceSummary, tensor_payload

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel


class Trace:
    """The activations of one forward pass over one token sequence (no batch axis)."""

    def __init__(
        self, model: LoadedModel, token_ids: list[int], cache: dict[str, torch.Tensor], prompt: str | None
    ) -> None:
        self.model = model
        self.token_ids = token_ids
        self.cache = cache
        self.prompt = prompt
        self.tokens: list[TokenInfo] = token_infos(model.tokenizer, token_ids)
        self.dropped_tokens = 0  # tokens cut from the prompt's start to fit the context (trace(truncate="left"))
        # the derived tensors of the one layer last asked for, by name: a view reads one layer many times in a row,
        # and holding one layer, never all, keeps the memory the default capture saved
        self._derived: dict[str, torch.Tensor] = {}
        self._derived_layer: int | None = None
        self._derived_lock = threading.Lock()  # the server's cached traces are read by several requests at once
        # every position's logits ([pos, d_vocab]: 1 GB at 2,048 tokens with a 128k vocabulary) once asked for; the
        # default capture stores only what the unembedding reads and unembeds the positions asked for
        self._logits: torch.Tensor | None = cache.get("logits")

    # --- dict-like access ------------------------------------------------------------------------------
    def __getitem__(self, name: str) -> torch.Tensor:
        stored = self.cache.get(name)
        if stored is not None:
            return stored
        if name == "logits":
            return self.logits
        what = derivable(name)
        if what is not None and can_derive(self.model.adapter, *what, self.cache.__contains__, self.__contains__):
            layer, kind = what
            with self._derived_lock:
                if self._derived_layer != layer:
                    self._derived = {}  # free the previous layer's before computing this one's
                    self._derived_layer = layer
                if name not in self._derived:
                    self._derived.update(derive_group(self.model.adapter, layer, kind, self._resolve))
                return self._derived[name]
        raise KeyError(
            f"{name!r} was not captured; captured: {len(self.cache)} names such as "
            f"{', '.join(list(self.cache)[:4])} (pass capture='all')"
        )

    def _resolve(self, name: str) -> torch.Tensor:
        """A derivation's input: stored, held, or computed now and not kept (the one-layer slot keeps what was
        asked for, not what it was computed from). Called under ``_derived_lock``."""
        stored = self.cache.get(name)
        if stored is not None:
            return stored
        held = self._derived.get(name)
        if held is not None:
            return held
        what = derivable(name)
        assert what is not None, name
        layer, kind = what
        return derive_group(self.model.adapter, layer, kind, self._resolve)[name]

    def __contains__(self, name: object) -> bool:
        if name in self.cache or (name == "logits" and self._logits_derivable):
            return True
        what = derivable(name) if isinstance(name, str) else None
        return what is not None and can_derive(self.model.adapter, *what, self.cache.__contains__, self.__contains__)

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def __len__(self) -> int:
        return len(self.names())

    def names(self) -> list[str]:
        """Stored names, then those computed on access (see docs/trace-format.md)."""
        lazy_logits = ["logits"] if self._logits_derivable else []
        derived = derived_names(self.model.adapter, self.cache.__contains__, self.__contains__)
        return list(self.cache) + lazy_logits + derived

    @property
    def _logits_derivable(self) -> bool:
        return "logits" not in self.cache and "ln_final.hook_normalized" in self.cache

    @property
    def nbytes(self) -> int:
        """Bytes of every tensor this trace holds now: the stored ones, the derived ones it keeps, and every
        position's logits once they have been asked for."""
        total = sum(t.numel() * t.element_size() for t in self.cache.values())
        total += sum(t.numel() * t.element_size() for t in self._derived.values())
        if self._logits is not None and "logits" not in self.cache:
            total += self._logits.numel() * self._logits.element_size()
        return total

    @property
    def n_pos(self) -> int:
        return len(self.token_ids)

    @property
    def logits(self) -> torch.Tensor:
        """[pos, d_vocab]: stored, or (default capture) unembedded from ``ln_final.hook_normalized`` on first access
        and kept."""
        if self._logits is None:
            if not self._logits_derivable:
                raise KeyError("'logits' was not captured and ln_final.hook_normalized was not stored")
            with self._derived_lock, torch.no_grad():
                if self._logits is None:
                    self._logits = _unembed(self.model, self.cache["ln_final.hook_normalized"])
        return self._logits

    def logits_at(self, pos: int = -1) -> torch.Tensor:
        """[d_vocab]: the logits at one position, unembedding that position alone when every position's have not
        been asked for (a prediction reads one row, not the 1 GB of a 2,048-token prompt's every row)."""
        if self._logits is not None:
            return self._logits[pos]
        if not -self.n_pos <= pos < self.n_pos:
            raise IndexError(f"position {pos} is outside the trace's {self.n_pos} positions")
        with torch.no_grad():
            xf = self.cache["ln_final.hook_normalized"]
            return _unembed(self.model, xf[pos].unsqueeze(0))[0]

    def probs(self, pos: int = -1) -> torch.Tensor:
        """Softmax of the logits at one position [d_vocab], float32, over the full vocabulary."""
        return torch.softmax(self.logits_at(pos).float(), dim=-1)

    def top_next(self, k: int = 10, pos: int = -1) -> list[TopToken]:
        logits = self.logits_at(pos)
        probs = torch.softmax(logits.float(), dim=-1)
        values, ids = torch.topk(probs, min(k, probs.numel()))
        infos = token_infos(self.model.tokenizer, ids.tolist())
        return [
            TopToken(token=info, prob=float(p), logit=float(logits[i]))
            for info, p, i in zip(infos, values.tolist(), ids.tolist(), strict=True)
        ]

    # --- analyses ----------------------------------------------------------------------------------------
    def logit_lens_probs(self, positions: Sequence[int] | None = None) -> torch.Tensor:
        """[layer, pos, d_vocab]: row 0 is the embedding output, row l + 1 the residual after block l."""
        return _lens.lens_probs(self, positions)

    def logit_lens(self, positions: Sequence[int] | None = None, k: int = 5) -> LogitLens:
        """What each layer would predict at each position: its residual through the model's own final norm
        (with that residual's own statistics) and the unembedding; top-k tokens with probabilities."""
        return _lens.logit_lens(self, positions, k)

    def direct_logit_attribution(self, target_token: int | str, pos: int = -1) -> DirectLogitAttribution:
        """Each head's, each MLP's and the embeddings' direct contribution to one token's logit.

        See :mod:`glassbox.analysis.dla` for the exact convention (the final norm's 1/σ is frozen)."""
        return _dla.direct_logit_attribution(self, target_token, pos)

    # --- payloads -----------------------------------------------------------------------------------------
    def slice(
        self,
        name: str,
        *,
        head: int | None = None,
        positions: Sequence[int] | None = None,
        dtype: Literal["float32", "float16"] = "float32",
    ) -> TensorPayload:
        """A compact payload of one activation, optionally one head and some positions."""
        t = self[name]
        dims = dims_of(name)
        if head is not None:
            axis = dims.index("head") if "head" in dims else dims.index("kv_head") if "kv_head" in dims else None
            if axis is None:
                raise InvalidInputError(f"{name} has no head axis")
            if dims[axis] == "kv_head":
                layer = re.match(r"blocks\.(\d+)\.", name)
                head = self.model.adapter.kv_head_of(head, int(layer.group(1)) if layer else None)
            t = t.select(axis, head)
            dims.pop(axis)
        if positions is not None:
            idx = torch.tensor(list(positions), device=t.device)
            axis = next((i for i, d in enumerate(dims) if d in ("pos", "query_pos")), None)
            if axis is None:
                raise InvalidInputError(f"{name} has no position axis")
            t = t.index_select(axis, idx)
        return tensor_payload(t, dims, dtype)

    def summary(self, k: int = 10, lens_k: int = 3) -> TraceSummary:
        return TraceSummary(
            model=self.model.info,
            prompt=self.prompt,
            tokens=self.tokens,
            captured=self.names(),
            next_token=self.top_next(k),
            logit_lens=self.logit_lens(k=lens_k),
            last_logits=tensor_payload(self.logits_at(-1), ["d_vocab"]),
        )

    def __repr__(self) -> str:
        return f"Trace({self.model.name!r}, {self.n_pos} tokens, {len(self.cache)} activations)"


def _unembed(model: LoadedModel, x: torch.Tensor) -> torch.Tensor:
    """The unembedding of ``x`` (kept on the trace's device), computed where the unembedding's weights are."""
    placement = model.adapter.placement
    if not placement.split:  # (a cached placement is only relied on for a device-mapped model, which never moves)
        return model.adapter.unembed(x)
    return model.adapter.unembed(x.to(placement.final)).to(placement.home)


def trace(
    model: LoadedModel,
    prompt: str | None = None,
    token_ids: Sequence[int] | None = None,
    capture: CaptureArg = "default",
    truncate: Truncate = None,
) -> Trace:
    """Run one forward pass and keep the activations ``capture`` selects.

    Args:
        model: from :func:`glassbox.load_model`.
        prompt: text to tokenize (a beginning-of-text token is prepended when the model uses one), or
        token_ids: the exact ids to run.
        capture: ``"default"`` (everything; the largest kinds — per-head results, attention scores and
            patterns, the MLP's neurons, ``hook_resid_mid``, the block norms' outputs — are recomputed exactly, one
            layer at a time, on access instead of stored: see docs/python-api.md), ``"all"`` (everything stored),
            ``"residual"``, ``"attention"``, ``"none"``, or glob patterns over canonical names, e.g.
            ``["blocks.*.attn.hook_pattern"]``. ``logits`` is always there: stored, or with the default capture
            unembedded on access (``Trace.logits`` every position, ``Trace.logits_at`` one).
        truncate: ``None`` (default) refuses more tokens than the model's context with
            :class:`~glassbox.errors.PromptTooLongError`; ``"left"`` keeps the last ``n_ctx`` tokens and records
            how many were dropped in ``Trace.dropped_tokens``.
    """
    if (prompt is None) == (token_ids is None):
        raise InvalidInputError("pass exactly one of prompt= or token_ids=")
    if isinstance(prompt, list):  # trace(model, [1, 2, 3]) reads naturally; accept it
        prompt, token_ids = None, prompt
    dropped = 0
    if prompt is not None:
        ids, dropped = encode_truncated(model, prompt, truncate)
    else:
        raw = [int(i) for i in token_ids or []]
        n_ctx = model.info.n_ctx
        raw, dropped = truncate_ids(raw, n_ctx, truncate, why=f"the model's context of {n_ctx} tokens")
        ids = check_ids(model, raw)
    keep = capture_filter(capture)
    with model.lock:  # the default capture unembeds positions on access (Trace.logits, Trace.logits_at)
        cache = run_forward(model, ids, keep, logits=capture not in (None, "default"))
    result = Trace(model, ids, cache, prompt)
    result.dropped_tokens = dropped
    return result
