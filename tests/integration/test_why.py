"""'Why did it say that?': every number held to an independent computation on tiny models of every family.

Attribution against plain autograd / forwards of the Hugging Face model; ablation against the HF model with the
head's output-projection columns (the neuron's down-projection row) zeroed; patching against HF forwards with a
pre-hook on the block (an opened cell's whole distribution too, and a head's cell against a hook on the output
projection's input); ``score_text`` against HF's log-softmax; the routes against the API.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from fastapi.testclient import TestClient

import glassbox
from glassbox.analysis import patching
from glassbox.analysis.attribution import attribute, attribute_generation
from glassbox.analysis.patching import patch
from glassbox.analysis.scoring import score_text
from glassbox.errors import InvalidInputError
from glassbox.interventions import ablate, ablation_summary
from glassbox.models.adapters.gpt2 import GPT2Adapter
from glassbox.models.adapters.gpt_neox import GPTNeoXAdapter
from glassbox.models.loading import LoadedModel
from glassbox.models.tokens import encode
from glassbox.schema.api import Limits
from glassbox.schema.why import Attribution, PatchedCell, Patching, TextScore
from glassbox.server.app import create_app_for
from glassbox.server.registry import Registry

PROMPT = "The cat sat on the mat"
IG_STEPS = 512
IG_TOL = 1e-4
"""Integrated gradients' completeness error |delta| at 512 Gauss–Legendre steps, every family (measured: at most
1.7e-5, on Qwen3; at the default 32 steps it is below 1e-6 for GPT-2 but up to 0.24 for the RMSNorm pre-norm
families, whose zero baseline puts a steep step in f near α = 0 — see docs/why.md)."""


def _layers(model: LoadedModel, hf: Any = None) -> Any:
    """The HF model's blocks (``hf``: a copy of ``model.hf``, or the model's own)."""
    hf = model.hf if hf is None else hf
    if isinstance(model.adapter, GPT2Adapter):
        return hf.transformer.h
    return hf.gpt_neox.layers if isinstance(model.adapter, GPTNeoXAdapter) else hf.model.layers


def _o_proj(model: LoadedModel, block: Any) -> Any:
    """A block's attention output projection: a Linear (weight [out, in]), or GPT-2's Conv1D (weight [in, out])."""
    if isinstance(model.adapter, GPT2Adapter):
        return block.attn.c_proj
    if hasattr(block, "linear_attn"):  # a linear-attention layer (Qwen3.5): its heads meet in out_proj
        return block.linear_attn.out_proj
    return block.attention.dense if isinstance(model.adapter, GPTNeoXAdapter) else block.self_attn.o_proj


def _down_proj(model: LoadedModel, block: Any) -> Any:
    """A block's MLP output projection (GPT-2: Conv1D, weight [in, out]; the others: Linear, [out, in])."""
    if isinstance(model.adapter, GPT2Adapter):
        return block.mlp.c_proj
    return block.mlp.dense_4h_to_h if isinstance(model.adapter, GPTNeoXAdapter) else block.mlp.down_proj


def _hf_f(model: LoadedModel, tok_emb: torch.Tensor, target: int) -> torch.Tensor:
    """log p(target) at the last position from the plain HF forward over token embeddings [pos, d_model]."""
    logits = model.hf(inputs_embeds=tok_emb.unsqueeze(0), use_cache=False).logits[0, -1].float()
    return torch.log_softmax(logits, -1)[target]


def _hf_last_logits(hf: Any, ids: list[int]) -> torch.Tensor:
    with torch.no_grad():
        return hf(input_ids=torch.tensor([ids]), use_cache=False).logits[0, -1].float()


def test_gradient_x_input_is_autograd_on_the_hf_model(tiny_models: dict[str, LoadedModel], family: str) -> None:
    model = tiny_models[family]
    ids = encode(model, PROMPT)
    a = attribute(model, PROMPT, method="gradient_x_input")
    assert a.tokens[0].id == ids[0] and len(a.scores) == len(ids)  # the beginning-of-text token is a position
    e = model.adapter.embed(torch.tensor(ids)).detach().requires_grad_()
    f = _hf_f(model, e, a.target_id)
    (g,) = torch.autograd.grad(f, e)
    np.testing.assert_allclose(a.scores, (g * e).sum(-1).detach().numpy(), atol=2e-6, rtol=1e-4)
    assert a.f == pytest.approx(float(f.detach()), abs=1e-5)
    assert a.target_id == int(_hf_last_logits(model.hf, ids).argmax())  # default target: the top token


