"""The static export's Why and Circuits stages (``glassbox.export_views``, issue 19 item 1) on the embedded model:
each exported answer is what the server's route answers for the same request, the graph is the route's graph with
a card for every feature in it, and ``export_site`` writes, lists and reports the new files, or leaves them out
when asked (``why=False``, ``circuits=False``, ``--no-why``, ``--no-circuits``)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import glassbox
from glassbox.export_views import (
    GREEDY_NEW_TOKENS,
    METHODS,
    N_TARGETS,
    circuits_export,
    export_transcoders,
    why_export,
)
from glassbox.models.loading import LoadedModel
from glassbox.schema.api import Limits
from glassbox.schema.export_views import CircuitsExport, WhyExport
from glassbox.schema.traces import StaticManifest
from glassbox.server.app import create_app_for
from glassbox.server.registry import Registry
from glassbox.traces import model_card, trace_prompt

PROMPT = "The capital of France is"
N_TEST_TARGETS = 2
"""Targets per method here (the export's N_TARGETS is larger: the same code, more targets; CPU is scarce)."""


@pytest.fixture(scope="module")
def model() -> LoadedModel:
    m = glassbox.load_model()
    if m.path is None or not (m.path / "transcoders" / "config.yaml").is_file():
        pytest.fail("the embedded model ships its transcoders: run `make model`")
    return m


@pytest.fixture(scope="module")
def model_id(model: LoadedModel) -> str:
    return model_card(model).id


@pytest.fixture(scope="module")
def client(model: LoadedModel) -> TestClient:
    limits = Limits(max_prompt_tokens=model.info.n_ctx, max_new_tokens=64, max_top_k=50)
    return TestClient(create_app_for(Registry([model]), limits), base_url="http://localhost")


@pytest.fixture(scope="module")
def why(model: LoadedModel, model_id: str) -> WhyExport:
    trace = trace_prompt(model, PROMPT, max_new_tokens=3)
    return why_export(model, trace, model_id, n_targets=N_TEST_TARGETS)


def _post(client: TestClient, path: str, body: dict[str, Any]) -> Any:
    r = client.post(path, json=body)
    assert r.status_code == 200, r.text
    return r.json()


def test_every_exported_attribution_is_the_routes_answer(why: WhyExport, client: TestClient, model_id: str) -> None:
    targets = list(dict.fromkeys(a.target.id for a in why.attributions))
    assert len(targets) == N_TEST_TARGETS < N_TARGETS and targets[0] == why.top_id
    assert {a.method for a in why.attributions} == set(METHODS)
    assert len(why.attributions) == len(METHODS) * N_TEST_TARGETS
    # no target (the page's default) is the model's top token; then every method at two exported targets
    default = _post(client, "/api/why/attribute", {"model": model_id, "prompt": PROMPT})
    assert default["target"]["id"] == why.top_id
    for a in why.attributions:
        live = _post(
            client,
            "/api/why/attribute",
            {"model": model_id, "prompt": PROMPT, "method": a.method, "target": a.target.id},
        )
        # the same passes batched over the targets: equal up to float32 summation order
        assert a.scores.tolist() == pytest.approx(live["scores"], rel=1e-4, abs=1e-5), a.method
        assert a.f == pytest.approx(live["f"], rel=1e-5, abs=1e-5)
        for mine, theirs in ((a.f_baseline, live["f_baseline"]), (a.delta, live["delta"])):
            assert (mine is None) == (theirs is None)
            assert mine is None or mine == pytest.approx(theirs, rel=1e-4, abs=1e-5)
        assert live["target"] == a.target.model_dump()
        assert live["tokens"] == [t.model_dump() for t in why.tokens]


def test_the_matrices_and_the_logprobs_are_the_routes_answers(
    why: WhyExport, client: TestClient, model_id: str
) -> None:
    greedy = [m for m in why.matrices if not m.generated_ids]
    generated = [m for m in why.matrices if m.generated_ids]
    assert {m.matrix.method for m in greedy} == {m.matrix.method for m in generated} == set(METHODS)
    assert all(m.max_new_tokens == GREEDY_NEW_TOKENS for m in greedy)
    for m in (greedy[0], generated[-1]):  # the form's default, and the exported generation by Shapley
        body = {
            "model": model_id,
            "prompt": PROMPT,
            "generated_ids": m.generated_ids,
            "max_new_tokens": m.max_new_tokens,
            "method": m.matrix.method,
        }
        assert _post(client, "/api/why/attribution_matrix", body) == json.loads(m.matrix.model_dump_json())
    assert why.score is not None
    live = _post(client, "/api/why/score", {"model": model_id, "text": PROMPT, "k": 5})
    assert live == json.loads(why.score.model_dump_json())


@pytest.fixture(scope="module")
def graph(model: LoadedModel, model_id: str) -> CircuitsExport:
    tc = export_transcoders(model)
    assert tc is not None
    return circuits_export(model, PROMPT, model_id, tc)


def test_the_exported_graph_is_the_routes_graph_with_every_features_card(
    graph: CircuitsExport, model_id: str, client: TestClient
) -> None:
    out = graph
    job = _post(client, "/api/circuits/jobs", {"model": model_id, "prompt": PROMPT})
    for _ in range(600):
        job = client.get(f"/api/circuits/jobs/{job['job_id']}").json()
        if job["state"] != "running":
            break
        time.sleep(0.1)
    live = client.get(f"/api/circuits/jobs/{job['job_id']}/graph").json()
    mine = json.loads(out.graph.model_dump_json())
    live.pop("seconds"), mine.pop("seconds")
    assert mine == live
    assert out.info.available and out.info.model == model_id
    assert out.info == out.info.model_validate(client.get(f"/api/circuits/{model_id}/info").json())
    features = {(n.layer, n.feature) for n in out.graph.nodes if n.kind == "feature"}
    assert features and {(c.layer, c.feature) for c in out.cards} == features
    card = out.cards[0]
    assert client.get(f"/api/circuits/feature/{model_id}/{card.layer}/{card.feature}").json() == json.loads(
        card.model_dump_json()
    )


def test_a_graph_over_the_edge_budget_loosens_less(graph: CircuitsExport, model: LoadedModel, model_id: str) -> None:
    tc = export_transcoders(model)
    assert tc is not None
    full = graph
    tight = circuits_export(model, PROMPT, model_id, tc, max_edges=full.graph.pruned.edge_count)
    assert len(tight.graph.edge_weights) <= len(full.graph.edge_weights)
    assert tight.graph.node_threshold_max <= full.graph.node_threshold_max
    assert tight.graph.pruned == full.graph.pruned  # the default pruning is always there


def _registered(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8").split("]=", 1)[1].rstrip().removesuffix(";"))


def _bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    import glassbox.export_site as site

    bundle = tmp_path / "bundle"
    bundle.mkdir()
    for name in site.BUNDLE_FILES:
        (bundle / name).write_text(f"/* {name} */", encoding="utf-8")
    monkeypatch.setattr(site, "BUNDLE_DIR", bundle)
    return site


def test_export_site_writes_lists_and_reports_the_new_stages(
    tmp_path: Path, model: LoadedModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _bundle(tmp_path, monkeypatch)
    # the stages' plumbing, not the Why file's content (tested above): one target per method keeps it quick
    monkeypatch.setattr(site, "why_export", lambda m, t, i: why_export(m, t, i, n_targets=1))
    prompts = [PROMPT]
    calls: list[tuple[int, int]] = []
    report = site.export_site(
        model, prompts, tmp_path / "all", max_new_tokens=2, progress=lambda d, t: calls.append((d, t))
    )
    assert calls == [(i, 3 * len(prompts)) for i in range(1, 3 * len(prompts) + 1)]  # trace, Why, graph per prompt
    manifest = StaticManifest.model_validate(_registered(report.out / "data" / "manifest.js"))
    for entry in manifest.prompts:
        assert (entry.why, entry.circuits) == (f"{entry.key}-why", f"{entry.key}-circuits")
        why = WhyExport.model_validate(_registered(report.out / "data" / f"{entry.why}.js"))
        graph = CircuitsExport.model_validate(_registered(report.out / "data" / f"{entry.circuits}.js"))
        assert why.prompt == graph.graph.prompt == entry.prompt
        assert why.model == graph.graph.model == manifest.models.default_model

    calls.clear()
    bare = site.export_site(
        model,
        prompts,
        tmp_path / "bare",
        max_new_tokens=2,
        why=False,
        circuits=False,
        progress=lambda d, t: calls.append((d, t)),
    )
    assert calls == [(1, 1)]
    manifest = StaticManifest.model_validate(_registered(bare.out / "data" / "manifest.js"))
    assert all(p.why is None and p.circuits is None for p in manifest.prompts)
    assert not list((bare.out / "data").glob("*-why.js")) and not list((bare.out / "data").glob("*-circuits.js"))
    assert bare.total_bytes < report.total_bytes


def test_cli_flags_leave_the_stages_out(tmp_path: Path, model: LoadedModel, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from glassbox.cli import app

    _bundle(tmp_path, monkeypatch)
    prompts = tmp_path / "prompts.txt"
    prompts.write_text(f"{PROMPT}\n", encoding="utf-8")
    # the Why stage is the slow one: each run leaves it out, and the second leaves the graph out too
    for flags, graph in (["--no-why"], True), (["--no-why", "--no-circuits"], False):
        out = tmp_path / "-".join(flags)
        result = CliRunner().invoke(app, ["export", "--prompts", str(prompts), "--out", str(out), "-n", "1", *flags])
        assert result.exit_code == 0, result.output
        assert (out / "data" / "p0001.js").exists() and not (out / "data" / "p0001-why.js").exists()
        assert (out / "data" / "p0001-circuits.js").exists() is graph
