"""Gemma 4's text path (``gemma4_text``): parity with the plain HF forward, its per-layer inputs, layer scalars and
KV sharing as hooks, and every analysis — ablation, patching, attribution, scoring, DLA — checked against HF."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from transformers import AutoModelForCausalLM

import glassbox
from glassbox.analysis.attribution import attribute
from glassbox.analysis.dla import direct_logit_attribution
from glassbox.analysis.patching import patch
from glassbox.analysis.scoring import score_text
from glassbox.capture.names import act_name
from glassbox.errors import UnsupportedArchitectureError
from glassbox.interventions import ablate
from glassbox.models.loading import LoadedModel
from glassbox.models.tokens import encode
from glassbox.testing import LONG_PROMPT, make_tiny_model, parity_diffs

TOL = 1e-5
PROMPT = "The cat sat on the mat"


@pytest.fixture(scope="module")
def g4_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_tiny_model(tmp_path_factory.mktemp("g4") / "gemma4_text", "gemma4_text")


@pytest.fixture(scope="module")
def g4(g4_dir: Path) -> LoadedModel:
    return glassbox.load_model(str(g4_dir), device="cpu")


def _hf_out(folder: Path, ids: list[int]) -> Any:
    hf = AutoModelForCausalLM.from_pretrained(folder, attn_implementation="eager").eval()
    with torch.no_grad():
        return hf, hf(torch.tensor([ids]), output_hidden_states=True, output_attentions=True)


def _max_diffs(model: LoadedModel, folder: Path) -> dict[str, float]:
    t = glassbox.trace(model, LONG_PROMPT)
    assert t.n_pos > 12, "the prompt must be longer than the tiny sliding window"
    _, out = _hf_out(folder, t.token_ids)
    return parity_diffs(t, out)


def _check(diffs: dict[str, float]) -> None:
    # The final norm's output is the largest-magnitude comparison (the residual, scaled up by √d_model at the
    # embedding, by the layer scalars and the per-layer inputs, divided by its RMS): there float32 rounding alone
    # reaches ~1e-5, for HF's own float32 forward as much as for the trace (test_final_norm_is_as_exact_as_hfs)
    final = diffs.pop("ln_final")
    assert max(diffs.values()) <= TOL, diffs
    assert final <= 2 * TOL


def test_trace_matches_hf(g4: LoadedModel, g4_dir: Path) -> None:
    _check(_max_diffs(g4, g4_dir))
    assert g4.info.family == "gemma" and g4.info.model_type == "gemma4_text"
    assert g4.info.pre_norm and g4.info.post_norm and g4.info.qk_norm  # sandwich norms, q/k (and v) norms


def test_final_norm_is_as_exact_as_hfs(g4: LoadedModel, g4_dir: Path) -> None:
    """Against HF's forward in float64, the trace's final norm output is no farther off than HF's float32 one."""
    t = glassbox.trace(g4, LONG_PROMPT)
    _, out32 = _hf_out(g4_dir, t.token_ids)
    hf64 = AutoModelForCausalLM.from_pretrained(g4_dir, attn_implementation="eager", dtype=torch.float64).eval()
    with torch.no_grad():
        exact = hf64(torch.tensor([t.token_ids]), output_hidden_states=True).hidden_states[-1][0]
    ours = (t["ln_final.hook_normalized"].double() - exact).abs().max().item()
    theirs = (out32.hidden_states[-1][0].double() - exact).abs().max().item()
    assert ours <= 1.5 * theirs, (ours, theirs)


