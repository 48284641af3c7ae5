"""The Circuits view's Python side: the graph payload, feature cards and feature interventions.

Transcoders are random (seeded): what is checked — the payload holds the engine's pruning, cards are the real
activations, interventions are exact edits — must hold for any transcoders.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from glassbox.errors import InvalidInputError
from glassbox.graph.circuits import circuits_graph, circuits_payload, error_shares, kept_at
from glassbox.graph.engine import attribution_graph
from glassbox.graph.feature_interventions import intervene_features, next_token_probs
from glassbox.graph.files import circuit_tracer_nodes
from glassbox.graph.replacement import real_pass
from glassbox.models.loading import LoadedModel
from glassbox.models.tokens import encode, readable_text
from glassbox.schema.circuits import CircuitsGraph, FeatureInterventionSpec
from glassbox.testing import GRAPH_MODEL_TYPES
from glassbox.training.feature_cards import feature_cards
from glassbox.transcoders import TranscoderSet, random_transcoders
from glassbox.transcoders.cards import (
    FeatureOutOfRangeError,
    load_feature_cards,
    logit_direction,
    save_feature_cards,
    window_start,
)

PROMPT = "The capital of France is Paris. When Mary"


def _model(tiny_models: dict[str, object], family: str) -> LoadedModel:
    m = tiny_models[family]
    assert isinstance(m, LoadedModel)
    return m


def _ts(m: LoadedModel, d_tc: int = 32) -> TranscoderSet:
    a = m.adapter
    return random_transcoders(a.n_layers, a.d_model, d_tc, seed=3, jumprelu=True, skip=True)


# --- the graph payload ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("family", ["gpt2", "llama"])
def test_payload_holds_every_node_at_the_loosest_threshold_and_the_default_pruning(
    family: str, tiny_models: dict[str, object]
) -> None:
    m = _model(tiny_models, family)
    ts = _ts(m)
    payload = circuits_graph(m, PROMPT, ts, node_threshold_max=0.95)
    graph = attribution_graph(m, PROMPT, ts)
    CircuitsGraph.model_validate_json(payload.model_dump_json())  # the JSON is the schema's

    keep = kept_at(graph, 0.95)
    assert len(payload.nodes) == int(keep.sum())
    assert len(payload.nodes) < graph.n_nodes  # something was left out, so the test can tell
    kinds = [n.kind for n in payload.nodes]
    assert kinds.count("token") == graph.n_pos and kinds.count("logit") == graph.n_logits
    # every unpruned edge among the kept nodes, and only those
    both = keep[graph.targets] & keep[graph.sources]
    assert len(payload.edge_weights) == int(both.sum())
    ids = [n.id for n in payload.nodes]
    sent = {(ids[s], ids[t]): w for s, t, w in zip(payload.edge_sources, payload.edge_targets, payload.edge_weights,
                                                   strict=True)}  # fmt: skip
    # the engine's default pruning is a subset of what is sent, nodes and edges
    pruned = graph.prune(0.8, 0.98)
    pruned_ids = set(payload.pruned.node_ids)
    assert pruned_ids <= set(ids)
    assert payload.pruned.edge_count == int(pruned.edge_mask.sum()) > 0
    by_index = {i: n.id for i, n in zip(keep.nonzero(as_tuple=True)[0].tolist(), payload.nodes, strict=True)}
    for t, s, w in zip(graph.targets[pruned.edge_mask].tolist(), graph.sources[pruned.edge_mask].tolist(),
                       graph.weights[pruned.edge_mask].tolist(), strict=True):  # fmt: skip
        assert sent[(by_index[s], by_index[t])] == pytest.approx(w)
    # circuit-tracer's ids, exactly as the graph file writes them
    ct = circuit_tracer_nodes(graph, [True] * graph.n_nodes, [0.0] * graph.n_nodes)
    for i, node in zip(keep.nonzero(as_tuple=True)[0].tolist(), payload.nodes, strict=True):
        assert node.ct_id == ct[i].node_id and node.ct_layer == ct[i].layer
    # error shares: one feature's by hand
    feat = next(i for i, n in enumerate(payload.nodes) if n.kind == "feature" and (n.error_share or 0) > 0)
    gi = keep.nonzero(as_tuple=True)[0][feat]
    row = graph.targets == gi
    from_err = row & (graph.sources >= graph.error_offset) & (graph.sources < graph.token_offset)
    expected = float(graph.weights[from_err].abs().sum() / graph.weights[row].abs().sum())
    assert payload.nodes[feat].error_share == pytest.approx(expected, rel=1e-5)
    assert float(error_shares(graph).max()) <= 1.0 + 1e-9
    assert payload.scores.replacement == pytest.approx(graph.replacement_score)


def test_the_logit_picker_traces_one_chosen_token(tiny_models: dict[str, object]) -> None:
    m = _model(tiny_models, "gpt2")
    ts = _ts(m)
    ids = encode(m, PROMPT)
    probs = torch.softmax(real_pass(m, ts, ids).logits[-1], dim=-1)
    token = int(probs.argsort()[-5])  # the 5th most likely: not one the default targets would pick first
    payload = circuits_graph(m, PROMPT, ts, logit_token_id=token)
    assert [t.token_id for t in payload.logit_targets] == [token]
    assert payload.logit_targets[0].prob == pytest.approx(float(probs[token]), rel=1e-5)
    logits = [n for n in payload.nodes if n.kind == "logit"]
    assert [n.token_id for n in logits] == [token] and logits[0].token == readable_text(m.tokenizer, [token])
    with pytest.raises(InvalidInputError, match="not a token"):
        circuits_graph(m, PROMPT, ts, logit_token_id=m.info.d_vocab)


def test_node_threshold_max_below_the_default_is_refused(tiny_models: dict[str, object]) -> None:
    m = _model(tiny_models, "gpt2")
    with pytest.raises(InvalidInputError, match="node_threshold_max"):
        circuits_graph(m, PROMPT, _ts(m), node_threshold_max=0.5)


# --- feature cards --------------------------------------------------------------------------------------------


def test_feature_cards_are_the_real_activations_and_survive_their_files(
    tiny_models: dict[str, object], tmp_path: Path
) -> None:
    m = _model(tiny_models, "gpt2")
    ts = _ts(m, d_tc=24)
    seen: list[tuple[int, int]] = []
    cards = feature_cards(m, ts, n_tokens=1024, seq_len=32, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] == 1024 // 32 + ts.n_layers
    save_feature_cards(cards, tmp_path)
    loaded = load_feature_cards(tmp_path)
    assert loaded is not None and loaded.labels == cards.labels and torch.equal(loaded.tokens, cards.tokens)
    layer = 1
    acts_all = []
    rows = cards.tokens.long().reshape(-1, 32)
    for row in rows.tolist():
        acts_all.append(ts[layer].encode(real_pass(m, ts, row).tc_in[layer]))
    acts = torch.cat(acts_all)
    special = torch.tensor([t in set(m.tokenizer.all_special_ids) for t in cards.tokens.tolist()])
    acts[special] = 0
    live = next(f for f in range(24) if float((acts[:, f] > 0).float().mean()) > 0.01)
    card = loaded.card(m, ts, layer, live, name="random")
    assert card.density == pytest.approx(float((acts[:, live] > 0).float().mean()), abs=1e-6)
    assert card.max_activation == pytest.approx(float(acts[:, live].max()), rel=1e-5)
    top = card.top_contexts[0]
    assert top.activations[top.peak] == pytest.approx(card.max_activation, rel=1e-2)  # float16 on disk
    peak = int(loaded.top_peak[layer][live][0])
    start = window_start(peak, 32, loaded.window, loaded.before)
    assert top.activations == pytest.approx(acts[start : start + loaded.window, live].tolist(), rel=1e-2, abs=1e-3)
    assert top.tokens == [readable_text(m.tokenizer, [t]) for t in cards.tokens[start : start + loaded.window].tolist()]
    assert len(card.quantile_examples) == 3
    nz = acts[:, live][acts[:, live] > 0]
    median = card.quantile_examples[1]
    assert median.context.activations[median.context.peak] == pytest.approx(
        float(nz.sort().values[round(0.5 * (nz.numel() - 1))]), rel=1e-2
    )
    direction = logit_direction(m, ts, layer, live)
    assert card.promoted[0].token_id == int(direction.argmax()) and card.suppressed[0].token_id == int(
        direction.argmin()
    )
    assert card.label.endswith(f'→ "{card.promoted[0].token}"') and card.label_derived
    with pytest.raises(FeatureOutOfRangeError):
        loaded.card(m, ts, layer, 24, name="random")


# --- interventions --------------------------------------------------------------------------------------------


def _active(m: LoadedModel, ts: TranscoderSet, layer: int) -> tuple[int, int, float]:
    """A (position, feature) active at ``layer`` on the prompt's last position, with its activation."""
    ids = encode(m, PROMPT)
    acts = ts[layer].encode(real_pass(m, ts, ids).tc_in[layer])
    pos = len(ids) - 1
    f = int(acts[pos].argmax())
    assert float(acts[pos, f]) > 0
    return pos, f, float(acts[pos, f])


