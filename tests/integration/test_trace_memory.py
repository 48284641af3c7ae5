"""Memory-bounded traces: the default capture leaves per-head results out and recomputes them exactly."""

from __future__ import annotations

import pytest
import torch

import glassbox
from glassbox.capture.names import act_name

PROMPT = "The quick brown fox jumps over the lazy dog"


def test_default_recomputes_what_it_leaves_out_bit_identically(tiny_models: dict[str, object], family: str) -> None:
    model = tiny_models[family]
    lean = glassbox.trace(model, PROMPT)  # type: ignore[arg-type]
    full = glassbox.trace(model, PROMPT, capture="all")  # type: ignore[arg-type]
    left_out = [name for name in full.cache if name not in lean.cache]
    assert "logits" in left_out  # unembedded on access (below)
    kinds = {name.rsplit(".hook_", 1)[1] for name in left_out if name != "logits"}
    assert "result" in kinds, "per-head results are left out"
    assert kinds <= {"result", "attn_scores", "pattern", "pre", "pre_linear", "post", "resid_mid", "normalized"}, kinds
    if any(name.endswith("hook_pattern") for name in full.cache):
        assert {"attn_scores", "pattern"} <= kinds
    # the MLP's neurons are recomputed from its input (a mixture of experts reruns its router on the same input)
    assert {"pre", "post"} <= kinds, kinds
    assert ("pre_linear" in kinds) == model.adapter.gated_mlp  # type: ignore[attr-defined]
    for name in left_out:
        assert name in lean  # listed and readable...
        assert torch.equal(lean[name], full[name]), name  # ...with the very bits capture="all" stores
    assert sorted(lean.names()) == sorted(full.names())
    assert len(lean) == len(full)
    for name in full.cache:  # and every stored tensor is the same as before
        if name not in left_out:
            assert torch.equal(lean[name], full[name]), name


def test_dla_is_unchanged(tiny_models: dict[str, object], family: str) -> None:
    model = tiny_models[family]
    lean = glassbox.trace(model, PROMPT)  # type: ignore[arg-type]
    full = glassbox.trace(model, PROMPT, capture="all")  # type: ignore[arg-type]
    target = int(full.logits[-1].argmax())
    a, b = lean.direct_logit_attribution(target), full.direct_logit_attribution(target)
    assert a.contributions == b.contributions and a.total == b.total  # the very same bits
    # the model's own logit: the default trace unembeds that one position, capture="all" every position at once
    # (the same weights and inputs; a one-row product may round its last bit differently)
    assert a.logit == pytest.approx(b.logit, rel=1e-6, abs=1e-6)


def test_nbytes_counts_what_is_held(tiny_models: dict[str, object]) -> None:
    model = tiny_models["llama"]
    lean = glassbox.trace(model, PROMPT)  # type: ignore[arg-type]
    full = glassbox.trace(model, PROMPT, capture="all")  # type: ignore[arg-type]
    stored = sum(t.numel() * t.element_size() for t in lean.cache.values())
    assert lean.nbytes == stored
    assert full.nbytes == sum(t.numel() * t.element_size() for t in full.cache.values())
    assert lean.nbytes < full.nbytes
    one = lean[act_name("result", 0, "attn")]
    one_bytes = one.numel() * one.element_size()
    assert lean.nbytes == stored + one_bytes  # the layer just computed is held...
    lean[act_name("result", 1, "attn")]
    assert lean.nbytes == stored + one_bytes  # ...and only the last layer's
    pattern = lean[act_name("pattern", 1, "attn")]
    assert lean.nbytes == stored + one_bytes + pattern.numel() * pattern.element_size()
    lean[act_name("pattern", 0, "attn")]
    assert lean.nbytes == stored + pattern.numel() * pattern.element_size()


def test_missing_names_still_raise(tiny_models: dict[str, object]) -> None:
    model = tiny_models["llama"]
    only_pattern = glassbox.trace(model, PROMPT, capture=["blocks.*.attn.hook_pattern"])  # type: ignore[arg-type]
    name = act_name("result", 0, "attn")
    assert name not in only_pattern  # no hook_z stored: nothing to derive it from
    with pytest.raises(KeyError, match="was not captured"):
        only_pattern[name]
    with pytest.raises(KeyError):
        only_pattern[act_name("result", 999, "attn")]