def test_foil_explains_the_difference(tiny_models: dict[str, LoadedModel]) -> None:
    model = tiny_models["llama"]
    ids = encode(model, PROMPT)
    plain_t = attribute(model, ids, target=5)
    plain_f = attribute(model, ids, target=9)
    both = attribute(model, ids, target=5, foil=9)
    assert both.foil_id == 9
    np.testing.assert_allclose(both.scores, plain_t.scores - plain_f.scores, atol=1e-5)
    assert both.f == pytest.approx(plain_t.f - plain_f.f, abs=1e-5)


def test_integrated_gradients_completeness(tiny_models: dict[str, LoadedModel], family: str) -> None:
    model = tiny_models[family]
    # Qwen3.5's linear attention L2-normalises q and k: along the path f is nearly flat except very close to the zero
    # baseline, where the quadrature needs more points (on the tiny model, 512 steps leave delta 4e-4; 1024, 2e-6)
    steps = 1024 if "linear_attention" in model.info.layer_kinds else IG_STEPS
    ig = attribute(model, PROMPT, method="integrated_gradients", n_steps=steps)
    assert ig.delta is not None and ig.f_baseline is not None
    assert ig.delta == pytest.approx(float(ig.scores.sum()) - (ig.f - ig.f_baseline), abs=1e-6)
    ids = encode(model, PROMPT)
    with torch.no_grad():
        zero = _hf_f(model, torch.zeros(len(ids), model.info.d_model), ig.target_id)
    assert ig.f_baseline == pytest.approx(float(zero), abs=1e-5)
    if model.info.pre_norm and model.info.post_norm:
        # Sandwich norms (Gemma): in its linear range near zero each RMSNorm multiplies by 1/√eps (1000), two per
        # sublayer, so a 1e-9 scaling of the embeddings already reaches full size at the output: f jumps at the
        # zero baseline itself, where no quadrature reaches, and delta stays large (see docs/why.md)
        e = model.adapter.embed(torch.tensor(ids)).detach()
        with torch.no_grad():
            near_zero = _hf_f(model, 1e-9 * e, ig.target_id)
        assert abs(float(near_zero) - float(zero)) > 100 * IG_TOL
    elif model.info.n_experts:
        # a mixture of experts routes by a top-k choice: f jumps wherever the choice changes along the path and no
        # gradient sees a jump, so completeness fails by the jumps' sum (see docs/why.md)
        assert abs(ig.delta) > IG_TOL
    else:
        assert abs(ig.delta) < IG_TOL


def test_occlusion_is_f_minus_f_with_one_embedding_zeroed(tiny_models: dict[str, LoadedModel], family: str) -> None:
    model = tiny_models[family]
    ids = encode(model, PROMPT)
    occ = attribute(model, ids, method="occlusion")
    e = model.adapter.embed(torch.tensor(ids)).detach()
    with torch.no_grad():
        full = float(_hf_f(model, e, occ.target_id))
        for p in range(len(ids)):
            cut = e.clone()
            cut[p] = 0
            assert occ.scores[p] == pytest.approx(full - float(_hf_f(model, cut, occ.target_id)), abs=2e-5)


def test_shapley_is_the_mean_marginal_over_the_seeded_orders(tiny_models: dict[str, LoadedModel]) -> None:
    model = tiny_models["gpt2"]
    ids = encode(model, "a b c")
    sh = attribute(model, ids, method="shapley", n_samples=5, seed=3)
    e = model.adapter.embed(torch.tensor(ids)).detach()
    rng = np.random.default_rng(3)
    expect = np.zeros(len(ids))
    with torch.no_grad():
        for _ in range(5):
            order = rng.permutation(len(ids))
            present = torch.zeros(len(ids), 1)
            prev = float(_hf_f(model, e * present, sh.target_id))
            for p in order:
                present[p] = 1
                now = float(_hf_f(model, e * present, sh.target_id))
                expect[p] += (now - prev) / 5
                prev = now
    np.testing.assert_allclose(sh.scores, expect, atol=2e-5)
    assert sh.f_baseline is not None
    assert float(sh.scores.sum()) == pytest.approx(sh.f - sh.f_baseline, abs=1e-5)  # efficiency, every order


