"""Training checkpoints of a real model (``glassbox serve --checkpoints``, :func:`glassbox.checkpoint_replay`) on
three revisions of a tiny GPT-NeoX (Pythia-like) model trained 0, 3 and 8 AdamW steps, as local folders and as a
Hub cache with ``refs/`` for each revision (the layout ``revision=`` resolves from offline).

Every number is compared with a plain Hugging Face forward of the revision's own folder.
"""

from __future__ import annotations

import gc
import math
import shutil
import weakref
from pathlib import Path
from typing import Any

import pytest
import torch
from fastapi.testclient import TestClient
from transformers import AutoModelForCausalLM, AutoTokenizer

import glassbox
from glassbox.errors import InvalidInputError, ModelNotFoundError, NotFoundError
from glassbox.models.loading import load_model
from glassbox.schema.api import Limits
from glassbox.server.app import create_app_for
from glassbox.server.registry import Registry
from glassbox.testing import make_fake_hub_cache, make_tiny_revisions
from glassbox.training.checkpoint_replay import (
    CheckpointRef,
    load_checkpoint_weights,
    open_checkpoints,
    parse_step,
    resolve_checkpoints,
)

REPO = "tiny-org/pythia-tiny"
SERVED = "tiny-org%2Fpythia-tiny"  # the id as a page's client writes it in a path


@pytest.fixture(scope="module")
def revisions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_tiny_revisions(tmp_path_factory.mktemp("revisions"), "gpt_neox", steps=(0, 3, 8))


@pytest.fixture(scope="module")
def hub_cache(revisions: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_fake_hub_cache(tmp_path_factory.mktemp("hub"), REPO, revisions)


def _hf(folder: Path) -> Any:
    model = AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32)
    return model.eval()


def test_the_step_is_read_from_pythia_olmo_and_glassbox_names() -> None:
    assert parse_step("step1000") == 1000
    assert parse_step("stage1-step140000-tokens588B") == 140000
    assert parse_step("step-0000100") == 100
    assert parse_step("main") is None
    assert parse_step("final") is None


def test_hub_revisions_replay_equal_plain_forwards_of_each_folder(revisions: dict[str, Path], hub_cache: Path) -> None:
    replay = glassbox.checkpoint_replay(REPO, "step8,step0,step3", cache_dir=hub_cache)
    tok = AutoTokenizer.from_pretrained(revisions["step0"])
    assert replay.ordered_by == "step"
    assert [c.label for c in replay.checkpoints] == ["step0", "step3", "step8"]
    assert [c.step for c in replay.checkpoints] == [0, 3, 8]
    assert all(c.source == "hub" and c.revision == c.label for c in replay.checkpoints)
    assert len(replay.probes) == 42  # glassbox's six probes in each of seven languages
    tops_by_label = {}
    for entry, snap in zip(replay.checkpoints, replay.snapshots, strict=True):
        assert snap.label == entry.label
        model = _hf(revisions[entry.label])
        total, count = 0.0, 0
        with torch.no_grad():
            for probe, pred in zip(replay.probes, snap.predictions, strict=True):
                assert pred.probe_id == probe.id
                probs = torch.softmax(model(input_ids=torch.tensor([probe.token_ids])).logits[0, -1], -1)
                top = torch.topk(probs, 5)
                assert [t.token_id for t in pred.top] == top.indices.tolist()
                assert [t.prob for t in pred.top] == pytest.approx(top.values.tolist(), abs=1e-6)
                # the probe text (prompt + expected answer) tokenized as a whole, beginning-of-text token first
                ids = torch.tensor([[tok.bos_token_id, *tok(probe.prompt + probe.expected)["input_ids"]]])
                logp = torch.log_softmax(model(input_ids=ids).logits[0, :-1], -1)
                total -= float(logp.gather(1, ids[0, 1:, None]).sum())
                count += ids.shape[1] - 1
        assert entry.probe_tokens == count
        assert entry.probe_loss == pytest.approx(total / count, rel=1e-5)
        assert entry.n_params == sum(p.numel() for p in model.parameters())
        tops_by_label[entry.label] = [[t.prob for t in p.top] for p in snap.predictions]
    # three really different checkpoints: training moved the predictions
    assert tops_by_label["step0"] != tops_by_label["step8"]
    assert replay.peak_checkpoint_bytes == max(c.n_params for c in replay.checkpoints) * 4  # float32