def test_mlp_neurons_are_recomputed_one_layer_at_a_time(tiny_models: dict[str, object]) -> None:
    model = tiny_models["llama"]
    lean = glassbox.trace(model, PROMPT)  # type: ignore[arg-type]
    stored = lean.nbytes
    assert act_name("post", 0, "mlp") not in lean.cache
    post = lean[act_name("post", 0, "mlp")]
    pre, up = lean.cache.get(act_name("pre", 0, "mlp")), lean.cache.get(act_name("pre_linear", 0, "mlp"))
    assert pre is None and up is None  # still not stored: held with the layer's other derived tensors
    one_call = 3 * post.numel() * post.element_size()  # one MLP call gives pre, the up branch and post
    assert lean.nbytes == stored + one_call
    lean[act_name("pre", 0, "mlp")]
    assert lean.nbytes == stored + one_call  # not computed twice
    lean[act_name("post", 1, "mlp")]
    assert lean.nbytes == stored + one_call  # layer 0's are freed


def test_an_edited_post_is_stored_not_recomputed(tiny_models: dict[str, object]) -> None:
    model = tiny_models["llama"]
    ablated = glassbox.ablate(model, PROMPT, neurons=[(1, 3)])  # type: ignore[arg-type]
    name = act_name("post", 1, "mlp")
    assert name in ablated.cache  # the edited layer's hook_post cannot be recomputed from its input...
    assert float(ablated[name][:, 3].abs().max()) == 0.0  # ...and holds the edit
    assert act_name("post", 0, "mlp") not in ablated.cache  # an unedited layer's is recomputed
    full = glassbox.trace(model, PROMPT, capture="all")  # type: ignore[arg-type]
    assert torch.equal(ablated[act_name("post", 0, "mlp")], full[act_name("post", 0, "mlp")])


def test_default_trace_unembeds_on_access(tiny_models: dict[str, object], family: str) -> None:
    model = tiny_models[family]
    lean = glassbox.trace(model, PROMPT)  # type: ignore[arg-type]
    full = glassbox.trace(model, PROMPT, capture="all")  # type: ignore[arg-type]
    assert "logits" not in lean.cache and "logits" in lean and "logits" in lean.names()
    stored = lean.nbytes
    # a prediction unembeds one position: the same numbers as every position's row, to float32 rounding
    for pos in (-1, 0):
        torch.testing.assert_close(lean.logits_at(pos), full.logits[pos], rtol=1e-5, atol=1e-5)
    assert [t.token.id for t in lean.top_next(5)] == [t.token.id for t in full.top_next(5)]
    assert lean.nbytes == stored  # nothing kept for it
    with pytest.raises(IndexError):
        lean.logits_at(lean.n_pos)
    assert torch.equal(lean.logits, full.logits)  # every position: the very op the forward runs, on the same input
    assert torch.equal(lean["logits"], full["logits"])
    assert lean.nbytes == stored + full.logits.numel() * full.logits.element_size()


def test_logit_lens_in_chunks_equals_one_pass(tiny_models: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> None:
    from glassbox.analysis import logit_lens as lens

    model = tiny_models["llama"]
    t = glassbox.trace(model, PROMPT)  # type: ignore[arg-type]
    whole = t.logit_lens(k=4)
    rows = model.adapter.n_layers + 1  # type: ignore[attr-defined]
    monkeypatch.setattr(lens, "LENS_CHUNK_FLOATS", 2 * rows * model.adapter.d_vocab)  # type: ignore[attr-defined]
    chunked = t.logit_lens(k=4)  # two positions at a time
    assert chunked.positions == whole.positions
    assert [[x.token.id for x in c.top] for c in chunked.cells] == [[x.token.id for x in c.top] for c in whole.cells]
    for a, b in zip(chunked.cells, whole.cells, strict=True):
        assert [x.prob for x in a.top] == pytest.approx([x.prob for x in b.top], abs=1e-6)
    assert t.logit_lens(positions=[], k=2).cells == []
