"""The HTTP API of ``glassbox serve``, through FastAPI's TestClient on a tiny locally built model."""

from __future__ import annotations

import base64
import logging
import threading
from pathlib import Path

import numpy as np
import pytest
import torch
from fastapi.testclient import TestClient

from glassbox.analysis.sampling import sampling_pipeline, settings
from glassbox.capture.forward import next_token_logits
from glassbox.errors import (
    BusyError,
    CorruptedCheckpointError,
    CorruptedModelError,
    GlassboxError,
    InvalidInputError,
    ModelNotFoundError,
    NotBuiltError,
    NotFoundError,
    PromptTooLongError,
    SupersededError,
    TextTooLongError,
    TooManyNewTokensError,
    TopKTooLargeError,
    TrainingError,
    UnknownModelError,
    UnsupportedArchitectureError,
)
from glassbox.models.loading import LoadedModel, load_model
from glassbox.models.tokens import encode, encode_prompt
from glassbox.schema.api import Health, Limits, ModelList, PredictResponse
from glassbox.server.app import build_api, create_app_for
from glassbox.server.registry import Registry
from glassbox.testing import make_tiny_model

LIMITS = Limits(max_prompt_tokens=24, max_new_tokens=8, max_top_k=50)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> LoadedModel:
    folder = make_tiny_model(tmp_path_factory.mktemp("server") / "tiny-gpt2", "gpt2")
    return load_model(str(folder), device="cpu")


@pytest.fixture(scope="module")
def client(tiny: LoadedModel, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    static = tmp_path_factory.mktemp("static")
    (static / "index.html").write_text("<!doctype html><title>glassbox</title>", encoding="utf-8")
    return TestClient(create_app_for(Registry([tiny]), LIMITS, static_dir=static), base_url="http://localhost")


def decode_logits(body: dict[str, object]) -> np.ndarray:
    payload = body["logits"]
    assert isinstance(payload, dict)
    return np.frombuffer(base64.b64decode(payload["data"]), dtype="<f4")


def test_health_and_models(client: TestClient, tiny: LoadedModel) -> None:
    health = Health.model_validate(client.get("/api/health").json())
    assert health.models == ["tiny-gpt2"] and health.kind == "health"
    models = ModelList.model_validate(client.get("/api/models").json())
    assert models.default_model == "tiny-gpt2"
    assert models.limits == LIMITS
    card = models.models[0]
    assert card.info.d_vocab == tiny.info.d_vocab and card.info.n_layers == 2
    assert card.eos_token_ids == [tiny.tokenizer.eos_token_id]


def test_vocab_lists_every_token(client: TestClient, tiny: LoadedModel) -> None:
    vocab = client.get("/api/models/tiny-gpt2/vocab").json()
    assert len(vocab["texts"]) == tiny.info.d_vocab
    assert tiny.tokenizer.eos_token_id in vocab["special_ids"]


def test_predict_returns_the_full_vocabulary_logits(client: TestClient, tiny: LoadedModel) -> None:
    r = client.post("/api/predict", json={"model": "tiny-gpt2", "prompt": "The capital of France is"})
    assert r.status_code == 200, r.text
    body = r.json()
    PredictResponse.model_validate(body)
    ids = encode(tiny, "The capital of France is")
    assert [t["id"] for t in body["tokens"]] == ids
    logits = decode_logits(body)
    assert body["logits"]["dims"] == ["d_vocab"] and logits.shape == (tiny.info.d_vocab,)
    np.testing.assert_array_equal(logits, next_token_logits(tiny, ids).numpy())
    probs = [t["prob"] for t in body["top"]]
    assert probs == sorted(probs, reverse=True) and 0 < sum(probs) <= 1 + 1e-9
    assert body["top"][0]["token"]["id"] == int(np.argmax(logits))
    assert body["forward_ms"] >= 0


def test_predict_continues_after_generated_tokens(client: TestClient, tiny: LoadedModel) -> None:
    r = client.post("/api/predict", json={"model": "tiny-gpt2", "prompt": "Hello", "generated_ids": [5, 6]})
    assert r.status_code == 200, r.text
    assert [t["id"] for t in r.json()["generated"]] == [5, 6]
    expected = next_token_logits(tiny, [*encode(tiny, "Hello"), 5, 6]).numpy()
    np.testing.assert_array_equal(decode_logits(r.json()), expected)


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"model": "nope", "prompt": "hi"}, 404, "unknown_model"),
        ({"model": "/etc", "prompt": "hi"}, 404, "unknown_model"),
        ({"model": "gpt2", "prompt": "hi"}, 404, "unknown_model"),
        ({"model": "tiny-gpt2", "prompt": ""}, 400, "invalid_input"),
        ({"model": "tiny-gpt2", "prompt": "word " * 100}, 413, "prompt_too_long"),
        ({"model": "tiny-gpt2", "prompt": "hi", "generated_ids": [1] * 9}, 422, "too_many_new_tokens"),
        ({"model": "tiny-gpt2", "prompt": "hi", "generated_ids": [10**6]}, 400, "invalid_input"),
        ({"model": "tiny-gpt2", "prompt": "hi", "surprise": 1}, 422, "invalid_input"),
        ({"model": "tiny-gpt2"}, 422, "invalid_input"),
    ],
)
def test_errors_are_readable_json(client: TestClient, body: dict[str, object], status: int, code: str) -> None:
    r = client.post("/api/predict", json=body)
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert error["code"] == code and len(error["message"]) > 10


