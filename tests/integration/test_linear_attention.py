"""Qwen3.5's gated-DeltaNet layers traced exactly: the recurrence is HF's, the token-mixing matrix reproduces it,
the gates and the state statistics are what they claim, and every other part of glassbox runs on the hybrid."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from fastapi.testclient import TestClient
from transformers import AutoModelForCausalLM

import glassbox
from glassbox.analysis.detail import attention_grid, attention_head, embedding
from glassbox.analysis.linear_attention import STATE_BYTES_PER_NUMBER, linear_attention_head
from glassbox.capture.batched import final_logits, past_names, run_blocks
from glassbox.capture.names import act_name
from glassbox.errors import InvalidInputError, UnsupportedArchitectureError
from glassbox.graph.replacement import check_compatible
from glassbox.schema.api import Limits
from glassbox.server.app import create_app_for
from glassbox.server.registry import Registry
from glassbox.testing import LONG_PROMPT

FAM = "qwen3_5_text"


@pytest.fixture(scope="module")
def model(tiny_models):  # type: ignore[no-untyped-def]
    return tiny_models[FAM]


@pytest.fixture(scope="module")
def trace(model):  # type: ignore[no-untyped-def]
    return glassbox.trace(model, LONG_PROMPT)


@pytest.fixture(scope="module")
def hf_taps(tiny_dir, trace):  # type: ignore[no-untyped-def]
    """HF's own forward (float32, torch path) with the inputs of each gated norm and each output projection kept."""
    hf = AutoModelForCausalLM.from_pretrained(tiny_dir[FAM], attn_implementation="eager").eval()
    taps: dict[str, torch.Tensor] = {}
    handles = []
    for i, block in enumerate(hf.model.layers):
        if hasattr(block, "linear_attn"):
            la = block.linear_attn
            handles.append(la.norm.register_forward_hook(lambda m, a, o, i=i: taps.__setitem__(f"core{i}", a[0])))
            handles.append(la.out_proj.register_forward_hook(lambda m, a, o, i=i: taps.__setitem__(f"z{i}", a[0])))
        else:
            attn = block.self_attn
            handles.append(attn.o_proj.register_forward_hook(lambda m, a, o, i=i: taps.__setitem__(f"z{i}", a[0])))
    with torch.no_grad():
        out = hf(torch.tensor([trace.token_ids]))
    for h in handles:
        h.remove()
    taps["logits"] = out.logits[0]
    return taps


def linear_layers(model) -> list[int]:  # type: ignore[no-untyped-def]
    return [layer for layer, kind in enumerate(model.info.layer_kinds) if kind == "linear_attention"]


def test_the_tiny_model_is_a_hybrid(model) -> None:  # type: ignore[no-untyped-def]
    kinds = model.info.layer_kinds
    assert len(kinds) == model.info.n_layers
    assert "linear_attention" in kinds and "attention" in kinds
    hf_types = model.hf.config.layer_types
    assert kinds == ["linear_attention" if t == "linear_attention" else "attention" for t in hf_types]


def test_core_and_output_equal_hf(model, trace, hf_taps) -> None:  # type: ignore[no-untyped-def]
    """The recurrence's output (before the gated norm) and what each output projection reads equal HF's."""
    for layer in range(model.info.n_layers):
        z_hf = hf_taps[f"z{layer}"][0].reshape(trace.n_pos, -1)
        assert (trace[act_name("z", layer, "attn")].reshape(trace.n_pos, -1) - z_hf).abs().max().item() <= 1e-6
    for layer in linear_layers(model):
        core_hf = hf_taps[f"core{layer}"].reshape(trace[act_name("core", layer, "attn")].shape)
        assert (trace[act_name("core", layer, "attn")] - core_hf).abs().max().item() <= 1e-7
    assert (trace.logits - hf_taps["logits"]).abs().max().item() <= 1e-5


