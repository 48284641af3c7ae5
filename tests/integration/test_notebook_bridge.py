"""The notebook widget's kernel side (glassbox.notebook.KernelBridge): a request message from the page is answered
with the very payload the server's route returns, and a failure with the server's error body."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

import glassbox
from glassbox.notebook import METHODS, KernelBridge, widget_bundle
from glassbox.server.app import create_app_for
from glassbox.server.limits import Limits
from glassbox.server.registry import Registry

PROMPT = "The capital of France is"


@pytest.fixture(scope="module")
def pair() -> tuple[KernelBridge, TestClient]:
    model = glassbox.load_model()
    return KernelBridge([model]), TestClient(create_app_for(Registry([model]), Limits()), base_url="http://127.0.0.1")


def untimed(x: Any) -> Any:
    """A payload without its wall-clock timings (``forward_ms`` …), which differ from one run to the next."""
    if isinstance(x, dict):
        return {k: untimed(v) for k, v in x.items() if not k.endswith("_ms")}
    if isinstance(x, list):
        return [untimed(v) for v in x]
    return x


def ask(bridge: KernelBridge, method: str, *args: Any) -> dict[str, Any]:
    answer = bridge.handle({"id": 7, "method": method, "args": list(args)})
    assert answer["id"] == 7
    return answer


def test_models_and_vocab_equal_the_routes(pair: tuple[KernelBridge, TestClient]) -> None:
    bridge, client = pair
    models = ask(bridge, "models")
    assert models["ok"] is True and models["payload"] == client.get("/api/models").json()
    model_id = models["payload"]["default_model"]
    vocab = ask(bridge, "vocab", model_id)
    assert vocab["payload"] == client.get(f"/api/models/{model_id}/vocab").json()


def test_predict_detail_and_why_equal_the_routes(pair: tuple[KernelBridge, TestClient]) -> None:
    bridge, client = pair
    model_id = client.get("/api/models").json()["default_model"]
    cases = [
        ("predict", "/api/predict", {"model": model_id, "prompt": PROMPT}),
        ("overview", "/api/detail/overview", {"model": model_id, "prompt": PROMPT}),
        ("logitLens", "/api/detail/logit_lens", {"model": model_id, "prompt": PROMPT}),
        ("dla", "/api/why/dla", {"model": model_id, "prompt": PROMPT}),
    ]
    for method, path, body in cases:
        answer = ask(bridge, method, body)
        expected = client.post(path, json=body)
        assert expected.status_code == 200, (path, expected.text)
        assert answer["ok"] is True, (method, answer)
        assert untimed(answer["payload"]) == untimed(expected.json()), method


def test_failures_are_the_servers_error_bodies(pair: tuple[KernelBridge, TestClient]) -> None:
    bridge, client = pair
    body = {"model": "no-such-model", "prompt": PROMPT}
    answer = ask(bridge, "overview", body)
    expected = client.post("/api/detail/overview", json=body)
    assert answer["ok"] is False and answer["status"] == expected.status_code == 404
    assert answer["error"] == expected.json() and answer["error"]["error"]["code"] == "unknown_model"
    bad = ask(bridge, "predict", {"model": 3})
    assert (
        bad["ok"] is False
        and bad["error"]["error"]["code"] == client.post("/api/predict", json={"model": 3}).json()["error"]["code"]
    )


def test_malformed_requests_are_refused_clearly(pair: tuple[KernelBridge, TestClient]) -> None:
    bridge, _ = pair
    assert bridge.handle("hello")["error"]["error"]["code"] == "invalid_input"
    unknown = bridge.handle({"id": 1, "method": "__init__", "args": []})
    assert unknown["id"] == 1 and unknown["error"]["error"]["code"] == "invalid_input"
    assert ask(bridge, "vocab")["error"]["error"]["code"] == "invalid_input"  # its model id is missing
    # a path value is quoted: it cannot climb to another route
    escaped = ask(bridge, "trace", "../models")
    assert escaped["ok"] is False and escaped["error"]["error"]["code"] != "internal"


def test_every_datasource_method_has_a_route() -> None:
    source = (glassbox_root() / "web/src/lib/data/source.ts").read_text(encoding="utf-8")
    for method in METHODS:
        assert f"  {method}" in source, method
    assert widget_bundle()[0].strip(), "the widget bundle is empty"


def glassbox_root() -> Any:
    from pathlib import Path

    return Path(__file__).resolve().parents[2]


def test_widget_and_show_open_on_the_objects_state(pair: tuple[KernelBridge, TestClient]) -> None:
    from urllib.parse import parse_qs

    model = glassbox.load_model()
    w = glassbox.widget(model, prompt=PROMPT, tour="0")
    assert parse_qs(w.query) == {"view": ["next"], "prompt": [PROMPT], "tour": ["0"]}
    assert w._esm == widget_bundle()[0]  # the package's bundle, not a URL
    shown = parse_qs(glassbox.show(glassbox.trace(model, PROMPT)).query)
    assert shown["view"] == ["detail"] and shown["prompt"] == [PROMPT]
    g = glassbox.generate(model, PROMPT, max_new_tokens=3, seed=1)
    replay = parse_qs(glassbox.show(g, model).query)
    assert replay["prompt"] == [PROMPT] and replay["gen"] == [".".join(str(s.token.id) for s in g.steps)]
    with pytest.raises(TypeError, match="Trace, a Generation"):
        glassbox.show(42)
