"""The traced forward equals the plain Hugging Face forward, for every supported family (float32)."""

from __future__ import annotations

import pytest
import torch
from transformers import AutoModelForCausalLM

import glassbox
from glassbox.capture.names import act_name
from glassbox.testing import LONG_PROMPT

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
    for layer in range(model.info.n_layers):
        ours = t[act_name("pattern", layer, "attn")]
        assert ours.shape == (model.info.n_heads, t.n_pos, t.n_pos)
        assert (ours - out.attentions[layer][0]).abs().max().item() <= TOL, layer


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
