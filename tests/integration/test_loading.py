"""Loading: local folders, model info, and every bad input as a clear glassbox error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import glassbox
from glassbox.errors import (
    CorruptedModelError,
    GlassboxError,
    InvalidInputError,
    ModelNotFoundError,
    UnsupportedArchitectureError,
)
from glassbox.testing import make_tiny_model


def test_model_info(tiny_models) -> None:  # type: ignore[no-untyped-def]
    gpt2 = tiny_models["gpt2"].info
    assert (gpt2.family, gpt2.positional, gpt2.norm, gpt2.gated_mlp) == (
        "gpt2",
        "learned",
        "layernorm",
        False,
    )
    assert (gpt2.n_layers, gpt2.n_heads, gpt2.d_model, gpt2.d_head, gpt2.d_mlp, gpt2.n_ctx) == (
        2,
        4,
        64,
        16,
        256,
        128,
    )
    llama = tiny_models["llama"].info
    assert (llama.positional, llama.norm, llama.n_kv_heads, llama.gated_mlp) == ("rotary", "rmsnorm", 2, True)
    assert tiny_models["cohere"].info.parallel_block and tiny_models["cohere"].info.norm == "layernorm"
    assert tiny_models["olmo2"].info.post_norm and tiny_models["olmo2"].info.qk_norm
    assert tiny_models["qwen3"].info.qk_norm and not tiny_models["qwen3"].info.post_norm
    n = sum(p.numel() for p in tiny_models["gpt2"].hf.parameters())
    assert gpt2.n_params == n


def test_empty_prompt(tiny_models) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError, match="empty"):
        glassbox.trace(tiny_models["gpt2"], "")


def test_prompt_longer_than_context(tiny_models) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError, match=r"more than the model.s context of 128 tokens.*truncate=.left."):
        glassbox.trace(tiny_models["gpt2"], "word " * 400)


def test_token_ids_outside_vocab(tiny_models) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError, match="outside the vocabulary"):
        glassbox.trace(tiny_models["gpt2"], token_ids=[1, 2, 99999])


def test_negative_temperature_and_bad_top_p(tiny_models) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError, match="temperature"):
        glassbox.generate(tiny_models["gpt2"], "hi", temperature=-1)
    with pytest.raises(InvalidInputError, match="top_p"):
        glassbox.generate(tiny_models["gpt2"], "hi", top_p=0)


def test_unknown_model_offline(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelNotFoundError, match="not in the local cache"):
        glassbox.load_model("no-such-org/no-such-model-xyz", device="cpu")


def test_missing_folder() -> None:
    with pytest.raises(ModelNotFoundError, match="no folder"):
        glassbox.load_model("./does/not/exist", device="cpu")


def test_unsupported_architecture(tmp_path: Path) -> None:
    from transformers import BertConfig

    BertConfig(hidden_size=32, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32).save_pretrained(
        tmp_path
    )
    with pytest.raises(UnsupportedArchitectureError, match=r"gpt2.*llama.*qwen3"):
        glassbox.load_model(str(tmp_path), device="cpu")


def test_corrupted_weights(tmp_path: Path, tiny_dir) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "broken"
    shutil.copytree(tiny_dir["gpt2"], folder)
    weights = folder / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[: weights.stat().st_size // 3])
    with pytest.raises(CorruptedModelError, match="truncated or corrupted"):
        glassbox.load_model(str(folder), device="cpu")


def test_corrupted_config(tmp_path: Path, tiny_dir) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "badconfig"
    shutil.copytree(tiny_dir["gpt2"], folder)
    (folder / "config.json").write_text("{ not json")
    with pytest.raises(CorruptedModelError, match="config"):
        glassbox.load_model(str(folder), device="cpu")


def test_cuda_requested_without_gpu() -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")  # the check below is about machines without one
    with pytest.raises(InvalidInputError, match="no CUDA GPU"):
        glassbox.load_model(None, device="cuda")


def test_remote_code_stays_off(tmp_path: Path) -> None:
    import json

    cfg = {"model_type": "my_custom_arch", "auto_map": {"AutoConfig": "configuration_x.XConfig"}}
    (tmp_path / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(GlassboxError, match="trust_remote_code"):
        glassbox.load_model(str(tmp_path), device="cpu")


def test_round_trip_through_save_pretrained(tmp_path: Path) -> None:
    folder = make_tiny_model(tmp_path / "m", "mistral", seed=3)
    model = glassbox.load_model(str(folder), device="cpu")
    assert model.info.model_type == "mistral" and model.path == folder


def test_hub_name_from_the_local_cache(tmp_path: Path, tiny_dir, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A Hub name resolves through the standard cache layout with downloads off (what an offline user has)."""
    import huggingface_hub.constants as hub_constants

    cache = tmp_path / "hub"
    snapshot = cache / "models--glassbox-test--tiny-llama" / "snapshots" / ("0" * 40)
    shutil.copytree(tiny_dir["llama"], snapshot)
    (cache / "models--glassbox-test--tiny-llama" / "refs").mkdir()
    (cache / "models--glassbox-test--tiny-llama" / "refs" / "main").write_text("0" * 40)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(hub_constants, "HF_HUB_CACHE", str(cache))
    monkeypatch.setattr(hub_constants, "HF_HUB_OFFLINE", True)
    import transformers.utils.hub as tf_hub

    monkeypatch.setattr(tf_hub, "TRANSFORMERS_CACHE", str(cache), raising=False)
    model = glassbox.load_model("glassbox-test/tiny-llama", device="cpu")
    assert model.name == "glassbox-test/tiny-llama" and model.info.model_type == "llama" and model.path is None


def test_tune_threads(tiny_models, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import torch

    from glassbox.models.loading import tune_threads

    before = torch.get_num_threads()
    try:
        monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
        monkeypatch.setenv("GLASSBOX_THREADS", "2")
        assert tune_threads([tiny_models["gpt2"]]) == 2  # an explicit setting wins
        monkeypatch.delenv("GLASSBOX_THREADS")
        assert tune_threads([tiny_models["gpt2"]]) == 1  # small models run on one thread
    finally:
        torch.set_num_threads(before)