def test_prompt_limit_message_names_the_option(client: TestClient) -> None:
    r = client.post("/api/predict", json={"model": "tiny-gpt2", "prompt": "word " * 100})
    message = r.json()["error"]["message"]
    assert "--max-prompt-tokens" in message
    assert "this server's limit of 24" in message and "at most 128 tokens" in message  # both real limits


def test_encode_prompt_names_the_limit_that_applies(tiny: LoadedModel) -> None:
    assert encode_prompt(tiny, "hello", 24) == encode(tiny, "hello")
    with pytest.raises(InvalidInputError, match="the prompt is empty"):
        encode_prompt(tiny, "", 24)
    long = "word " * 200  # longer than the model's context of 128 tokens
    with pytest.raises(PromptTooLongError, match="more than the model's context of 128 tokens") as by_model:
        encode_prompt(tiny, long, 1000)
    assert "at most 1000" in str(by_model.value)
    with pytest.raises(PromptTooLongError, match=r"more than this server's limit of 24 .*--max-prompt-tokens"):
        encode_prompt(tiny, "word " * 30, 24)


def test_every_glassbox_error_answers_its_status_and_code() -> None:
    """One handler: the error's class alone fixes the status and the code of the answer."""
    app = build_api()
    raised: dict[str, type[GlassboxError]] = {
        cls.__name__: cls
        for cls in (
            GlassboxError,
            InvalidInputError,
            PromptTooLongError,
            TextTooLongError,
            TooManyNewTokensError,
            TopKTooLargeError,
            NotFoundError,
            UnknownModelError,
            ModelNotFoundError,
            SupersededError,
            BusyError,
            UnsupportedArchitectureError,
            CorruptedModelError,
            CorruptedCheckpointError,
            TrainingError,
            NotBuiltError,
        )
    }

    @app.get("/raise/{name}")
    def fail(name: str) -> None:
        raise raised[name](f"{name} happened: do something about it")

    c = TestClient(app)
    for name, cls in raised.items():
        r = c.get(f"/raise/{name}")
        assert r.status_code == cls.status, name
        assert r.json() == {"error": {"code": cls.code.value, "message": f"{name} happened: do something about it"}}
    assert {cls.status for cls in raised.values()} == {400, 404, 409, 413, 422, 503}


def test_a_bug_is_a_logged_500_in_the_error_format(caplog: pytest.LogCaptureFixture) -> None:
    app = build_api()

    @app.get("/bug")
    def bug() -> None:
        raise ZeroDivisionError("oops")

    with caplog.at_level(logging.ERROR, logger="glassbox.server.app"):
        r = TestClient(app, raise_server_exceptions=False).get("/bug")
    assert r.status_code == 500
    error = r.json()["error"]
    assert error["code"] == "internal" and "ZeroDivisionError" in error["message"]
    record = next(rec for rec in caplog.records if rec.name == "glassbox.server.app")
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError  # the traceback is logged


def test_a_wrong_method_is_json() -> None:
    r = TestClient(build_api()).get("/api/predict")  # no built app mounted at / to answer the GET instead
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"


def test_unknown_route_and_unknown_vocab_are_json(client: TestClient) -> None:
    assert client.get("/api/nothing").json()["error"]["code"] == "not_found"
    assert client.get("/api/models/../../etc/vocab").status_code == 404
    assert client.get("/api/models/other/vocab").json()["error"]["code"] == "unknown_model"


def test_a_huge_seq_does_not_block_a_page(client: TestClient) -> None:
    """Only a request that arrived *later* supersedes: a request claiming seq=10**18 under a page's client_id
    (an attacker who learned it, or a buggy page) must not have that page's next predictions dropped."""
    base = {"model": "tiny-gpt2", "prompt": "abc", "client_id": "page-1"}
    assert client.post("/api/predict", json={**base, "seq": 10**18}).status_code == 200
    for seq in (1, 2, 3):
        r = client.post("/api/predict", json={**base, "seq": seq})
        assert r.status_code == 200, r.text
    other_page = {**base, "client_id": "page-2", "seq": 1}
    assert client.post("/api/predict", json=other_page).status_code == 200


def test_generate_matches_stepping_with_predict(client: TestClient) -> None:
    """The page steps by itself from /api/predict logits; the server's generation must agree."""
    s = {"temperature": 0.9, "top_k": 20, "top_p": 0.95, "min_p": 0.0, "seed": 7}
    r = client.post(
        "/api/generate",
        json={"model": "tiny-gpt2", "prompt": "Once", "max_new_tokens": 4, "settings": s, "stop_at_eos": False},
    )
    assert r.status_code == 200, r.text
    server_tokens = [st["token"]["id"] for st in r.json()["steps"]]
    generated: list[int] = []
    for step in range(4):
        body = client.post("/api/predict", json={"model": "tiny-gpt2", "prompt": "Once", "generated_ids": generated})
        logits = torch.from_numpy(decode_logits(body.json()).copy())
        generated.append(sampling_pipeline(logits, settings(**s), step).token_id)
    assert generated == server_tokens


