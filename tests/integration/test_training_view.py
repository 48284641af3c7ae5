"""The pre-training view: one real step equals a plain PyTorch step; live runs learn, stop, refuse a second run."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Iterator

import pytest
import torch
from fastapi.testclient import TestClient

import glassbox
from glassbox.errors import BusyError
from glassbox.models.loading import LoadedModel
from glassbox.schema.api import Limits
from glassbox.schema.api_training import (
    InitVsTrained,
    LiveEnd,
    LiveEventEnvelope,
    LiveSample,
    LiveStep,
    TrainStepResult,
)
from glassbox.schema.history import TrainingHistory
from glassbox.server.app import create_app_for
from glassbox.server.registry import Registry
from glassbox.training.config import TrainConfig, preset
from glassbox.training.explain import SiteKey, history_of, init_model, load_checkpoint, param_site
from glassbox.training.live import MAX_TEXT_CHARS, LiveLimits, LiveManager
from glassbox.training.recipe import lr_at

SENTENCE = "The capital of France is Paris."
STEP = 21  # a shipped checkpoint where one fresh-AdamW step lowers the loss (at 935 it overshoots: 1.34 → 1.60)


@pytest.fixture(scope="module")
def tiny() -> LoadedModel:
    return glassbox.load_model()


@pytest.fixture(scope="module")
def history(tiny: LoadedModel) -> TrainingHistory:
    h = history_of(tiny.path)
    assert h is not None
    return h


@pytest.fixture(scope="module")
def client(tiny: LoadedModel) -> Iterator[TestClient]:
    app = create_app_for(Registry([tiny]), Limits())
    app.state.live_manager = LiveManager(LiveLimits(max_steps=60, abandon_after_s=2.0, sample_every=20))
    with TestClient(app, base_url="http://localhost") as c:
        yield c
    app.state.live_manager.stop_all()


def plain_step(
    tiny: LoadedModel, history: TrainingHistory, ids: list[int]
) -> tuple[dict[SiteKey, float], list[float], list[float], float]:
    """The reference: the textbook PyTorch step (HF loss, backward, clip, AdamW), written out by hand."""
    assert tiny.path is not None
    cfg = TrainConfig.from_dict(history.config)
    model = load_checkpoint(tiny.path, history, STEP, tiny.hf)
    model.train().requires_grad_(True)
    x = torch.tensor([ids])
    out = model(input_ids=x, labels=x)
    out.loss.backward()
    sq: dict[SiteKey, float] = {}
    for n, p in model.named_parameters():
        sq[param_site(n)] = sq.get(param_site(n), 0.0) + float(p.grad.double().pow(2).sum())
    norms = {g: math.sqrt(v) for g, v in sq.items()}
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2 and "wpe" not in n]
    rest = [p for n, p in model.named_parameters() if not (p.dim() >= 2 and "wpe" not in n)]
    opt = torch.optim.AdamW(
        [{"params": decay, "weight_decay": cfg.weight_decay}, {"params": rest, "weight_decay": 0.0}],
        lr=lr_at(cfg, STEP),
        betas=(cfg.beta1, cfg.beta2),
    )
    torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.grad_clip)
    before = torch.softmax(out.logits[0, :-1].detach(), -1)[torch.arange(len(ids) - 1), x[0, 1:]]
    opt.step()
    with torch.no_grad():
        after = torch.softmax(model(input_ids=x).logits[0, :-1], -1)[torch.arange(len(ids) - 1), x[0, 1:]]
    return norms, before.tolist(), after.tolist(), float(out.loss.detach())


def test_step_route_equals_a_plain_pytorch_step(
    client: TestClient, tiny: LoadedModel, history: TrainingHistory
) -> None:
    r = client.post("/api/training/step", json={"model": tiny.name, "text": SENTENCE, "checkpoint_step": STEP})
    assert r.status_code == 200, r.text
    res = TrainStepResult.model_validate(r.json())
    ids = [t.id for t in res.tokens]
    norms, before, after, loss = plain_step(tiny, history, ids)
    assert res.lr == pytest.approx(lr_at(TrainConfig.from_dict(history.config), STEP))
    assert res.loss_before == pytest.approx(loss, rel=1e-5)
    shown = {(g.site.layer, g.site.part): g for g in res.groups}
    assert set(shown) == set(norms) and len(shown) == len(res.groups)
    assert {(None, "embed"), (0, "attn"), (0, "mlp"), (3, "ln2"), (None, "ln_final")} <= set(norms)
    assert ((None, "pos_embed") in norms) == (tiny.info.positional == "learned")  # v2 is rotary: no position table
    for site, g in shown.items():
        assert g.grad_norm == pytest.approx(norms[site], rel=1e-4, abs=1e-7), site
        assert g.update_norm > 0
    assert [p.prob_before for p in res.positions] == pytest.approx(before, rel=1e-4, abs=1e-7)
    assert [p.prob_after for p in res.positions] == pytest.approx(after, rel=1e-4, abs=1e-7)
    assert res.loss_after < res.loss_before  # the step lowered this sentence's loss
    # the served model never changes
    again = client.post("/api/training/step", json={"model": tiny.name, "text": SENTENCE, "checkpoint_step": STEP})
    assert again.json()["positions"] == r.json()["positions"]


def test_history_info_and_bad_checkpoint(client: TestClient, tiny: LoadedModel, history: TrainingHistory) -> None:
    h = client.get(f"/api/training/{tiny.name}/history")
    assert h.status_code == 200 and h.json()["kind"] == "training_history"
    shown = [tp["token"] for snap in h.json()["snapshots"] for pred in snap["predictions"] for tp in pred["top"]]
    assert shown and not any("\ufffd" in text for text in shown), "partial UTF-8 must show as bytes, not U+FFFD"
    info = client.get(f"/api/training/{tiny.name}/info").json()
    assert STEP in info["step_checkpoints"] and history.checkpoints[-1].step in info["step_checkpoints"]
    bad = client.post("/api/training/step", json={"model": tiny.name, "text": SENTENCE, "checkpoint_step": 3})
    assert bad.status_code == 400 and "choose one of" in bad.json()["error"]["message"]


def test_init_vs_trained(client: TestClient, tiny: LoadedModel, history: TrainingHistory) -> None:
    r = client.post("/api/training/init_vs_trained", json={"model": tiny.name, "prompt": SENTENCE, "layer": 1})
    assert r.status_code == 200, r.text
    res = InitVsTrained.model_validate(r.json())
    assert res.init.loss == pytest.approx(history.checkpoints[0].heldout_loss, abs=0.3)  # ≈ ln(4096) = 8.3
    assert res.trained.loss < res.init.loss - 3
    att = res.trained.attention.to_numpy()
    assert att.shape == (len(res.tokens), len(res.tokens)) and abs(float(att[-1].sum()) - 1) < 1e-4
    init = init_model(history)
    assert type(init) is type(tiny.hf)
    assert init.get_input_embeddings().weight.shape == tiny.hf.get_input_embeddings().weight.shape


def small_config() -> TrainConfig:
    return preset("micro").replace(corpus_size=600, d_vocab=512, steps=60, warmup_steps=5)


def test_live_run_learns_stops_when_asked_and_refuses_a_second() -> None:
    manager = LiveManager(LiveLimits(max_steps=60, abandon_after_s=60, sample_every=20))
    run = manager.create(None, config=small_config())
    with pytest.raises(BusyError, match="already running"):
        manager.create(None, config=small_config())
    run.listeners = 1
    deadline = time.monotonic() + 60
    while run.step < 40 and time.monotonic() < deadline:
        time.sleep(0.05)
    run.stop()
    run.join(10)
    assert run.state == "stopped" and run.reason == "stopped" and 40 <= run.step < 60
    losses = [e.loss for e in run.events if isinstance(e, LiveStep)]
    assert sum(losses[-5:]) / 5 < sum(losses[:5]) / 5 - 1.0
    assert any(isinstance(e, LiveSample) for e in run.events)
    end = run.events[-1]
    assert isinstance(end, LiveEnd) and (end.state, end.reason, end.error) == ("stopped", "stopped", None)
    stopped_at = run.step
    manager.resume(run)  # continues where it stopped
    run.join(30)
    assert run.state == "done" and run.step == 60 > stopped_at and run.reason == "step_limit"


def test_live_run_without_a_listener_is_abandoned() -> None:
    manager = LiveManager(LiveLimits(max_steps=5000, abandon_after_s=0.5))
    run = manager.create(None, config=small_config().replace(steps=5000))
    run.join(30)
    assert run.state == "stopped" and run.reason == "abandoned"


def test_live_routes_limits_and_stream(client: TestClient, tiny: LoadedModel) -> None:
    # just over the route's character limit (the body stays under the server's 1 MiB): the route's own message
    huge = client.post("/api/training/live/start", json={"source": "text", "text": "ab" * (MAX_TEXT_CHARS // 2 + 1)})
    assert huge.status_code == 413 and "at most 200,000" in huge.json()["error"]["message"]
    assert huge.json()["error"]["code"] == "text_too_long"
    short = client.post("/api/training/live/start", json={"source": "text", "text": "hi"})
    assert short.status_code == 400 and short.json()["error"]["code"] == "invalid_input"
    empty = client.post("/api/training/live/start", json={"source": "text", "text": ""})
    assert empty.status_code == 400 and "paste some text" in empty.json()["error"]["message"]
    gone = client.get("/api/training/live/micro-nope")
    assert gone.status_code == 404 and gone.json()["error"]["code"] == "not_found"
    odd = (
        "Zero\u200bwidth \u202eRTL\u202c e\u0301 👩‍👩‍👧 \ud800 ﷽ \x00\x07 "
        "Příliš žluťoučký kůň. 東京は日本の首都です。\n"
    )
    body = json.dumps({"source": "text", "text": odd * 20})  # ASCII-escaped: the lone surrogate travels as \\ud800
    start = client.post("/api/training/live/start", content=body, headers={"Content-Type": "application/json"})
    assert start.status_code == 200, start.text
    run_id = start.json()["run_id"]
    second = client.post("/api/training/live/start", json={"source": "corpus"})
    assert second.status_code == 409 and second.json()["error"]["code"] == "busy"
    seen: list[str] = []
    with client.stream("GET", f"/api/training/live/{run_id}/events") as stream:
        for line in stream.iter_lines():
            if line.startswith("event: "):
                seen.append(line[7:])
            if line.startswith("data: "):  # each event's data is the typed event, its type the event's name
                assert LiveEventEnvelope.model_validate({"event": json.loads(line[6:])}).event.type == seen[-1]
            if seen.count("step") >= 3:
                break
    assert "ready" in seen and "step" in seen
    deadline = time.monotonic() + 10
    while client.get(f"/api/training/live/{run_id}").json()["state"] == "running" and time.monotonic() < deadline:
        time.sleep(0.1)  # closing the stream (the page went away) stops the run
    status = client.get(f"/api/training/live/{run_id}").json()
    assert status["state"] in ("stopped", "done") and status["reason"] in ("abandoned", "step_limit")
    assert (status["n_layers"], status["d_model"], status["n_ctx"]) == (2, 64, 64)
    assert client.post(f"/api/training/live/{run_id}/stop", json={}).json()["state"] in ("stopped", "done")
    assert status["model_id"] == run_id  # the trained micro model is offered under its generated id
    assert run_id in [m["id"] for m in client.get("/api/models").json()["models"]]
    assert run_id not in client.get("/api/health").json()["models"]  # health names the operator's models only
    pred = client.post("/api/predict", json={"model": run_id, "prompt": "Příliš", "top_n": 3})
    assert pred.status_code == 200, pred.text
