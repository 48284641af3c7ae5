"""Cross-layer transcoders: circuit-tracer's CLT files, the graph engine through them, interventions, cards, the CLI.

CLTs are random (seeded) where exactness is the point: it must hold for any weights. Tolerances as in
test_attribution_graph.py: a sum of direct effects may differ from the value it decomposes by float32 rounding,
at most 1e-6 of the sum of the effects' magnitudes.
"""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest
import torch
import yaml
from safetensors.torch import load_file, save_file

from glassbox.errors import CorruptedModelError
from glassbox.graph.engine import AttributionGraph, attribution_graph, salient_logits
from glassbox.graph.feature_interventions import intervene_features, next_token_probs
from glassbox.graph.files import circuit_tracer_json, graph_payload
from glassbox.graph.replacement import forward, frozen_weights, real_pass, replacement_logits
from glassbox.models.loading import LoadedModel
from glassbox.models.tokens import encode
from glassbox.schema.circuits import FeatureInterventionSpec
from glassbox.schema.graph import AttributionGraphPayload, CircuitTracerGraph
from glassbox.training.transcoders import TranscoderTrainConfig, _documents, _pack, train_transcoders
from glassbox.transcoders import (
    CrossLayerTranscoder,
    Transcoder,
    TranscoderSet,
    load_transcoders,
    random_clt,
    save_transcoders,
)
from glassbox.transcoders.cards import logit_direction

PROMPT = "The capital of France is Paris. When Mary"
REL = 1e-6


def _model(tiny_models: dict[str, object], family: str) -> LoadedModel:
    m = tiny_models[family]
    assert isinstance(m, LoadedModel)
    return m


def _clt(m: LoadedModel, d_tc: int = 24, seed: int = 2) -> CrossLayerTranscoder:
    a = m.adapter
    return random_clt(a.n_layers, a.d_model, d_tc, seed=seed, jumprelu=True)


_GRAPHS: dict[str, tuple[AttributionGraph, CrossLayerTranscoder]] = {}


def _graph(tiny_models: dict[str, object], family: str) -> tuple[AttributionGraph, CrossLayerTranscoder]:
    if family not in _GRAPHS:
        m = _model(tiny_models, family)
        clt = _clt(m)
        _GRAPHS[family] = (attribution_graph(m, PROMPT, clt), clt)
    return _GRAPHS[family]


# --- files ---------------------------------------------------------------------------------------------------


def test_clt_save_load_save_is_lossless(tmp_path: Path) -> None:
    clt = random_clt(3, 16, 20, seed=4, jumprelu=True)
    clt.config["model_name"] = "tiny"
    first = clt.layers[0]
    first.extra["k"] = torch.tensor(4)  # a tensor glassbox does not read: kept
    folder = save_transcoders(clt, tmp_path / "a")  # the one public save writes either kind
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(["config.yaml"] + [f"W_{w}_{i}.safetensors" for w in ("enc", "dec") for i in range(3)])
    enc1 = load_file(str(folder / "W_enc_1.safetensors"))
    assert set(enc1) == {"W_enc_1", "b_enc_1", "b_dec_1", "threshold_1"}
    assert load_file(str(folder / "W_dec_1.safetensors"))["W_dec_1"].shape == (20, 2, 16)  # n_layers − 1 targets
    cfg = yaml.safe_load((folder / "config.yaml").read_text())
    assert cfg["model_kind"] == "cross_layer_transcoder" and cfg["feature_input_hook"] == "mlp.hook_in"
    back = load_transcoders(folder)
    assert isinstance(back, CrossLayerTranscoder) and back.kind == "clt"
    assert back.config["model_name"] == "tiny" and back.scan_name == "random-clt-seed4"
    for x, y in zip(clt.layers, back.layers, strict=True):
        assert x.tensors().keys() == y.tensors().keys()
        for k in x.tensors():
            assert torch.equal(x.tensors()[k], y.tensors()[k]), k
    for x_dec, y_dec in zip(clt.W_dec_layers, back.W_dec_layers, strict=True):
        assert torch.equal(x_dec, y_dec)
    second = save_transcoders(back, tmp_path / "b")
    for p in folder.iterdir():  # byte for byte on a second trip
        assert p.read_bytes() == (second / p.name).read_bytes(), p.name


