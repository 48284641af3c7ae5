"""Loading with a device map (accelerate's placement, ``--device-map``): on this machine's one device the trace is
exact; a bad policy or a missing accelerate is a clear error; the analyses that run on one device only refuse a
model spread over several by name, and the server answers such a failure with a clear 422, not a 500."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from fastapi.testclient import TestClient

import glassbox
from glassbox.errors import GlassboxError, InvalidInputError, UnsupportedArchitectureError
from glassbox.models.adapters.base import Placement
from glassbox.testing import LONG_PROMPT


def test_a_device_map_traces_exactly(tiny_dir: dict[str, Path]) -> None:
    from transformers import AutoModelForCausalLM

    model = glassbox.load_model(str(tiny_dir["llama"]), device_map="auto")
    plain = glassbox.load_model(str(tiny_dir["llama"]), device="cpu")
    assert model.device == torch.device("cpu") and not model.adapter.placement.split
    assert model.info.devices == []  # one device: nothing to list
    t = glassbox.trace(model, LONG_PROMPT)
    assert torch.equal(t.logits, glassbox.trace(plain, LONG_PROMPT).logits)
    hf = AutoModelForCausalLM.from_pretrained(tiny_dir["llama"], attn_implementation="eager").eval()
    with torch.no_grad():
        ref = hf(torch.tensor([t.token_ids])).logits[0]
    assert (t.logits - ref).abs().max().item() <= 1e-5
    g = glassbox.generate(model, "The capital", max_new_tokens=3, temperature=0)
    assert [s.token.id for s in g.steps] == [
        s.token.id for s in glassbox.generate(plain, "The capital", max_new_tokens=3, temperature=0).steps
    ]


def test_bad_device_maps_are_clear_errors(tiny_dir: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InvalidInputError, match="unknown device map 'everywhere'"):
        glassbox.load_model(str(tiny_dir["llama"]), device_map="everywhere")
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "accelerate" else real(name, *a))
    with pytest.raises(GlassboxError, match=r"pip install 'glassbox\[multi-gpu\]'"):
        glassbox.load_model(str(tiny_dir["llama"]), device_map="auto")


def _spread(model: glassbox.LoadedModel) -> None:
    """Pretend the model's last block sits on another device (this machine has one): what the checks read."""
    a = model.adapter
    cpu = torch.device("cpu")
    a.__dict__["placement"] = Placement(cpu, [cpu] * (a.n_layers - 1) + [torch.device("meta")], cpu)


def test_one_device_analyses_refuse_a_spread_model(tiny_dir: dict[str, Path]) -> None:
    model = glassbox.load_model(str(tiny_dir["llama"]), device="cpu")
    _spread(model)
    assert model.adapter.placement.split and model.adapter.placement.devices() == ["cpu", "meta"]
    with pytest.raises(UnsupportedArchitectureError, match=r"input attribution runs on one device.*--device-map"):
        glassbox.attribute(model, LONG_PROMPT)
    with pytest.raises(UnsupportedArchitectureError, match="activation patching runs on one device"):
        glassbox.patch(model, LONG_PROMPT, LONG_PROMPT, answer=5, wrong=6)


def test_the_server_turns_a_cross_device_failure_into_a_clear_422(tiny_models, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from glassbox.schema.api import Limits
    from glassbox.server import routes_detail
    from glassbox.server.app import create_app_for
    from glassbox.server.registry import Registry

    def fails(*_a: object, **_k: object) -> None:  # what torch raises when a block's weights are on another GPU
        raise RuntimeError("Expected all tensors to be on the same device, but found at least two devices")

    monkeypatch.setattr(routes_detail.detail, "mlp", fails)
    app = create_app_for(Registry([tiny_models["llama"]]), Limits(max_prompt_tokens=24, max_new_tokens=8, max_top_k=50))
    client = TestClient(app, base_url="http://localhost", raise_server_exceptions=False)
    model = client.get("/api/models").json()["default_model"]
    r = client.post("/api/detail/mlp", json={"model": model, "prompt": "The cat", "layer": 0, "pos": 1})
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "unsupported_architecture"
    assert "--device-map" in r.json()["error"]["message"]
