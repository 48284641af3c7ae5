"""The Circuits view's routes on the embedded model with its shipped transcoders (and their feature cards).

Nothing here names what the model predicts or its context length: both are read from the model.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import glassbox
from glassbox.models.loading import LoadedModel
from glassbox.schema.api import Limits
from glassbox.schema.circuits import CircuitsGraph, FeatureInterventionResult
from glassbox.server.app import create_app_for
from glassbox.server.registry import Registry
from glassbox.transcoders.cards import load_feature_cards

PROMPT = "The capital of France is"


def check_embedded(m: LoadedModel, transcoders: dict[str, Path] | None = None) -> None:
    """Info, a graph job, a node's card and an intervention, through the routes (``transcoders``: the operator's
    folders; None: the model's shipped ``transcoders/``)."""
    c = TestClient(create_app_for(Registry([m]), Limits(), transcoders=transcoders), base_url="http://localhost")
    model_id = m.name
    info = c.get(f"/api/circuits/{model_id}/info").json()
    assert info["available"] is True, info
    assert info["n_layers"] == m.adapter.n_layers and info["n_ctx"] == m.info.n_ctx
    job = c.post("/api/circuits/jobs", json={"model": model_id, "prompt": PROMPT}).json()
    for _ in range(1200):
        job = c.get(f"/api/circuits/jobs/{job['job_id']}").json()
        if job["state"] != "running":
            break
        time.sleep(0.1)
    assert job["state"] == "done", job
    graph = CircuitsGraph.model_validate(c.get(f"/api/circuits/jobs/{job['job_id']}/graph").json())
    ids = {n.id for n in graph.nodes}
    assert set(graph.pruned.node_ids) <= ids and graph.pruned.edge_count <= len(graph.edge_weights)
    assert len(graph.tokens) == sum(1 for n in graph.nodes if n.kind == "token")
    features = [n for n in graph.nodes if n.kind == "feature"]
    assert features
    folder = (transcoders or {}).get(model_id) or (m.path / "transcoders" if m.path is not None else None)
    assert folder is not None
    cards = load_feature_cards(folder)
    if info["cards_precomputed"]:
        assert cards is not None
        assert all(n.label == cards.label(n.layer or 0, n.feature or 0) for n in features)
    top = max(features, key=lambda n: n.influence)
    card = c.get(f"/api/circuits/feature/{model_id}/{top.layer}/{top.feature}").json()
    assert card["label_derived"] is True and card["max_activation"] >= 0 and card["promoted"]
    spec = {"layer": top.layer, "pos": top.pos, "feature": top.feature, "scale": 0.0}
    r = c.post("/api/circuits/intervene", json={"model": model_id, "prompt": PROMPT, "interventions": [spec]})
    assert r.status_code == 200, r.text
    result = FeatureInterventionResult.model_validate(r.json())
    original = result.outcomes[0].top
    # the original outcome is the real model's own prediction (the graph's logit targets are its top tokens)
    assert original[0].token_id == graph.logit_targets[0].token_id
    assert original[0].prob == pytest.approx(graph.logit_targets[0].prob, rel=1e-5)


def test_embedded_model_ships_transcoders_the_circuits_routes_use() -> None:
    m = glassbox.load_model()
    assert m.path is not None and (m.path / "transcoders" / "config.yaml").is_file(), (
        "the embedded model ships its transcoders in src/glassbox/assets/glassbox-tiny/transcoders"
    )
    check_embedded(m)
