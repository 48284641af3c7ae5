"""KV-cached generation: same tokens and probabilities as recomputing, seeds, forcing, records."""

from __future__ import annotations

import pytest

import glassbox
from glassbox.errors import InvalidInputError


@pytest.mark.parametrize(
    "fam",
    [
        "gpt2", "qwen3", "olmo3", "cohere", "gpt_neox", "gemma2", "gemma3_text", "phi3", "smollm3", "qwen3_5_text",
        "qwen3_moe", "olmoe", "gpt_oss", "gemma4_text",
    ],
)  # fmt: skip
def test_kv_cache_matches_recompute(fam, tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models[fam]
    kw = dict(max_new_tokens=12, temperature=0.9, top_k=50, top_p=0.95, seed=11, stop_at_eos=False)
    cached = glassbox.generate(model, "The capital of", **kw)
    fresh = glassbox.generate(model, "The capital of", use_kv_cache=False, **kw)
    assert [s.token.id for s in cached.steps] == [s.token.id for s in fresh.steps]
    for a, b in zip(cached.steps, fresh.steps, strict=True):
        assert a.prob == pytest.approx(b.prob, abs=1e-5)
        assert a.entropy == pytest.approx(b.entropy, abs=1e-4)


def test_same_seed_same_tokens(tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models["llama"]
    a = glassbox.generate(model, "Hello", max_new_tokens=10, seed=5, stop_at_eos=False)
    b = glassbox.generate(model, "Hello", max_new_tokens=10, seed=5, stop_at_eos=False)
    c = glassbox.generate(model, "Hello", max_new_tokens=10, seed=6, stop_at_eos=False)
    ids = [s.token.id for s in a.steps]
    assert ids == [s.token.id for s in b.steps]
    assert ids != [s.token.id for s in c.steps]


def test_step_records(tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models["gpt2"]
    g = glassbox.generate(model, "Hello", max_new_tokens=5, temperature=0.7, top_k=20, seed=1, top_n=5)
    assert g.kind == "generation" and len(g.steps) <= 5
    for s in g.steps:
        assert 0 < s.prob <= 1 and 0 <= s.raw_prob <= 1 and s.rank >= 0
        assert len(s.top) == 5
        assert sum(t.prob for t in s.top) + s.other_mass == pytest.approx(1.0, abs=1e-9)
        assert s.top[0].prob >= s.top[-1].prob
        assert s.u is not None and 0 <= s.u < 1


def test_greedy_takes_the_top_candidate(tiny_models) -> None:  # type: ignore[no-untyped-def]
    g = glassbox.generate(tiny_models["qwen3"], "Hello", max_new_tokens=6, temperature=0, stop_at_eos=False)
    for s in g.steps:
        assert s.rank == 0 and s.prob == 1.0 and s.u is None


def test_force_token_branches(tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models["gpt2"]
    base = glassbox.generate(model, "Hello", max_new_tokens=6, temperature=0, stop_at_eos=False)
    forced_id = base.steps[2].top[1].token.id
    branch = glassbox.generate(
        model, "Hello", max_new_tokens=6, temperature=0, stop_at_eos=False, force_tokens={2: forced_id}
    )
    assert [s.token.id for s in branch.steps[:2]] == [s.token.id for s in base.steps[:2]]
    assert branch.steps[2].token.id == forced_id and branch.steps[2].forced
    assert branch.steps[2].rank >= 1


def test_context_limit_stops(tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models["gpt2"]
    ids = model.tokenizer("a " * 60)["input_ids"]
    assert len(ids) < model.info.n_ctx
    g = glassbox.generate(model, "a " * 60, max_new_tokens=200, stop_at_eos=False)
    assert g.stop_reason == "context"
    assert len(g.prompt_tokens) + len(g.steps) == model.info.n_ctx


def test_chat_without_template_is_a_clear_error(tiny_models) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError, match="no chat template"):
        glassbox.generate(tiny_models["gpt2"], "hi", chat=True)


def test_chat_template_is_applied(tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models["llama"]
    model.tokenizer.chat_template = "{% for m in messages %}<|bos|>{{ m['content'] }}<|eos|>{% endfor %}"
    try:
        g = glassbox.generate(model, "hi there", chat=True, max_new_tokens=2, stop_at_eos=False)
    finally:
        model.tokenizer.chat_template = None
    texts = [t.text for t in g.prompt_tokens]
    assert texts[0] == "<|bos|>" and texts[-1] == "<|eos|>"