def test_reads_a_folder_laid_out_as_circuit_tracer_writes_it(tmp_path: Path) -> None:
    """What ``CrossLayerTranscoder.to_safetensors`` writes (ReLU: no thresholds), and a config with only the keys
    circuit-tracer's cache keeps."""
    g = torch.Generator().manual_seed(0)
    n_layers, d_model, d_tc = 3, 8, 12
    for i in range(n_layers):
        save_file(
            {
                f"W_enc_{i}": torch.randn(d_tc, d_model, generator=g),
                f"b_enc_{i}": torch.randn(d_tc, generator=g),
                f"b_dec_{i}": torch.randn(d_model, generator=g),
            },
            str(tmp_path / f"W_enc_{i}.safetensors"),
        )
        save_file(
            {f"W_dec_{i}": torch.randn(d_tc, n_layers - i, d_model, generator=g)},
            str(tmp_path / f"W_dec_{i}.safetensors"),
        )
    (tmp_path / "config.yaml").write_text(
        "model_kind: cross_layer_transcoder\nfeature_input_hook: hook_resid_mid\nfeature_output_hook: hook_mlp_out\n"
        "scan: someone/clt\n"
    )
    clt = load_transcoders(tmp_path / "config.yaml")
    assert isinstance(clt, CrossLayerTranscoder)
    assert (clt.n_layers, clt.d_model, clt.d_transcoder) == (3, 8, 12)
    assert all(tc.threshold is None for tc in clt.layers)
    assert clt.config["scan"] == "someone/clt" and clt.feature_input_hook == "hook_resid_mid"
    W1 = load_file(str(tmp_path / "W_dec_1.safetensors"))["W_dec_1"]
    assert torch.equal(clt.decoder(1, 2), W1[:, 1]) and list(clt.target_layers(1)) == [1, 2]
    torch.testing.assert_close(clt.layers[1].W_dec, W1.sum(1))  # what cards read: the decoders summed
    with pytest.raises(ValueError, match=r"write to layers 1\.\.2"):
        clt.decoder(1, 0)
    with pytest.raises(TypeError, match="does not decode alone"):  # a layer alone would miss earlier decoders
        clt[2](torch.zeros(1, d_model))


def test_bad_clt_folders_fail_clearly(tmp_path: Path) -> None:
    folder = save_transcoders(random_clt(2, 8, 8), tmp_path / "c")
    dec = folder / "W_dec_1.safetensors"
    good = dec.read_bytes()
    save_file({"W_dec_1": torch.zeros(8, 2, 8)}, str(dec))  # layer 1 of 2 writes to one layer, not two
    with pytest.raises(CorruptedModelError, match=r"W_dec_1 has shape \(8, 2, 8\), expected \(8, 1, 8\)"):
        load_transcoders(folder)
    dec.unlink()
    with pytest.raises(CorruptedModelError, match=r"W_dec_1\.safetensors: missing"):
        load_transcoders(folder)
    dec.write_bytes(good)
    (folder / "W_enc_0.safetensors").rename(folder / "W_enc_5.safetensors")
    with pytest.raises(CorruptedModelError, match="without gaps"):
        load_transcoders(folder)


# --- the graph engine ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("family", ["gpt2", "llama", "olmo2"])
def test_clt_replacement_with_errors_reproduces_the_model(family: str, tiny_models: dict[str, object]) -> None:
    """Every layer's error is the real MLP output minus the decoders of every layer up to it: features + errors
    give back exactly what each MLP wrote, and the replacement without errors is another model (its logits
    differ), which reads every earlier layer's decoders."""
    m = _model(tiny_models, family)
    clt = _clt(m)
    ids = encode(m, PROMPT)
    fr = real_pass(m, clt, ids)
    acts: list[torch.Tensor] = []
    for layer in range(clt.n_layers):
        acts.append(clt[layer].encode(fr.tc_in[layer]))
        by_hand = clt.layers[layer].b_dec + sum(acts[i] @ clt.W_dec_layers[i][:, layer - i] for i in range(layer + 1))
        torch.testing.assert_close(clt.reconstruct(layer, acts, fr.tc_in[layer]), by_hand, rtol=0, atol=1e-6)
    # the replacement model (no errors) reads every earlier layer's decoders: without the later ones it differs
    repl = replacement_logits(m, clt, ids)
    assert not torch.allclose(repl, fr.logits, atol=1e-3)
    assert not torch.allclose(repl, replacement_logits(m, _same_layer_only(clt), ids), atol=1e-4)


