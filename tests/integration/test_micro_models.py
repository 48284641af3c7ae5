"""Micro models trained live are offered with their training history, and only a bounded, labelled few of them
(issue 17: they piled up in the model picker with no history).

The model list labels each micro model (steps, source, last loss, how many the server keeps); the training
view's info carries the run's own record (every step's loss, the samples) — the same numbers the run streamed;
beyond ``keep`` runs the oldest micro model leaves the list and its info is gone with it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

import glassbox
from glassbox.schema.api import Limits, ModelList
from glassbox.schema.api_training import TrainingInfo
from glassbox.server.app import create_app_for
from glassbox.server.registry import Registry
from glassbox.training.live import LiveLimits, LiveManager, tiny_live_config

STEPS = 8
KEEP = 2


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    app = create_app_for(Registry([glassbox.load_model(device="cpu")]), Limits())
    # nobody listens in this test: a long abandon time lets each run finish its few steps
    limits = LiveLimits(max_steps=STEPS, abandon_after_s=120.0, sample_every=4)
    app.state.live_manager = LiveManager(limits, keep=KEEP, config=tiny_live_config())
    with TestClient(app, base_url="http://localhost") as c:
        yield c
    app.state.live_manager.stop_all()


def train_one(client: TestClient) -> str:
    start = client.post("/api/training/live/start", json={"source": "corpus"})
    assert start.status_code == 200, start.text
    run_id = str(start.json()["run_id"])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = client.get(f"/api/training/live/{run_id}").json()
        if status["state"] == "done" and status["model_id"] == run_id:
            return run_id
        time.sleep(0.05)
    raise AssertionError(f"the live run did not finish: {status}")


def cards(client: TestClient) -> dict[str, dict[str, object]]:
    listed = ModelList.model_validate(client.get("/api/models").json())
    return {m.id: m.model_dump() for m in listed.models}


def test_a_micro_model_is_labelled_and_has_its_history(client: TestClient) -> None:
    run_id = train_one(client)
    listed = cards(client)
    assert listed["glassbox-tiny"]["micro"] is None  # the operator's model is not a micro model
    note = listed[run_id]["micro"]
    assert isinstance(note, dict)
    assert (note["steps"], note["source"], note["kept"]) == (STEPS, "corpus", KEEP)

    info = TrainingInfo.model_validate(client.get(f"/api/training/{run_id}/info").json())
    assert info.has_history is False and info.live is not None
    assert [s.step for s in info.live.steps] == list(range(1, STEPS + 1))
    assert note["final_loss"] == info.live.steps[-1].loss
    assert info.live.source == "corpus"
    assert [s.step for s in info.live.samples][:3] == [0, 4, 8]  # the samples written at start and every 4 steps
    assert all(len(pair) == 2 for s in info.live.samples for pair in s.samples)

    # the history is the run's own record: the same losses the event stream sent
    streamed: list[float] = []
    with client.stream("GET", f"/api/training/live/{run_id}/events") as stream:
        for line in stream.iter_lines():
            if line.startswith('data: {"type":"step"') or line.startswith('data: {"type": "step"'):
                streamed.append(float(line.split('"loss":')[1].split(",")[0]))
    assert streamed == [s.loss for s in info.live.steps]

    # an operator's model has no live record
    assert client.get("/api/training/glassbox-tiny/info").json()["live"] is None


def test_micro_models_are_bounded_oldest_first(client: TestClient) -> None:
    runs = [train_one(client) for _ in range(KEEP + 1)]
    listed = cards(client)
    micro = [i for i, c in listed.items() if c["micro"] is not None]
    assert len(micro) <= KEEP
    assert runs[-1] in micro and runs[-2] in micro and runs[0] not in micro
    assert client.get(f"/api/training/{runs[0]}/info").status_code == 404  # forgotten with its history
