"""The data flows one way: the import contracts hold, and the public functions survive their modules' import."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import torch

from glassbox.models.adapters.base import NormSpec
from glassbox.schema.attribution import Contribution, DirectLogitAttribution
from glassbox.schema.base import SCHEMA_VERSION
from glassbox.schema.models import TokenInfo

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_are_kept() -> None:
    cli = pytest.importorskip("importlinter.cli")
    # no_cache: other processes may be editing the tree; read it as it is now
    assert cli.lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True) == 0


def test_public_functions_are_not_shadowed_by_their_modules() -> None:
    import glassbox

    # importing the submodules binds them on the package; the functions must still be what the names mean
    importlib.import_module("glassbox.tracing")
    importlib.import_module("glassbox.generation")
    assert callable(glassbox.trace) and glassbox.trace.__name__ == "trace"
    assert callable(glassbox.generate) and glassbox.generate.__name__ == "generate"
    assert glassbox.Trace.__module__ == "glassbox.tracing"


def test_norm_center_subtracts_the_mean_only_for_layernorm() -> None:
    x = torch.tensor([[1.0, 2.0, 6.0]])
    layernorm = NormSpec(kind="layernorm", weight=None, bias=None, eps=1e-5)
    rmsnorm = NormSpec(kind="rmsnorm", weight=None, bias=None, eps=1e-5)
    assert torch.equal(layernorm.center(x), torch.tensor([[-2.0, -1.0, 3.0]]))
    assert torch.equal(rmsnorm.center(x), x)
    # the norm itself is built on the same centering: LayerNorm of x equals RMSNorm of centered x
    assert torch.allclose(layernorm(x)[0], rmsnorm(layernorm.center(x))[0])


def test_contributions_carry_structure_not_labels() -> None:
    head = Contribution(kind="head", layer=3, head=2, value=0.5)
    assert head.label == "L3H2" and str(head) == "L3H2: +0.5000"
    assert Contribution(kind="mlp", layer=1, value=-1.0).label == "L1 MLP"
    assert Contribution(kind="norm_bias", value=0.0).label == "ln_final bias"
    assert "label" not in head.model_dump()
    with pytest.raises(ValueError):
        Contribution.model_validate({"kind": "head", "layer": 0, "head": 0, "value": 1.0, "label": "L0H0"})
    with pytest.raises(ValueError):
        Contribution.model_validate({"kind": "attention", "value": 1.0})
    dla = DirectLogitAttribution(
        target=TokenInfo(id=5, text="x", bytes_hex="78"),
        pos=0,
        logit=1.5,
        total=1.5,
        contributions=[head, Contribution(kind="embed", value=1.0)],
    )
    assert dla.schema_version == SCHEMA_VERSION
    assert [c.kind for c in dla.top(1)] == ["embed"]
