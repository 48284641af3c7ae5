"""Attribution graphs: circuit-tracer's method on glassbox's own forward pass.

For a prompt, the *local replacement model* (:mod:`glassbox.graph.replacement`, ``frozen`` mode) fixes every
attention pattern and every norm's 1/σ at their values in the real pass, and replaces each MLP's output by
``skip(x) + Σ_f a_f · W_dec[f] + b_dec + e``: the transcoder's active features ``a_f``, its decoder bias and an
*error* ``e`` = real MLP output − transcoder output, so the replacement reproduces the real model exactly. Given
the sources (features, errors, token embeddings) it is linear, so a source's *direct effect* on a target is

    A[t, s] = v_t · J_{t←s} · o_s

where ``o_s`` is what the source writes (``a_s W_dec[s]``, the error vector, or the token's embedding), ``J`` the
Jacobian of the frozen model from the source's write site to the target's read site, and ``v_t`` what the target
reads with (the feature's encoder row ``W_enc[t]``, or a logit's demeaned unembedding column
``W_U[:, tok] − mean_v W_U[:, v]``). One backward pass from a batch of targets gives ``v_t · J`` at every write
site at once (a vector–Jacobian product per target); dotting with every source's ``o_s`` gives the target's row.
Only rows of targets (features and logits) exist: no square matrix of all nodes is ever built, and each row keeps
only its nonzero entries (a source later in the sequence, or at the same or a later layer, has no direct effect).

With a cross-layer transcoder (:mod:`glassbox.transcoders.clt`) a feature of layer ``i`` writes ``a_s W_dec_i[s, t]``
to every MLP output ``t ≥ i``, and its direct effect is the sum of the effects through each of those writes:
``A[t, s] = Σ_{l ≥ i} v_t · J_{t←l} · a_s W_dec_i[s, l − i]``, the write sites at or above the target's layer
contributing nothing. A layer's error is its real MLP output minus what the decoders of every layer up to it write.

Nodes, in circuit-tracer's order: active features sorted by (layer, position, feature); one error per (layer,
position); one token per position; the logit targets (the most likely next tokens until their probabilities add
up to ``desired_logit_prob``, at most ``max_n_logits``). The beginning-of-text position gets no feature or error
nodes (its MLP outputs stay in the model, as constants).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import torch

from glassbox.errors import InvalidInputError, ModelNotFoundError
from glassbox.graph import prune as prune_mod
from glassbox.graph.replacement import Frozen, check_compatible, forward, frozen_weights, real_pass
from glassbox.transcoders.format import TranscoderSet, load_transcoders

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel

Progress = Callable[[int, int], None]
"""``progress(done, total)``: called after each backward batch (targets attributed so far, targets in all)."""


@dataclass
class AttributionGraph:
    """An attribution graph and everything the page's pruning slider needs (every node's influence, all edges).

    Node index ``i`` runs over ``[features | errors (layer-major) | tokens | logits]``; ``adjacency`` holds the
    nonzero direct effects as coordinate lists ``(target, source, weight)``."""

    prompt: str
    input_ids: list[int]
    input_tokens: list[str]
    model_name: str
    n_layers: int
    d_transcoder: int
    scan: str | None
    features: torch.Tensor  # [F, 3] long: layer, pos, feature index
    activations: torch.Tensor  # [F]
    logit_ids: list[int]
    logit_tokens: list[str]
    logit_probs: torch.Tensor  # [K]
    #: each logit target's demeaned value in the real model, ``x_final[-1] · v_t``
    logit_values: torch.Tensor  # [K]
    #: the part of each demeaned logit no node accounts for: biases, position embeddings, the BOS position's MLPs
    logit_constants: torch.Tensor  # [K]
    targets: torch.Tensor  # [E] long: row (target node)
    sources: torch.Tensor  # [E] long: column (source node)
    weights: torch.Tensor  # [E] float32
    bos_zeroed: bool
    node_influence: torch.Tensor = field(default_factory=lambda: torch.zeros(0))
    node_threshold: float = 0.8
    edge_threshold: float = 0.98
    node_mask: torch.Tensor = field(default_factory=lambda: torch.zeros(0, dtype=torch.bool))
    edge_mask: torch.Tensor = field(default_factory=lambda: torch.zeros(0, dtype=torch.bool))
    cumulative_scores: torch.Tensor = field(default_factory=lambda: torch.zeros(0))
    replacement_score: float = 0.0
    completeness_score: float = 0.0

    @property
    def n_pos(self) -> int:
        return len(self.input_ids)

    @property
    def n_features(self) -> int:
        return int(self.features.shape[0])

    @property
    def n_logits(self) -> int:
        return len(self.logit_ids)

    @property
    def error_offset(self) -> int:
        return self.n_features

    @property
    def token_offset(self) -> int:
        return self.n_features + self.n_layers * self.n_pos

    @property
    def logit_offset(self) -> int:
        return self.token_offset + self.n_pos

    @property
    def n_nodes(self) -> int:
        return self.logit_offset + self.n_logits

    def error_index(self, layer: int, pos: int) -> int:
        return self.error_offset + layer * self.n_pos + pos

    def token_index(self, pos: int) -> int:
        return self.token_offset + pos

    def logit_index(self, k: int) -> int:
        return self.logit_offset + k

    def feature_index(self, layer: int, pos: int, feature: int) -> int:
        hit = (
            (self.features[:, 0] == layer) & (self.features[:, 1] == pos) & (self.features[:, 2] == feature)
        ).nonzero()
        if hit.numel() == 0:
            raise KeyError(f"feature {feature} is not active at layer {layer}, position {pos}")
        return int(hit[0, 0])

    def edge(self, target: int, source: int) -> float:
        """The direct effect of node ``source`` on node ``target`` (0 where there is none)."""
        hit = ((self.targets == target) & (self.sources == source)).nonzero()
        return float(self.weights[hit[0, 0]]) if hit.numel() else 0.0

    def row(self, target: int) -> dict[int, float]:
        sel = self.targets == target
        return dict(zip(self.sources[sel].tolist(), self.weights[sel].tolist(), strict=True))

    def prune(self, node_threshold: float = 0.8, edge_threshold: float = 0.98) -> prune_mod.PruneResult:
        """circuit-tracer's influence pruning at other thresholds (the graph keeps every edge)."""
        return prune_mod.prune(self, node_threshold, edge_threshold)


