"""Training transcoders: a few steps on a tiny model, saved in circuit-tracer's format, resumable exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from glassbox.errors import InvalidInputError, TrainingError
from glassbox.models.loading import LoadedModel
from glassbox.training.transcoders import TranscoderTrainConfig, train_transcoders
from glassbox.transcoders import load_transcoders


def _cfg(**kw: object) -> TranscoderTrainConfig:
    base: dict[str, object] = dict(
        steps=3, latents=32, n_documents=40, seq_len=16, batch_size=2, heldout_sequences=1, lr=1e-3
    )
    base.update(kw)
    return TranscoderTrainConfig(**base)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def llama(tiny_models: dict[str, object]) -> LoadedModel:
    m = tiny_models["llama"]
    assert isinstance(m, LoadedModel)
    return m


def test_training_saves_the_format_and_the_figures(tmp_path: Path, llama: LoadedModel) -> None:
    ts, report = train_transcoders(llama, tmp_path / "tc", _cfg())
    back = load_transcoders(tmp_path / "tc")
    assert back.n_layers == llama.adapter.n_layers and back.d_transcoder == 32
    for a, b in zip(ts.layers, back.layers, strict=True):
        assert torch.equal(a.W_enc, b.W_enc) and torch.equal(a.W_dec, b.W_dec)
        assert b.W_skip is not None and b.threshold is None
    data = json.loads((tmp_path / "tc" / "report.json").read_text())
    assert [f["layer"] for f in data["layers"]] == list(range(llama.adapter.n_layers))
    for f in report.layers:
        assert f.fvu >= 0 and 0 <= f.l0 <= 32 and 0 <= f.dead <= 32 and 0 <= f.dense <= 32
    assert report.real_loss > 0 and report.replacement_loss > 0
    assert report.layers[0].fvu < 1.5  # a few steps from the mean output: not diverged


def test_resume_continues_the_same_run(tmp_path: Path, llama: LoadedModel) -> None:
    straight, _ = train_transcoders(llama, tmp_path / "a", _cfg(steps=3))
    train_transcoders(llama, tmp_path / "b", _cfg(steps=1))
    resumed, _ = train_transcoders(llama, tmp_path / "b", _cfg(steps=3), resume=True)
    with pytest.raises(TrainingError, match="another configuration"):
        train_transcoders(llama, tmp_path / "b", _cfg(steps=4, lr=5e-3), resume=True)
    for a, b in zip(straight.layers, resumed.layers, strict=True):
        torch.testing.assert_close(a.W_enc, b.W_enc, rtol=0, atol=1e-6)
        torch.testing.assert_close(a.W_dec, b.W_dec, rtol=0, atol=1e-6)
    with pytest.raises(TrainingError, match="nothing to resume"):
        train_transcoders(llama, tmp_path / "c", _cfg(), resume=True)


def test_topk_is_saved_as_a_jumprelu_threshold(tmp_path: Path, llama: LoadedModel) -> None:
    _, report = train_transcoders(llama, tmp_path / "tk", _cfg(activation="topk", k=4))
    back = load_transcoders(tmp_path / "tk")
    for tc in back.layers:
        assert tc.topk is None and tc.threshold is not None and tc.threshold.unique().numel() == 1
    assert all(f.l0 < 32 for f in report.layers)
    with pytest.raises(InvalidInputError, match=r"use plt \(per-layer\) or clt"):
        train_transcoders(llama, tmp_path / "bad", _cfg(kind="xlt"))  # CLTs train: tests/integration/test_clt.py


def test_jumprelu_trains_its_thresholds(tmp_path: Path, llama: LoadedModel) -> None:
    ts, _ = train_transcoders(llama, tmp_path / "jr", _cfg(activation="jumprelu", steps=3))
    for tc in ts.layers:
        assert tc.threshold is not None and bool((tc.threshold > 0).all())


def test_cli_trains(tmp_path: Path, tiny_dir: dict[str, Path]) -> None:
    from typer.testing import CliRunner

    from glassbox.cli import app

    out = tmp_path / "cli"
    args = ["transcoders", "train", "--model", str(tiny_dir["gpt2"]), "--out", str(out), "--steps", "2"]
    result = CliRunner().invoke(
        app, [*args, "--latents", "16", "--seq-len", "16", "--batch-size", "2", "--documents", "40", "--heldout", "1"]
    )
    assert result.exit_code == 0, result.output
    assert (out / "config.yaml").is_file() and (out / "layer_1.safetensors").is_file()
    assert "FVU" in result.output and "replacement" in result.output
    info = CliRunner().invoke(app, ["transcoders", "info", str(out)])
    assert info.exit_code == 0 and "d_transcoder=16" in info.output
