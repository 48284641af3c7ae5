"""The detailed view's slices carry the trace's own numbers, for every family."""

from __future__ import annotations

import numpy as np
import pytest
import torch

import glassbox
from glassbox.analysis import detail
from glassbox.capture.names import act_name
from glassbox.errors import InvalidInputError
from glassbox.schema.base import Site
from glassbox.testing import ALL_MODEL_TYPES, LONG_PROMPT


def arr(payload) -> np.ndarray:  # type: ignore[no-untyped-def]
    return payload.to_numpy().astype(np.float64)


@pytest.mark.parametrize("family", ALL_MODEL_TYPES)
def test_attention_head_steps_are_consistent(family, tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models[family]
    t = glassbox.trace(model, LONG_PROMPT)
    q = t.n_pos - 1
    h = detail.attention_head(t, layer=1, head=3, query_pos=q)
    assert h.kv_head == model.adapter.kv_head_of(3)
    dots, scores, weights = arr(h.dots), arr(h.scores), arr(h.weights)
    allowed = np.array(h.allowed)
    # scores = dots × scale (soft-capped: c·tanh(dots × scale / c)) where allowed, -inf elsewhere;
    # weights = softmax(scores)
    expected_scores = dots * h.scale
    assert h.softcap == model.adapter.attn_softcap(1)
    if h.softcap is not None:
        expected_scores = h.softcap * np.tanh(expected_scores / h.softcap)
    assert np.allclose(scores[allowed], expected_scores[allowed], atol=1e-5)
    assert np.all(np.isneginf(scores[~allowed]))
    e = np.exp(scores[allowed] - scores[allowed].max())
    # a head with a sink (gpt-oss) spends part of each row on it: its logit is one more term of the softmax
    sink = 0.0 if h.sink_logit is None else np.exp(h.sink_logit - scores[allowed].max())
    assert (h.sink_logit is None) == (not model.info.attn_sinks)
    assert np.allclose(weights[allowed], e / (e.sum() + sink), atol=1e-6)
    if h.sink is not None:
        assert np.isclose(arr(h.sink)[q], sink / (e.sum() + sink), atol=1e-6)
        assert np.allclose(arr(h.pattern).sum(-1) + arr(h.sink), 1, atol=1e-5)
    assert np.all(weights[~allowed] == 0)
    # z = Σ weights · values; the head's pattern row is the weights
    assert np.allclose(arr(h.z), weights @ arr(h.values), atol=1e-5)
    assert np.allclose(arr(h.pattern)[q], weights)
    expected = t[act_name("pattern", 1, "attn")][3, q].numpy()
    assert np.allclose(weights, expected)
    if family == "mistral":
        assert h.window == 6 and allowed.sum() == 6


def test_one_head_payload_is_small(tiny_models) -> None:  # type: ignore[no-untyped-def]
    t = glassbox.trace(tiny_models["gpt2"], token_ids=list(range(2, 66)))
    assert t.n_pos == 64
    h = detail.attention_head(t, 0, 0, 63)
    assert detail.payload_kib(h) < 100


def test_embedding_detail(tiny_models) -> None:  # type: ignore[no-untyped-def]
    t = glassbox.trace(tiny_models["gpt2"], LONG_PROMPT)
    e = detail.embedding(t, 3)
    assert e.position_embedding is not None and e.rotation is None
    assert np.allclose(arr(e.token_embedding) + arr(e.position_embedding), arr(e.total), atol=1e-6)
    assert e.total_norm == pytest.approx(float(np.linalg.norm(arr(e.total))), rel=1e-5)


@pytest.mark.parametrize("fam", ["llama", "cohere", "gpt_neox", "phi3", "gemma3_text", "gemma4_text"])
def test_rotation_undoes_to_the_unrotated_query(fam, tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models[fam]
    t = glassbox.trace(model, LONG_PROMPT)
    pos = 5
    rot = detail.embedding(t, pos).rotation
    assert rot is not None and rot.pairing == ("interleaved" if fam == "cohere" else "half")
    # partial rotary turns a share of each head: a quarter (GPT-NeoX's rotary_pct) or a half (this Phi-3)
    assert rot.rotated_dims == {"gpt_neox": 4, "phi3": 8}.get(fam)
    assert len(arr(rot.angles)) == (rot.rotated_dims or model.info.d_head) // 2
    # q before RoPE recomputed from the projection directly
    x1 = t[act_name("normalized", 0, "ln1")]
    n, h, d = t.n_pos, model.info.n_heads, model.info.d_head
    if fam == "gpt_neox":  # fused per head: [q | k | v] of d_head each
        fused = model.hf.gpt_neox.layers[0].attention.query_key_value(x1)
        raw = fused.reshape(n, h, 3 * d)[..., :d]
    elif fam == "phi3":  # fused [q heads | k heads | v heads]
        raw = model.hf.model.layers[0].self_attn.qkv_proj(x1)[:, : h * d].reshape(n, h, d)
    else:
        attn = model.hf.model.layers[0].self_attn
        raw = attn.q_proj(x1).reshape(n, h, d)
        if model.adapter.qk_norm:
            raw = attn.q_norm(raw)
    assert np.allclose(arr(rot.q_before), raw[pos, 0].detach().numpy(), atol=1e-5)
    angles = arr(rot.angles)
    # the first pair turns by pos × base⁰ radians (atan2 reports it wrapped into (-π, π])
    assert abs(np.angle(np.exp(1j * (angles[0] - pos)))) < 1e-5


@pytest.mark.parametrize("family", ALL_MODEL_TYPES)
def test_mlp_detail(family, tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models[family]
    t = glassbox.trace(model, LONG_PROMPT)
    m = detail.mlp(t, layer=0, pos=4, k=5)
    post = arr(m.post)
    assert [n.index for n in m.top] == list(np.argsort(-np.abs(post))[:5])
    assert all(n.post == pytest.approx(float(post[n.index]), abs=1e-6) for n in m.top)
    # the neuron's output direction times the unembedding: recompute for one neuron
    n0 = m.top[0]
    direct = model.adapter.W_out(0)[n0.index] @ model.adapter.W_U
    assert n0.promotes[0].token.id == int(torch.argmax(direct))
    assert n0.suppresses[0].token.id == int(torch.argmin(direct))


@pytest.mark.parametrize("family", ALL_MODEL_TYPES)
def test_residual_stream(family, tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models[family]
    t = glassbox.trace(model, LONG_PROMPT)
    r = detail.residual_stream(t)
    last = t[act_name("resid_post", model.info.n_layers - 1)].norm(dim=-1)
    assert np.allclose(r.resid_norm[-1], last.numpy(), rtol=1e-5)
    # every stage names what wrote it, as structure: the embeddings, then each block's sublayers in order
    parts = ["attn_mlp"] if model.info.parallel_block else ["attn", "mlp"]
    if model.info.d_ple:  # Gemma 4: the per-layer input's step (and the layer scalar) after the MLP
        parts.append("ple")
    expected_stages = [Site(part="embed")] + [
        Site(layer=layer, part=part) for layer in range(model.info.n_layers) for part in parts
    ]
    assert r.stages == expected_stages
    assert len(r.stages) == len(r.resid_norm) == len(r.added_norm)
    # each norm that reads the residual stream, in reading order, the final one last
    sites = [n.site for n in r.norms]
    assert sites[0] == Site(layer=0, part="ln1") or model.info.post_norm
    assert all(s.layer is not None and s.part in ("ln1", "ln2") for s in sites[:-1])
    final = r.norms[-1]
    assert final.site == Site(part="ln_final")
    # the scale is 1/sqrt(var + eps) of the norm's input
    eps = model.adapter.ln_final().eps
    assert np.allclose(final.scale, 1 / np.sqrt(np.array(final.var) + eps), rtol=1e-4)


def test_no_rotation_shown_for_a_nope_first_layer(tmp_path, tiny_models) -> None:  # type: ignore[no-untyped-def]
    """SmolLM3 with layer 0 left without RoPE: the embedding slice shows no rotation rather than a false one."""
    from glassbox.testing import make_tiny_model

    model = glassbox.load_model(str(make_tiny_model(tmp_path / "nope0", "smollm3", no_rope_layers=[0, 1])))
    assert model.info.nope_layers == [0]
    assert detail.embedding(glassbox.trace(model, LONG_PROMPT), 3).rotation is None
    # the usual layout (layer 1 without RoPE) rotates in layer 0, which the slice shows
    assert tiny_models["smollm3"].info.nope_layers == [1]
    assert detail.embedding(glassbox.trace(tiny_models["smollm3"], LONG_PROMPT), 3).rotation is not None


def test_token_across_layers(tiny_models) -> None:  # type: ignore[no-untyped-def]
    t = glassbox.trace(tiny_models["qwen3"], LONG_PROMPT)
    top = int(t.logits[-1].argmax())
    path = detail.token_across_layers(t, top, t.n_pos - 1)
    assert path.ranks[-1] == 0 and path.probs[-1] == pytest.approx(float(t.probs()[top]), abs=1e-6)
    n_layers = tiny_models["qwen3"].info.n_layers
    assert len(path.probs) == n_layers + 1
    assert path.layers == [Site(part="embed")] + [Site(layer=layer, part="block") for layer in range(n_layers)]
    assert path.layers == t.logit_lens(k=1).layers  # the same rows as the lens it follows a token through


def test_bad_indices(tiny_models) -> None:  # type: ignore[no-untyped-def]
    t = glassbox.trace(tiny_models["gpt2"], "hello")
    with pytest.raises(InvalidInputError, match="layer 9"):
        detail.attention_head(t, 9, 0, 0)
    with pytest.raises(InvalidInputError, match="head 4"):
        detail.attention_head(t, 0, 4, 0)
    with pytest.raises(InvalidInputError, match="position 99"):
        detail.mlp(t, 0, 99)