def salient_logits(
    logits: torch.Tensor, W_U: torch.Tensor, *, max_n_logits: int = 10, desired_logit_prob: float = 0.95
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The fewest most likely tokens whose probabilities add up to ``desired_logit_prob`` (at most
    ``max_n_logits``): ids [K], probabilities [K], demeaned unembedding vectors [K, d_model]."""
    probs = torch.softmax(logits.float(), dim=-1)
    top_p, top_idx = probs.topk(min(max_n_logits, probs.shape[-1]))
    cutoff = int(torch.searchsorted(top_p.cumsum(0), torch.tensor(desired_logit_prob))) + 1
    top_p, top_idx = top_p[:cutoff], top_idx[:cutoff]
    W = W_U.float()
    demeaned = W[:, top_idx] - W.mean(dim=-1, keepdim=True)
    return top_idx, top_p, demeaned.T.contiguous()


def chosen_logit(
    logits: torch.Tensor, W_U: torch.Tensor, token_id: int
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """One logit target, ``token_id``, with its probability and demeaned unembedding vector (as
    :func:`salient_logits` returns them): what the page's logit picker traces."""
    probs = torch.softmax(logits.float(), dim=-1)
    idx = torch.tensor([token_id], dtype=torch.long, device=logits.device)
    W = W_U.float()
    demeaned = W[:, idx] - W.mean(dim=-1, keepdim=True)
    return idx, probs[idx], demeaned.T.contiguous()


def resolve_transcoders(model: LoadedModel, transcoders: TranscoderSet | str | Path | None) -> TranscoderSet:
    """A :class:`TranscoderSet` as given, a folder's, or the model's own (``transcoders/`` beside its weights)."""
    if isinstance(transcoders, TranscoderSet):
        return transcoders
    if transcoders is not None:
        return load_transcoders(transcoders)
    own = model.path / "transcoders" if model.path is not None else None
    if own is not None and (own / "config.yaml").is_file():
        return load_transcoders(own)
    raise ModelNotFoundError(
        f"no transcoders for {model.name}: pass transcoders= (a folder in circuit-tracer's format), or train some "
        "with `glassbox transcoders train`"
    )


def _is_bos(model: LoadedModel, token_id: int) -> bool:
    special = set(getattr(model.tokenizer, "all_special_ids", []) or [])
    bos = getattr(model.tokenizer, "bos_token_id", None)
    return token_id in special or (bos is not None and token_id == bos)


@dataclass
class _Sources:
    """Every source node's output vector, grouped by where it writes."""

    feat_layer: torch.Tensor  # [F]
    feat_pos: torch.Tensor  # [F]
    feat_idx: torch.Tensor  # [F]
    acts: torch.Tensor  # [F]
    encoders: torch.Tensor  # [F, d_model]: W_enc[s]
    errors: torch.Tensor  # [n_layers, pos, d_model]
    tokens: torch.Tensor  # [pos, d_model]
    writes: list[torch.Tensor]  # per layer [pos, d_model]: what the MLP writes besides the skip (the real pass)
    explained: list[torch.Tensor]  # per layer [pos, d_model]: the part of writes that nodes carry (features+error)


def _sources(model: LoadedModel, ts: TranscoderSet, ids: Sequence[int], fr: Frozen, zero_bos: bool) -> _Sources:
    """Features, errors and tokens. A layer's error is its real MLP output minus everything the transcoders write
    there: for a cross-layer transcoder, the decoders of every layer up to it (``ts.reconstruct``)."""
    layers, poss, idxs, vals, encs, errs, writes, explained = [], [], [], [], [], [], [], []
    all_acts: list[torch.Tensor] = []
    for layer, tc in enumerate(ts.layers):
        x = fr.tc_in[layer]
        acts = tc.encode(x)
        if zero_bos:
            acts[0] = 0
        all_acts.append(acts)
        err = fr.mlp_out[layer] - ts.reconstruct(layer, all_acts, x)
        if zero_bos:
            err[0] = 0
        pos, feat = acts.nonzero(as_tuple=True)  # row-major: sorted by position, then feature
        v = acts[pos, feat]
        layers.append(torch.full_like(pos, layer))
        poss.append(pos)
        idxs.append(feat)
        vals.append(v)
        encs.append(tc.W_enc[feat])
        errs.append(err)
        writes.append(fr.mlp_out[layer] - tc.skip(x))
        explained.append(ts.decode_at(layer, all_acts) + err)
    tok_ids = torch.tensor(list(ids), dtype=torch.long, device=model.device)
    return _Sources(
        feat_layer=torch.cat(layers),
        feat_pos=torch.cat(poss),
        feat_idx=torch.cat(idxs),
        acts=torch.cat(vals),
        encoders=torch.cat(encs),
        errors=torch.stack(errs),
        tokens=model.adapter.embed(tok_ids).float(),
        writes=writes,
        explained=explained,
    )


def attribution_graph(
    model: LoadedModel,
    prompt: str | Sequence[int],
    transcoders: TranscoderSet | str | Path | None = None,
    *,
    max_n_logits: int = 10,
    desired_logit_prob: float = 0.95,
    batch_size: int = 64,
    node_threshold: float = 0.8,
    edge_threshold: float = 0.98,
    zero_bos: bool | None = None,
    progress: Progress | None = None,
    logit_token_id: int | None = None,
) -> AttributionGraph:
    """The attribution graph of ``prompt``'s next token (see the module docstring for the method).

    ``prompt``: text (encoded as every glassbox view encodes it, with the beginning-of-text token where the model
    has one) or token ids. ``transcoders``: a :class:`TranscoderSet`, a folder in circuit-tracer's format, or
    None for the model's own (a ``transcoders/`` folder beside its weights). ``zero_bos``: give position 0 no
    feature or error nodes (default: when it is a special token). Every active feature is attributed; the graph
    is pruned at ``node_threshold``/``edge_threshold`` (:meth:`AttributionGraph.prune` re-prunes at others).
    ``logit_token_id``: trace only that next token (one logit target, whatever its probability) instead of the
    salient ones.
    """
    from glassbox.models.tokens import check_ids, encode, readable_text

    ts = resolve_transcoders(model, transcoders)
    check_compatible(model, ts)
    if not 0 < desired_logit_prob <= 1 or max_n_logits < 1:
        raise InvalidInputError("desired_logit_prob must be in (0, 1] and max_n_logits at least 1")
    if batch_size < 1:
        raise InvalidInputError("batch_size must be at least 1")
    if not (0.0 <= node_threshold <= 1.0 and 0.0 <= edge_threshold <= 1.0):
        raise InvalidInputError("node_threshold and edge_threshold are shares of influence: between 0 and 1")
    ids = encode(model, prompt) if isinstance(prompt, str) else check_ids(model, list(prompt))
    if logit_token_id is not None and not 0 <= logit_token_id < model.info.d_vocab:
        raise InvalidInputError(
            f"logit_token_id {logit_token_id} is not a token of {model.name} (ids 0..{model.info.d_vocab - 1})"
        )
    n = len(ids)
    zb = _is_bos(model, ids[0]) if zero_bos is None else zero_bos
    a = model.adapter
    with model.lock, frozen_weights(model):
        fr = real_pass(model, ts, ids)
        with torch.no_grad():
            src = _sources(model, ts, ids, fr, zb)
            if logit_token_id is None:
                logit_ids, logit_p, logit_vecs = salient_logits(
                    fr.logits[-1], a.W_U, max_n_logits=max_n_logits, desired_logit_prob=desired_logit_prob
                )
            else:
                logit_ids, logit_p, logit_vecs = chosen_logit(fr.logits[-1], a.W_U, logit_token_id)
            logit_values = logit_vecs @ fr.x_final[-1]
            constants = _constant_part(model, ts, ids, fr, src, logit_vecs)
        rows_t, rows_s, rows_w = _attribute(model, ts, ids, fr, src, logit_vecs, batch_size, progress)
    text = prompt if isinstance(prompt, str) else readable_text(model.tokenizer, list(ids))
    graph = AttributionGraph(
        prompt=text,
        input_ids=list(ids),
        input_tokens=[readable_text(model.tokenizer, [i]) for i in ids],
        model_name=model.name,
        n_layers=a.n_layers,
        d_transcoder=ts.d_transcoder,
        scan=ts.scan_name,
        features=torch.stack([src.feat_layer, src.feat_pos, src.feat_idx], dim=1).cpu(),
        activations=src.acts.cpu(),
        logit_ids=logit_ids.tolist(),
        logit_tokens=[readable_text(model.tokenizer, [int(i)]) for i in logit_ids],
        logit_probs=logit_p.cpu(),
        logit_values=logit_values.cpu(),
        logit_constants=constants.cpu(),
        targets=rows_t,
        sources=rows_s,
        weights=rows_w,
        bos_zeroed=zb,
    )
    del n
    prune_mod.finish(graph, node_threshold, edge_threshold)
    return graph


def _constant_part(
    model: LoadedModel, ts: TranscoderSet, ids: Sequence[int], fr: Frozen, src: _Sources, logit_vecs: torch.Tensor
) -> torch.Tensor:
    """Each logit target's value in the frozen model with every source removed (no token embeddings, no features,
    no errors): what biases, position embeddings and the BOS position's MLP outputs contribute."""
    tok = torch.zeros_like(src.tokens)[None]
    writes = [(w - e)[None] for w, e in zip(src.writes, src.explained, strict=True)]
    _, x_final, _ = forward(model, ts, ids, "frozen", frozen=fr, tok=tok, writes=writes)
    return logit_vecs @ x_final[0, -1]


def _attribute(
    model: LoadedModel,
    ts: TranscoderSet,
    ids: Sequence[int],
    fr: Frozen,
    src: _Sources,
    logit_vecs: torch.Tensor,
    batch_size: int,
    progress: Progress | None,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Rows of every target (logits first, then features), each from one vector–Jacobian product, kept sparse."""
    a = model.adapter
    n = len(ids)
    n_layers = a.n_layers
    F = int(src.feat_layer.shape[0])
    K = int(logit_vecs.shape[0])
    token_offset = F + n_layers * n
    logit_offset = token_offset + n
    B = min(batch_size, F + K)
    # One forward of the frozen model with B copies of the prompt, kept for every backward pass: each row of the
    # batch carries one target's gradient. Its values are the real pass's (the deltas are zero).
    tok_delta = torch.zeros(B, n, a.d_model, device=model.device, requires_grad=True)
    write_deltas = [torch.zeros(B, n, a.d_model, device=model.device, requires_grad=True) for _ in range(n_layers)]
    tok = src.tokens[None] + tok_delta
    writes = [w[None] + d for w, d in zip(src.writes, write_deltas, strict=True)]
    tc_ins, x_final, _ = forward(model, ts, ids, "frozen", frozen=fr, tok=tok, writes=writes)
    # where each source writes: features grouped by (layer, position), with their decoder outputs a_s · W_dec side
    # by side, so a batch's feature columns are one small matmul per group (memory B × features, never
    # B × features × d_model). A cross-layer transcoder's feature writes to every later layer too: one group per
    # target layer, and its column is the sum of its effects through each (groups[target]).
    groups: list[list[tuple[int, torch.Tensor, torch.Tensor]]] = [[] for _ in range(n_layers)]
    for layer in range(n_layers):
        in_layer = src.feat_layer == layer
        for p in sorted(set(src.feat_pos[in_layer].tolist())):
            idx = (in_layer & (src.feat_pos == p)).nonzero(as_tuple=True)[0]
            for target in ts.target_layers(layer):
                dec = ts.decoder(layer, target)[src.feat_idx[idx]] * src.acts[idx, None]
                groups[target].append((int(p), idx, dec.T.contiguous()))
    # targets: (layer read at, position, reading vector, node index); logits read x_final at the last position
    t_layer = torch.cat([torch.full((K,), n_layers, dtype=torch.long), src.feat_layer.cpu()])
    t_pos = torch.cat([torch.full((K,), n - 1, dtype=torch.long), src.feat_pos.cpu()])
    t_vec = torch.cat([logit_vecs, src.encoders])
    t_node = torch.cat([torch.arange(K) + logit_offset, torch.arange(F)])
    out_t: list[torch.Tensor] = []
    out_s: list[torch.Tensor] = []
    out_w: list[torch.Tensor] = []
    total = F + K
    inputs = [tok_delta, *write_deltas]
    for start in range(0, total, B):
        sl = slice(start, min(start + B, total))
        m = sl.stop - sl.start
        lay, pos, vec = t_layer[sl], t_pos[sl], t_vec[sl]
        outputs, grads_out = [], []
        for at in sorted(set(lay.tolist())):
            sel = (lay == at).nonzero(as_tuple=True)[0]
            g = torch.zeros(B, n, a.d_model, device=model.device)
            g[sel, pos[sel]] = vec[sel]
            outputs.append(tc_ins[at] if at < n_layers else x_final)
            grads_out.append(g)
        grads = torch.autograd.grad(outputs, inputs, grads_out, retain_graph=True, allow_unused=True)
        with torch.no_grad():
            g_tok = grads[0] if grads[0] is not None else torch.zeros_like(tok_delta)
            feat_cols = torch.zeros(B, F)
            err_parts = []
            for layer in range(n_layers):
                g_l = grads[1 + layer]
                if g_l is None:
                    err_parts.append(torch.zeros(B, n))
                    continue
                for p, idx, dec_t in groups[layer]:
                    feat_cols[:, idx] += g_l[:, p, :] @ dec_t
                err_parts.append(torch.einsum("bpd,pd->bp", g_l, src.errors[layer]))
            err_cols = torch.stack(err_parts, dim=1).reshape(B, n_layers * n)
            tok_cols = torch.einsum("bpd,pd->bp", g_tok, src.tokens)
            rows = torch.cat([feat_cols, err_cols, tok_cols], dim=1)[:m]  # [m, logit_offset]
            r, c = rows.nonzero(as_tuple=True)
            out_t.append(t_node[sl][r])
            out_s.append(c)
            out_w.append(rows[r, c])
        if progress is not None:
            progress(sl.stop, total)
    return torch.cat(out_t), torch.cat(out_s), torch.cat(out_w).float()
