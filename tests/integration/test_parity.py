"""The traced forward equals the plain Hugging Face forward, for every supported family (float32)."""

from __future__ import annotations

import pytest
import torch
from transformers import AutoModelForCausalLM

import glassbox
from glassbox.capture.names import act_name
from glassbox.testing import LONG_PROMPT, make_tiny_model, parity_diffs

TOL = 1e-5


@pytest.fixture()
def pair(family, tiny_dir, tiny_models):  # type: ignore[no-untyped-def]
    model = tiny_models[family]
    hf = AutoModelForCausalLM.from_pretrained(tiny_dir[family], attn_implementation="eager").eval()
    t = glassbox.trace(model, LONG_PROMPT)
    assert t.n_pos > 12, "the prompt must be longer than the tiny sliding windows"
    with torch.no_grad():
        out = hf(torch.tensor([t.token_ids]), output_hidden_states=True, output_attentions=True)
    return model, t, out


def test_logits_match(pair) -> None:  # type: ignore[no-untyped-def]
    _, t, out = pair
    assert (t.logits - out.logits[0]).abs().max().item() <= TOL


def test_hidden_states_match(pair) -> None:  # type: ignore[no-untyped-def]
    model, t, out = pair
    n = model.info.n_layers
    # HF's hidden_states[l] is the input of block l; the last entry has the final norm applied.
    for layer in range(n):
        ours = t[act_name("resid_pre", layer)]
        assert (ours - out.hidden_states[layer][0]).abs().max().item() <= TOL, layer
    assert (t["ln_final.hook_normalized"] - out.hidden_states[n][0]).abs().max().item() <= TOL


def test_attention_patterns_match(pair) -> None:  # type: ignore[no-untyped-def]
    model, t, out = pair
    # HF returns a pattern for each softmax-attention layer; a linear-attention layer (Qwen3.5) has none
    layers = [layer for layer in range(model.info.n_layers) if model.adapter.layer_kind(layer) == "attention"]
    assert len(out.attentions) == len(layers)
    for layer, theirs in zip(layers, out.attentions, strict=True):
        ours = t[act_name("pattern", layer, "attn")]
        assert ours.shape == (model.info.n_heads, t.n_pos, t.n_pos)
        assert (ours - theirs[0]).abs().max().item() <= TOL, layer


