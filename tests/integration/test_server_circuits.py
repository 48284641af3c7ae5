"""The Circuits view's routes: info, graph jobs with progress, feature cards, interventions — and their errors.

Tiny models with random (seeded) transcoders saved in circuit-tracer's format, served as the operator would
(``create_app_for(..., transcoders={model id: folder})``); one model is left without transcoders.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import glassbox.graph.circuits as circuits_mod
from glassbox.graph.circuits import circuits_graph
from glassbox.graph.feature_interventions import intervene_features
from glassbox.models.loading import LoadedModel
from glassbox.schema.api import Limits
from glassbox.schema.circuits import CircuitsGraph, FeatureCard, FeatureInterventionResult, FeatureInterventionSpec
from glassbox.server import circuits_service
from glassbox.server.app import create_app_for
from glassbox.server.registry import Registry
from glassbox.transcoders import load_transcoders, random_transcoders, save_transcoders

PROMPT = "The capital of France is Paris. When Mary"
LIMITS = Limits(max_prompt_tokens=40, max_new_tokens=16, max_top_k=50)


@pytest.fixture(scope="module")
def served(tiny_models: dict[str, LoadedModel], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    gpt2, llama = tiny_models["gpt2"], tiny_models["llama"]
    folder = tmp_path_factory.mktemp("tc") / "random-tc"
    a = gpt2.adapter
    save_transcoders(random_transcoders(a.n_layers, a.d_model, 32, seed=5, jumprelu=True, skip=True), folder)
    registry = Registry([gpt2, llama])
    gpt2_id, llama_id = registry.ids
    app = create_app_for(registry, LIMITS, transcoders={gpt2_id: folder})
    return {
        "client": TestClient(app, base_url="http://localhost"),
        "gpt2": gpt2_id,
        "llama": llama_id,
        "folder": folder,
        "model": gpt2,
    }


def _wait(client: TestClient, job_id: str) -> dict[str, Any]:
    for _ in range(600):
        job = client.get(f"/api/circuits/jobs/{job_id}").json()
        if job["state"] != "running":
            return dict(job)
        time.sleep(0.05)
    raise AssertionError("the job did not finish")


def test_info_says_which_models_have_transcoders(served: dict[str, Any]) -> None:
    c = served["client"]
    ok = c.get(f"/api/circuits/{served['gpt2']}/info")
    assert ok.status_code == 200
    body = ok.json()
    assert body["available"] is True and body["transcoders"] == "random-seed5"
    assert body["n_layers"] == served["model"].adapter.n_layers and body["d_transcoder"] == 32
    assert body["cards_precomputed"] is False
    none = c.get(f"/api/circuits/{served['llama']}/info")
    assert none.status_code == 200
    assert none.json()["available"] is False and "--transcoders" in none.json()["reason"]
    assert c.get("/api/circuits/no-such-model/info").status_code == 404


def test_a_job_builds_the_same_graph_as_the_python_api(served: dict[str, Any]) -> None:
    c = served["client"]
    r = c.post("/api/circuits/jobs", json={"model": served["gpt2"], "prompt": PROMPT})
    assert r.status_code == 200, r.text
    job = _wait(c, r.json()["job_id"])
    assert job["state"] == "done" and job["done"] == job["total"] > 0
    got = CircuitsGraph.model_validate(c.get(f"/api/circuits/jobs/{job['job_id']}/graph").json())
    want = circuits_graph(served["model"], PROMPT, load_transcoders(served["folder"]))
    assert got.model == served["gpt2"]
    assert [n.id for n in got.nodes] == [n.id for n in want.nodes]
    assert got.edge_weights == pytest.approx(want.edge_weights, rel=1e-5, abs=1e-7)
    assert got.pruned.node_ids == want.pruned.node_ids


def test_graph_is_409_while_running_and_404_when_unknown(
    served: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    c = served["client"]
    release = threading.Event()
    real = circuits_mod.circuits_graph

    def slow(*args: Any, **kw: Any) -> CircuitsGraph:
        kw["progress"](0, 7)
        release.wait(30)
        return real(*args, **kw)

    monkeypatch.setattr(circuits_mod, "circuits_graph", slow)
    job_id = c.post("/api/circuits/jobs", json={"model": served["gpt2"], "prompt": PROMPT}).json()["job_id"]
    time.sleep(0.1)
    running = c.get(f"/api/circuits/jobs/{job_id}").json()
    assert running["state"] == "running" and running["total"] == 7
    busy = c.get(f"/api/circuits/jobs/{job_id}/graph")
    assert busy.status_code == 409 and busy.json()["error"]["code"] == "busy"
    release.set()
    assert _wait(c, job_id)["state"] == "done"
    assert c.get(f"/api/circuits/jobs/{job_id}/graph").status_code == 200
    for path in ("/api/circuits/jobs/nope", "/api/circuits/jobs/nope/graph"):
        r = c.get(path)
        assert r.status_code == 404 and "nope" in r.json()["error"]["message"]


def test_jobs_are_bounded(served: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    c = served["client"]
    release = threading.Event()
    done = CircuitsGraph.model_validate(
        circuits_graph(served["model"], "Paris", load_transcoders(served["folder"])).model_dump()
    )

    def held(*args: Any, **kw: Any) -> CircuitsGraph:
        release.wait(30)
        return done

    monkeypatch.setattr(circuits_mod, "circuits_graph", held)
    body = {"model": served["gpt2"], "prompt": "Paris"}
    ids = [c.post("/api/circuits/jobs", json=body).json()["job_id"] for _ in range(circuits_service.MAX_ACTIVE_JOBS)]
    refused = c.post("/api/circuits/jobs", json=body)
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "busy"
    release.set()
    for job_id in ids:
        _wait(c, job_id)
    more = [c.post("/api/circuits/jobs", json=body).json()["job_id"] for _ in range(circuits_service.MAX_JOBS)]
    for job_id in more:
        _wait(c, job_id)
    assert c.get(f"/api/circuits/jobs/{ids[0]}").status_code == 404  # the oldest was dropped
    assert c.get(f"/api/circuits/jobs/{more[-1]}").status_code == 200


def test_bad_requests_are_clear_errors(served: dict[str, Any]) -> None:
    c = served["client"]
    cases = [
        ({"model": "no-such-model", "prompt": PROMPT}, 404, "unknown_model"),
        ({"model": served["llama"], "prompt": PROMPT}, 422, "invalid_input"),  # no transcoders
        ({"model": served["gpt2"], "prompt": PROMPT, "node_threshold_max": 0.5}, 422, "invalid_input"),
        ({"model": served["gpt2"], "prompt": PROMPT, "node_threshold_max": 1.5}, 422, "invalid_input"),
        ({"model": served["gpt2"], "prompt": PROMPT, "logit_token_id": 10**6}, 422, "invalid_input"),
        ({"model": served["gpt2"], "prompt": "word " * 200}, 413, "prompt_too_long"),
        ({"model": served["gpt2"], "prompt": ""}, 400, "invalid_input"),
    ]
    for body, status, code in cases:
        r = c.post("/api/circuits/jobs", json=body)
        assert (r.status_code, r.json()["error"]["code"]) == (status, code), (body, r.text)
        assert r.json()["error"]["message"]
    no_tc = c.post("/api/circuits/jobs", json={"model": served["llama"], "prompt": PROMPT}).json()["error"]
    assert "no transcoders" in no_tc["message"]


def test_feature_cards_route(served: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(circuits_service, "ON_DEMAND_TOKENS", 512)
    c = served["client"]
    r = c.get(f"/api/circuits/feature/{served['gpt2']}/1/3")
    assert r.status_code == 200, r.text
    card = FeatureCard.model_validate(r.json())
    assert (card.layer, card.feature, card.model, card.label_derived) == (1, 3, served["gpt2"], True)
    assert card.sampled_tokens == 512 and len(card.promoted) == 10
    n_layers = served["model"].adapter.n_layers
    for path, status in [
        (f"/api/circuits/feature/{served['gpt2']}/{n_layers}/0", 422),
        (f"/api/circuits/feature/{served['gpt2']}/0/32", 422),
        (f"/api/circuits/feature/{served['gpt2']}/-1/0", 422),
        (f"/api/circuits/feature/{served['gpt2']}/x/0", 422),
        (f"/api/circuits/feature/{served['llama']}/0/0", 422),
        ("/api/circuits/feature/no-such-model/0/0", 404),
    ]:
        res = c.get(path)
        assert res.status_code == status, (path, res.text)
        assert res.json()["error"]["message"]


def test_intervene_route_matches_the_python_api(served: dict[str, Any]) -> None:
    c = served["client"]
    spec = {"layer": 0, "pos": 3, "feature": 2, "scale": 0.0}
    r = c.post(
        "/api/circuits/intervene",
        json={"model": served["gpt2"], "prompt": PROMPT, "interventions": [spec], "max_new_tokens": 2, "k": 5},
    )
    assert r.status_code == 200, r.text
    got = FeatureInterventionResult.model_validate(r.json())
    want = intervene_features(
        served["model"],
        PROMPT,
        load_transcoders(served["folder"]),
        [FeatureInterventionSpec(**spec)],  # type: ignore[arg-type]
        max_new_tokens=2,
        k=5,
    )
    assert [o.mode for o in got.outcomes] == ["original", "replacement", "real"]
    for g, w in zip(got.outcomes, want.outcomes, strict=True):
        assert [t.token_id for t in g.top] == [t.token_id for t in w.top]
        assert [t.prob for t in g.top] == pytest.approx([t.prob for t in w.top], rel=1e-5)
    bad = [
        ({"layer": 99, "pos": 0, "feature": 0, "scale": 0.0}, 422),
        ({"layer": 0, "pos": 999, "feature": 0, "scale": 0.0}, 422),
        ({"layer": 0, "pos": 0, "feature": 32, "scale": 0.0}, 422),
        ({"layer": 0, "pos": 0, "feature": 0}, 422),
        ({"layer": -1, "pos": 0, "feature": 0, "scale": 0.0}, 422),
    ]
    for item, status in bad:
        res = c.post(
            "/api/circuits/intervene", json={"model": served["gpt2"], "prompt": PROMPT, "interventions": [item]}
        )
        assert res.status_code == status, (item, res.text)
    too_many = c.post(
        "/api/circuits/intervene",
        json={"model": served["gpt2"], "prompt": PROMPT, "interventions": [spec], "max_new_tokens": 32},
    )
    assert too_many.status_code == 422 and too_many.json()["error"]["code"] == "too_many_new_tokens"
    no_tc = c.post(
        "/api/circuits/intervene", json={"model": served["llama"], "prompt": PROMPT, "interventions": [spec]}
    )
    assert no_tc.status_code == 422 and "no transcoders" in no_tc.json()["error"]["message"]


def test_serve_parses_transcoders_options(tmp_path: Path) -> None:
    from glassbox.errors import InvalidInputError, NotFoundError
    from glassbox.server.commands import parse_transcoders

    save_transcoders(random_transcoders(2, 8, 4), tmp_path / "tc")
    assert parse_transcoders([f"m1={tmp_path / 'tc'}"]) == {"m1": tmp_path / "tc"}
    with pytest.raises(InvalidInputError, match="MODEL=DIR"):
        parse_transcoders(["no-equals-sign"])
    with pytest.raises(NotFoundError, match=r"config\.yaml"):
        parse_transcoders([f"m1={tmp_path}"])


def test_shutdown_stops_running_jobs(served: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    from glassbox.server.app import begin_shutdown

    app = create_app_for(Registry([served["model"]]), LIMITS, transcoders={served["gpt2"]: served["folder"]})
    c = TestClient(app, base_url="http://localhost")
    batches: list[int] = []

    def endless(*args: Any, **kw: Any) -> CircuitsGraph:
        for i in range(10_000):  # as the engine does: a progress report after each batch
            kw["progress"](i, 10_000)
            batches.append(i)
            time.sleep(0.01)
        raise AssertionError("not stopped")

    monkeypatch.setattr(circuits_mod, "circuits_graph", endless)
    job_id = c.post("/api/circuits/jobs", json={"model": served["gpt2"], "prompt": PROMPT}).json()["job_id"]
    while not batches:
        time.sleep(0.01)
    begin_shutdown(app)
    job = _wait(c, job_id)
    assert job["state"] == "failed" and "shutting down" in job["error"]
    assert len(batches) < 10_000


def test_a_running_graph_does_not_hold_the_model_for_other_routes(
    served: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    c = served["client"]
    release, holding = threading.Event(), threading.Event()
    real = circuits_mod.circuits_graph

    locks: list[bool] = []

    def long_graph(model: LoadedModel, *args: Any, **kw: Any) -> CircuitsGraph:
        locks.append(model.lock is served["model"].lock)
        with model.lock:  # what the engine holds while it attributes
            holding.set()
            release.wait(30)
        return real(model, *args, **kw)

    monkeypatch.setattr(circuits_mod, "circuits_graph", long_graph)
    job_id = c.post("/api/circuits/jobs", json={"model": served["gpt2"], "prompt": PROMPT}).json()["job_id"]
    assert holding.wait(30)
    try:
        predicted = c.post("/api/predict", json={"model": served["gpt2"], "prompt": PROMPT})
        assert predicted.status_code == 200  # answered while the graph is being built
        assert locks == [False] and not release.is_set()  # the job holds a lock of its own, not the model's
        assert c.get(f"/api/circuits/jobs/{job_id}").json()["state"] == "running"
    finally:
        release.set()
    assert _wait(c, job_id)["state"] == "done"
