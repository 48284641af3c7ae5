"""Mixtures of experts (Qwen3-MoE, OLMoE, gpt-oss) and gpt-oss's attention sinks, held to HF's own modules.

The per-family parity tests (test_parity.py) hold the logits, residual streams and patterns; these hold what only an
MoE layer has: the router, the chosen experts and their weights, each expert's own output, the weighted sum as the
MLP's output, the neurons addressed as (layer, expert, index), and the sink's share of each attention row.
"""

from __future__ import annotations

from typing import Any

import pytest
import torch
from fastapi.testclient import TestClient
from transformers import AutoModelForCausalLM

import glassbox
from glassbox.capture.names import act_name
from glassbox.models.adapters.moe import expert_neuron
from glassbox.models.loading import LoadedModel
from glassbox.schema.api import Limits
from glassbox.schema.moe import Routing
from glassbox.server.app import create_app_for
from glassbox.server.registry import Registry
from glassbox.testing import LONG_PROMPT, make_tiny_model

MOE_TYPES = ("qwen3_moe", "olmoe", "gpt_oss")
TOL = 1e-5


def _hf_run(folder: Any, ids: list[int]) -> tuple[Any, dict[int, torch.Tensor], dict[int, torch.Tensor]]:
    """HF's eager forward with every MoE block's output and every router's logits recorded by forward hooks."""
    hf = AutoModelForCausalLM.from_pretrained(folder, attn_implementation="eager").eval()
    mlp_out: dict[int, torch.Tensor] = {}
    router_logits: dict[int, torch.Tensor] = {}
    for i, layer in enumerate(hf.model.layers):
        router = getattr(layer.mlp, "gate", None) or layer.mlp.router

        def keep_mlp(_m: Any, _inp: Any, out: Any, i: int = i) -> None:
            mlp_out[i] = (out[0] if isinstance(out, tuple) else out)[0]

        def keep_router(_m: Any, _inp: Any, out: Any, i: int = i) -> None:
            router_logits[i] = out[0]

        layer.mlp.register_forward_hook(keep_mlp)
        router.register_forward_hook(keep_router)
    with torch.no_grad():
        hf(torch.tensor([ids]))
    return hf, mlp_out, router_logits