@pytest.mark.parametrize("family", GRAPH_MODEL_TYPES)
def test_scale_one_changes_nothing_in_either_mode(family: str, tiny_models: dict[str, object]) -> None:
    m = _model(tiny_models, family)
    ts = _ts(m)
    pos, f, _ = _active(m, ts, 0)
    spec = [FeatureInterventionSpec(layer=0, pos=pos, feature=f, scale=1.0)]
    original = next_token_probs(m, PROMPT, ts, spec, "original")
    for mode in ("replacement", "real"):
        assert torch.allclose(next_token_probs(m, PROMPT, ts, spec, mode), original, atol=1e-5), mode  # type: ignore[arg-type]
    zeroed = next_token_probs(m, PROMPT, ts, [spec[0].model_copy(update={"scale": 0.0})], "real")
    assert not torch.allclose(zeroed, original, atol=1e-6)  # the edit does reach the output


def test_zeroing_a_feature_equals_a_hand_written_hook(tiny_models: dict[str, object]) -> None:
    m = _model(tiny_models, "gpt2")
    ts = _ts(m)
    layer = 1
    pos, f, _ = _active(m, ts, layer)
    ids = encode(m, PROMPT)
    tc = ts[layer]

    def hook(module: torch.nn.Module, inputs: tuple[torch.Tensor, ...], output: torch.Tensor) -> torch.Tensor:
        a = tc.encode(inputs[0][0, pos])[f]  # mlp.hook_in: what the MLP reads, in this same pass
        out = output.clone()
        out[0, pos] -= a * tc.W_dec[f]
        return out

    handle = m.hf.transformer.h[layer].mlp.register_forward_hook(hook)
    try:
        with torch.no_grad():
            expected = torch.softmax(m.hf(torch.tensor([ids])).logits[0, -1].float(), dim=-1)
    finally:
        handle.remove()
    spec = [FeatureInterventionSpec(layer=layer, pos=pos, feature=f, scale=0.0)]
    got = next_token_probs(m, PROMPT, ts, spec, "real")
    assert torch.allclose(got, expected, atol=1e-5)
    assert not torch.allclose(got, next_token_probs(m, PROMPT, ts, spec, "original"), atol=1e-6)


