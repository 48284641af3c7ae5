"""AnimatedLLM's trace files both ways: tolerant reading of every sample, a strict round trip of glassbox generations,
and the ``--traces`` folder routes (listing, by name only, corrupt files listed as unreadable)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import glassbox
from glassbox.animatedllm import TraceFileError, normalise, parse_trace, to_animatedllm, token_string
from glassbox.models.loading import LoadedModel, load_model
from glassbox.schema.animatedllm import TraceFile
from glassbox.schema.api import Limits
from glassbox.server.app import create_app_for
from glassbox.server.registry import Registry
from glassbox.testing import make_tiny_model

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "animatedllm"


@pytest.fixture(scope="module")
def tiny_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # one family is enough here (the format knows nothing of architectures): cheaper than the session's every-family set
    return make_tiny_model(tmp_path_factory.mktemp("animatedllm") / "tiny-gpt2", "gpt2")


@pytest.fixture(scope="module")
def tiny(tiny_folder: Path) -> LoadedModel:
    return load_model(str(tiny_folder), device="cpu")


INFERENCE_KEYS = {"id", "prompt", "language", "temperature", "top_k", "model_info", "generation_steps"}
STEP_KEYS = {"step", "input_text", "tokens", "token_ids", "special_idx", "output_distribution", "selected_token"}
MODEL_KEYS = {"name", "num_layers", "hidden_size", "num_attention_heads", "vocab_size"}


def raw(name: str) -> dict:  # type: ignore[type-arg]
    doc = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    assert isinstance(doc, dict)
    return doc


# ------------------------------------------------------------------------------------------------ tolerant reading


def test_greedy_chat_trace_keeps_template_special_tokens_and_partial_pieces() -> None:
    doc = raw("inference_greedy_chat.json")
    t = glassbox.read_animatedllm(FIXTURES / "inference_greedy_chat.json")
    assert t.format == "animatedllm_inference" and t.training is None and t.inference is not None
    inf = t.inference
    assert inf.prompt == doc["prompt"] and inf.language == "cs" and inf.temperature == 0.0
    assert inf.model_info.name == doc["model_info"]["name"]
    assert inf.model_info.vocab_size == doc["model_info"]["vocab_size"]  # extra keys beside it were ignored
    assert len(inf.generation_steps) == len(doc["generation_steps"])
    for got, want in zip(inf.generation_steps, doc["generation_steps"], strict=True):
        assert got.tokens == want["tokens"] and got.special_idx == want["special_idx"]
        assert [c.prob for c in got.output_distribution.candidates] == [
            c["prob"] for c in want["output_distribution"]["candidates"]
        ]
        assert got.selected_token is not None and got.selected_token.selection_method == "greedy"
    # the chat template's markers, the end-of-turn token chosen as special, and U+FFFD (a partial UTF-8 piece) kept
    assert inf.generation_steps[0].tokens[0] == "<|begin|>"
    last = inf.generation_steps[-1].selected_token
    assert last is not None and last.special and last.token == "<|end|>"
    assert "\ufffd" in [c.token for c in inf.generation_steps[0].output_distribution.candidates]


def test_sampling_trace_fills_what_is_missing() -> None:
    doc = raw("inference_sampling.json")
    inf = glassbox.read_animatedllm(doc).inference
    assert inf is not None
    assert inf.language is None and inf.model_info.num_attention_heads is None
    assert [s.selected_token.selection_method for s in inf.generation_steps if s.selected_token] == [
        "sampling",
        "sampling",
        "random",
        "random",
    ]
    for got, want in zip(inf.generation_steps, doc["generation_steps"], strict=True):
        last_raw = want["output_distribution"]["candidates"][-1]
        last = got.output_distribution.candidates[-1]
        assert "prob" not in last_raw and last.prob == pytest.approx(math.exp(last_raw["logprob"]))
        assert got.selected_token is not None and got.selected_token.special is False  # missing flag → False
    assert inf.generation_steps[0].output_distribution.candidates[3].token == "<0xE6>"  # a byte token, as written


def test_training_trace_reads_and_derives_a_missing_loss() -> None:
    doc = raw("training.json")
    t = glassbox.read_animatedllm(FIXTURES / "training.json")
    assert t.format == "animatedllm_training" and t.training is not None
    tr = t.training
    assert tr.text == doc["text"] and tr.num_tokens == len(doc["tokens"]) and tr.model_info.pretrained is True
    assert tr.model_info.total_parameters == doc["model_info"]["total_parameters"]
    assert "loss" not in doc["training_steps"][3]
    assert tr.training_steps[3].loss == pytest.approx(-doc["training_steps"][3]["target_logprob"])
    for got, want in zip(tr.training_steps, doc["training_steps"], strict=True):
        assert got.target_prob == want["target_prob"] and got.target_token == want["target_token"]
        assert [p.token for p in got.predictions] == [p["token"] for p in want["predictions"]]


def test_tolerant_reader_survives_odd_values_and_refuses_non_traces() -> None:
    doc = raw("inference_sampling.json")
    step = doc["generation_steps"][0]
    step["output_distribution"]["candidates"][0]["prob"] = float("nan")  # and its logprob stays: prob from it
    step["output_distribution"]["candidates"][1] = {"token": "x"}  # neither number: dropped
    step["output_distribution"]["candidates"][2]["logprob"] = float("-inf")  # prob kept, logprob from it
    step["step"] = "zero"
    del step["selected_token"]
    doc["temperature"] = "hot"
    inf = normalise(doc, "odd.json").inference
    assert inf is not None
    first = inf.generation_steps[0]
    cands = first.output_distribution.candidates
    assert len(cands) == 4 and cands[0].prob == pytest.approx(math.exp(cands[0].logprob or 0))
    assert cands[1].logprob == pytest.approx(math.log(cands[1].prob))
    assert first.step == 0 and first.selected_token is None and inf.temperature is None
    json.dumps(TraceFile.model_validate(normalise(doc).model_dump()).model_dump(mode="json"), allow_nan=False)
    with pytest.raises(TraceFileError, match="not a trace file"):
        normalise({"examples": []}, "examples.json")
    with pytest.raises(TraceFileError, match="not JSON"):
        parse_trace("{broken", "broken.json")
    with pytest.raises(TraceFileError, match="no generation steps"):
        normalise({"generation_steps": []})


# -------------------------------------------------------------------------------------------------- round trip


@pytest.mark.parametrize("temperature", [0.0, 0.9])
def test_generation_round_trips_through_the_inference_format(
    tiny: LoadedModel, tmp_path: Path, temperature: float
) -> None:
    model = tiny
    g = glassbox.generate(model, "Hello world", max_new_tokens=5, temperature=temperature, seed=3, stop_at_eos=False)
    out = glassbox.write_animatedllm(g, tmp_path / "g.json", model, language="en")
    written = json.loads(out.read_text(encoding="utf-8"))
    # strict writing: exactly AnimatedLLM's keys, every one present
    assert set(written) == INFERENCE_KEYS and set(written["model_info"]) == MODEL_KEYS
    assert all(set(s) == STEP_KEYS for s in written["generation_steps"])
    assert written["model_info"]["num_layers"] == model.info.n_layers
    assert written["model_info"]["vocab_size"] == model.info.d_vocab
    back = glassbox.read_animatedllm(out).inference
    assert back == to_animatedllm(g, model, trace_id="g", language="en")
    method = "greedy" if temperature == 0 else "sampling"
    n_prompt = len(g.prompt_tokens)
    for i, (st, rs) in enumerate(zip(g.steps, back.generation_steps, strict=True)):
        assert rs.selected_token is not None
        assert rs.selected_token.token_id == st.token.id and rs.selected_token.selection_method == method
        assert [c.token_id for c in rs.output_distribution.candidates] == [t.token.id for t in st.top]
        for c, t in zip(rs.output_distribution.candidates, st.top, strict=True):
            assert c.prob == t.prob and c.logprob == pytest.approx(math.log(t.prob))
        assert len(rs.tokens) == n_prompt + i and rs.token_ids[n_prompt:] == [s.token.id for s in g.steps[:i]]
        assert rs.tokens[n_prompt:] == [token_string(s.token) for s in g.steps[:i]]
    assert back.generation_steps[0].input_text.endswith("Hello world")  # special tokens stay, as AnimatedLLM keeps them


def test_forced_tokens_and_glassbox_files_read_through_the_same_door(tiny: LoadedModel, tmp_path: Path) -> None:
    model = tiny
    g = glassbox.generate(model, "Hi", max_new_tokens=3, temperature=0.0, force_tokens={1: 7}, stop_at_eos=False)
    inf = to_animatedllm(g, model)
    assert [s.selected_token.selection_method for s in inf.generation_steps if s.selected_token] == [
        "greedy",
        "forced",
        "greedy",
    ]
    path = tmp_path / "generation.json"
    path.write_text(g.model_dump_json(), encoding="utf-8")
    t = glassbox.read_animatedllm(path)
    assert t.format == "glassbox_generation" and t.inference is not None
    assert [s.selected_token.token_id for s in t.inference.generation_steps if s.selected_token] == [
        s.token.id for s in g.steps
    ]
    # a `glassbox trace --prompts` file (its generation, with the model's sizes from its card)
    from glassbox.traces import trace_prompt

    pt = trace_prompt(model, "Hi", max_new_tokens=3, with_detail=False)
    tp = glassbox.read_animatedllm(json.loads(pt.model_dump_json()))
    assert tp.format == "glassbox_prompt_trace" and tp.inference is not None
    assert tp.inference.model_info.num_layers == model.info.n_layers
    assert [s.selected_token.token_id for s in tp.inference.generation_steps if s.selected_token] == [
        s.token.id for s in pt.steps
    ]
    summary = glassbox.trace(model, "Hi there").summary(k=4, lens_k=1)
    ts = glassbox.read_animatedllm(json.loads(summary.model_dump_json()))
    assert ts.format == "glassbox_trace" and ts.inference is not None
    only = ts.inference.generation_steps[0]
    assert only.selected_token is None
    assert [c.prob for c in only.output_distribution.candidates] == [t.prob for t in summary.next_token]


def test_cli_generate_writes_an_animatedllm_file(tiny_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli.json"
    args = ["generate", "--model", str(tiny_folder), "--prompt", "Hello", "-n", "3", "--temperature", "0"]
    run = subprocess.run(
        [sys.executable, "-m", "glassbox.cli", *args, "--animatedllm", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    inf = glassbox.read_animatedllm(out).inference
    assert inf is not None and len(inf.generation_steps) == 3
    assert {s.selected_token.selection_method for s in inf.generation_steps if s.selected_token} == {"greedy"}


# ------------------------------------------------------------------------------------------------------ routes


@pytest.fixture
def traces_dir(tiny: LoadedModel, tmp_path: Path) -> Path:
    folder = tmp_path / "traces"
    (folder / "animated" / "cs").mkdir(parents=True)
    for f in FIXTURES.glob("*.json"):
        (folder / "animated" / "cs" / f.name).write_bytes(f.read_bytes())
    g = glassbox.generate(tiny, "Hello", max_new_tokens=2, temperature=0.0, stop_at_eos=False)
    glassbox.write_animatedllm(g, folder / "exported.json", tiny)
    (folder / "corrupt.json").write_text('{"generation_steps": [', encoding="utf-8")
    (folder / "examples.json").write_text('{"examples": ["a"]}', encoding="utf-8")
    (folder / "notes.txt").write_text("not json", encoding="utf-8")
    secret = tmp_path / "outside.json"
    secret.write_bytes((FIXTURES / "training.json").read_bytes())
    (folder / "link.json").symlink_to(secret)  # leads out of the folder: never offered
    return folder


def _client(model: LoadedModel, traces: Path | None) -> TestClient:
    app = create_app_for(Registry([model]), Limits(), traces_dir=traces)
    return TestClient(app, base_url="http://localhost")


def test_trace_routes_list_serve_by_name_and_refuse_everything_else(tiny: LoadedModel, traces_dir: Path) -> None:
    client = _client(tiny, traces_dir)
    listing = client.get("/api/traces").json()
    assert listing["kind"] == "trace_list" and listing["enabled"] is True
    by_name = {e["name"]: e for e in listing["traces"]}
    assert set(by_name) == {
        "animated/cs/inference_greedy_chat.json",
        "animated/cs/inference_sampling.json",
        "animated/cs/training.json",
        "corrupt.json",
        "examples.json",
        "exported.json",
    }
    chat = by_name["animated/cs/inference_greedy_chat.json"]
    assert chat["format"] == "animatedllm_inference" and chat["model"] == "sample/chat-model"
    assert chat["steps"] == len(raw("inference_greedy_chat.json")["generation_steps"]) and chat["error"] is None
    assert by_name["animated/cs/training.json"]["format"] == "animatedllm_training"
    assert "not JSON" in by_name["corrupt.json"]["error"] and by_name["corrupt.json"]["format"] is None
    assert "not a trace" in by_name["examples.json"]["error"]

    got = client.get("/api/traces/animated/cs/inference_sampling.json")
    assert got.status_code == 200
    want = glassbox.read_animatedllm(FIXTURES / "inference_sampling.json")
    assert got.json()["inference"] == want.model_dump(mode="json")["inference"]
    assert client.get("/api/traces/exported.json").json()["inference"]["model_info"]["name"] == tiny.name

    bad = client.get("/api/traces/corrupt.json")
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "corrupted_file"
    for name in ("nope.json", "link.json", "../outside.json", "notes.txt", str(traces_dir / "exported.json")):
        r = client.get(f"/api/traces/{name}")
        assert r.status_code == 404, name
        assert r.json()["error"]["code"] == "not_found"


def test_without_a_trace_folder_the_routes_offer_nothing(tiny: LoadedModel) -> None:
    client = _client(tiny, None)
    assert client.get("/api/traces").json() == {
        "schema_version": client.get("/api/traces").json()["schema_version"],
        "kind": "trace_list",
        "enabled": False,
        "traces": [],
    }
    r = client.get("/api/traces/anything.json")
    assert r.status_code == 404 and "--traces" in r.json()["error"]["message"]


def test_committed_normalised_fixtures_are_what_the_reader_gives() -> None:
    # the page's reader (web/src/lib/traces/reader.test.ts) is held to the same files: both doors read alike
    for f in sorted(FIXTURES.glob("*.json")):
        want = json.loads((FIXTURES / "normalised" / f.name).read_text(encoding="utf-8"))
        assert glassbox.read_animatedllm(f).model_dump(mode="json") == want, f.name