@pytest.mark.parametrize("method", ["gradient_x_input", "integrated_gradients", "occlusion", "shapley"])
def test_matrix_rows_equal_single_attributions(tiny_models: dict[str, LoadedModel], method: str) -> None:
    model = tiny_models["qwen3"]
    ids = encode(model, "one two")
    m = attribute_generation(model, ids, max_new_tokens=3, method=method, n_steps=8, n_samples=4)
    full = [t.id for t in m.tokens]
    assert m.n_prompt == len(ids) and len(m.rows) == 3
    for row in m.rows:
        single = attribute(model, full[: row.pos], target=row.target.id, method=method, n_steps=8, n_samples=4)
        assert len(row.scores) == row.pos
        assert row.f == pytest.approx(single.f, abs=1e-5)
        if method == "shapley":  # the matrix samples orders of all its positions: another sample, same sums
            assert row.f_baseline is not None
            assert float(row.scores.sum()) == pytest.approx(row.f - row.f_baseline, abs=1e-5)
        else:
            np.testing.assert_allclose(row.scores, single.scores, atol=2e-5)


def _zeroed_hf(model: LoadedModel, heads: list[tuple[int, int]], neurons: list[tuple[int, int]]) -> Any:
    """A copy of the HF model with each head's output-projection input columns and each neuron's
    down-projection row zeroed."""
    hf = copy.deepcopy(model.hf)
    layers = _layers(model, hf)
    dh = model.info.d_head
    with torch.no_grad():
        for layer, head in heads:
            if isinstance(model.adapter, GPT2Adapter):  # Conv1D weight [in, out]
                _o_proj(model, layers[layer]).weight[head * dh : (head + 1) * dh, :] = 0
            else:  # Linear weight [out, in]
                _o_proj(model, layers[layer]).weight[:, head * dh : (head + 1) * dh] = 0
        for layer, neuron in neurons:
            if model.info.n_experts:  # neuron e·d_expert + i: row i of expert e's stacked down projection
                e, i = divmod(neuron, model.info.d_expert)
                # [expert, d_model, d_expert]; gpt-oss's is [expert, d_expert, d_model]
                down = layers[layer].mlp.experts.down_proj
                if down.shape[1] == model.info.d_model:
                    down[e, :, i] = 0
                else:
                    down[e, i, :] = 0
            elif isinstance(model.adapter, GPT2Adapter):
                _down_proj(model, layers[layer]).weight[neuron, :] = 0
            else:
                _down_proj(model, layers[layer]).weight[:, neuron] = 0
    return hf


def test_head_and_neuron_ablation_equal_zeroed_weights(tiny_models: dict[str, LoadedModel], family: str) -> None:
    model = tiny_models[family]
    ids = encode(model, PROMPT)
    heads, neurons = [(0, 1), (1, 3)], [(0, 5), (1, 17)]
    for h, n in (([heads[0]], []), ([], [neurons[0]]), (heads, neurons)):
        t = ablate(model, PROMPT, heads=h, neurons=n)
        expect = _hf_last_logits(_zeroed_hf(model, h, n), ids)
        np.testing.assert_allclose(t.logits[-1].float().numpy(), expect.numpy(), atol=1e-5)
        for layer, head in h:
            assert float(t[f"blocks.{layer}.attn.hook_z"][:, head].abs().max()) == 0.0
    plain = _hf_last_logits(model.hf, ids)
    assert float((ablate(model, PROMPT, heads=heads).logits[-1] - plain).abs().max()) > 1e-4  # it does change


def test_mean_ablation_equals_a_hooked_hf_forward(tiny_models: dict[str, LoadedModel], family: str) -> None:
    model = tiny_models[family]
    ids = encode(model, PROMPT)
    layer, head, dh = 1, 2, model.info.d_head
    proj = _o_proj(model, _layers(model)[layer])

    def pre(_: Any, args: tuple[torch.Tensor, ...]) -> tuple[torch.Tensor, ...]:
        x = args[0].clone()
        sl = x[..., head * dh : (head + 1) * dh]
        x[..., head * dh : (head + 1) * dh] = sl.mean(1, keepdim=True)
        return (x,)

    handle = proj.register_forward_pre_hook(pre)
    try:
        expect = _hf_last_logits(model.hf, ids)
    finally:
        handle.remove()
    got = ablate(model, ids, heads=[(layer, head)], mode="mean", capture="none").logits[-1]
    np.testing.assert_allclose(got.numpy(), expect.numpy(), atol=1e-5)


