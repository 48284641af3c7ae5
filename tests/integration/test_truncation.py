"""Prompts longer than the model's context (issue 17, item 4): refused with a clear error unless asked to truncate.

The Python API (``glassbox.trace`` / ``glassbox.generate``) and the HTTP routes the page uses (``/api/predict``,
``/api/generate``) raise or answer 413 ``prompt_too_long`` for a prompt over the limit, and with ``truncate="left"``
keep exactly the last tokens that fit and say how many were dropped. A truncated trace equals a trace of the kept
ids; sampling controls with a top-k below 0 or not an integer are refused (422).
"""

from __future__ import annotations

import pytest
import torch
from fastapi.testclient import TestClient

import glassbox
from glassbox.errors import InvalidInputError, PromptTooLongError
from glassbox.models.loading import LoadedModel, load_model
from glassbox.models.tokens import _tokenize
from glassbox.schema.api import Limits, PredictResponse
from glassbox.schema.models import Generation
from glassbox.server.app import create_app_for
from glassbox.server.registry import Registry
from glassbox.testing import make_tiny_model


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> LoadedModel:
    folder = make_tiny_model(tmp_path_factory.mktemp("trunc") / "tiny-gpt2", "gpt2")
    return load_model(str(folder), device="cpu")


def long_prompt(model: LoadedModel, extra: int) -> tuple[str, list[int]]:
    """A prompt whose ids are ``extra`` more than the model's context (read from the model), with those ids."""
    n_ctx = model.info.n_ctx
    words = " ".join(f"w{i % 10}" for i in range(n_ctx * 2))
    ids = _tokenize(model, words, None)
    while len(ids) < n_ctx + extra:  # grow until it is long enough, whatever the tokenizer merges
        words += " " + words
        ids = _tokenize(model, words, None)
    return words, ids