def test_wide_global_heads_shared_kv_and_double_wide_mlp_match_hf(tmp_path: Path) -> None:
    """The E2B/E4B shapes the default tiny model leaves out: global heads twice as wide (their own rotary size),
    one key/value head on global layers with v read from k's projection (attention_k_eq_v), a double-wide MLP on
    the KV-sharing layers, and a final logit soft-cap small enough to bend the tiny logits."""
    folder = make_tiny_model(
        tmp_path / "g4wide", "gemma4_text", global_head_dim=32, use_double_wide_mlp=True,
        attention_k_eq_v=True, num_global_key_value_heads=1, final_logit_softcapping=0.5,
    )  # fmt: skip
    model = glassbox.load_model(str(folder), device="cpu")
    _check(_max_diffs(model, folder))
    t = glassbox.trace(model, PROMPT)
    assert t[act_name("q", 1, "attn")].shape[-1] == 32 and t[act_name("q", 0, "attn")].shape[-1] == 16
    assert t[act_name("k", 1, "attn")].shape[1] == 1  # one kv head on the global layer
    assert t[act_name("post", 3, "mlp")].shape[-1] == 2 * t[act_name("post", 0, "mlp")].shape[-1]
    assert model.adapter.hf.model.layers[1].self_attn.v_proj is None  # v really is k's projection here
    # every query head of the global layer reads its one kv head (the sliding layers' ratio would name another)
    from glassbox.analysis.detail import attention_head

    last = model.info.n_heads - 1
    assert model.adapter.kv_head_of(last, 0) == last // (model.info.n_heads // model.info.n_kv_heads)
    assert model.adapter.kv_head_of(last, 1) == 0 and model.adapter.kv_head_of(last) != 0
    view = attention_head(t, 1, last, t.n_pos - 1)
    assert view.kv_head == 0
    assert np.array_equal(t.slice(act_name("k", 1, "attn"), head=last).to_numpy(), t[act_name("k", 1, "attn")][:, 0])


def test_per_layer_inputs_are_hfs_own(g4: LoadedModel) -> None:
    t = glassbox.trace(g4, LONG_PROMPT)
    m = g4.hf.model
    ids = torch.tensor([t.token_ids])
    with torch.no_grad():
        embeds = m.embed_tokens(ids)
        token = m.get_per_layer_inputs(ids, embeds)[0]  # [pos, layer, d_ple]
        combined = m.project_per_layer_inputs(embeds, m.get_per_layer_inputs(ids, embeds))[0]
    d_ple = g4.adapter.d_ple
    assert d_ple == 8 and t[act_name("ple_input", 0)].shape == (t.n_pos, d_ple)
    for layer in range(g4.info.n_layers):
        assert torch.equal(t[act_name("ple_token", layer)], token[:, layer])
        assert (t[act_name("ple_input", layer)] - combined[:, layer]).abs().max().item() <= 1e-6
        both = (t[act_name("ple_context", layer)] + t[act_name("ple_token", layer)]) * 2**-0.5
        assert torch.allclose(t[act_name("ple_input", layer)], both, atol=1e-7)


def test_gate_projection_and_layer_scalar_make_the_residual(g4: LoadedModel) -> None:
    t = glassbox.trace(g4, LONG_PROMPT)
    for layer in range(g4.info.n_layers):
        gate, inp = t[act_name("ple_gate", layer)], t[act_name("ple_input", layer)]
        assert torch.equal(t[act_name("ple_gated", layer)], gate * inp)
        scalar = t[act_name("layer_scalar", layer)]
        assert scalar.shape == () and abs(float(scalar) - 1.0) > 1e-3  # the tiny model's scalars are not 1
        parts = t[act_name("resid_mid", layer)] + t[act_name("mlp_out", layer)] + t[act_name("ple_out", layer)]
        assert torch.allclose(t[act_name("resid_post", layer)], parts * scalar, atol=1e-6)
        assert t[act_name("ple_out", layer)].abs().max().item() > 1e-3  # the per-layer input adds something
        assert t[act_name("scale", layer, "ple_post")].shape == (t.n_pos,)


def test_shared_layers_read_their_sources_keys_and_values(g4: LoadedModel) -> None:
    a = g4.adapter
    assert [a.kv_source(layer) for layer in range(4)] == [None, None, 0, 1]  # sliding → 0, global → 1
    t = glassbox.trace(g4, LONG_PROMPT)
    for layer, source in ((2, 0), (3, 1)):
        assert torch.equal(t[act_name("k", layer, "attn")], t[act_name("k", source, "attn")])
        assert torch.equal(t[act_name("v", layer, "attn")], t[act_name("v", source, "attn")])
        assert not torch.equal(t[act_name("q", layer, "attn")], t[act_name("q", source, "attn")])
    assert a.sliding_window(0) == 4 and a.sliding_window(1) is None and a.attn_scale(0) == 1.0