@pytest.mark.parametrize("family", ["gpt2", "llama", "olmo2"])
def test_clt_direct_effects_into_each_logit_sum_to_its_value(family: str, tiny_models: dict[str, object]) -> None:
    m = _model(tiny_models, family)
    g, clt = _graph(tiny_models, family)
    ids = encode(m, PROMPT)
    with torch.no_grad():
        x = real_pass(m, clt, ids).x_final[-1]
        W_U = m.adapter.W_U.float()
    assert g.n_logits >= 1 and g.n_features > 0
    for k, tok in enumerate(g.logit_ids):
        demeaned = float(x @ (W_U[:, tok] - W_U.mean(-1)))
        row = g.row(g.logit_index(k))
        total = sum(row.values()) + float(g.logit_constants[k])
        magnitude = sum(abs(v) for v in row.values())
        assert abs(total - demeaned) <= REL * magnitude + 1e-7, (k, total, demeaned)


@pytest.mark.parametrize("family", ["gpt2", "llama"])
def test_clt_edges_equal_the_effect_of_perturbing_the_source(family: str, tiny_models: dict[str, object]) -> None:
    """A feature's edge is what adding its writes once more — to its own layer's MLP output and every later one,
    each through its decoder to that layer — changes in the target, in the frozen replacement model."""
    m = _model(tiny_models, family)
    g, clt = _graph(tiny_models, family)
    ids = encode(m, PROMPT)
    fr = real_pass(m, clt, ids)
    tok = m.adapter.embed(torch.tensor(ids)).float()
    writes = [fr.mlp_out[layer] for layer in range(clt.n_layers)]  # no skip connection in a CLT

    def run(t: torch.Tensor, w: list[torch.Tensor]) -> tuple[list[torch.Tensor], torch.Tensor]:
        with torch.no_grad(), frozen_weights(m):
            tc_in, x_final, _ = forward(m, clt, ids, "frozen", frozen=fr, tok=t[None], writes=[v[None] for v in w])
        return tc_in, x_final

    tc_in0, x0 = run(tok, writes)
    logit_vecs = salient_logits(fr.logits[-1], m.adapter.W_U)[2]
    last = m.adapter.n_layers - 1
    feats = g.features.tolist()
    targets = [*[i for i, (layer, _, _) in enumerate(feats) if layer == last][:3], g.logit_index(0)]
    checked = cross = 0
    for t in targets:
        row = g.row(t)
        t_layer = feats[t][0] if t < g.n_features else clt.n_layers
        strongest = sorted(row, key=lambda s: -abs(row[s]))[:5]
        for s in strongest:
            tok1, writes1 = tok.clone(), [w.clone() for w in writes]
            if s < g.n_features:
                layer, pos, f = feats[s]
                for target in clt.target_layers(layer):
                    writes1[target][pos] += float(g.activations[s]) * clt.decoder(layer, target)[f]
                cross += int(t_layer - layer >= 2)  # a path through a later layer's decoder counts in this edge
            elif s < g.token_offset:
                layer, pos = divmod(s - g.error_offset, g.n_pos)
                acts = [clt[i].encode(fr.tc_in[i]) for i in range(layer + 1)]
                writes1[layer][pos] += fr.mlp_out[layer][pos] - clt.reconstruct(layer, acts, fr.tc_in[layer])[pos]
            else:
                pos = s - g.token_offset
                tok1[pos] += tok[pos]
            tc_in1, x1 = run(tok1, writes1)
            if t < g.n_features:
                layer, pos, f = feats[t]
                effect = float((tc_in1[layer][0, pos] - tc_in0[layer][0, pos]) @ clt[layer].W_enc[f])
            else:
                effect = float((x1[0, -1] - x0[0, -1]) @ logit_vecs[t - g.logit_offset])
            assert effect == pytest.approx(row[s], rel=1e-3, abs=1e-5), (t, s)
            checked += 1
    assert checked >= 4 and cross >= 1