@pytest.fixture(scope="module")
def client(tiny: LoadedModel, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    static = tmp_path_factory.mktemp("static")
    (static / "index.html").write_text("<!doctype html><title>glassbox</title>", encoding="utf-8")
    limits = Limits(max_prompt_tokens=tiny.info.n_ctx, max_new_tokens=8, max_top_k=50)
    return TestClient(create_app_for(Registry([tiny]), limits, static_dir=static), base_url="http://localhost")


def test_trace_refuses_a_long_prompt_without_truncate(tiny: LoadedModel) -> None:
    text, ids = long_prompt(tiny, 5)
    with pytest.raises(PromptTooLongError, match=r"truncate='left'") as err:
        glassbox.trace(tiny, text)
    assert f"{len(ids)} tokens" in str(err.value) and str(tiny.info.n_ctx) in str(err.value)
    with pytest.raises(PromptTooLongError):
        glassbox.trace(tiny, token_ids=ids)


def test_trace_truncate_left_keeps_the_last_ids_and_equals_their_trace(tiny: LoadedModel) -> None:
    n_ctx = tiny.info.n_ctx
    text, ids = long_prompt(tiny, 5)
    tr = glassbox.trace(tiny, text, truncate="left")
    assert tr.token_ids == ids[-n_ctx:]
    assert tr.dropped_tokens == len(ids) - n_ctx > 0
    ref = glassbox.trace(tiny, token_ids=ids[-n_ctx:])
    assert ref.dropped_tokens == 0
    assert torch.equal(tr.logits, ref.logits)
    # and the same through token_ids=
    by_ids = glassbox.trace(tiny, token_ids=ids, truncate="left")
    assert by_ids.token_ids == ids[-n_ctx:] and by_ids.dropped_tokens == len(ids) - n_ctx
    assert torch.equal(by_ids.logits, ref.logits)


def test_trace_short_prompt_drops_nothing_and_bad_truncate_is_refused(tiny: LoadedModel) -> None:
    tr = glassbox.trace(tiny, "hello world", truncate="left")
    assert tr.dropped_tokens == 0 and tr.token_ids == glassbox.trace(tiny, "hello world").token_ids
    with pytest.raises(InvalidInputError, match="truncate"):
        glassbox.trace(tiny, "hello", truncate="right")  # type: ignore[arg-type]


def test_generate_refuses_or_truncates(tiny: LoadedModel) -> None:
    n_ctx = tiny.info.n_ctx
    text, ids = long_prompt(tiny, 3)
    with pytest.raises(PromptTooLongError):
        glassbox.generate(tiny, text, max_new_tokens=4)
    gen = glassbox.generate(tiny, text, max_new_tokens=4, truncate="left")
    kept = [t.id for t in gen.prompt_tokens]
    assert kept == ids[-(n_ctx - 4) :]  # room is left for the 4 new tokens
    assert gen.dropped_tokens == len(ids) - (n_ctx - 4)
    assert len(gen.steps) == 4 and gen.stop_reason in {"max_new_tokens", "eos"}


def test_http_predict_413_without_truncate_and_success_with_it(client: TestClient, tiny: LoadedModel) -> None:
    n_ctx = tiny.info.n_ctx
    text, ids = long_prompt(tiny, 5)
    r = client.post("/api/predict", json={"model": "tiny-gpt2", "prompt": text})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "prompt_too_long" and "truncate" in r.json()["error"]["message"]
    r = client.post("/api/predict", json={"model": "tiny-gpt2", "prompt": text, "truncate": "left"})
    assert r.status_code == 200, r.text
    body = PredictResponse.model_validate(r.json())
    assert [t.id for t in body.tokens] == ids[-n_ctx:]
    assert body.dropped_tokens == len(ids) - n_ctx
    # with generated tokens, the prompt keeps room for them
    gen_ids = [ids[0], ids[1]]
    r = client.post(
        "/api/predict", json={"model": "tiny-gpt2", "prompt": text, "truncate": "left", "generated_ids": gen_ids}
    )
    body = PredictResponse.model_validate(r.json())
    assert [t.id for t in body.tokens] == ids[-(n_ctx - 2) :] and body.dropped_tokens == len(ids) - (n_ctx - 2)
    short = client.post("/api/predict", json={"model": "tiny-gpt2", "prompt": "hello", "truncate": "left"})
    assert short.status_code == 200 and short.json()["dropped_tokens"] == 0


def test_http_truncate_value_is_validated(client: TestClient) -> None:
    r = client.post("/api/predict", json={"model": "tiny-gpt2", "prompt": "hello", "truncate": "right"})
    assert r.status_code in {400, 422} and "error" in r.json()


def test_http_generate_413_without_truncate_and_success_with_it(client: TestClient, tiny: LoadedModel) -> None:
    n_ctx = tiny.info.n_ctx
    text, ids = long_prompt(tiny, 5)
    r = client.post("/api/generate", json={"model": "tiny-gpt2", "prompt": text, "max_new_tokens": 3})
    assert r.status_code == 413 and r.json()["error"]["code"] == "prompt_too_long"
    r = client.post(
        "/api/generate", json={"model": "tiny-gpt2", "prompt": text, "max_new_tokens": 3, "truncate": "left"}
    )
    assert r.status_code == 200, r.text
    gen = Generation.model_validate(r.json())
    assert [t.id for t in gen.prompt_tokens] == ids[-(n_ctx - 3) :]
    assert gen.dropped_tokens == len(ids) - (n_ctx - 3) and len(gen.steps) == 3


@pytest.mark.parametrize("top_k", [-1, -5, 2.5, "3"])
def test_http_generate_refuses_a_bad_top_k(client: TestClient, top_k: object) -> None:
    r = client.post(
        "/api/generate",
        json={"model": "tiny-gpt2", "prompt": "hello", "max_new_tokens": 1, "settings": {"top_k": top_k}},
    )
    assert r.status_code in {400, 422}, r.text
    assert "error" in r.json()


def test_python_generate_refuses_a_negative_top_k(tiny: LoadedModel) -> None:
    with pytest.raises(InvalidInputError):
        glassbox.generate(tiny, "hello", max_new_tokens=1, top_k=-1)


def test_http_detail_413_without_truncate_and_the_predict_cut_with_it(client: TestClient, tiny: LoadedModel) -> None:
    """Inside the model traces exactly the tokens the next-token view kept: the same cut, the same count."""
    text, ids = long_prompt(tiny, 7)
    body = {"model": "tiny-gpt2", "prompt": text, "generated_ids": [ids[0]]}
    r = client.post("/api/detail/overview", json=body)
    assert r.status_code == 413 and r.json()["error"]["code"] == "prompt_too_long"
    predicted = client.post("/api/predict", json={**body, "truncate": "left"}).json()
    r = client.post("/api/detail/overview", json={**body, "truncate": "left"})
    assert r.status_code == 200, r.text
    overview = r.json()
    kept = [t["id"] for t in predicted["tokens"]]
    assert [t["id"] for t in overview["tokens"]] == [*kept, ids[0]]
    assert overview["dropped_tokens"] == predicted["dropped_tokens"] == len(ids) - len(kept) > 0
    # every slice reads the same truncated trace: the last position's embedding is the generated token's
    last = len(kept)
    r = client.post("/api/detail/embedding", json={**body, "truncate": "left", "pos": last})
    assert r.status_code == 200, r.text
    assert r.json()["token"]["id"] == ids[0]
    short = client.post("/api/detail/overview", json={"model": "tiny-gpt2", "prompt": "hello", "truncate": "left"})
    assert short.status_code == 200 and short.json()["dropped_tokens"] == 0