def test_folders_a_parent_folder_and_names_without_steps(revisions: dict[str, Path], tmp_path: Path) -> None:
    folders = [str(revisions[n]) for n in ("step3", "step8", "step0")]
    refs, order = resolve_checkpoints(None, ",".join(folders))
    assert order == "step" and [r.label for r in refs] == ["step0", "step3", "step8"]
    assert all(r.revision is None for r in refs)
    # one folder with a sub-folder per revision stands for them
    refs, order = resolve_checkpoints(None, str(revisions["step0"].parent))
    assert order == "step" and [r.label for r in refs] == ["step0", "step3", "step8"]
    # names that say no step keep the given order, and the payload says so
    late, early = tmp_path / "late", tmp_path / "early"
    shutil.copytree(revisions["step8"], late)
    shutil.copytree(revisions["step0"], early)
    replay = glassbox.checkpoint_replay(None, [str(late), str(early)], prompts=["Hello", "The capital of"])
    assert replay.ordered_by == "given"
    assert [c.label for c in replay.checkpoints] == ["late", "early"]
    assert [c.step for c in replay.checkpoints] == [None, None]
    assert [p.prompt for p in replay.probes] == ["Hello", "The capital of"]


def test_checkpoints_are_loaded_one_at_a_time_and_freed(revisions: dict[str, Path]) -> None:
    alive: list[weakref.ref[Any]] = []
    most_alive = 0

    def loader(ref: CheckpointRef) -> Any:
        nonlocal most_alive
        gc.collect()
        model = load_checkpoint_weights(ref, torch.device("cpu"))
        alive.append(weakref.ref(model))
        most_alive = max(most_alive, sum(r() is not None for r in alive))
        return model

    found = open_checkpoints(None, str(revisions["step0"].parent), prompts=["Hello"])
    found._loader = loader
    found.replay()
    ids = found.tok.encode("The capital of France is")
    found.compare(ids, "step0", "step8", score=True)
    gc.collect()
    assert len(alive) == 5  # three for the replay, two for the comparison
    assert most_alive == 1
    assert all(r() is None for r in alive)


def test_bad_revisions_and_folders_are_clear_errors(revisions: dict[str, Path], hub_cache: Path) -> None:
    with pytest.raises(ModelNotFoundError, match=r"revision 'step5' of 'tiny-org/pythia-tiny' is not in the local"):
        glassbox.checkpoint_replay(REPO, "step0,step5", cache_dir=hub_cache)
    with pytest.raises(InvalidInputError, match="revisions need a Hub model name"):
        glassbox.checkpoint_replay(str(revisions["step8"]), "step0,step3")
    with pytest.raises(ModelNotFoundError, match="no checkpoint folder at"):
        glassbox.checkpoint_replay(None, "./no/such/folder")
    with pytest.raises(InvalidInputError, match="more than once"):
        glassbox.checkpoint_replay(REPO, "step0,step0", cache_dir=hub_cache)
    with pytest.raises(InvalidInputError, match="empty"):
        glassbox.checkpoint_replay(REPO, " , ", cache_dir=hub_cache)


@pytest.fixture(scope="module")
def client(revisions: dict[str, Path]) -> TestClient:
    served = load_model(revisions["step8"], device="cpu")
    served.name = REPO  # a Hub id: its "/" travels as %2F in the page's paths
    found = open_checkpoints(served, ",".join(str(p) for p in revisions.values()), prompts=["Hello", "One two"])
    other = load_model(revisions["step0"], device="cpu")
    app = create_app_for(Registry([served, other]), Limits(), checkpoints={REPO: found})
    return TestClient(app, base_url="http://localhost:8000")