def _as_plt(clt: CrossLayerTranscoder) -> TranscoderSet:
    return TranscoderSet(
        [
            Transcoder(tc.W_enc, clt.decoder(i, i).clone(), tc.b_enc, tc.b_dec, tc.threshold)
            for i, tc in enumerate(clt.layers)
        ],
        clt.feature_input_hook,
        clt.feature_output_hook,
    )


def _same_layer_only(clt: CrossLayerTranscoder) -> CrossLayerTranscoder:
    decs = [W.clone() for W in clt.W_dec_layers]
    for W in decs:
        W[:, 1:] = 0
    layers = [Transcoder(tc.W_enc, tc.W_dec.clone(), tc.b_enc, tc.b_dec, tc.threshold) for tc in clt.layers]
    return CrossLayerTranscoder(layers, W_dec_layers=decs)


def test_a_clt_that_writes_only_to_its_own_layer_is_the_per_layer_set(tiny_models: dict[str, object]) -> None:
    """With every decoder to a later layer zero, the CLT graph is the per-layer graph, edge for edge; with them,
    it is not (the cross-layer writes are in the edges)."""
    m = _model(tiny_models, "llama")
    clt = _clt(m)
    own = _same_layer_only(clt)
    g_own = attribution_graph(m, PROMPT, own)
    g_plt = attribution_graph(m, PROMPT, _as_plt(clt))
    assert torch.equal(g_own.features, g_plt.features)
    assert torch.equal(g_own.targets, g_plt.targets) and torch.equal(g_own.sources, g_plt.sources)
    torch.testing.assert_close(g_own.weights, g_plt.weights, rtol=1e-5, atol=1e-6)
    g_clt, _ = _graph(tiny_models, "llama")
    assert torch.equal(g_clt.features, g_own.features)  # encoders are the same, and read the real pass
    k0 = g_clt.logit_index(0)
    assert g_clt.row(k0) != pytest.approx(g_own.row(k0), rel=1e-3)


def test_clt_graph_files_validate(tiny_models: dict[str, object]) -> None:
    g, _ = _graph(tiny_models, "gpt2")
    doc = circuit_tracer_json(g, "clt")
    assert CircuitTracerGraph.model_validate_json(doc.model_dump_json()) == doc
    assert doc.metadata.scan == "random-clt-seed2"
    p = graph_payload(g)
    AttributionGraphPayload.model_validate_json(p.model_dump_json())
    assert 0 < g.replacement_score < 1 and 0 < g.completeness_score <= 1


# --- interventions and cards ---------------------------------------------------------------------------------


def test_clt_interventions(tiny_models: dict[str, object]) -> None:
    """Scale 1 changes nothing (the replacement with frozen errors is the real model); an intervention on a CLT
    whose later decoders are zero equals the per-layer one, exactly; with them it differs (they are applied)."""
    m = _model(tiny_models, "gpt2")
    g, clt = _graph(tiny_models, "gpt2")
    # a layer-0 feature at the last position: it has later decoders, and their effect needs no attention path
    at_last = g.features[(g.features[:, 0] == 0) & (g.features[:, 1] == g.n_pos - 1)]
    layer, pos, f = (int(v) for v in at_last[0])
    keep = [FeatureInterventionSpec(layer=layer, pos=pos, feature=f, scale=1.0)]
    orig = next_token_probs(m, PROMPT, clt, keep, "original")
    for mode in ("replacement", "real"):
        torch.testing.assert_close(next_token_probs(m, PROMPT, clt, keep, mode), orig, rtol=0, atol=1e-5)
    boost = [FeatureInterventionSpec(layer=layer, pos=pos, feature=f, value=40.0)]
    own, plt = _same_layer_only(clt), _as_plt(clt)
    for mode in ("replacement", "real"):
        a = next_token_probs(m, PROMPT, own, boost, mode)
        b = next_token_probs(m, PROMPT, plt, boost, mode)
        torch.testing.assert_close(a, b, rtol=1e-5, atol=1e-6)
        c = next_token_probs(m, PROMPT, clt, boost, mode)
        assert float((c - a).abs().max()) > 1e-4, mode
    result = intervene_features(m, PROMPT, clt, boost, max_new_tokens=2)
    assert [o.mode for o in result.outcomes] == ["original", "replacement", "real"]