def _hf_last_logits(hf: Any, ids: list[int]) -> torch.Tensor:
    with torch.no_grad():
        return hf(input_ids=torch.tensor([ids]), use_cache=False).logits[0, -1].float()


def test_head_and_neuron_ablation_equal_zeroed_weights(g4: LoadedModel) -> None:
    ids = encode(g4, PROMPT)
    d_head = g4.info.d_head
    heads, neurons = [(0, 1), (3, 2)], [(1, 5), (2, 17)]  # layer 3 reuses layer 1's keys: its own head still counts
    hf = copy.deepcopy(g4.hf)
    with torch.no_grad():
        for layer, head in heads:
            hf.model.layers[layer].self_attn.o_proj.weight[:, head * d_head : (head + 1) * d_head] = 0
        for layer, neuron in neurons:
            hf.model.layers[layer].mlp.down_proj.weight[:, neuron] = 0
    t = ablate(g4, PROMPT, heads=heads, neurons=neurons)
    np.testing.assert_allclose(t.logits[-1].numpy(), _hf_last_logits(hf, ids).numpy(), atol=TOL)
    assert float((t.logits[-1] - _hf_last_logits(g4.hf, ids)).abs().max()) > 1e-4  # it does change


def _hf_patched(model: LoadedModel, ids: list[int], layer: int, pos: int, value: torch.Tensor) -> torch.Tensor:
    def pre(_: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[tuple[Any, ...], dict[str, Any]]:
        h = args[0].clone()
        h[0, pos] = value
        return (h, *args[1:]), kwargs

    handle = model.hf.model.layers[layer].register_forward_pre_hook(pre, with_kwargs=True)
    try:
        return _hf_last_logits(model.hf, ids)
    finally:
        handle.remove()


def test_resid_pre_patching_equals_hooked_hf_forwards(g4: LoadedModel) -> None:
    """Patching a block's input leaves the per-layer inputs (functions of the tokens) the corrupted run's, as
    hooking HF's decoder layer does; a shared layer reads its source's keys from the patched run."""
    clean, corrupted = "The cat sat on the mat", "The dog sat on the rug"
    ci, ki = encode(g4, clean), encode(g4, corrupted)
    assert len(ci) == len(ki)
    p = patch(g4, clean, corrupted, 5, 9)
    with torch.no_grad():
        hidden = g4.hf(input_ids=torch.tensor([ci]), output_hidden_states=True, use_cache=False).hidden_states
    for layer in range(g4.info.n_layers):
        for pos in range(len(ci)):
            lg = _hf_patched(g4, ki, layer, pos, hidden[layer][0, pos])
            assert p.effect[layer, pos] == pytest.approx(float(lg[5] - lg[9]), abs=2e-5), (layer, pos)


@pytest.mark.parametrize("site", ["resid_pre", "attn_out", "mlp_out", "head_result"])
def test_patching_a_prompt_into_itself_changes_nothing(g4: LoadedModel, site: str) -> None:
    p = patch(g4, PROMPT, PROMPT, 5, 9, site=site)  # type: ignore[arg-type]
    np.testing.assert_allclose(p.effect, p.clean, atol=2e-5)


def test_gradient_x_input_is_autograd_on_the_hf_model(g4: LoadedModel) -> None:
    """HF's forward from embeddings recovers the ids for the per-layer table and projects the (differentiable)
    embeddings for the context part: the same split as glassbox's attribution."""
    ids = encode(g4, PROMPT)
    a = attribute(g4, PROMPT, method="gradient_x_input")
    e = g4.adapter.embed(torch.tensor(ids)).detach().requires_grad_()
    logits = g4.hf(inputs_embeds=e.unsqueeze(0), use_cache=False).logits[0, -1].float()
    f = torch.log_softmax(logits, -1)[a.target_id]
    (g,) = torch.autograd.grad(f, e)
    np.testing.assert_allclose(a.scores, (g * e).sum(-1).detach().numpy(), atol=2e-6, rtol=1e-4)
    assert a.f == pytest.approx(float(f.detach()), abs=TOL)


def test_score_text_is_the_hf_log_softmax(g4: LoadedModel) -> None:
    ids = encode(g4, PROMPT)
    s = score_text(g4, PROMPT, k=3)
    with torch.no_grad():
        logp = torch.log_softmax(g4.hf(input_ids=torch.tensor([ids])).logits[0].float(), -1)
    for i in range(1, len(ids)):
        assert s.tokens[i].logprob == pytest.approx(float(logp[i - 1, ids[i]]), abs=TOL)


def test_dla_sums_to_the_logit_with_per_layer_inputs_and_scalars(g4: LoadedModel) -> None:
    t = glassbox.trace(g4, LONG_PROMPT)
    target = int(t.logits[-1].argmax())
    d = direct_logit_attribution(t, target)
    assert d.total == pytest.approx(d.logit, abs=1e-4)
    ple = [c for c in d.contributions if c.kind == "ple"]
    assert [c.layer for c in ple] == list(range(g4.info.n_layers))
    assert max(abs(c.value) for c in ple) > 1e-4


def test_moe_variant_is_refused_clearly(tmp_path: Path) -> None:
    folder = make_tiny_model(
        tmp_path / "g4moe", "gemma4_text", enable_moe_block=True, num_experts=4, top_k_experts=2,
        moe_intermediate_size=16,
    )  # fmt: skip
    with pytest.raises(UnsupportedArchitectureError, match="mixture-of-experts"):
        glassbox.load_model(str(folder), device="cpu")


def test_model_info_names_per_layer_inputs_and_kv_sharing(g4: LoadedModel) -> None:
    assert g4.info.d_ple == 8
    assert g4.info.kv_sources == [None, None, 0, 1]
    assert g4.info.d_head == 16 and g4.info.n_kv_heads == 2


def test_per_layer_input_route_equals_the_trace(g4: LoadedModel, tiny_models: dict[str, LoadedModel]) -> None:
    from fastapi.testclient import TestClient

    from glassbox.schema.api import Limits
    from glassbox.schema.per_layer import PerLayerInput
    from glassbox.server.app import create_app_for
    from glassbox.server.registry import Registry

    limits = Limits(max_prompt_tokens=24, max_new_tokens=8, max_top_k=50)
    client = TestClient(create_app_for(Registry([g4, tiny_models["llama"]]), limits), base_url="http://localhost")
    ids = client.get("/api/health").json()["models"]
    mid = next(i for i in ids if i.endswith("gemma4_text"))
    t = glassbox.trace(g4, PROMPT)
    body = {"model": mid, "prompt": PROMPT, "layer": 2, "pos": 3}
    r = client.post("/api/detail/per_layer_input", json=body)
    assert r.status_code == 200, r.text
    p = PerLayerInput.model_validate(r.json())
    assert p.kv_source == 0 and p.d_ple == 8
    assert p.layer_scalar == pytest.approx(float(t[act_name("layer_scalar", 2)]), rel=1e-6)
    np.testing.assert_allclose(p.gated.to_numpy(), t[act_name("ple_gated", 2)][3].numpy(), atol=1e-6)
    np.testing.assert_allclose(p.token_part.to_numpy(), t[act_name("ple_token", 2)][3].numpy(), atol=1e-6)
    np.testing.assert_allclose(p.out_norm, t[act_name("ple_out", 2)].norm(dim=-1).numpy(), rtol=1e-5)
    assert len(p.mlp_out_norm) == t.n_pos
    # a model without per-layer inputs, and a layer that does not exist: clear 400s, never a 500
    other = next(i for i in ids if i.endswith("llama"))
    r = client.post("/api/detail/per_layer_input", json={**body, "model": other})
    assert r.status_code == 400 and "per-layer inputs" in r.json()["error"]["message"]
    r = client.post("/api/detail/per_layer_input", json={**body, "layer": 9})
    assert r.status_code == 400 and r.json()["error"]["message"]
    # every detailed view answers for Gemma 4
    for route, extra in (
        ("overview", {}), ("attention_head", {"layer": 3, "head": 2, "query_pos": 2}), ("attention_grid", {}),
        ("embedding", {"pos": 1}), ("mlp", {"layer": 2, "pos": 2, "k": 3}), ("logit_lens", {"k": 3}),
    ):  # fmt: skip
        r = client.post(f"/api/detail/{route}", json={"model": mid, "prompt": PROMPT, **extra})
        assert r.status_code == 200, (route, r.text)


def test_attribution_graphs_refuse_clearly(g4: LoadedModel) -> None:
    from glassbox.graph.replacement import check_architecture

    with pytest.raises(UnsupportedArchitectureError, match="per-layer inputs"):
        check_architecture(g4)


def test_new_hooks_slice_with_their_dims(g4: LoadedModel) -> None:
    t = glassbox.trace(g4, PROMPT)
    gate = t.slice(act_name("ple_gate", 1), positions=[0, 2])
    assert gate.dims == ["pos", "d_ple"] and gate.shape == [2, g4.info.d_ple]
    scalar = t.slice(act_name("layer_scalar", 1))
    assert scalar.dims == [] and float(scalar.to_numpy()) == pytest.approx(float(t[act_name("layer_scalar", 1)]))
    assert t.slice(act_name("ple_out", 1)).dims == ["pos", "d_model"]


def _hf_f(model: LoadedModel, ids: list[int], tok_emb: torch.Tensor, target: int) -> float:
    """log p(target) at the last position from HF's forward over (edited) token embeddings, given the ids' per-layer
    table rows — HF's own way to run Gemma 4 from embeddings that are not a token's (its context part follows them)."""
    m = model.hf.model
    ids_t = torch.tensor([ids])
    with torch.no_grad():
        token_part = m.get_per_layer_inputs(ids_t, m.embed_tokens(ids_t))
        out = model.hf(inputs_embeds=tok_emb.unsqueeze(0), per_layer_inputs=token_part, use_cache=False)
    return float(torch.log_softmax(out.logits[0, -1].float(), -1)[target])


def test_occlusion_and_the_zero_baseline_equal_hf(g4: LoadedModel) -> None:
    ids = encode(g4, PROMPT)
    e = g4.adapter.embed(torch.tensor(ids)).detach()
    occ = attribute(g4, ids, method="occlusion")
    full = _hf_f(g4, ids, e, occ.target_id)
    for p in range(len(ids)):
        cut = e.clone()
        cut[p] = 0
        assert occ.scores[p] == pytest.approx(full - _hf_f(g4, ids, cut, occ.target_id), abs=2e-5)
    ig = attribute(g4, ids, method="integrated_gradients", n_steps=64)
    assert ig.f_baseline == pytest.approx(_hf_f(g4, ids, torch.zeros_like(e), ig.target_id), abs=TOL)
    assert ig.delta == pytest.approx(float(ig.scores.sum()) - (ig.f - ig.f_baseline), abs=1e-6)


def test_residual_view_has_the_per_layer_stage(g4: LoadedModel) -> None:
    from glassbox.analysis.detail import residual_stream
    from glassbox.schema.base import Site

    t = glassbox.trace(g4, PROMPT)
    r = residual_stream(t)
    for layer in range(g4.info.n_layers):
        i = r.stages.index(Site(layer=layer, part="ple"))
        assert r.stages[i - 1] == Site(layer=layer, part="mlp")
        np.testing.assert_allclose(r.added_norm[i], t[act_name("ple_out", layer)].norm(dim=-1).numpy(), rtol=1e-5)
        np.testing.assert_allclose(r.resid_norm[i], t[act_name("resid_post", layer)].norm(dim=-1).numpy(), rtol=1e-5)
        after_mlp = t[act_name("resid_mid", layer)] + t[act_name("mlp_out", layer)]
        np.testing.assert_allclose(r.resid_norm[i - 1], after_mlp.norm(dim=-1).numpy(), rtol=1e-5)