@pytest.mark.parametrize("family", MOE_TYPES)
def test_router_experts_and_weighted_sum_match_hf(tiny_models, tiny_dir, family: str) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models[family]
    info = model.info
    assert info.n_experts == 8 and info.experts_per_token == 2 and info.d_mlp == info.n_experts * info.d_expert
    t = glassbox.trace(model, LONG_PROMPT)
    hf, hf_mlp, hf_router = _hf_run(tiny_dir[family], t.token_ids)
    for layer in range(info.n_layers):
        logits = t[act_name("router_logits", layer, "mlp")]
        assert (logits - hf_router[layer]).abs().max().item() <= TOL
        index = t[act_name("expert_index", layer, "mlp")]  # [pos, top_k]
        weight = t[act_name("expert_weight", layer, "mlp")]
        expert_out = t[act_name("expert_out", layer, "mlp")]  # [pos, top_k, d_model]
        # the weighted sum of the chosen experts' outputs is HF's MoE block output
        summed = (expert_out * weight[..., None]).sum(1)
        assert (summed - hf_mlp[layer]).abs().max().item() <= TOL
        assert (t[act_name("mlp_out", layer)] - hf_mlp[layer]).abs().max().item() <= TOL
        # each chosen expert's output is that expert run alone by HF's own experts module (weight 1)
        experts = hf.model.layers[layer].mlp.experts
        x = t[act_name("normalized", layer, "ln2")]
        for pos in (0, t.n_pos // 2, t.n_pos - 1):
            for slot in range(info.experts_per_token):
                e = int(index[pos, slot])
                with torch.no_grad():
                    alone = experts(x[pos : pos + 1], torch.tensor([[e]]), torch.ones(1, 1))
                assert (alone[0] - expert_out[pos, slot]).abs().max().item() <= TOL
        # the neurons of the experts that did not run are 0; hook_post · W_out is the sum less gpt-oss's biases
        post = t[act_name("post", layer, "mlp")].reshape(t.n_pos, info.n_experts, info.d_expert)
        ran = torch.zeros(t.n_pos, info.n_experts, dtype=torch.bool)
        ran.scatter_(1, index, True)
        assert post[~ran].abs().max().item() == 0.0
        assert post[ran].abs().max().item() > 0.0
        biases = getattr(experts, "down_proj_bias", None)
        bias_part = (weight[..., None] * biases[index]).sum(1) if biases is not None else 0.0
        linear = t[act_name("post", layer, "mlp")] @ model.adapter.W_out(layer) + bias_part
        assert (linear - hf_mlp[layer]).abs().max().item() <= TOL


def test_weight_rules_differ_as_the_configs_say(tiny_models) -> None:  # type: ignore[no-untyped-def]
    """Qwen3-MoE renormalises the top-k probabilities (they sum to 1), OLMoE keeps them raw (they sum to < 1);
    gpt-oss's weights are a softmax of the chosen logits = the full softmax's top-k renormalised."""
    sums = {}
    for family in MOE_TYPES:
        t = glassbox.trace(tiny_models[family], LONG_PROMPT)
        w = t[act_name("expert_weight", 0, "mlp")]
        sums[family] = w.sum(-1)
        probs = t[act_name("router_probs", 0, "mlp")]
        chosen = probs.gather(1, t[act_name("expert_index", 0, "mlp")])
        if family == "olmoe":
            assert (w - chosen).abs().max().item() <= 1e-6
        else:
            assert (w - chosen / chosen.sum(-1, keepdim=True)).abs().max().item() <= 1e-5
    assert (sums["qwen3_moe"] - 1).abs().max().item() <= 1e-5
    assert (sums["gpt_oss"] - 1).abs().max().item() <= 1e-5
    assert sums["olmoe"].max().item() < 0.99


def test_olmoe_clip_matches_hf(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """OLMoE's optional clip_qkv, small enough to bite on a tiny random model: values reach the clip and never pass
    it, and the logits still equal HF's."""
    folder = make_tiny_model(tmp_path / "olmoe-clip", "olmoe", clip_qkv=0.3)
    model = glassbox.load_model(str(folder), device="cpu")
    t = glassbox.trace(model, LONG_PROMPT)
    assert t[act_name("v", 0, "attn")].abs().max().item() == pytest.approx(0.3)
    hf = AutoModelForCausalLM.from_pretrained(folder, attn_implementation="eager").eval()
    with torch.no_grad():
        out = hf(torch.tensor([t.token_ids]))
    assert (t.logits - out.logits[0]).abs().max().item() <= TOL


def test_gpt_oss_sinks_explain_the_rows(tiny_models, tiny_dir) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models["gpt_oss"]
    assert model.info.attn_sinks and not tiny_models["qwen3_moe"].info.attn_sinks
    t = glassbox.trace(model, LONG_PROMPT)
    hf = AutoModelForCausalLM.from_pretrained(tiny_dir["gpt_oss"], attn_implementation="eager").eval()
    with torch.no_grad():
        out = hf(torch.tensor([t.token_ids]), output_attentions=True)
    for layer in range(model.info.n_layers):
        pattern = t[act_name("pattern", layer, "attn")]
        sink = t[act_name("sink", layer, "attn")]  # [head, query_pos]
        assert sink.shape == (model.info.n_heads, t.n_pos)
        # each row: the keys' share plus the sink's is 1; the sink takes a real share of it
        assert (pattern.sum(-1) + sink - 1).abs().max().item() <= 1e-6
        assert sink.min().item() > 0.01
        # HF's attention weights (the sink dropped) are our pattern; a softmax without the sink is not
        assert (pattern - out.attentions[layer][0]).abs().max().item() <= TOL
        plain = torch.softmax(t[act_name("attn_scores", layer, "attn")], dim=-1)
        assert (plain - out.attentions[layer][0]).abs().max().item() > 1e-2


@pytest.mark.parametrize("family", MOE_TYPES)
def test_an_expert_neuron_is_ablated_by_layer_expert_index(tiny_models, family: str) -> None:  # type: ignore[no-untyped-def]
    """Neuron (layer, expert, index) switched off: the MLP output loses exactly weight × activation × its row of
    W_out at the positions that chose the expert, and nothing elsewhere."""
    model = tiny_models[family]
    info = model.info
    t = glassbox.trace(model, LONG_PROMPT)
    # an expert that ran at the last position and not at every position
    layer, e = next(
        (layer, int(e))
        for layer in range(info.n_layers)
        for e in t[act_name("expert_index", layer, "mlp")][-1]
        if not (t[act_name("expert_index", layer, "mlp")] == e).any(-1).all()
    )
    index = t[act_name("expert_index", layer, "mlp")]
    post = t[act_name("post", layer, "mlp")]
    flat = expert_neuron(info.d_expert, e, int(post[-1, e * info.d_expert : (e + 1) * info.d_expert].abs().argmax()))
    ablated = glassbox.ablate(model, LONG_PROMPT, neurons=[(layer, flat)])
    delta = ablated[act_name("mlp_out", layer)] - t[act_name("mlp_out", layer)]
    expected = -post[:, flat, None] * model.adapter.W_out(layer)[flat]
    assert (delta - expected).abs().max().item() <= 1e-5
    chose = (index == e).any(-1)
    assert delta[-1].abs().max().item() > 0
    assert delta[~chose].abs().max().item() == 0.0
    assert (ablated.logits[-1] - t.logits[-1]).abs().max().item() > 0


@pytest.fixture(scope="module")
def client(tiny_models: dict[str, LoadedModel]) -> TestClient:
    models = [tiny_models[f] for f in (*MOE_TYPES, "llama")]
    limits = Limits(max_prompt_tokens=128, max_new_tokens=8, max_top_k=50)
    return TestClient(create_app_for(Registry(models), limits), base_url="http://localhost")


def _model_id(client: TestClient, family: str) -> str:
    return next(i for i in client.get("/api/health").json()["models"] if i.endswith(family))


@pytest.mark.parametrize("family", MOE_TYPES)
def test_routing_route_equals_the_trace(client: TestClient, tiny_models, family: str) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models[family]
    t = glassbox.trace(model, LONG_PROMPT)
    layer, pos = 1, t.n_pos - 1
    r = client.post(
        "/api/detail/routing",
        json={"model": _model_id(client, family), "prompt": LONG_PROMPT, "layer": layer, "pos": pos},
    )
    assert r.status_code == 200, r.text
    routing = Routing.model_validate(r.json())
    index = t[act_name("expert_index", layer, "mlp")]
    assert routing.chosen == index.tolist()
    assert routing.load == torch.bincount(index.reshape(-1), minlength=8).tolist()
    assert sum(routing.load) == t.n_pos * model.info.experts_per_token
    assert [x.expert for x in routing.experts] == index[pos].tolist()
    probs = t[act_name("router_probs", layer, "mlp")]
    weight = t[act_name("expert_weight", layer, "mlp")]
    for x in routing.experts:
        assert x.prob == pytest.approx(float(probs[pos, x.expert]))
        assert x.weight == pytest.approx(float(weight[pos, x.slot]))
        out = t[act_name("expert_out", layer, "mlp")][pos, x.slot] * weight[pos, x.slot]
        assert x.contribution_norm == pytest.approx(float(out.norm()), rel=1e-5)
        assert len(x.promotes) == 5 and x.promotes[0].logit is not None
    assert routing.sum_error <= TOL
    assert routing.mlp_out_norm == pytest.approx(float(t[act_name("mlp_out", layer)][pos].norm()), rel=1e-5)


def test_routing_route_refuses_dense_models_and_bad_layers(client: TestClient) -> None:
    dense = client.post(
        "/api/detail/routing", json={"model": _model_id(client, "llama"), "prompt": "a", "layer": 0, "pos": 0}
    )
    assert dense.status_code == 400 and "no mixture of experts" in dense.json()["error"]["message"]
    bad = client.post(
        "/api/detail/routing", json={"model": _model_id(client, "olmoe"), "prompt": "a", "layer": 9, "pos": 0}
    )
    assert bad.status_code == 400 and "layer 9" in bad.json()["error"]["message"]


def test_attribution_graphs_refuse_clipped_values(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A clip on q, k, v is not linear: the replacement model refuses it by name rather than give a wrong graph."""
    from glassbox.errors import UnsupportedArchitectureError
    from glassbox.graph.replacement import check_compatible
    from glassbox.transcoders import random_transcoders

    folder = make_tiny_model(tmp_path / "olmoe-clip", "olmoe", clip_qkv=0.3)
    model = glassbox.load_model(str(folder), device="cpu")
    ts = random_transcoders(model.info.n_layers, model.info.d_model, 16, seed=0)
    with pytest.raises(UnsupportedArchitectureError, match="clip_qkv"):
        check_compatible(model, ts)