def test_clt_cards_read_the_summed_decoders(tiny_models: dict[str, object]) -> None:
    m = _model(tiny_models, "gpt2")
    clt = _clt(m)
    W_U = m.adapter.W_U.float()
    want = sum(clt.decoder(0, t)[3] for t in clt.target_layers(0)) @ W_U
    torch.testing.assert_close(logit_direction(m, clt, 0, 3), want, rtol=1e-5, atol=1e-6)


# --- training ------------------------------------------------------------------------------------------------


def _train_cfg(**kw: object) -> TranscoderTrainConfig:
    base: dict[str, object] = dict(
        kind="clt", steps=6, latents=32, n_documents=40, seq_len=16, batch_size=2, heldout_sequences=1, lr=3e-3
    )
    base.update(kw)
    return TranscoderTrainConfig(**base)  # type: ignore[arg-type]


def test_clt_training_loss_falls_saves_the_format_and_resumes(tmp_path: Path, tiny_models: dict[str, object]) -> None:
    """Every step sees the same rows (a small corpus, a batch as large as it), so the losses of successive steps
    compare like for like: they must fall. Resuming at step 2 of 6 gives the uninterrupted run's weights."""
    m = _model(tiny_models, "llama")
    corpus = tmp_path / "corpus.txt"
    corpus.write_text(
        "\n\n".join(f"The cat number {i} sat on the mat and looked at the door for a while." for i in range(12)),
        encoding="utf-8",
    )
    cfg = _train_cfg(corpus=str(corpus))
    rows = _pack(m, _documents(cfg)[0], 16).shape[0]
    losses: list[float] = []
    clt, report = train_transcoders(
        m,
        tmp_path / "a",
        _train_cfg(corpus=str(corpus), batch_size=rows),
        progress=lambda s, n, loss: losses.append(loss),
    )
    assert len(losses) == 6 and all(b < a for a, b in pairwise(losses)), losses
    assert isinstance(clt, CrossLayerTranscoder)
    back = load_transcoders(tmp_path / "a")
    assert isinstance(back, CrossLayerTranscoder) and back.d_transcoder == 32 and not back.skip_connection
    for x, y in zip(clt.W_dec_layers, back.W_dec_layers, strict=True):
        assert torch.equal(x, y)
    data = json.loads((tmp_path / "a" / "report.json").read_text())
    assert [f["layer"] for f in data["layers"]] == list(range(m.adapter.n_layers))
    for f in report.layers:
        assert f.fvu >= 0 and 0 <= f.l0 <= 32 and 0 <= f.dead <= 32 and 0 <= f.dense <= 32
    assert report.real_loss > 0 and report.replacement_loss > 0
    assert back.scan_name is not None and "-clt-" in back.scan_name
    # resumed from step 2 of 6 = uninterrupted
    train_transcoders(m, tmp_path / "b", _train_cfg(corpus=str(corpus), batch_size=rows, steps=2))
    resumed, _ = train_transcoders(
        m,
        tmp_path / "b",
        _train_cfg(corpus=str(corpus), batch_size=rows),
        resume=True,
    )
    assert isinstance(resumed, CrossLayerTranscoder)
    for x_tc, y_tc in zip(clt.layers, resumed.layers, strict=True):
        torch.testing.assert_close(x_tc.W_enc, y_tc.W_enc, rtol=0, atol=1e-6)
    for x, y in zip(clt.W_dec_layers, resumed.W_dec_layers, strict=True):
        torch.testing.assert_close(x, y, rtol=0, atol=1e-6)


def test_clt_topk_and_jumprelu_save_thresholds(tmp_path: Path, tiny_models: dict[str, object]) -> None:
    """The CLT format has no TopK either: saved as the equivalent JumpReLU thresholds, as ``threshold_{i}``."""
    m = _model(tiny_models, "gpt2")
    train_transcoders(m, tmp_path / "tk", _train_cfg(activation="topk", k=4, steps=2))
    back = load_transcoders(tmp_path / "tk")
    assert isinstance(back, CrossLayerTranscoder)
    for i, tc in enumerate(back.layers):
        assert tc.topk is None and tc.threshold is not None and tc.threshold.unique().numel() == 1
        assert f"threshold_{i}" in load_file(str(tmp_path / "tk" / f"W_enc_{i}.safetensors"))
    jr, _ = train_transcoders(m, tmp_path / "jr", _train_cfg(activation="jumprelu", steps=2))
    assert all(tc.threshold is not None and bool((tc.threshold > 0).all()) for tc in jr.layers)


