"""Models side by side (``POST /api/compare``, ``glassbox.compare_models``): every number equals a plain Hugging
Face forward pass of each model, next tokens are matched by bytes across different vocabularies, and bad requests
get clear errors."""

from __future__ import annotations

import pytest
import torch
from fastapi.testclient import TestClient

import glassbox
from glassbox.analysis.model_compare import vocab_keys
from glassbox.comparison import compare_models
from glassbox.errors import InvalidInputError
from glassbox.models.loading import LoadedModel
from glassbox.schema.api import Limits
from glassbox.schema.api_compare import ModelComparison
from glassbox.server.app import create_app_for
from glassbox.server.registry import Registry

LIMITS = Limits(max_prompt_tokens=24, max_new_tokens=8, max_top_k=50)
PROMPT = "The capital of France is"


@pytest.fixture(scope="module")
def embedded() -> LoadedModel:
    return glassbox.load_model("glassbox-tiny", device="cpu")


def hf_probs(model: LoadedModel, ids: list[int]) -> torch.Tensor:
    """The plain Hugging Face forward's next-token distribution after ``ids``."""
    with torch.no_grad():
        logits = model.hf(torch.tensor([ids])).logits[0, -1]
    return torch.softmax(logits.double(), dim=-1)


def test_two_vocabularies_side_by_side_match_plain_forwards(embedded: LoadedModel, tiny_models) -> None:  # type: ignore[no-untyped-def]
    llama = tiny_models["llama"]
    c = compare_models([embedded, llama], PROMPT, top_k=5, names=["tiny", "llama"])
    assert [m.model for m in c.models] == ["tiny", "llama"]
    assert not c.same_tokenizer  # 4,096-token BPE vs the 512-token test tokenizer
    for side, model in zip(c.models, [embedded, llama], strict=True):
        ids = [t.id for t in side.tokens]
        assert ids == glassbox.trace(model, PROMPT).token_ids
        p = hf_probs(model, ids)
        top = torch.topk(p, 5)
        assert [t.token.id for t in side.top] == top.indices.tolist()
        assert [t.prob for t in side.top] == pytest.approx(top.values.tolist(), abs=1e-6)
        nz = p[p > 0]
        assert side.entropy == pytest.approx(float(-(nz * nz.log()).sum()), abs=1e-5)
        # the lens: one row per layer and the embeddings; the last row is the model's own output
        assert len(side.lens) == model.info.n_layers + 1
        assert side.lens[0].depth == 0 and side.lens[-1].depth == 1
        assert side.lens[-1].top.token.id == side.top[0].token.id and side.lens[-1].final_rank == 1
        assert side.lens[-1].final_prob == pytest.approx(side.top[0].prob, abs=1e-5)
    # each shared row's probability is the model's own probability of the token(s) with those bytes
    for row in c.next:
        for model, prob, present in zip([embedded, llama], row.probs, row.in_vocab, strict=True):
            keys = vocab_keys(model.tokenizer, model.info.d_vocab)
            key = (b"S" + bytes.fromhex(row.bytes_hex)) if row.is_special else (b"T" + bytes.fromhex(row.bytes_hex))
            ids = [i for i, k in enumerate(keys) if k == key]
            assert present == bool(ids)
            side = c.models[[embedded, llama].index(model)]
            p = hf_probs(model, [t.id for t in side.tokens])
            assert prob == pytest.approx(float(p[ids].sum()) if ids else 0.0, abs=1e-6)
    # the union of both models' top 5, most likely first
    listed = {t.token.bytes_hex for s in c.models for t in s.top}
    assert {r.bytes_hex for r in c.next if not r.is_special} >= {h for h in listed}
    assert [max(r.probs) for r in c.next] == sorted((max(r.probs) for r in c.next), reverse=True)
    tv = c.total_variation
    assert tv[0][0] == 0 and tv[1][1] == 0 and tv[0][1] == tv[1][0] and 0 < tv[0][1] <= 1


def test_one_tokenizer_gives_the_distance_over_ids(tiny_models) -> None:  # type: ignore[no-untyped-def]
    a, b = tiny_models["gpt2"], tiny_models["llama"]
    assert a.info.d_vocab == b.info.d_vocab
    c = compare_models([a, b], PROMPT)
    assert c.same_tokenizer
    pa = hf_probs(a, [t.id for t in c.models[0].tokens])
    pb = hf_probs(b, [t.id for t in c.models[1].tokens])
    # one vocabulary: the distance over bytes is the distance over ids, once ids with the same bytes are pooled
    keys = vocab_keys(a.tokenizer, a.info.d_vocab)
    pooled: dict[bytes, float] = {}
    for k, x, y in zip(keys, pa.tolist(), pb.tolist(), strict=True):
        pooled[k] = pooled.get(k, 0.0) + x - y
    assert c.total_variation[0][1] == pytest.approx(0.5 * sum(abs(v) for v in pooled.values()), abs=1e-6)
    assert c.total_variation[0][1] <= float(0.5 * (pa - pb).abs().sum()) + 1e-9