def test_intervention_result_and_out_of_range(tiny_models: dict[str, object]) -> None:
    m = _model(tiny_models, "llama")
    ts = _ts(m)
    pos, f, a = _active(m, ts, 0)
    spec = [FeatureInterventionSpec(layer=0, pos=pos, feature=f, value=4 * a)]
    out = intervene_features(m, PROMPT, ts, spec, max_new_tokens=3, k=5)
    assert [o.mode for o in out.outcomes] == ["original", "replacement", "real"]
    for o in out.outcomes:
        assert len(o.top) == 5 and 1 <= len(o.continuation) <= 3
        probs = next_token_probs(m, PROMPT, ts, spec, o.mode)
        assert o.top[0].prob == pytest.approx(float(probs.max()), rel=1e-5)
        assert o.continuation[0].token_id == o.top[0].token_id
    n = len(encode(m, PROMPT))
    bad = [
        dict(layer=m.adapter.n_layers, pos=0, feature=0, scale=0.0),
        dict(layer=0, pos=n, feature=0, scale=0.0),
        dict(layer=0, pos=0, feature=32, scale=0.0),
        dict(layer=0, pos=0, feature=0),
        dict(layer=0, pos=0, feature=0, scale=1.0, value=2.0),
    ]
    for b in bad:
        with pytest.raises(FeatureOutOfRangeError) as info:
            intervene_features(m, PROMPT, ts, [FeatureInterventionSpec(**b)])  # type: ignore[arg-type]
        assert info.value.status == 422


def test_the_threshold_is_lowered_to_fit_the_edge_budget(tiny_models: dict[str, object]) -> None:
    m = _model(tiny_models, "gpt2")
    graph = attribution_graph(m, PROMPT, _ts(m))
    roomy = circuits_payload(graph, transcoders="x", node_threshold_max=0.95)
    assert roomy.node_threshold_max == 0.95
    at_default = int((kept_at(graph, 0.8)[graph.targets] & kept_at(graph, 0.8)[graph.sources]).sum())
    budget = (at_default + len(roomy.edge_weights)) // 2  # between what 0.8 and 0.95 need
    tight = circuits_payload(graph, transcoders="x", node_threshold_max=0.95, max_edges=budget)
    assert 0.8 <= tight.node_threshold_max < 0.95
    assert len(tight.edge_weights) <= budget < len(roomy.edge_weights)
    keep = kept_at(graph, tight.node_threshold_max)
    assert len(tight.nodes) == int(keep.sum())
    looser = kept_at(graph, tight.node_threshold_max + 0.01)  # the next step up would not have fitted
    assert int((looser[graph.targets] & looser[graph.sources]).sum()) > budget
    assert set(tight.pruned.node_ids) <= {n.id for n in tight.nodes}
    floor = circuits_payload(graph, transcoders="x", node_threshold_max=0.95, max_edges=0)
    assert floor.node_threshold_max == 0.8 and floor.pruned == roomy.pruned  # never below the default pruning


def test_the_features_command_writes_cards_next_to_the_transcoders(tiny_dir: dict[str, Path], tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from glassbox.cli import app
    from glassbox.transcoders import save_transcoders

    m_dir = tiny_dir["gpt2"]
    folder = tmp_path / "tc"
    cfg = json.loads((m_dir / "config.json").read_text())
    save_transcoders(random_transcoders(cfg["n_layer"], cfg["n_embd"], 16, seed=2), folder)
    result = CliRunner().invoke(
        app, ["transcoders", "features", "--transcoders", str(folder), "--model", str(m_dir), "--tokens", "256"]
    )
    assert result.exit_code == 0, result.output
    cards = load_feature_cards(folder)
    assert cards is not None and cards.metadata["n_tokens"] == 256 and len(cards.labels[0]) == 16
    assert cards.metadata["glassbox_version"] and cards.metadata["corpus"] == "embedded"