def test_gpt_neox_sequential_residual_matches(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """GPT-NeoX's other block layout (use_parallel_residual=False): sequential, ln2 reads the residual after
    attention. The parallel layout (Pythia's) is the ``gpt_neox`` entry of every per-family test."""
    folder = make_tiny_model(tmp_path / "neox_seq", "gpt_neox", use_parallel_residual=False)
    model = glassbox.load_model(str(folder), device="cpu")
    assert not model.info.parallel_block and not model.adapter.parallel_block
    hf = AutoModelForCausalLM.from_pretrained(folder, attn_implementation="eager").eval()
    t = glassbox.trace(model, LONG_PROMPT)
    assert act_name("resid_mid", 0) in t
    with torch.no_grad():
        out = hf(torch.tensor([t.token_ids]), output_hidden_states=True, output_attentions=True)
    diffs = parity_diffs(t, out)
    assert max(diffs.values()) <= TOL, diffs


def test_gpt_neox_rotates_only_its_rotary_share(tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models["gpt_neox"]
    t = glassbox.trace(model, LONG_PROMPT)
    a = model.adapter
    d_rot = int(a.d_head * 0.25)
    fused = model.hf.gpt_neox.layers[0].attention.query_key_value(t[act_name("normalized", 0, "ln1")])
    raw_q = fused.reshape(t.n_pos, a.n_heads, 3 * a.d_head)[..., : a.d_head]  # per head: q, k, v
    q = t[act_name("q", 0, "attn")]
    assert torch.equal(q[..., d_rot:], raw_q[..., d_rot:])  # the pass-through dimensions are untouched
    assert (q[1:, :, :d_rot] - raw_q[1:, :, :d_rot]).abs().max().item() > 1e-3  # the rotated ones turned
    # parallel block: the MLP's own norm reads the block's input, not the residual after attention
    ln2 = model.hf.gpt_neox.layers[0].post_attention_layernorm
    assert (t[act_name("normalized", 0, "ln2")] - ln2(t[act_name("resid_pre", 0)])).abs().max().item() <= TOL


@pytest.mark.parametrize("fam", ["gemma2", "gemma3_text"])
def test_gemma_embeddings_are_scaled(fam, tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models[fam]
    t = glassbox.trace(model, "hello world")
    weight = model.hf.model.embed_tokens.weight
    expected = weight[torch.tensor(t.token_ids)] * torch.tensor(model.info.d_model**0.5, dtype=weight.dtype)
    assert model.info.embed_scale == pytest.approx(model.info.d_model**0.5)
    assert torch.equal(t["hook_embed"], expected)
    assert model.info.pre_norm and model.info.post_norm  # sandwich norms
    assert act_name("scale", 0, "ln1_post") in t and act_name("scale", 0, "ln2_post") in t


def test_gemma2_soft_caps_scores_and_logits(tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models["gemma2"]
    a = model.adapter
    t = glassbox.trace(model, LONG_PROMPT)
    cap = a.attn_softcap(0)
    assert cap == model.info.attn_softcap == 0.05 and a.attn_softcap(1) == cap
    q, k = t[act_name("q", 0, "attn")], t[act_name("k", 0, "attn")].repeat_interleave(2, dim=1)
    raw = torch.einsum("qhd,khd->hqk", q, k) * a.attn_scale(0)
    scores = t[act_name("attn_scores", 0, "attn")]
    allowed = torch.isfinite(scores)
    assert torch.allclose(scores[allowed], (torch.tanh(raw / cap) * cap)[allowed], atol=1e-7)
    assert (scores[allowed] - raw[allowed]).abs().max().item() > 1e-3  # the cap bends these scores
    assert a.attn_scale(0) == pytest.approx(24**-0.5)  # query_pre_attn_scalar, not d_head
    final = model.info.final_softcap
    assert final == 0.5 and t.logits.abs().max().item() < final
    unc = a.hf.lm_head(t["ln_final.hook_normalized"])
    assert torch.allclose(t.logits, torch.tanh(unc / final) * final, atol=1e-7)


def test_gemma3_rotary_bases_differ_per_layer_type(tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models["gemma3_text"]
    a = model.adapter
    assert [a.sliding_window(layer) for layer in range(2)] == [4, None]
    x = torch.zeros(8, model.info.d_model)
    cos0, _ = a.rotary(0, x, torch.arange(8))  # sliding layer: local base 10,000
    cos1, _ = a.rotary(1, x, torch.arange(8))  # global layer: base 1,000,000
    assert not torch.allclose(cos0, cos1)
    assert a.qk_norm and model.info.attn_softcap is None


def test_smollm3_nope_layer_does_not_rotate(tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models["smollm3"]
    t = glassbox.trace(model, LONG_PROMPT)
    assert model.info.nope_layers == [1]
    for layer, rotated in ((0, True), (1, False)):
        attn = model.hf.model.layers[layer].self_attn
        raw = attn.q_proj(t[act_name("normalized", layer, "ln1")]).reshape(t.n_pos, 4, -1)
        same = torch.equal(t[act_name("q", layer, "attn")], raw)
        assert same is not rotated, layer


def test_phi3_fused_projections_and_window(tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models["phi3"]
    a = model.adapter
    t = glassbox.trace(model, LONG_PROMPT)
    assert a.sliding_window(0) == 6
    x2 = t[act_name("normalized", 0, "ln2")]
    gate_up = model.hf.model.layers[0].mlp.gate_up_proj(x2)
    assert torch.equal(t[act_name("pre", 0, "mlp")], gate_up[:, : a.d_mlp])
    assert torch.equal(t[act_name("pre_linear", 0, "mlp")], gate_up[:, a.d_mlp :])


def test_sliding_window_is_applied(tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models["mistral"]
    t = glassbox.trace(model, LONG_PROMPT)
    pattern = t[act_name("pattern", 0, "attn")]
    window = model.adapter.sliding_window(0)
    assert window == 6
    q = t.n_pos - 1
    assert pattern[:, q, : q - window + 1].abs().max().item() == 0.0
    assert pattern[:, q, q - window + 1 :].sum(-1).allclose(torch.ones(model.info.n_heads))


def test_gqa_maps_kv_heads(tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models["llama"]
    t = glassbox.trace(model, "hello world")
    assert t[act_name("k", 0, "attn")].shape[1] == model.info.n_kv_heads == 2
    assert [model.adapter.kv_head_of(h) for h in range(4)] == [0, 0, 1, 1]
    # the slice of query head 3's keys is kv head 1
    payload = t.slice(act_name("k", 0, "attn"), head=3)
    assert torch.equal(torch.from_numpy(payload.to_numpy().copy()), t[act_name("k", 0, "attn")][:, 1])
