"""Attribution graphs: exactness of the local replacement model and of every edge, pruning, files, the CLI.

Transcoders are random (seeded) and saved in circuit-tracer's format where a file is needed: exactness must hold
for any transcoders, and a trained set would only make the graphs smaller. Tolerances are float32's: a sum of
direct effects may differ from the value it decomposes by at most 1e-6 of the sum of the effects' magnitudes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import torch

from glassbox.errors import InvalidInputError
from glassbox.graph.engine import AttributionGraph, attribution_graph, salient_logits
from glassbox.graph.files import circuit_tracer_json, graph_payload
from glassbox.graph.prune import find_threshold, prune
from glassbox.graph.replacement import Frozen, forward, frozen_weights, real_pass
from glassbox.models.loading import LoadedModel
from glassbox.models.tokens import encode
from glassbox.schema.graph import AttributionGraphPayload, CircuitTracerGraph
from glassbox.testing import GRAPH_MODEL_TYPES
from glassbox.transcoders import TranscoderSet, random_transcoders, save_transcoders

PROMPT = "The capital of France is Paris. When Mary"
REL = 1e-6


def _model(tiny_models: dict[str, object], family: str) -> LoadedModel:
    m = tiny_models[family]
    assert isinstance(m, LoadedModel)
    return m


def _ts(m: LoadedModel, d_tc: int = 32, **kw: Any) -> TranscoderSet:
    a = m.adapter
    return random_transcoders(a.n_layers, a.d_model, d_tc, seed=1, jumprelu=True, skip=True, **kw)


_GRAPHS: dict[str, tuple[AttributionGraph, TranscoderSet]] = {}


def _graph(tiny_models: dict[str, object], family: str) -> tuple[AttributionGraph, TranscoderSet]:
    if family not in _GRAPHS:
        m = _model(tiny_models, family)
        ts = _ts(m)
        _GRAPHS[family] = (attribution_graph(m, PROMPT, ts), ts)
    return _GRAPHS[family]


def _frozen_run(m: LoadedModel, ts: TranscoderSet, ids: list[int], tok: torch.Tensor, writes: list[torch.Tensor],
                fr: Frozen | None = None):  # type: ignore[no-untyped-def]  # fmt: skip
    fr = fr or real_pass(m, ts, ids)
    with torch.no_grad(), frozen_weights(m):
        return forward(m, ts, ids, "frozen", frozen=fr, tok=tok[None], writes=[w[None] for w in writes])


def _clean_writes(m: LoadedModel, ts: TranscoderSet, ids: list[int]) -> tuple[torch.Tensor, list[torch.Tensor]]:
    fr = real_pass(m, ts, ids)
    tok = m.adapter.embed(torch.tensor(ids)).float()
    return tok, [fr.mlp_out[layer] - ts[layer].skip(fr.tc_in[layer]) for layer in range(len(ts))]


@pytest.mark.parametrize("family", GRAPH_MODEL_TYPES)
def test_replacement_with_errors_reproduces_the_model(family: str, tiny_models: dict[str, object]) -> None:
    """(c) The real pass equals the plain Hugging Face forward, and the local replacement model — attention
    patterns and norm scales frozen, each MLP = skip + features + b_dec + error — gives the same logits."""
    m = _model(tiny_models, family)
    ts = _ts(m)
    ids = encode(m, PROMPT)
    fr = real_pass(m, ts, ids)
    with torch.no_grad():
        hf = m.hf(input_ids=torch.tensor([ids])).logits[0].float()
    torch.testing.assert_close(fr.logits, hf, rtol=0, atol=1e-4)
    tok, writes = _clean_writes(m, ts, ids)
    _, x_final, _ = _frozen_run(m, ts, ids, tok, writes)
    # The unembedding is linear before any soft cap: compare what it reads, and the logits. The tolerance is float32
    # rounding times the largest frozen 1/σ: a tiny random model's sublayer outputs have σ ≈ 3e-3, so the
    # post-norms of OLMo/Gemma (1/σ ≈ 300) scale a rounding of ~2e-7 relative up to ~1e-4 relative.
    scales = [s for group in (fr.ln1, fr.ln2, fr.post_attn, fr.post_mlp) for s in group if s is not None]
    tol = 2e-7 * max([1.0, float(fr.ln_final.max())] + [float(s.max()) for s in scales]) * 20
    torch.testing.assert_close(x_final[0], fr.x_final, rtol=tol, atol=tol)
    with torch.no_grad():
        torch.testing.assert_close(m.adapter.unembed(x_final[0]).float(), fr.logits, rtol=tol, atol=tol)
    # and the features + error decomposition is exact at every layer
    for layer, tc in enumerate(ts.layers):
        acts = tc.encode(fr.tc_in[layer])
        err = fr.mlp_out[layer] - tc(fr.tc_in[layer])
        torch.testing.assert_close(acts @ tc.W_dec + tc.b_dec + err, writes[layer], rtol=0, atol=1e-6)


@pytest.mark.parametrize("family", GRAPH_MODEL_TYPES)
def test_direct_effects_into_each_logit_sum_to_its_value(family: str, tiny_models: dict[str, object]) -> None:
    """(a) Before pruning, the effects of all sources on a logit node plus the part no node carries (biases,
    position embeddings, the BOS position's MLP outputs) equal that logit's demeaned value in the real model."""
    m = _model(tiny_models, family)
    g, _ = _graph(tiny_models, family)
    ids = encode(m, PROMPT)
    with torch.no_grad():
        x = real_pass(m, _ts(m), ids).x_final[-1]
        W_U = m.adapter.W_U.float()
    assert g.n_logits >= 1
    for k, tok in enumerate(g.logit_ids):
        demeaned = float(x @ (W_U[:, tok] - W_U.mean(-1)))
        assert g.logit_values[k].item() == pytest.approx(demeaned, rel=1e-5, abs=1e-6)
        row = g.row(g.logit_index(k))
        total = sum(row.values()) + float(g.logit_constants[k])
        magnitude = sum(abs(v) for v in row.values())
        assert abs(total - demeaned) <= REL * magnitude + 1e-7, (k, total, demeaned)


def test_without_biases_the_sources_are_the_whole_logit(tiny_models: dict[str, object]) -> None:
    """A Llama-type model has no biases and no position embeddings; with b_dec = 0 and no BOS position left
    out, nothing but the nodes writes into the stream: the logit is exactly the sum of its edges."""
    m = _model(tiny_models, "llama")
    ts = _ts(m)
    for tc in ts.layers:
        tc.b_dec.zero_()
    ids = encode(m, PROMPT)[1:]  # no beginning-of-text token
    g = attribution_graph(m, ids, ts, zero_bos=False)
    assert not g.bos_zeroed
    for k in range(g.n_logits):
        row = g.row(g.logit_index(k))
        magnitude = sum(abs(v) for v in row.values())
        assert abs(float(g.logit_constants[k])) <= REL * magnitude  # float32 rounding of error = real − recon only
        assert abs(sum(row.values()) - float(g.logit_values[k])) <= REL * magnitude


@pytest.mark.parametrize("family", ["gpt2", "llama", "olmo2", "cohere"])
def test_edges_equal_the_effect_of_perturbing_the_source(family: str, tiny_models: dict[str, object]) -> None:
    """(b) An edge's weight is what adding the source's output once more changes in the target, measured by a
    forward pass of the frozen replacement model (a direct path: later MLPs pass only their skip connection)."""
    m = _model(tiny_models, family)
    g, ts = _graph(tiny_models, family)
    ids = encode(m, PROMPT)
    tok, writes = _clean_writes(m, ts, ids)
    fr = real_pass(m, ts, ids)
    tc_in0, x0, _ = _frozen_run(m, ts, ids, tok, writes, fr)
    logit_vecs = salient_logits(fr.logits[-1], m.adapter.W_U)[2]
    last = m.adapter.n_layers - 1
    feats = g.features.tolist()
    targets = [*[i for i, (layer, _, _) in enumerate(feats) if layer == last][:3], g.logit_index(0)]
    checked = 0
    for t in targets:
        row = g.row(t)
        strongest = sorted(row, key=lambda s: -abs(row[s]))[:4]
        for s in strongest:
            tok1, writes1 = tok.clone(), [w.clone() for w in writes]
            if s < g.n_features:
                layer, pos, f = feats[s]
                writes1[layer][pos] += float(g.activations[s]) * ts[layer].W_dec[f]
            elif s < g.token_offset:
                layer, pos = divmod(s - g.error_offset, g.n_pos)
                writes1[layer][pos] += fr.mlp_out[layer][pos] - ts[layer](fr.tc_in[layer][pos])
            else:
                pos = s - g.token_offset
                tok1[pos] += tok[pos]
            tc_in1, x1, _ = _frozen_run(m, ts, ids, tok1, writes1, fr)
            if t < g.n_features:
                layer, pos, f = feats[t]
                enc = ts[layer].W_enc[f]
                effect = float((tc_in1[layer][0, pos] - tc_in0[layer][0, pos]) @ enc)
            else:
                effect = float((x1[0, -1] - x0[0, -1]) @ logit_vecs[t - g.logit_offset])
            assert effect == pytest.approx(row[s], rel=1e-3, abs=1e-5), (t, s)
            checked += 1
    assert checked >= 4


def test_no_active_feature_leaves_errors_carrying_everything(tiny_models: dict[str, object]) -> None:
    m = _model(tiny_models, "gpt2")
    ts = _ts(m)
    for tc in ts.layers:
        tc.b_enc.fill_(-1e4)  # nothing fires
    g = attribution_graph(m, PROMPT, ts)
    assert g.n_features == 0
    assert float(g.node_influence[g.error_offset : g.token_offset].sum()) > 0  # the errors carry the MLPs now
    for k in range(g.n_logits):
        row = g.row(g.logit_index(k))
        total = sum(row.values()) + float(g.logit_constants[k])
        assert abs(total - float(g.logit_values[k])) <= REL * sum(abs(v) for v in row.values()) + 1e-7
    with pytest.raises(InvalidInputError, match="between 0 and 1"):
        attribution_graph(m, PROMPT, ts, node_threshold=1.5)


def test_bos_position_has_no_feature_or_error_nodes(tiny_models: dict[str, object]) -> None:
    g, _ = _graph(tiny_models, "gpt2")
    assert g.bos_zeroed
    assert not bool((g.features[:, 1] == 0).any())
    bos_errors = {g.error_index(layer, 0) for layer in range(g.n_layers)}
    assert not bos_errors & set(g.sources.tolist())
    assert g.error_index(0, 1) in set(g.sources.tolist())  # other positions' errors are there


def test_logit_targets_are_the_top_tokens_to_cumulative_probability() -> None:
    logits = torch.log(torch.tensor([0.5, 0.3, 0.12, 0.05, 0.03]))
    W_U = torch.eye(5)
    ids, probs, vecs = salient_logits(logits, W_U, desired_logit_prob=0.95)  # 0.92 < 0.95 ≤ 0.97: four tokens
    assert ids.tolist() == [0, 1, 2, 3] and probs.sum().item() == pytest.approx(0.97)
    assert salient_logits(logits, W_U, desired_logit_prob=0.9)[0].tolist() == [0, 1, 2]
    torch.testing.assert_close(vecs[0], W_U[:, 0] - 0.2)  # demeaned over the vocabulary
    ids, _, _ = salient_logits(logits, W_U, max_n_logits=2)
    assert ids.tolist() == [0, 1]
    flat = torch.zeros(50)
    assert len(salient_logits(flat, torch.eye(50))[0]) == 10  # at most 10


# --- pruning and scores: against a dense transcription of circuit-tracer's published algorithm --------------


def _dense(g: AttributionGraph) -> torch.Tensor:
    A = torch.zeros(g.n_nodes, g.n_nodes, dtype=torch.float64)
    A[g.targets, g.sources] = g.weights.double()
    return A


def _dense_influence(A: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    N = A.abs() / A.abs().sum(1, keepdim=True).clamp(min=1e-10)
    cur = w @ N
    total = cur.clone()
    while bool(cur.any()):
        cur = cur @ N
        total += cur
    return total


def _dense_prune(g: AttributionGraph, nt: float, et: float) -> tuple[torch.Tensor, torch.Tensor]:
    A = _dense(g)
    w = torch.zeros(g.n_nodes, dtype=torch.float64)
    w[g.logit_offset :] = g.logit_probs.double()
    infl = _dense_influence(A, w)
    node = infl >= find_threshold(infl, nt)
    node[g.token_offset :] = True
    P = A.clone()
    P[~node] = 0
    P[:, ~node] = 0
    Np = P.abs() / P.abs().sum(1, keepdim=True).clamp(min=1e-10)
    scores = Np * (_dense_influence(P, w) + w)[:, None]
    edge = scores >= find_threshold(scores[scores > 0], et)
    edge &= scores > 0
    while True:
        old = node.clone()
        node[: g.token_offset] &= edge[:, : g.token_offset].any(0)
        node[: g.n_features] &= edge[: g.n_features].any(1)
        edge[~node] = False
        edge[:, ~node] = False
        if bool((node == old).all()):
            return node, edge


@pytest.mark.parametrize("thresholds", [(0.8, 0.98), (0.5, 0.9), (0.95, 0.995)])
def test_pruning_matches_the_dense_algorithm_and_keeps_its_share(
    thresholds: tuple[float, float], tiny_models: dict[str, object]
) -> None:
    """(d) The sparse pruning keeps exactly the nodes and edges the dense algorithm keeps, and the nodes chosen
    by influence carry at least ``node_threshold`` of all influence (and no smaller set of them would)."""
    g, _ = _graph(tiny_models, "llama")
    nt, et = thresholds
    res = prune(g, nt, et)
    node, edge = _dense_prune(g, nt, et)
    assert torch.equal(res.node_mask, node)
    assert torch.equal(res.edge_mask, edge[g.targets, g.sources])
    infl = g.node_influence
    chosen = infl >= find_threshold(infl, nt)
    share = float(infl[chosen].sum() / infl.sum())
    assert share >= nt - 1e-9
    smallest = float(infl[chosen].min())
    assert share - smallest / float(infl.sum()) < nt + 1e-9
    assert bool(res.node_mask[g.token_offset :].all())  # tokens and logits always stay
    kept_edges = res.edge_mask
    assert bool(res.node_mask[g.targets[kept_edges]].all()) and bool(res.node_mask[g.sources[kept_edges]].all())


def test_scores_match_the_dense_definition(tiny_models: dict[str, object]) -> None:
    g, _ = _graph(tiny_models, "llama")
    A = _dense(g)
    w = torch.zeros(g.n_nodes, dtype=torch.float64)
    w[g.logit_offset :] = g.logit_probs.double()
    infl = _dense_influence(A, w)
    tok = infl[g.token_offset : g.logit_offset].sum()
    err = infl[g.error_offset : g.token_offset].sum()
    N = A.abs() / A.abs().sum(1, keepdim=True).clamp(min=1e-10)
    out = infl + w
    completeness = ((1 - N[:, g.error_offset : g.token_offset].sum(1)) * out).sum() / out.sum()
    assert g.replacement_score == pytest.approx(float(tok / (tok + err)), abs=1e-9)
    assert g.completeness_score == pytest.approx(float(completeness), abs=1e-9)
    assert 0 < g.replacement_score < 1 and 0 < g.completeness_score <= 1


# --- files ---------------------------------------------------------------------------------------------------


def test_circuit_tracer_json_has_its_ids_and_validates(tiny_models: dict[str, object]) -> None:
    g, _ = _graph(tiny_models, "gpt2")
    doc = circuit_tracer_json(g, "t")
    back = CircuitTracerGraph.model_validate_json(doc.model_dump_json())
    assert back == doc
    data = json.loads(doc.model_dump_json())
    assert set(data) == {"metadata", "qParams", "nodes", "links", "scores"}
    ids = {n["node_id"]: n for n in data["nodes"]}
    n_layers = g.n_layers
    for n in data["nodes"]:
        kind, parts = n["feature_type"], n["node_id"].split("_")
        if kind == "embedding":
            assert parts[0] == "E" and int(parts[1]) == g.input_ids[int(parts[2])]
        elif kind == "logit":
            assert parts[0] == str(n_layers + 1) and int(parts[1]) in g.logit_ids and int(parts[2]) == g.n_pos - 1
        elif kind == "mlp reconstruction error":
            assert parts[0] == "0" and int(parts[1]) < n_layers and n["feature"] == -1
        else:
            layer, f, pos = map(int, parts)
            assert g.feature_index(layer, pos, f) >= 0
    assert sum(1 for n in data["nodes"] if n["feature_type"] == "embedding") == g.n_pos
    assert sum(1 for n in data["nodes"] if n["is_target_logit"]) == 1
    for link in data["links"]:
        assert link["source"] in ids and link["target"] in ids
    assert data["scores"] == {"replacement": g.replacement_score, "completeness": g.completeness_score}


def test_glassbox_payload_has_unique_ids(tiny_models: dict[str, object]) -> None:
    g, _ = _graph(tiny_models, "llama")
    p = graph_payload(g)
    AttributionGraphPayload.model_validate_json(p.model_dump_json())
    ids = [n.id for n in p.nodes]
    assert len(ids) == len(set(ids)) == int(g.node_mask.sum())
    assert {e.source for e in p.edges} <= set(ids)


def test_graph_command_writes_a_valid_file(
    tmp_path: Path, tiny_dir: dict[str, Path], tiny_models: dict[str, object]
) -> None:
    from typer.testing import CliRunner

    from glassbox.cli import app

    m = _model(tiny_models, "llama")
    folder = save_transcoders(_ts(m), tmp_path / "tc")
    out = tmp_path / "g.json"
    args = ["graph", "--prompt", PROMPT, "--model", str(tiny_dir["llama"]), "--transcoders", str(folder)]
    result = CliRunner().invoke(app, [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    doc = CircuitTracerGraph.model_validate_json(out.read_text(encoding="utf-8"))
    assert doc.metadata.prompt == PROMPT and doc.metadata.slug == "g"
    assert "replacement score" in result.output
    mine = tmp_path / "mine.json"
    assert CliRunner().invoke(app, [*args, "--out", str(mine), "--format", "glassbox"]).exit_code == 0
    assert AttributionGraphPayload.model_validate_json(mine.read_text(encoding="utf-8")).kind == "attribution_graph"
    narrow = save_transcoders(random_transcoders(m.adapter.n_layers, m.adapter.d_model // 2, 8), tmp_path / "narrow")
    bad = CliRunner().invoke(app, ["graph", "--prompt", PROMPT, "--model", str(tiny_dir["llama"]),
                                   "--transcoders", str(narrow), "--out", str(out)])  # fmt: skip
    assert isinstance(bad.exception, InvalidInputError)  # main() prints it as one line (tests/integration/test_cli.py)
    assert "the transcoders read d_model=32" in str(bad.exception)
