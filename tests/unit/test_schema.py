"""The committed JSON Schema is generated from the pydantic models and must not be stale."""

from __future__ import annotations

import json

import numpy as np
import pytest
from pydantic import ValidationError

from glassbox.schema import SCHEMA_VERSION, TensorPayload, TokenInfo, tensor_payload
from glassbox.schema.export import SCHEMA_PATH, render


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
