"""Models loaded in bfloat16 / float16 (``load_model(dtype=...)``, ``glassbox serve --dtype``).

Parity in reduced precision is measured against the plain Hugging Face forward *in the same dtype* — the two
compute the same sums in a different order, so they differ by rounding, not by a bug — and against float32, where
glassbox must be no further than Hugging Face's own reduced-precision forward is. Tolerances (max |Δ logits| on
tiny models whose logits are ≤ 0.7; measured 0.0039–0.0083 in bfloat16, 0.00049–0.00098 in float16) are stated
in docs/inside-the-model.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch
from fastapi.testclient import TestClient
from transformers import AutoModelForCausalLM, AutoTokenizer
from typer.testing import CliRunner

import glassbox
from glassbox.schema.api import Limits
from glassbox.schema.models import TensorPayload
from glassbox.server.app import create_app_for
from glassbox.server.registry import Registry
from glassbox.testing import LONG_PROMPT, make_tiny_model

TOL = {"bfloat16": 0.016, "float16": 0.002}  # ≈ 2× the largest rounding gap measured


def _hf_logits(folder: Path, ids: list[int], dtype: torch.dtype) -> torch.Tensor:
    hf = AutoModelForCausalLM.from_pretrained(str(folder), dtype=dtype)
    with torch.no_grad():
        return hf(input_ids=torch.tensor([ids])).logits[0].float()


@pytest.mark.parametrize("family", ["gpt2", "llama", "olmo2", "gemma3_text", "qwen3_moe"])
@pytest.mark.parametrize("dtype", ["bfloat16", "float16"])
def test_trace_in_reduced_precision_matches_hf_in_that_precision(tmp_path: Path, family: str, dtype: str) -> None:
    folder = make_tiny_model(tmp_path / family, family)
    model = glassbox.load_model(str(folder), device="cpu", dtype=dtype)
    assert model.info.dtype == dtype
    t = glassbox.trace(model, LONG_PROMPT)
    assert t.logits.dtype == getattr(torch, dtype)
    ours = t.logits.float()
    same = _hf_logits(folder, t.token_ids, getattr(torch, dtype))
    exact = _hf_logits(folder, t.token_ids, torch.float32)
    assert (ours - same).abs().max().item() <= TOL[dtype]
    # no further from float32 than Hugging Face's own forward in this dtype (plus a rounding step)
    assert (ours - exact).abs().max().item() <= 2 * (same - exact).abs().max().item() + TOL[dtype] / 4
    # probabilities are computed in float32 from the reduced-precision logits
    assert t.probs().dtype == torch.float32 and abs(float(t.probs().sum()) - 1) < 1e-5


def test_server_views_answer_on_a_bfloat16_model(tmp_path: Path) -> None:
    folder = make_tiny_model(tmp_path / "llama", "llama")
    model = glassbox.load_model(str(folder), device="cpu", dtype="bfloat16")
    limits = Limits(max_prompt_tokens=24, max_new_tokens=8, max_top_k=50)
    client = TestClient(create_app_for(Registry([model]), limits), base_url="http://localhost")
    mid = client.get("/api/health").json()["models"][0]
    prompt = "The cat sat on"
    body = {"model": mid, "prompt": prompt}
    r = client.post("/api/predict", json=body)
    assert r.status_code == 200, r.text
    top = r.json()["top"]
    shown = TensorPayload.model_validate(r.json()["logits"]).to_numpy()  # float32 copies of the bfloat16 logits
    t = glassbox.trace(model, prompt)
    assert np.abs(shown - t.logits[-1].float().numpy()).max() <= TOL["bfloat16"]
    expected = torch.softmax(torch.from_numpy(shown.copy()).double(), dim=-1)  # what the bars must show
    assert top[0]["token"]["id"] == int(expected.argmax())
    assert top[0]["prob"] == pytest.approx(float(expected.max()), rel=1e-6)
    gen = client.post("/api/generate", json={**body, "max_new_tokens": 3})
    assert gen.status_code == 200, gen.text
    last = t.n_pos - 1
    for route, extra in [
        ("overview", {}),
        ("attention_head", {"layer": 0, "head": 0, "query_pos": last}),
        ("attention_grid", {}),
        ("mlp", {"layer": 0, "pos": last}),
        ("logit_lens", {}),
    ]:
        r = client.post(f"/api/detail/{route}", json={**body, **extra})
        assert r.status_code == 200, (route, r.text)
    lens = r.json()  # the logit lens: float32 probabilities from bfloat16 residuals
    assert all(0 <= c["top"][0]["prob"] <= 1 for c in lens["cells"])
    head = client.post("/api/detail/attention_head", json={**body, "layer": 0, "head": 0, "query_pos": last}).json()
    weights_shown = TensorPayload.model_validate(head["weights"]).to_numpy()
    assert np.allclose(weights_shown, t["blocks.0.attn.hook_pattern"][0, last].float().numpy(), atol=1e-7)


def test_auto_reads_the_checkpoints_dtype(tmp_path: Path) -> None:
    folder = make_tiny_model(tmp_path / "f32", "llama")
    half = tmp_path / "bf16"
    AutoModelForCausalLM.from_pretrained(str(folder), dtype=torch.bfloat16).save_pretrained(half)
    AutoTokenizer.from_pretrained(str(folder)).save_pretrained(half)
    assert glassbox.load_model(str(half), device="cpu", dtype="auto").info.dtype == "bfloat16"
    assert glassbox.load_model(str(folder), device="cpu", dtype="auto").info.dtype == "float32"
    assert glassbox.load_model(str(half), device="cpu").info.dtype == "float32"  # the default stays exact


def test_serve_refuses_an_unknown_dtype_before_loading() -> None:
    from glassbox.cli import app

    result = CliRunner().invoke(app, ["serve", "--dtype", "float8", "--no-browser"])
    assert result.exit_code == 2
    assert "unknown dtype 'float8'" in result.output and "bfloat16" in result.output
    assert "loading" not in result.output


def test_trace_and_generate_commands_take_a_dtype(tmp_path: Path) -> None:
    from glassbox.cli import app

    folder = make_tiny_model(tmp_path / "llama", "llama")
    out = tmp_path / "trace.json"
    ran = CliRunner().invoke(
        app, ["trace", "-p", "The cat sat", "-m", str(folder), "--dtype", "bfloat16", "-o", str(out)]
    )
    assert ran.exit_code == 0, ran.output
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert summary["model"]["dtype"] == "bfloat16"
    model = glassbox.load_model(str(folder), device="cpu", dtype="bfloat16")
    expected = glassbox.trace(model, "The cat sat").top_next(1)[0]
    assert summary["next_token"][0]["token"]["id"] == expected.token.id
    assert summary["next_token"][0]["prob"] == pytest.approx(expected.prob, rel=1e-6)
    gen = CliRunner().invoke(
        app,
        [
            "generate",
            "-p",
            "The cat",
            "-m",
            str(folder),
            "--dtype",
            "bfloat16",
            "-n",
            "3",
            "--temperature",
            "0",
            "--json",
        ],
    )
    assert gen.exit_code == 0, gen.output
    bad = CliRunner().invoke(app, ["generate", "-p", "The cat", "-m", str(folder), "--dtype", "int8"])
    assert bad.exit_code == 2 and "unknown dtype 'int8'" in bad.output


def test_why_commands_take_a_dtype(tmp_path: Path) -> None:
    from glassbox.analysis.scoring import score_text
    from glassbox.cli import app

    folder = make_tiny_model(tmp_path / "llama", "llama")
    model = glassbox.load_model(str(folder), device="cpu", dtype="bfloat16")
    expected = score_text(model, "The cat sat on the mat")
    ran = CliRunner().invoke(
        app, ["score", "-p", "The cat sat on the mat", "-m", str(folder), "--dtype", "bfloat16", "--json"]
    )
    assert ran.exit_code == 0, ran.output
    assert json.loads(ran.output)["perplexity"] == pytest.approx(expected.perplexity, rel=1e-6)
    f32 = score_text(glassbox.load_model(str(folder), device="cpu"), "The cat sat on the mat")
    assert f32.perplexity != expected.perplexity  # the option reached the model
    bad = CliRunner().invoke(app, ["attribute", "-p", "The cat", "-m", str(folder), "--dtype", "float8"])
    assert bad.exit_code == 2 and "unknown dtype 'float8'" in bad.output


def test_graphs_refuse_reduced_precision_clearly() -> None:
    from glassbox.errors import InvalidInputError
    from glassbox.graph.engine import attribution_graph

    model = glassbox.load_model(dtype="bfloat16")  # the embedded model, which ships its transcoders
    with pytest.raises(InvalidInputError, match=r"computed in float32.*bfloat16"):
        attribution_graph(model, "The capital of France is")
    client = TestClient(create_app_for(Registry([model]), Limits()), base_url="http://localhost")
    mid = client.get("/api/health").json()["models"][0]
    info = client.get(f"/api/circuits/{mid}/info")
    assert info.status_code == 200
    assert info.json()["available"] is False and "--dtype float32" in info.json()["reason"]