def test_mixing_matrix_reproduces_the_layer(model, trace) -> None:  # type: ignore[no-untyped-def]
    """o_t = Σ_s M[t, s] v_s, to float32 precision, for every linear layer, head and position."""
    for layer in linear_layers(model):
        m = trace[act_name("mixing", layer, "attn")].double()  # [head, query, key]
        v = trace[act_name("v", layer, "attn")].double()  # [key, head, d_v]
        core = trace[act_name("core", layer, "attn")].double()
        rebuilt = torch.einsum("hts,shd->thd", m, v)
        scale = core.abs().max().item()
        assert scale > 0
        assert (rebuilt - core).abs().max().item() <= 1e-5 * scale, layer
        assert torch.triu(m, diagonal=1).abs().max().item() == 0.0  # causal: no later token mixes in
        # not a softmax: rows do not sum to 1
        assert (m.sum(-1) - 1).abs().max().item() > 0.1


def test_mixing_is_the_documented_product(model, trace) -> None:  # type: ignore[no-untyped-def]
    """M[t, s] = β_s q_tᵀ A_t ⋯ A_{s+1} k_s with A_r = α_r (I − β_r k_r k_rᵀ), written out for one entry."""
    layer = linear_layers(model)[0]
    head, t, s = 1, trace.n_pos - 1, trace.n_pos - 4
    q = trace[act_name("q", layer, "attn")].double()
    k = trace[act_name("k", layer, "attn")].double()
    group = trace[act_name("v", layer, "attn")].shape[1] // k.shape[1]
    kh = head // group
    alpha = trace[act_name("decay", layer, "attn")][:, head].double()
    beta = trace[act_name("beta", layer, "attn")][:, head].double()
    d_k = k.shape[-1]
    w = beta[s] * k[s, kh]
    for r in range(s + 1, t + 1):
        w = alpha[r] * (w - beta[r] * k[r, kh] * (k[r, kh] @ w))
    expected = (q[t, kh] * d_k**-0.5) @ w
    got = trace[act_name("mixing", layer, "attn")][head, t, s].item()
    assert got == pytest.approx(expected.item(), rel=1e-4, abs=1e-9)


def test_gates_and_state_statistics(model, trace) -> None:  # type: ignore[no-untyped-def]
    layer = linear_layers(model)[0]
    alpha = trace[act_name("decay", layer, "attn")]
    beta = trace[act_name("beta", layer, "attn")]
    assert ((alpha > 0) & (alpha <= 1)).all() and ((beta > 0) & (beta < 1)).all()
    norm = trace[act_name("state_norm", layer, "attn")]
    change = trace[act_name("state_change", layer, "attn")]
    # the first token writes the rank-one β₀ k₀ v₀ᵀ into an empty state: its norm is β₀ ‖k₀‖ ‖v₀‖ (‖k₀‖ = 1)
    v0 = trace[act_name("v", layer, "attn")][0].float()
    k0 = trace[act_name("k", layer, "attn")][0].float()
    group = v0.shape[0] // k0.shape[0]
    expected = beta[0] * k0.norm(dim=-1).repeat_interleave(group) * v0.norm(dim=-1)
    assert torch.allclose(norm[0], expected, rtol=1e-5)
    assert torch.allclose(change[0], norm[0])
    # triangle inequality: the state cannot grow by more than each token changed it
    assert (norm[1:] <= norm[:-1] + change[1:] + 1e-6).all()


