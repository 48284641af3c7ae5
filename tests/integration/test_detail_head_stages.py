"""One head's stages as the forward computes them: q·k, then × scale for every key, then the mask, then softmax.

The "One head" view shows the scaled scores before the mask (so a masked key has a real scaled score there,
never −∞) and the masked scores after it; these tests hold both to the trace's own ``hook_attn_scores``.
"""

from __future__ import annotations

import numpy as np
import pytest

import glassbox
from glassbox.analysis import detail
from glassbox.capture.names import act_name
from glassbox.testing import ALL_MODEL_TYPES, LONG_PROMPT


def arr(payload) -> np.ndarray:  # type: ignore[no-untyped-def]
    return payload.to_numpy().astype(np.float64)


@pytest.mark.parametrize("family", ALL_MODEL_TYPES)
def test_scaled_scores_are_real_before_the_mask(family, tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models[family]
    t = glassbox.trace(model, LONG_PROMPT)
    hook = t[act_name("attn_scores", 1, "attn")][3].numpy().astype(np.float64)  # [query_pos, key_pos]
    # an early query (most keys lie in its future) and the last one (a sliding window masks the far past)
    for query in (2, t.n_pos - 1):
        h = detail.attention_head(t, layer=1, head=3, query_pos=query)
        dots, scaled, scores = arr(h.dots), arr(h.scaled), arr(h.scores)
        allowed = np.array(h.allowed)
        assert scaled.shape == (t.n_pos,)
        assert np.all(np.isfinite(scaled)), "a masked key's scaled score is a number: the mask comes after"
        assert np.allclose(scaled, dots * h.scale, rtol=1e-6, atol=1e-7)
        # soft-capped attention (Gemma 2): the mask is applied to c·tanh(scaled / c), shown as its own stage
        before_mask = scaled
        if h.softcap is not None:
            assert h.capped is not None
            before_mask = arr(h.capped)
            assert np.allclose(before_mask, h.softcap * np.tanh(scaled / h.softcap), rtol=1e-5, atol=1e-7)
            assert np.abs(before_mask - scaled).max() > 1e-4  # the cap is a real step on this model
        else:
            assert h.capped is None
        # where the mask lets a key through, that score is the model's own; elsewhere the model has -inf
        assert np.allclose(before_mask[allowed], hook[query][allowed], atol=1e-5)
        assert np.array_equal(np.isneginf(hook[query]), ~allowed)
        assert np.array_equal(scores, hook[query].astype(np.float32).astype(np.float64))
        if query == 2:
            assert (~allowed).sum() == t.n_pos - 3  # keys 3 … n-1 are the query's future
    if family == "mistral":  # window 6: the last query cannot see the far past either, yet it was scaled
        h = detail.attention_head(t, layer=1, head=3, query_pos=t.n_pos - 1)
        assert sum(h.allowed) == 6 and np.all(np.isfinite(arr(h.scaled)))