def test_clt_cli_trains_scores_and_describes(tmp_path: Path, tiny_dir: dict[str, Path]) -> None:
    from typer.testing import CliRunner

    from glassbox.cli import app

    out = tmp_path / "cli"
    args = ["transcoders", "train", "--model", str(tiny_dir["gpt2"]), "--out", str(out), "--steps", "2", "--kind"]
    result = CliRunner().invoke(
        app,
        [
            *args,
            "clt",
            "--latents",
            "16",
            "--seq-len",
            "16",
            "--batch-size",
            "2",
            "--documents",
            "40",
            "--heldout",
            "1",
        ],
    )
    assert result.exit_code == 0, result.output
    assert (out / "W_enc_0.safetensors").is_file() and (out / "W_dec_1.safetensors").is_file()
    assert "FVU" in result.output and "replacement" in result.output
    info = CliRunner().invoke(app, ["transcoders", "info", str(out)])
    assert info.exit_code == 0 and "cross-layer transcoder" in info.output and "d_transcoder=16" in info.output
    prompts = tmp_path / "prompts.txt"
    prompts.write_text(PROMPT + "\n", encoding="utf-8")
    scores = tmp_path / "scores.json"
    score = CliRunner().invoke(
        app,
        ["transcoders", "score", "--model", str(tiny_dir["gpt2"]), "-t", str(out), "--prompts", str(prompts),
         "--out", str(scores)],
    )  # fmt: skip
    assert score.exit_code == 0, score.output
    assert scores.is_file() and PROMPT in scores.read_text(encoding="utf-8")


def test_the_circuits_server_builds_a_graph_with_a_clt(
    tmp_path: Path, tiny_models: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``glassbox serve --transcoders MODEL=DIR`` with a CLT folder: the job's graph is the Python API's, and a
    feature card (computed on demand) promotes the tokens of the feature's summed decoders."""
    import time

    from fastapi.testclient import TestClient

    from glassbox.graph.circuits import circuits_graph
    from glassbox.schema.api import Limits
    from glassbox.schema.circuits import CircuitsGraph
    from glassbox.server.app import create_app_for
    from glassbox.server.registry import Registry
    from glassbox.transcoders import save_transcoders

    m = _model(tiny_models, "gpt2")
    folder = save_transcoders(_clt(m), tmp_path / "clt")
    registry = Registry([m])
    app = create_app_for(
        registry, Limits(max_prompt_tokens=40, max_new_tokens=16, max_top_k=50), transcoders={registry.ids[0]: folder}
    )
    c = TestClient(app, base_url="http://localhost")
    r = c.post("/api/circuits/jobs", json={"model": registry.ids[0], "prompt": PROMPT})
    assert r.status_code == 200, r.text
    for _ in range(600):
        job = c.get(f"/api/circuits/jobs/{r.json()['job_id']}").json()
        if job["state"] != "running":
            break
        time.sleep(0.05)
    assert job["state"] == "done", job
    got = CircuitsGraph.model_validate(c.get(f"/api/circuits/jobs/{job['job_id']}/graph").json())
    want = circuits_graph(m, PROMPT, load_transcoders(folder))
    assert [n.id for n in got.nodes] == [n.id for n in want.nodes] and got.edge_weights == want.edge_weights
    assert got.scores == want.scores
    from glassbox.schema.circuits import FeatureCard
    from glassbox.server import circuits_service

    monkeypatch.setattr(circuits_service, "ON_DEMAND_TOKENS", 512)
    card_r = c.get(f"/api/circuits/feature/{registry.ids[0]}/0/3")
    assert card_r.status_code == 200, card_r.text
    card = FeatureCard.model_validate(card_r.json())
    clt = load_transcoders(folder)
    top = int((sum(clt.decoder(0, t)[3] for t in clt.target_layers(0)) @ m.adapter.W_U.float()).argmax())
    assert card.promoted[0].token_id == top