def test_ablation_summary_reports_before_and_after(tiny_models: dict[str, LoadedModel]) -> None:
    model = tiny_models["gpt2"]
    s = ablation_summary(model, PROMPT, heads=[(0, 0), (1, 1)], k=5)
    before = s.logits_before.to_numpy()
    after = s.logits_after.to_numpy()
    np.testing.assert_allclose(before, _hf_last_logits(model.hf, encode(model, PROMPT)).numpy(), atol=1e-5)
    np.testing.assert_allclose(after, ablate(model, PROMPT, heads=[(0, 0), (1, 1)]).logits[-1].numpy(), atol=1e-6)
    deltas = [abs(c.prob_after - c.prob_before) for c in s.changes]
    assert deltas == sorted(deltas, reverse=True) and len(s.changes) == 5


def _hf_patched(model: LoadedModel, ids: list[int], layer: int, pos: int, value: torch.Tensor) -> torch.Tensor:
    """HF forward over ``ids`` with block ``layer``'s input at ``pos`` replaced by ``value``."""

    def pre(_: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[tuple[Any, ...], dict[str, Any]]:
        if args:
            h = args[0].clone()
            h[0, pos] = value
            return (h, *args[1:]), kwargs
        h = kwargs["hidden_states"].clone()
        h[0, pos] = value
        return args, {**kwargs, "hidden_states": h}

    handle = _layers(model)[layer].register_forward_pre_hook(pre, with_kwargs=True)
    try:
        return _hf_last_logits(model.hf, ids)
    finally:
        handle.remove()


def test_resid_pre_patching_equals_hooked_hf_forwards(tiny_models: dict[str, LoadedModel], family: str) -> None:
    model = tiny_models[family]
    clean, corrupted = "The cat sat on the mat", "The dog sat on the rug"
    ci, ki = encode(model, clean), encode(model, corrupted)
    assert len(ci) == len(ki)
    p = patch(model, clean, corrupted, 5, 9)
    with torch.no_grad():
        hidden = model.hf(input_ids=torch.tensor([ci]), output_hidden_states=True, use_cache=False).hidden_states
        for layer in range(model.info.n_layers):
            for pos in range(len(ci)):
                lg = _hf_patched(model, ki, layer, pos, hidden[layer][0, pos])
                assert p.effect[layer, pos] == pytest.approx(float(lg[5] - lg[9]), abs=2e-5)
    assert p.clean == pytest.approx(
        float(_hf_last_logits(model.hf, ci)[5] - _hf_last_logits(model.hf, ci)[9]), abs=1e-5
    )
    assert p.corrupted == pytest.approx(
        float(_hf_last_logits(model.hf, ki)[5] - _hf_last_logits(model.hf, ki)[9]), abs=1e-5
    )


@pytest.mark.parametrize("site", ["resid_pre", "attn_out", "mlp_out", "head_result"])
def test_patching_a_prompt_into_itself_changes_nothing(
    tiny_models: dict[str, LoadedModel], family: str, site: str
) -> None:
    model = tiny_models[family]
    p = patch(model, PROMPT, PROMPT, 5, 9, site=site)  # type: ignore[arg-type]
    assert p.clean == p.corrupted
    shape = (model.info.n_layers, len(p.clean_tokens)) + ((model.info.n_heads,) if site == "head_result" else ())
    assert p.effect.shape == shape
    np.testing.assert_allclose(p.effect, p.clean, atol=2e-5)


@pytest.mark.parametrize("site", ["attn_out", "mlp_out", "head_result"])
def test_sublayer_patching_moves_from_corrupted_to_clean(tiny_models: dict[str, LoadedModel], site: str) -> None:
    """Patching every head's result (or the sublayer output) at the last layer's last position and the clean
    residual at layer 0: the extremes of the map are the two runs."""
    model = tiny_models["olmo2"]  # post-norm: the patched values are the normed shares
    clean, corrupted = "The cat sat on the mat", "The hat sat on the mat"
    p = patch(model, clean, corrupted, 5, 9, site=site)  # type: ignore[arg-type]
    r = patch(model, clean, corrupted, 5, 9, site="resid_pre")
    diff_pos = [i for i, (a, b) in enumerate(zip(p.clean_tokens, p.corrupted_tokens, strict=True)) if a.id != b.id]
    assert len(diff_pos) == 1
    d = diff_pos[0]
    # the clean residual at layer 0 at the one differing position reproduces the clean run; elsewhere nothing moves
    assert r.effect[0, d] == pytest.approx(r.clean, abs=2e-5)
    np.testing.assert_allclose(np.delete(r.effect[0], d), r.corrupted, atol=2e-5)
    # nothing before the differing position can change anything, and the last layer's last position decides
    np.testing.assert_allclose(p.effect[:, :d], p.corrupted, atol=2e-5)
    assert not np.allclose(p.effect[:, d:], p.corrupted, atol=1e-4)


def test_score_text_is_the_hf_log_softmax(tiny_models: dict[str, LoadedModel], family: str) -> None:
    model = tiny_models[family]
    ids = encode(model, PROMPT)
    s = score_text(model, PROMPT, k=3)
    with torch.no_grad():
        logp = torch.log_softmax(model.hf(input_ids=torch.tensor([ids])).logits[0].float(), -1)
    assert [t.id for t in s.tokens] == ids and s.tokens[0].logprob is None and s.tokens[0].top is None
    lps = []
    for i in range(1, len(ids)):
        t = s.tokens[i]
        want = float(logp[i - 1, ids[i]])
        assert t.logprob == pytest.approx(want, abs=1e-5)
        # the rank counts strictly larger logits; a near-tie may fall either way between two float32 forwards
        assert t.rank is not None
        assert int((logp[i - 1] > want + 1e-5).sum()) <= t.rank <= int((logp[i - 1] > want - 1e-5).sum())
        assert t.top is not None and [a.id for a in t.top] == torch.topk(logp[i - 1], 3).indices.tolist()
        lps.append(want)
    assert s.perplexity == pytest.approx(float(np.exp(-np.mean(lps))), rel=1e-5)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda m: attribute(m, PROMPT, target="the cat"), "tokens"),
        (lambda m: attribute(m, PROMPT, method="lime"), "unknown attribution method"),
        (lambda m: patch(m, "The cat", "The big old cat", 5, 9), "same number of tokens"),
        (lambda m: patch(m, PROMPT, PROMPT, 5, 5), "same token"),
        (lambda m: ablate(m, PROMPT, heads=[(0, 99)]), "head 99"),
        (lambda m: ablate(m, PROMPT, neurons=[(7, 0)]), "layer 7"),
        (lambda m: score_text(m, [3]), "single token"),
    ],
)
def test_bad_input_is_a_clear_error(tiny_models: dict[str, LoadedModel], call: Any, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        call(tiny_models["gpt2"])


LIMITS = Limits(max_prompt_tokens=24, max_new_tokens=8, max_top_k=50)


@pytest.fixture(scope="module")
def client(tiny_models: dict[str, LoadedModel]) -> TestClient:
    return TestClient(create_app_for(Registry(list(tiny_models.values())), LIMITS), base_url="http://localhost")


def _mid(client: TestClient, family: str) -> str:
    return next(i for i in client.get("/api/health").json()["models"] if i.endswith(family))


def test_routes_answer_the_api_numbers(client: TestClient, tiny_models: dict[str, LoadedModel]) -> None:
    model = tiny_models["mistral"]
    mid = _mid(client, "mistral")

    def post(route: str, **body: object) -> dict[str, Any]:
        r = client.post(f"/api/why/{route}", json={"model": mid, **body})
        assert r.status_code == 200, r.text
        out: dict[str, Any] = r.json()
        return out

    a = post("attribute", prompt=PROMPT, method="integrated_gradients", n_steps=8)
    api = attribute(model, PROMPT, method="integrated_gradients", n_steps=8)
    assert a["model"] == mid and a["scores"] == api.scores.tolist() and a["delta"] == api.delta
    m = post("attribution_matrix", prompt="one two", max_new_tokens=2)
    api_m = attribute_generation(model, "one two", max_new_tokens=2)
    assert [r["scores"] for r in m["rows"]] == [r.scores.tolist() for r in api_m.rows]
    d = post("dla", prompt=PROMPT, target=7)
    assert d["total"] == pytest.approx(glassbox.trace(model, PROMPT).direct_logit_attribution(7).total, abs=1e-6)
    ab = post("ablate", prompt=PROMPT, heads=[{"layer": 1, "head": 0}], neurons=[{"layer": 0, "neuron": 3}])
    api_ab = ablation_summary(model, PROMPT, heads=[(1, 0)], neurons=[(0, 3)])
    assert ab["changes"] == [c.model_dump() for c in api_ab.changes]
    pa = post("patch", clean="The cat sat", corrupted="The dog sat", answer=5, wrong=9, site="head_result")
    api_p = patch(model, "The cat sat", "The dog sat", 5, 9, site="head_result")
    assert np.array_equal(Patching.model_validate(pa).effect, api_p.effect)
    s = post("score", text=PROMPT)
    assert [t["logprob"] for t in s["tokens"]] == [t.logprob for t in score_text(model, PROMPT).tokens]


@pytest.mark.parametrize(
    ("route", "body", "status"),
    [
        ("attribute", {"prompt": PROMPT, "target": "the cat"}, 400),
        ("attribute", {"prompt": PROMPT, "method": "lime"}, 422),
        ("patch", {"clean": "The cat", "corrupted": "The big old cat", "answer": 5, "wrong": 9}, 400),
        ("ablate", {"prompt": PROMPT, "heads": [{"layer": 0, "head": 99}]}, 400),
        ("score", {"text": "word " * 40}, 413),
        ("score", {"text": ""}, 400),
    ],
)
def test_bad_requests_are_clear_json_errors(
    client: TestClient, route: str, body: dict[str, object], status: int
) -> None:
    r = client.post(f"/api/why/{route}", json={"model": _mid(client, "gpt2"), **body})
    assert r.status_code == status, r.text
    assert r.json()["error"]["message"]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "glassbox.cli", *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_cli_json_equals_the_api(tiny_dir: dict[str, Path], tiny_models: dict[str, LoadedModel]) -> None:
    folder, model = str(tiny_dir["gpt2"]), tiny_models["gpt2"]
    out = _cli("attribute", "-p", PROMPT, "--method", "occlusion", "--target", "7", "--model", folder, "--json")
    assert out.returncode == 0, out.stderr
    a = Attribution.model_validate_json(out.stdout)
    np.testing.assert_allclose(a.scores, attribute(model, PROMPT, target=7, method="occlusion").scores, atol=1e-6)
    out = _cli("score", "-p", PROMPT, "--model", folder, "--json")
    assert out.returncode == 0, out.stderr
    assert TextScore.model_validate_json(out.stdout).perplexity == pytest.approx(score_text(model, PROMPT).perplexity)
    out = _cli("patch", "--clean", "The cat", "--corrupted", "The hat", "--answer", "5", "--wrong", "9", "-m", folder)
    assert out.returncode == 0 and "clean" in out.stdout, out.stderr
    bad = _cli(
        "patch", "--clean", "The cat", "--corrupted", "The big cat", "--answer", "5", "--wrong", "9", "-m", folder
    )
    assert bad.returncode == 1 and bad.stderr.startswith("error:") and "same number of tokens" in bad.stderr


# --- one patching cell opened up: the next-token distribution after that one patch ---------------------------

CLEAN, CORRUPTED = "The cat sat on the mat", "The dog sat on the rug"


@pytest.mark.parametrize("site", ["resid_pre", "attn_out", "mlp_out", "head_result"])
def test_an_opened_cell_is_the_map_cell_bit_for_bit(
    tiny_models: dict[str, LoadedModel], family: str, site: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chunks of 3 positions, so cells in the first, a middle and the last chunk are opened."""
    monkeypatch.setattr(patching, "CHUNK", 3)
    model = tiny_models[family]
    p = patch(model, CLEAN, CORRUPTED, 5, 9, site=site)  # type: ignore[arg-type]
    n, last = len(p.clean_tokens), model.info.n_layers - 1
    assert n > 6  # three chunks
    head = model.info.n_heads - 1 if site == "head_result" else None
    for layer, pos in ((0, 0), (1, 4), (last, n - 1), (last, 2)):
        cell = patching.patch_cell(model, CLEAN, CORRUPTED, 5, 9, site, layer=layer, pos=pos, head=head)  # type: ignore[arg-type]
        index = (layer, pos) if head is None else (layer, pos, head)
        assert cell.value == float(p.effect[index])  # exactly: the same batched run
        lg = cell.logits_patched.to_numpy()
        assert float(lg[5] - lg[9]) == cell.value  # float32 subtraction of the logits sent
        assert (cell.clean, cell.corrupted) == (p.clean, p.corrupted)
        assert cell.patched_token == p.clean_tokens[pos] and cell.head == head


def _probs(logits: torch.Tensor | np.ndarray) -> np.ndarray:
    out: np.ndarray = torch.softmax(torch.as_tensor(np.asarray(logits)).double(), -1).numpy()
    return out


def test_an_opened_resid_pre_cell_is_a_hooked_hf_forward(tiny_models: dict[str, LoadedModel], family: str) -> None:
    model = tiny_models[family]
    ci, ki = encode(model, CLEAN), encode(model, CORRUPTED)
    # the last layer, the token before the last: the same token in both prompts, another context before it
    layer, pos = model.info.n_layers - 1, len(ci) - 2
    cell = patching.patch_cell(model, CLEAN, CORRUPTED, 5, 9, layer=layer, pos=pos, k=5)
    with torch.no_grad():
        hidden = model.hf(input_ids=torch.tensor([ci]), output_hidden_states=True, use_cache=False).hidden_states
    expect = _hf_patched(model, ki, layer, pos, hidden[layer][0, pos])
    np.testing.assert_allclose(cell.logits_patched.to_numpy(), expect.numpy(), atol=2e-5)
    np.testing.assert_allclose(cell.logits_corrupted.to_numpy(), _hf_last_logits(model.hf, ki).numpy(), atol=1e-5)
    p_hf, p_hf0 = _probs(expect), _probs(_hf_last_logits(model.hf, ki))
    assert [t.token.id for t in cell.top_patched] == np.argsort(-p_hf, kind="stable")[:5].tolist()
    for t in cell.top_patched:
        assert t.prob == pytest.approx(p_hf[t.token.id], abs=1e-6)
    for c in cell.changes:
        assert c.prob_before == pytest.approx(p_hf0[c.token.id], abs=1e-6)
        assert c.prob_after == pytest.approx(p_hf[c.token.id], abs=1e-6)
    deltas = [abs(c.prob_after - c.prob_before) for c in cell.changes]
    assert deltas == sorted(deltas, reverse=True) and len(cell.changes) == 5
    assert deltas[0] > 0  # the patch does move the distribution


@pytest.mark.parametrize("family_", ["gpt2", "llama", "qwen3", "mistral", "cohere", "gpt_neox", "phi3", "smollm3"])
def test_an_opened_head_cell_is_an_hf_forward_with_that_heads_input_swapped(
    tiny_models: dict[str, LoadedModel], family_: str
) -> None:
    """Pre-norm families: a head's result is its slice of the output projection's input times W_O, so putting
    back the clean head's result is putting back its slice of the projection's input (the bias stays)."""
    model = tiny_models[family_]
    ci, ki = encode(model, CLEAN), encode(model, CORRUPTED)
    # the first layer at the last position, where the prompts differ: the swapped head still runs through
    # every later block
    layer, pos, head, dh = 0, len(ci) - 1, 3, model.info.d_head
    block = _layers(model)[layer]
    proj = _o_proj(model, block)
    seen: dict[str, torch.Tensor] = {}

    def grab(_: Any, args: tuple[torch.Tensor, ...]) -> None:
        seen["z"] = args[0][0, pos, head * dh : (head + 1) * dh].clone()

    def swap(_: Any, args: tuple[torch.Tensor, ...]) -> tuple[torch.Tensor, ...]:
        x = args[0].clone()
        x[0, pos, head * dh : (head + 1) * dh] = seen["z"]
        return (x,)

    for hook, ids in ((grab, ci), (swap, ki)):
        handle = proj.register_forward_pre_hook(hook)
        try:
            expect = _hf_last_logits(model.hf, ids)
        finally:
            handle.remove()
    cell = patching.patch_cell(model, CLEAN, CORRUPTED, 5, 9, "head_result", layer=layer, pos=pos, head=head)
    np.testing.assert_allclose(cell.logits_patched.to_numpy(), expect.numpy(), atol=2e-5)
    assert cell.value == pytest.approx(float(expect[5] - expect[9]), abs=2e-5)
    assert float(np.abs(cell.logits_patched.to_numpy() - cell.logits_corrupted.to_numpy()).max()) > 1e-4  # it moves


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"layer": 9, "pos": 0}, "layer 9"),
        ({"layer": 0, "pos": 40}, "position 40"),
        ({"layer": 0, "pos": 0, "head": 1}, "leave the head out"),
        ({"layer": 0, "pos": 0, "site": "head_result"}, "name the head"),
        ({"layer": 0, "pos": 0, "site": "head_result", "head": 77}, "head 77"),
    ],
)
def test_a_cell_outside_the_map_is_a_clear_error(
    tiny_models: dict[str, LoadedModel], kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        patching.patch_cell(tiny_models["gpt2"], CLEAN, CORRUPTED, 5, 9, **kwargs)


def test_patch_cell_route_answers_the_api(client: TestClient, tiny_models: dict[str, LoadedModel]) -> None:
    mid = _mid(client, "qwen3")
    body = {"clean": CLEAN, "corrupted": CORRUPTED, "answer": 5, "wrong": 9, "site": "head_result"}
    r = client.post("/api/why/patch_cell", json={"model": mid, **body, "layer": 1, "pos": 4, "head": 2, "k": 4})
    assert r.status_code == 200, r.text
    api = patching.patch_cell(
        tiny_models["qwen3"], CLEAN, CORRUPTED, 5, 9, "head_result", layer=1, pos=4, head=2, k=4
    ).model_copy(update={"model": mid})
    assert r.json() == api.model_dump(mode="json")
    assert PatchedCell.model_validate(r.json()).value == float(
        patch(tiny_models["qwen3"], CLEAN, CORRUPTED, 5, 9, site="head_result").effect[1, 4, 2]
    )
    for extra, status in (({"layer": 0, "pos": 0}, 400), ({"layer": -1, "pos": 0, "head": 0}, 422)):
        bad = client.post("/api/why/patch_cell", json={"model": mid, **body, **extra})
        assert bad.status_code == status, bad.text
        assert bad.json()["error"]["message"]


# --- interventions after a generated continuation --------------------------------------------------------------


def test_ablation_covers_the_generated_tokens(client: TestClient, tiny_models: dict[str, LoadedModel]) -> None:
    model, mid = tiny_models["llama"], _mid(client, "llama")
    gen = [11, 23, 7]
    ids = encode(model, PROMPT) + gen
    api = ablation_summary(model, PROMPT, heads=[(1, 0)], neurons=[(0, 3)], generated_ids=gen)
    # "before" is the next token after the last generated one, as the detailed view shows it
    np.testing.assert_allclose(api.logits_before.to_numpy(), _hf_last_logits(model.hf, ids).numpy(), atol=1e-5)
    expect_after = _hf_last_logits(_zeroed_hf(model, [(1, 0)], [(0, 3)]), ids)
    np.testing.assert_allclose(api.logits_after.to_numpy(), expect_after.numpy(), atol=1e-5)
    assert [t.id for t in api.tokens] == ids
    assert api == ablation_summary(model, ids, heads=[(1, 0)], neurons=[(0, 3)])
    body = {"model": mid, "prompt": PROMPT, "heads": [{"layer": 1, "head": 0}], "neurons": [{"layer": 0, "neuron": 3}]}
    r = client.post("/api/why/ablate", json={**body, "generated_ids": gen})
    assert r.status_code == 200, r.text
    assert r.json() == api.model_copy(update={"model": mid}).model_dump(mode="json")
    prompt_only = client.post("/api/why/ablate", json=body).json()
    assert prompt_only["logits_before"] != r.json()["logits_before"]  # the continuation does change the answer
    too_many = client.post("/api/why/ablate", json={**body, "generated_ids": [1] * (LIMITS.max_new_tokens + 1)})
    assert too_many.status_code == 422 and too_many.json()["error"]["message"]
    outside = client.post("/api/why/ablate", json={**body, "generated_ids": [10**9]})
    assert outside.status_code == 400 and "vocabulary" in outside.json()["error"]["message"]