def test_gated_attention_layer(model, trace, tiny_dir) -> None:  # type: ignore[no-untyped-def]
    """The full-attention layer: a softmax pattern as usual, and σ(gate) on its output (z = pattern·v × gate)."""
    layer = model.info.layer_kinds.index("attention")
    gate = trace[act_name("gate", layer, "attn")]
    assert ((gate > 0) & (gate < 1)).all()
    pattern = trace[act_name("pattern", layer, "attn")]
    v = trace[act_name("v", layer, "attn")].repeat_interleave(model.info.n_heads // model.info.n_kv_heads, dim=1)
    z = torch.einsum("hqk,khd->qhd", pattern, v) * gate
    assert torch.allclose(trace[act_name("z", layer, "attn")], z, atol=1e-7)
    h = attention_head(trace, layer, 2, trace.n_pos - 1)
    assert h.gate is not None
    assert np.allclose(h.z.to_numpy() * h.gate.to_numpy(), trace[act_name("z", layer, "attn")][-1, 2].numpy())


def test_detail_slices(model, trace) -> None:  # type: ignore[no-untyped-def]
    layer = linear_layers(model)[0]
    q = trace.n_pos - 1
    h = linear_attention_head(trace, layer, 3, q)
    m = trace[act_name("mixing", layer, "attn")][3]
    assert np.array_equal(h.mixing.to_numpy(), m.numpy())
    assert np.allclose(h.row_sums.to_numpy(), m.sum(-1).numpy())
    assert h.state_numbers == h.d_k * h.d_v and h.state_bytes == h.state_numbers * STATE_BYTES_PER_NUMBER
    assert (h.d_k, h.d_v) == (model.hf.config.linear_key_head_dim, model.hf.config.linear_value_head_dim)
    assert h.k_head == 3 // (model.hf.config.linear_num_value_heads // model.hf.config.linear_num_key_heads)
    assert np.allclose(h.mixing.to_numpy()[q] @ h.values.to_numpy(), h.core.to_numpy(), atol=1e-7)
    with pytest.raises(InvalidInputError, match="linear-attention"):
        attention_head(trace, layer, 0, 0)
    with pytest.raises(InvalidInputError, match="softmax"):
        linear_attention_head(trace, model.info.layer_kinds.index("attention"), 0, 0)
    with pytest.raises(InvalidInputError):
        linear_attention_head(trace, layer, 99, 0)
    # the embedding panel's rotation is the first softmax-attention layer's (layer 0 is linear here)
    rotation = embedding(trace, 3).rotation
    assert rotation is not None and rotation.layer == model.info.layer_kinds.index("attention")
    q_after = trace[act_name("q", rotation.layer, "attn")][3, 0].numpy()
    assert np.allclose(rotation.q_after.to_numpy(), q_after)
    assert rotation.rotated_dims == model.info.d_head // 4  # Qwen3.5's partial rotary: a quarter of each head
    grid = attention_grid(trace).patterns.to_numpy()
    assert np.allclose(grid[layer], trace[act_name("mixing", layer, "attn")].numpy(), atol=2e-3)


def test_ablating_a_linear_head_at_its_output(model, trace) -> None:  # type: ignore[no-untyped-def]
    layer, head = linear_layers(model)[0], 2
    ablated = glassbox.ablate(model, LONG_PROMPT, heads=[(layer, head)])
    assert ablated[act_name("z", layer, "attn")][:, head].abs().max().item() == 0.0
    # the layer's output loses exactly that head's share
    expected = trace[act_name("attn_out", layer)] - trace[act_name("result", layer, "attn")][:, head]
    assert torch.allclose(ablated[act_name("attn_out", layer)], expected, atol=1e-6)
    assert (ablated.logits - trace.logits).abs().max().item() > 1e-6


def test_batched_replay_equals_the_trace(model, trace) -> None:  # type: ignore[no-untyped-def]
    """The differentiable replay (attribution, patching) equals the trace, from layer 0 and from part-way through
    with the earlier positions handed in as ``past``."""
    final = run_blocks(model, trace[act_name("resid_pre", 0)].unsqueeze(0))
    assert torch.allclose(final_logits(model, final)[0], trace.logits, atol=1e-5)
    layer, p0 = 0, 7
    past = [(trace[kn], trace[vn]) for kn, vn in (past_names(model, ll) for ll in range(model.info.n_layers))]
    part = run_blocks(model, trace[act_name("resid_pre", layer)][p0:].unsqueeze(0), start_layer=layer, start_pos=p0,
                      past=past)  # fmt: skip
    assert torch.allclose(final_logits(model, part)[0], trace.logits[p0:], atol=1e-5)


def test_patching_through_linear_layers(model) -> None:  # type: ignore[no-untyped-def]
    """Runs that differ only in their last token: putting the clean stream back at the last position, at any layer,
    restores the clean run exactly (every earlier position, and so every state, is shared); anywhere else it
    changes nothing. Each cell replays the linear layers from ``past`` (their earlier positions' inputs)."""
    from glassbox.analysis.patching import patch

    ids = glassbox.trace(model, "The capital of France is").token_ids
    corrupted = [*ids[:-1], ids[-2]]
    res = patch(model, ids, corrupted, answer=ids[1], wrong=ids[2], site="resid_pre")
    effect = np.asarray(res.effect)
    assert abs(res.clean - res.corrupted) > 1e-4
    assert np.allclose(effect[:, -1], res.clean, atol=1e-5)
    assert np.allclose(effect[:, :-1], res.corrupted, atol=1e-5)


def test_circuits_refuse_with_a_clear_message(model) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnsupportedArchitectureError, match="linear-attention layers"):
        check_compatible(model, None)  # type: ignore[arg-type]


