"""The residual stream is the sum of what every component writes; DLA and the logit lens add up."""

from __future__ import annotations

import math

import torch

import glassbox
from glassbox.capture.names import act_name
from glassbox.testing import LONG_PROMPT


def test_components_reconstruct_final_residual(family, tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models[family]
    a = model.adapter
    t = glassbox.trace(model, LONG_PROMPT)
    total = t["hook_embed"].clone()
    if "hook_pos_embed" in t:
        total += t["hook_pos_embed"]
    for layer in range(a.n_layers):
        heads = t[act_name("result", layer, "attn")]  # [pos, head, d_model]
        assert heads.shape == (t.n_pos, a.n_heads, a.d_model)
        total += heads.sum(1)
        b_O = a.b_O(layer)
        if b_O is not None:
            total += b_O
        total += t[act_name("mlp_out", layer)]
    final = t[act_name("resid_post", a.n_layers - 1)]
    assert (total - final).abs().max().item() <= 1e-4 * max(1.0, final.abs().max().item())


def test_dla_sums_to_target_logit(family, tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models[family]
    t = glassbox.trace(model, LONG_PROMPT)
    target = int(t.logits[-1].argmax())
    dla = t.direct_logit_attribution(target)
    assert abs(dla.logit - float(t.logits[-1, target])) < 1e-6
    cap = model.adapter.final_softcap
    assert dla.softcap == cap
    # with a soft-cap (Gemma) the contributions add up to the logit before it, and the cap maps that to the logit
    reached = dla.total if cap is None else cap * math.tanh(dla.total / cap)
    assert abs(reached - dla.logit) <= 1e-4 * max(1.0, abs(dla.logit))
    if cap is not None:  # and the cap matters on this tiny model: the sum alone would be wrong
        assert abs(dla.total - dla.logit) > 1e-3
    heads = [c for c in dla.contributions if c.kind == "head"]
    assert len(heads) == model.info.n_layers * model.info.n_heads
    # a different target gives different contributions (the test could fail)
    other = t.direct_logit_attribution((target + 1) % model.info.d_vocab)
    assert other.total != dla.total


def test_logit_lens_last_layer_is_the_output(family, tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models[family]
    t = glassbox.trace(model, LONG_PROMPT)
    lens = t.logit_lens_probs()
    assert lens.shape == (model.info.n_layers + 1, t.n_pos, model.info.d_vocab)
    out = torch.softmax(t.logits.float(), -1)
    assert (lens[-1] - out).abs().max().item() <= 1e-6
    assert not torch.allclose(lens[0], out)
    table = t.logit_lens(positions=[-1], k=3)
    assert len(table.cells) == model.info.n_layers + 1
    assert table.cells[-1].top[0].token.id == int(out[-1].argmax())


def test_capture_selects(tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models["gpt2"]
    t = glassbox.trace(model, "hello", capture=["blocks.*.attn.hook_pattern"])
    assert set(t.names()) == {"blocks.0.attn.hook_pattern", "blocks.1.attn.hook_pattern", "logits"}
    full = glassbox.trace(model, "hello")
    assert (full.logits - t.logits).abs().max().item() <= 1e-6  # fused o_proj vs per-head sum
    residual = glassbox.trace(model, "hello", capture="residual")
    assert "blocks.1.hook_resid_post" in residual and "blocks.0.attn.hook_q" not in residual
