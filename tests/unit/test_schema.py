"""The committed JSON Schema is generated from the pydantic models and must not be stale."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError

from glassbox.errors import CorruptedModelError, NotFoundError
from glassbox.schema import SCHEMA_VERSION, Site, TensorPayload, TokenInfo, load_trace_summary, tensor_payload
from glassbox.schema.base import Payload, Strict
from glassbox.schema.export import SCHEMA_PATH, all_models, render


def test_committed_schema_is_fresh() -> None:
    assert SCHEMA_PATH.exists(), "run `make schema`"
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render(), (
        "schema/glassbox.schema.json is stale: run `make schema`"
    )


def test_schema_has_every_payload() -> None:
    doc = json.loads(render())
    assert doc["schema_version"] == SCHEMA_VERSION
    for name in ("TensorPayload", "TokenInfo", "ModelInfo", "TraceSummary", "Generation", "SamplingSettings"):
        assert name in doc["$defs"]
        assert doc["$defs"][name].get("additionalProperties") is False


def test_tensor_payload_round_trip() -> None:
    arr = np.arange(24, dtype=np.float32).reshape(2, 3, 4) / 7
    payload = tensor_payload(arr, ["head", "query_pos", "key_pos"])
    assert payload.shape == [2, 3, 4] and payload.dtype == "float32"
    assert np.array_equal(payload.to_numpy(), arr)
    half = tensor_payload(arr, ["head", "query_pos", "key_pos"], dtype="float16")
    assert len(half.data) < len(payload.data)
    assert np.allclose(half.to_numpy(), arr, atol=1e-3)
    with pytest.raises(ValueError, match="dims"):
        tensor_payload(arr, ["pos"])


def test_extra_keys_are_rejected() -> None:
    with pytest.raises(ValidationError):
        TokenInfo(id=1, text="a", bytes_hex="61", surprise=True)  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        TensorPayload(dtype="int8", shape=[1], dims=["pos"], data="")  # type: ignore[arg-type]


def test_dims_are_a_closed_vocabulary() -> None:
    with pytest.raises(ValidationError):
        TensorPayload(dtype="float32", shape=[1], dims=["position"], data="")  # type: ignore[list-item]
    with pytest.raises(ValidationError):
        tensor_payload(np.zeros(3), ["d_modle"])  # type: ignore[list-item]


def test_every_model_is_strict_and_every_payload_is_versioned() -> None:
    """No schema module keeps its own base: every model forbids unknown keys, every `kind` carries a version."""
    for model in all_models():
        assert issubclass(model, Strict), model.__name__
        kind = model.model_fields.get("kind")
        if kind is not None and isinstance(kind.default, str):  # a payload's own kind literal, not a field "kind"
            assert issubclass(model, Payload), model.__name__
    doc = json.loads(render())
    assert {"ApiError", "ErrorResponse", "Site", "ResidualStream", "PredictResponse"} <= set(doc["$defs"])


def test_labels_travel_as_structure() -> None:
    doc = json.loads(render())["$defs"]
    assert doc["ResidualStream"]["properties"]["stages"]["items"] == {"$ref": "#/$defs/Site"}
    assert doc["LogitLens"]["properties"]["layers"]["items"] == {"$ref": "#/$defs/Site"}
    assert doc["TokenAcrossLayers"]["properties"]["layers"]["items"] == {"$ref": "#/$defs/Site"}
    assert doc["NormStat"]["properties"]["site"]["$ref"] == "#/$defs/Site"
    assert "name" not in doc["NormStat"]["properties"]
    with pytest.raises(ValidationError):
        Site(layer=3, part="L3 attn")  # type: ignore[arg-type]


# --- trace files of older schema versions ------------------------------------------------------------------------

MODEL_V1 = {
    "name": "tiny",
    "architecture": "GPT2LMHeadModel",
    "family": "gpt2",
    "model_type": "gpt2",
    "n_layers": 2,
    "n_heads": 2,
    "n_kv_heads": 2,
    "d_model": 8,
    "d_head": 4,
    "d_mlp": 32,
    "d_vocab": 3,
    "n_ctx": 16,
    "positional": "learned",
    "norm": "layernorm",
    "activation": "gelu_new",
    "gated_mlp": False,
    "parallel_block": False,
    "qk_norm": False,
    "post_norm": False,
    "n_params": 1000,
    "dtype": "float32",
    "device": "cpu",
}
TOKEN = {"id": 1, "text": "a", "bytes_hex": "61", "is_special": False, "partial_utf8": False}
TOP = [{"token": TOKEN, "prob": 0.5, "logit": None}]


def trace_v1() -> dict[str, object]:
    """A file `glassbox trace -o` wrote with schema 1.0 (written by hand: one token, two blocks)."""
    logits = tensor_payload(np.array([0.5, -1.0, 2.0], dtype=np.float32), ["d_vocab"]).model_dump()
    return {
        "schema_version": "1.0",
        "kind": "trace",
        "model": MODEL_V1,
        "prompt": "a",
        "tokens": [TOKEN],
        "captured": ["hook_embed", "logits"],
        "next_token": TOP,
        "logit_lens": {
            "schema_version": "1.0",
            "kind": "logit_lens",
            "layers": ["embed", "block 0", "block 1"],
            "positions": [0],
            "cells": [{"layer": row, "pos": 0, "top": TOP} for row in range(3)],
        },
        "last_logits": logits,
    }


def test_a_1_0_trace_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps(trace_v1()), encoding="utf-8")
    for source in (path, str(path), path.read_text(encoding="utf-8")):
        summary = load_trace_summary(source)
        assert summary.schema_version == SCHEMA_VERSION == summary.logit_lens.schema_version
        assert summary.logit_lens.layers == [
            Site(part="embed"),
            Site(layer=0, part="block"),
            Site(layer=1, part="block"),
        ]
        assert [c.layer for c in summary.logit_lens.cells] == [0, 1, 2]
        assert summary.last_logits.to_numpy().tolist() == [0.5, -1.0, 2.0]


def test_a_current_trace_round_trips() -> None:
    current = load_trace_summary(json.dumps(trace_v1()))
    again = load_trace_summary(current.model_dump_json())
    assert again == current


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"schema_version": "3.0"}, r"schema_version '3\.0'.*reads 1\.0, 2\.0"),
        ({"schema_version": None}, r"schema_version None.*reads 1\.0, 2\.0"),
        ({"kind": "generation"}, "not a glassbox trace"),
        ({"tokens": "oops"}, "not a valid schema 1.0 trace"),
    ],
)
def test_an_unreadable_trace_says_why(change: dict[str, object], message: str) -> None:
    with pytest.raises(CorruptedModelError, match=message):
        load_trace_summary(json.dumps({**trace_v1(), **change}))


def test_a_1_0_lens_label_that_is_not_a_row_is_refused() -> None:
    doc = trace_v1()
    doc["logit_lens"]["layers"] = ["embed", "L0 attn", "block 1"]  # type: ignore[index]
    with pytest.raises(CorruptedModelError, match="'L0 attn'"):
        load_trace_summary(json.dumps(doc))


def test_not_json_and_no_file(tmp_path: Path) -> None:
    with pytest.raises(CorruptedModelError, match="not JSON"):
        load_trace_summary("{not json")
    with pytest.raises(NotFoundError, match="no trace file"):
        load_trace_summary(tmp_path / "missing.json")


def test_a_site_has_an_english_label_for_terminals() -> None:
    assert [s.label() for s in (Site(part="embed"), Site(layer=3, part="attn"), Site(layer=3, part="attn_mlp"))] == [
        "embed",
        "L3 attn",
        "L3 attn+mlp",
    ]
    assert Site(layer=2, part="block").label() == "block 2" and Site(layer=0, part="ln1").label() == "blocks.0.ln1"
    assert Site(part="ln_final").label() == "ln_final"