def test_route(model) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(
        create_app_for(Registry([model]), Limits(max_prompt_tokens=32, max_new_tokens=4, max_top_k=20)),
        base_url="http://localhost",
    )
    mid = client.get("/api/health").json()["models"][0]
    body = {"model": mid, "prompt": "The capital of France is", "layer": 0, "head": 1, "query_pos": 3}
    r = client.post("/api/detail/linear_attention_head", json=body)
    assert r.status_code == 200, r.text
    t = glassbox.trace(model, "The capital of France is")
    assert r.json()["mixing"]["shape"] == [t.n_pos, t.n_pos]
    assert client.post("/api/detail/attention_head", json=body).status_code == 400
    softmax_layer = model.info.layer_kinds.index("attention")
    bad = client.post("/api/detail/linear_attention_head", json={**body, "layer": softmax_layer})
    assert bad.status_code == 400 and "softmax" in bad.text
    # the Circuits view: not available, and why (before it even looks for transcoders)
    info = client.get(f"/api/circuits/{mid}/info").json()
    assert info["available"] is False and "linear-attention layers" in info["reason"]


def test_more_value_heads_than_attention_heads(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The released Qwen3.5 models have more linear-attention value heads (and a different d_v) than attention
    heads: the trace stays exact and M still reproduces the layer; the model card says each layer's head count, the
    all-heads grid pads the attention layers' head axis (and says which entries are heads), every value head can be
    ablated at the output, and per-head patching, whose map needs one head count, says so."""
    from glassbox.testing import make_tiny_model

    folder = make_tiny_model(tmp_path / "q35-wide", FAM, linear_num_value_heads=8, linear_value_head_dim=8)
    model = glassbox.load_model(str(folder), device="cpu")
    t = glassbox.trace(model, LONG_PROMPT)
    hf = AutoModelForCausalLM.from_pretrained(folder, attn_implementation="eager").eval()
    with torch.no_grad():
        logits = hf(torch.tensor([t.token_ids])).logits[0]
    assert (t.logits - logits).abs().max().item() <= 1e-5
    layer = linear_layers(model)[0]
    m = t[act_name("mixing", layer, "attn")].double()
    assert m.shape[0] == 8 != model.info.n_heads
    core = t[act_name("core", layer, "attn")].double()
    rebuilt = torch.einsum("hts,shd->thd", m, t[act_name("v", layer, "attn")].double())
    assert (rebuilt - core).abs().max().item() <= 1e-5 * core.abs().max().item()
    assert linear_attention_head(t, layer, 7, t.n_pos - 1).d_v == 8
    kinds = model.info.layer_kinds
    assert model.info.layer_heads == [8 if k == "linear_attention" else model.info.n_heads for k in kinds]
    grid = attention_grid(t)
    assert grid.heads == model.info.layer_heads
    patterns = grid.patterns.to_numpy()
    assert patterns.shape[:2] == (model.info.n_layers, 8)
    assert np.allclose(patterns[layer], m.numpy(), atol=2e-3)  # all 8 of the linear layer's heads
    full = kinds.index("attention")
    pattern = t[act_name("pattern", full, "attn")].numpy()
    assert np.allclose(patterns[full, : model.info.n_heads], pattern, atol=2e-3)
    assert not patterns[full, model.info.n_heads :].any()  # padding, which grid.heads says is no head
    # the last value head, beyond n_heads, is switched off at the layer's output like any other
    ablated = glassbox.ablate(model, LONG_PROMPT, heads=[(layer, 7)])
    expected = t[act_name("attn_out", layer)] - t[act_name("result", layer, "attn")][:, 7]
    assert torch.allclose(ablated[act_name("attn_out", layer)], expected, atol=1e-6)
    with pytest.raises(InvalidInputError, match="does not exist"):
        glassbox.ablate(model, LONG_PROMPT, heads=[(full, model.info.n_heads)])
    with pytest.raises(InvalidInputError, match="attn_out"):
        glassbox.patch(model, LONG_PROMPT, LONG_PROMPT, answer=5, wrong=6, site="head_result")