def test_generate_enforces_limits(client: TestClient) -> None:
    too_many = {"model": "tiny-gpt2", "prompt": "a", "max_new_tokens": 9}
    assert client.post("/api/generate", json=too_many).json()["error"]["code"] == "too_many_new_tokens"
    big_k = {"model": "tiny-gpt2", "prompt": "a", "max_new_tokens": 2, "settings": {"top_k": 51}}
    assert client.post("/api/generate", json=big_k).json()["error"]["code"] == "top_k_too_large"
    bad = {"model": "tiny-gpt2", "prompt": "a", "settings": {"temperature": -1}}
    assert client.post("/api/generate", json=bad).status_code == 422


def test_concurrent_predictions_are_safe(client: TestClient, tiny: LoadedModel) -> None:
    expected = next_token_logits(tiny, encode(tiny, "parallel")).numpy()
    results: list[np.ndarray] = []

    def call() -> None:
        r = client.post("/api/predict", json={"model": "tiny-gpt2", "prompt": "parallel"})
        results.append(decode_logits(r.json()))

    threads = [threading.Thread(target=call) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 6
    for logits in results:
        np.testing.assert_array_equal(logits, expected)


def test_openapi_documents_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/health", "/api/models", "/api/models/{model_id}/vocab", "/api/predict", "/api/generate"} <= set(
        spec["paths"]
    )
    assert "PredictResponse" in spec["components"]["schemas"]
    # every error status a route can answer is documented, with the one error body
    for status in ("400", "404", "409", "413", "422", "500"):
        answer = spec["paths"]["/api/predict"]["post"]["responses"][status]
        assert answer["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorResponse"}


def test_serves_the_built_app(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and "glassbox" in r.text


def test_missing_build_says_how_to_build(tiny: LoadedModel, tmp_path: Path) -> None:
    app = create_app_for(Registry([tiny]), LIMITS, static_dir=tmp_path)
    r = TestClient(app, base_url="http://localhost").get("/")
    assert r.status_code == 503 and "make web" in r.json()["error"]["message"]
    assert r.json()["error"]["code"] == "not_built"


def test_serve_without_a_build_says_how_to_build(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    import glassbox.server.app as app_module
    from glassbox.cli import app as cli
    from glassbox.errors import GlassboxError

    monkeypatch.setattr(app_module, "STATIC_DIR", tmp_path)
    result = CliRunner().invoke(cli, ["serve", "--no-browser"])
    assert isinstance(result.exception, GlassboxError)
    assert "make web" in str(result.exception)


def test_serve_refuses_a_model_it_cannot_find(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    import glassbox.server.app as app_module
    from glassbox.cli import app as cli
    from glassbox.errors import ModelNotFoundError

    (tmp_path / "index.html").write_text("<!doctype html>", encoding="utf-8")
    monkeypatch.setattr(app_module, "STATIC_DIR", tmp_path)
    result = CliRunner().invoke(cli, ["serve", "--no-browser", "--model", str(tmp_path / "nope")])
    assert isinstance(result.exception, ModelNotFoundError)


def test_a_request_waiting_behind_the_model_is_dropped_when_superseded(client: TestClient, tiny: LoadedModel) -> None:
    """Fast typing: request 1 waits for the model; request 2 arrives; request 1 must not run at all."""
    import time

    sequencer = client.app.state.sequencer  # type: ignore[attr-defined]
    results: dict[int, int] = {}

    def send(seq: int) -> None:
        body = {"model": "tiny-gpt2", "prompt": f"typing {seq}", "client_id": "typist", "seq": seq}
        results[seq] = client.post("/api/predict", json=body).status_code

    def wait_seen(seq: int) -> None:
        deadline = time.monotonic() + 10
        while (latest := sequencer.latest("typist")) is None or latest.seq < seq:
            assert time.monotonic() < deadline
            time.sleep(0.01)

    dropped_before = sequencer.dropped
    with tiny.lock:  # the model is busy
        first = threading.Thread(target=send, args=(1,))
        first.start()
        wait_seen(1)
        second = threading.Thread(target=send, args=(2,))
        second.start()
        wait_seen(2)
    first.join()
    second.join()
    assert results == {1: 409, 2: 200}
    assert sequencer.dropped == dropped_before + 1


def test_generate_can_force_a_token_at_a_step(client: TestClient) -> None:
    body = {"model": "tiny-gpt2", "prompt": "Once", "max_new_tokens": 3, "force_tokens": {"1": 5}, "stop_at_eos": False}
    r = client.post("/api/generate", json=body)
    assert r.status_code == 200, r.text
    steps = r.json()["steps"]
    assert steps[1]["token"]["id"] == 5 and steps[1]["forced"] is True