def test_the_routes_answer_the_replay_and_the_comparison(client: TestClient, revisions: dict[str, Path]) -> None:
    info = client.get(f"/api/training/{SERVED}/info").json()
    assert info["checkpoint_replay"] is True and info["has_history"] is False
    assert client.get("/api/training/step0/info").json()["checkpoint_replay"] is False

    replay = client.get(f"/api/training/{SERVED}/checkpoints").json()
    assert replay["model"] == REPO
    assert client.get(f"/api/models/{SERVED}/vocab").status_code == 200  # the other views answer a Hub id too
    assert replay["kind"] == "checkpoint_replay"
    assert [c["label"] for c in replay["checkpoints"]] == ["step0", "step3", "step8"]

    prompt = "The capital of France is Paris."
    body = {"model": REPO, "prompt": prompt, "a": "step0", "b": "step8", "score": True, "top_k": 7}
    answer = client.post("/api/training/checkpoints/compare", json=body)
    assert answer.status_code == 200, answer.text
    data = answer.json()
    ids = [t["id"] for t in data["tokens"]]
    for side, label in ((data["a"], "step0"), (data["b"], "step8")):
        assert side["label"] == label and side["step"] == int(label[4:])
        with torch.no_grad():
            logits = _hf(revisions[label])(input_ids=torch.tensor([ids])).logits[0]
        probs = torch.softmax(logits[-1], -1)
        top = torch.topk(probs, 7)
        assert [t["token"]["id"] for t in side["top"]] == top.indices.tolist()
        assert [t["prob"] for t in side["top"]] == pytest.approx(top.values.tolist(), abs=1e-6)
        entropy = float(-(probs * probs.log()).sum())
        assert side["entropy"] == pytest.approx(entropy, rel=1e-5)
        logp = torch.log_softmax(logits[:-1], -1).gather(1, torch.tensor(ids[1:])[:, None])[:, 0]
        assert [x["pos"] for x in side["token_losses"]] == list(range(1, len(ids)))
        assert [x["loss"] for x in side["token_losses"]] == pytest.approx((-logp).tolist(), rel=1e-5)
        assert side["mean_loss"] == pytest.approx(float(-logp.mean()), rel=1e-5)
        assert side["token_losses"][0]["prob"] == pytest.approx(math.exp(float(logp[0])), rel=1e-5)
    assert data["a"]["top"] != data["b"]["top"]

    unscored = client.post("/api/training/checkpoints/compare", json={**body, "score": False}).json()
    assert unscored["a"]["token_losses"] is None and unscored["a"]["mean_loss"] is None


def test_the_routes_refuse_unknown_checkpoints_and_models_without_them(client: TestClient) -> None:
    bad = client.post(
        "/api/training/checkpoints/compare", json={"model": REPO, "prompt": "Hi", "a": "step0", "b": "step5"}
    )
    assert bad.status_code == 404
    assert bad.json()["error"]["code"] == "not_found"
    assert "no checkpoint 'step5'" in bad.json()["error"]["message"]
    assert "step0, step3, step8" in bad.json()["error"]["message"]
    # a path is never a checkpoint: only the labels fixed at start are
    sneaky = client.post(
        "/api/training/checkpoints/compare", json={"model": REPO, "prompt": "Hi", "a": "/etc", "b": "step0"}
    )
    assert sneaky.status_code == 404
    none = client.get("/api/training/step0/checkpoints")
    assert none.status_code == 404 and "served without checkpoints" in none.json()["error"]["message"]
    empty = client.post(
        "/api/training/checkpoints/compare", json={"model": REPO, "prompt": "", "a": "step0", "b": "step3"}
    )
    assert empty.status_code == 400 and empty.json()["error"]["code"] == "invalid_input"


def test_not_found_error_names_the_offered_labels(revisions: dict[str, Path]) -> None:
    found = open_checkpoints(None, [str(revisions["step0"]), str(revisions["step3"])], prompts=["Hi"])
    with pytest.raises(NotFoundError, match="offers: step0, step3"):
        found.ref("step9")


def test_served_checkpoints_load_in_the_served_dtype(revisions: dict[str, Path]) -> None:
    from rich.console import Console

    from glassbox.server.commands import open_served_checkpoints

    model = glassbox.load_model(str(revisions["step8"]), device="cpu", dtype="bfloat16")
    folders = ",".join(str(revisions[n]) for n in ("step0", "step8"))
    found = open_served_checkpoints(model, folders, "cpu", Console(quiet=True))[model.name]
    assert found.dtype == torch.bfloat16  # `serve --dtype bfloat16` halves the checkpoints as well
    hf = load_checkpoint_weights(found.refs[0], torch.device("cpu"), found.dtype)
    assert next(hf.parameters()).dtype == torch.bfloat16
    last = found.replay().checkpoints[-1]
    assert last.label == "step8"