def test_the_route_answers_with_the_same_numbers(embedded: LoadedModel, tiny_models) -> None:  # type: ignore[no-untyped-def]
    reg = Registry([embedded, tiny_models["gpt2"]])
    client = TestClient(create_app_for(reg, LIMITS), base_url="http://localhost")
    a, b = reg.ids[:2]
    r = client.post("/api/compare", json={"models": [a, b], "prompt": PROMPT, "top_k": 3})
    assert r.status_code == 200, r.text
    got = ModelComparison.model_validate(r.json())
    want = compare_models([embedded, tiny_models["gpt2"]], PROMPT, top_k=3, names=[a, b])
    assert_close(got, want)
    # the traces were left in the detailed view's cache: opening that view next costs no forward pass
    assert client.get("/api/health").json()["trace_cache"]["entries"] == 2


def assert_close(got: ModelComparison, want: ModelComparison) -> None:
    assert [m.model for m in got.models] == [m.model for m in want.models]
    for g, w in zip(got.models, want.models, strict=True):
        assert [t.token.id for t in g.top] == [t.token.id for t in w.top]
        assert [t.prob for t in g.top] == pytest.approx([t.prob for t in w.top], abs=1e-6)
        assert [r.final_prob for r in g.lens] == pytest.approx([r.final_prob for r in w.lens], abs=1e-6)
    assert [n.bytes_hex for n in got.next] == [n.bytes_hex for n in want.next]
    for g_row, w_row in zip(got.total_variation, want.total_variation, strict=True):
        assert g_row == pytest.approx(w_row, abs=1e-6)


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"models": ["A", "A"], "prompt": PROMPT}, 400, "invalid_input"),
        ({"models": ["A", "nope"], "prompt": PROMPT}, 404, "unknown_model"),
        ({"models": ["A"], "prompt": PROMPT}, 422, "invalid_input"),
        ({"models": ["A", "B"], "prompt": ""}, 400, "invalid_input"),
        ({"models": ["A", "B"], "prompt": "word " * 200}, 413, "prompt_too_long"),
        ({"models": ["A", "B"], "prompt": PROMPT, "top_k": 0}, 422, "invalid_input"),
    ],
)
def test_bad_requests_get_clear_errors(tiny_models, body: dict[str, object], status: int, code: str) -> None:  # type: ignore[no-untyped-def]
    reg = Registry([tiny_models["gpt2"], tiny_models["llama"]])
    a, b = reg.ids[:2]
    models = [{"A": a, "B": b}.get(m, m) for m in body["models"]]  # type: ignore[attr-defined]
    client = TestClient(create_app_for(reg, LIMITS), base_url="http://localhost")
    r = client.post("/api/compare", json={**body, "models": models})
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code


def test_the_python_api_refuses_one_model(tiny_models) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError, match="at least two"):
        compare_models([tiny_models["gpt2"]], PROMPT)


def test_the_command_line_writes_the_same_comparison(tmp_path, tiny_dir, tiny_models) -> None:  # type: ignore[no-untyped-def]
    import json
    import subprocess
    import sys

    target = tmp_path / "cmp.json"
    a, b = str(tiny_dir["gpt2"]), str(tiny_dir["qwen3"])
    base = [sys.executable, "-m", "glassbox.cli", "compare", "-p", PROMPT, "-m", a, "-m", b, "--device", "cpu"]
    out = subprocess.run(
        [*base, "-k", "4", "-o", str(target)], capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0, out.stderr
    got = ModelComparison.model_validate(json.loads(target.read_text()))
    want = compare_models([tiny_models["gpt2"], tiny_models["qwen3"]], PROMPT, top_k=4, names=[a, b])
    assert_close(got, want)
    printed = subprocess.run(base, capture_output=True, text=True, timeout=120, check=False)
    assert printed.returncode == 0 and "total variation" in printed.stdout, printed.stderr
    one = subprocess.run([*base[:-6], "-m", a], capture_output=True, text=True, timeout=120, check=False)
    assert one.returncode == 1 and "2 to 4 models" in one.stderr
