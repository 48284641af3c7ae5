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
    kinds = {name.rsplit(".hook_", 1)[1] for name in left_out}
    assert "result" in kinds, "per-head results are left out"
    assert kinds <= {"result", "attn_scores", "pattern"}, kinds
    if any(name.endswith("hook_pattern") for name in full.cache):
        assert {"attn_scores", "pattern"} <= kinds
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
    assert lean.direct_logit_attribution(target) == full.direct_logit_attribution(target)


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
