"""Transcoders in circuit-tracer's file format: lossless round trips, what the hooks mean, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
import yaml
from safetensors.torch import save_file

from glassbox.capture.forward import run_forward
from glassbox.errors import CorruptedModelError, ModelNotFoundError
from glassbox.graph.replacement import real_pass
from glassbox.testing import GRAPH_MODEL_TYPES
from glassbox.transcoders import load_transcoders, random_transcoders, save_transcoders
from glassbox.transcoders.format import THRESHOLD_KEY


def _same(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> None:
    assert a.keys() == b.keys()
    for k in a:
        assert a[k].dtype == b[k].dtype and torch.equal(a[k], b[k]), k


def test_save_load_save_is_lossless(tmp_path: Path) -> None:
    ts = random_transcoders(3, 16, 40, seed=3, jumprelu=True, skip=True)
    ts.config["model_name"] = "tiny"
    first = save_transcoders(ts, tmp_path / "a")
    back = load_transcoders(first)
    for x, y in zip(ts.layers, back.layers, strict=True):
        _same(x.tensors(), y.tensors())
    assert (back.feature_input_hook, back.feature_output_hook) == ("mlp.hook_in", "mlp.hook_out")
    assert back.config["model_name"] == "tiny" and back.scan_name == "random-seed3"
    second = save_transcoders(back, tmp_path / "b")
    for i in range(3):  # byte for byte: nothing is lost or reordered on a second trip
        assert (first / f"layer_{i}.safetensors").read_bytes() == (second / f"layer_{i}.safetensors").read_bytes()
    assert (first / "config.yaml").read_text() == (second / "config.yaml").read_text()
    cfg = yaml.safe_load((first / "config.yaml").read_text())
    assert cfg["model_kind"] == "transcoder_set"
    assert cfg["transcoders"] == ["layer_0.safetensors", "layer_1.safetensors", "layer_2.safetensors"]


def test_reads_a_circuit_tracer_cache_folder(tmp_path: Path) -> None:
    """The layout circuit-tracer's cache writes: no ``transcoders`` list (files found by name), its own keys."""
    g = torch.Generator().manual_seed(0)
    d_model, d_tc = 8, 12
    files = []
    for i in range(2):
        t = {
            "W_enc": torch.randn(d_tc, d_model, generator=g),
            "W_dec": torch.randn(d_tc, d_model, generator=g),
            "b_enc": torch.randn(d_tc, generator=g),
            "b_dec": torch.randn(d_model, generator=g),
            "k": torch.tensor(4),  # what circuit-tracer stores for TopK transcoders: kept, not interpreted
        }
        if i == 1:
            t[THRESHOLD_KEY] = torch.rand(d_tc, generator=g)
        save_file(t, str(tmp_path / f"layer_{i}.safetensors"))
        files.append(t)
    (tmp_path / "config.yaml").write_text(
        "model_kind: transcoder_set\nfeature_input_hook: hook_resid_mid\nfeature_output_hook: hook_mlp_out\n"
        "scan_name: someone/tiny-transcoders\n"
    )
    ts = load_transcoders(tmp_path / "config.yaml")
    assert ts.n_layers == 2 and ts.d_transcoder == d_tc and ts.scan_name == "someone/tiny-transcoders"
    assert ts[0].threshold is None and ts[1].threshold is not None
    for t, tc in zip(files, ts.layers, strict=True):
        _same(t, tc.tensors())
    x = torch.randn(5, d_model, generator=g)
    pre = x @ files[1]["W_enc"].T + files[1]["b_enc"]
    assert torch.equal(ts[1].encode(x), pre * (pre > files[1][THRESHOLD_KEY]))  # JumpReLU x·(x > θ)
    assert torch.equal(ts[0].encode(x), torch.relu(x @ files[0]["W_enc"].T + files[0]["b_enc"]))
    out = save_transcoders(ts, tmp_path / "copy")
    again = load_transcoders(out)
    for a, b in zip(ts.layers, again.layers, strict=True):
        _same(a.tensors(), b.tensors())


def test_bad_folders_fail_clearly(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="no such folder"):
        load_transcoders(tmp_path / "missing")
    ts = random_transcoders(1, 8, 8)
    folder = save_transcoders(ts, tmp_path / "ok")
    cfg = folder / "config.yaml"
    text = cfg.read_text()
    cfg.write_text(text.replace("transcoder_set", "cross_layer_transcoder"))
    with pytest.raises(CorruptedModelError, match="cross-layer transcoder folder needs W_enc_0"):
        load_transcoders(folder)  # a per-layer folder that calls itself cross-layer: no W_enc_{i} files
    cfg.write_text("!!python/object/apply:os.system ['echo unsafe']\n")  # safe_load refuses to build objects
    with pytest.raises(CorruptedModelError, match="not valid YAML"):
        load_transcoders(folder)
    cfg.write_text(text.replace("mlp.hook_in", "blocks.hook_nowhere"))
    with pytest.raises(CorruptedModelError, match="feature_input_hook"):
        load_transcoders(folder)
    cfg.write_text(text)
    save_file({"W_enc": torch.zeros(8, 8)}, str(folder / "layer_0.safetensors"))
    with pytest.raises(CorruptedModelError, match="missing W_dec, b_enc, b_dec"):
        load_transcoders(folder)
    (folder / "layer_0.safetensors").write_bytes(b"not safetensors")
    with pytest.raises(CorruptedModelError, match="not a readable safetensors"):
        load_transcoders(folder)


@pytest.mark.parametrize("family", GRAPH_MODEL_TYPES)
def test_hooks_are_the_places_circuit_tracer_means(family: str, tiny_models: dict[str, object]) -> None:
    """mlp.hook_in is what the MLP reads (the norm's output), hook_resid_mid the stream before that norm,
    mlp.hook_out what the MLP returns, hook_mlp_out what is added to the stream — checked against the traced
    forward's own canonical names."""
    from glassbox.models.loading import LoadedModel
    from glassbox.models.tokens import encode

    model = tiny_models[family]
    assert isinstance(model, LoadedModel)
    a = model.adapter
    ids = encode(model, "The capital of France is Paris.")
    cache = run_forward(model, ids, lambda name: True)
    fr = real_pass(model, random_transcoders(a.n_layers, a.d_model, 8), ids)
    for layer in range(a.n_layers):
        normed = cache.get(f"blocks.{layer}.ln2.hook_normalized", cache.get(f"blocks.{layer}.ln1.hook_normalized"))
        ln2 = a.ln2(layer)
        if ln2 is not None and ln2.kind != "identity":
            assert normed is not None
            torch.testing.assert_close(fr.tc_in[layer], normed, rtol=1e-5, atol=1e-5)
        elif ln2 is None:  # Cohere's parallel block: the MLP reads ln1's output
            torch.testing.assert_close(
                fr.tc_in[layer], cache[f"blocks.{layer}.ln1.hook_normalized"], rtol=1e-5, atol=1e-5
            )
        else:  # OLMo: no norm before the MLP, it reads the stream
            torch.testing.assert_close(fr.tc_in[layer], cache[f"blocks.{layer}.hook_resid_mid"], rtol=1e-5, atol=1e-5)
        if a.post_mlp_norm(layer) is None:
            torch.testing.assert_close(fr.mlp_out[layer], cache[f"blocks.{layer}.hook_mlp_out"], rtol=1e-5, atol=1e-5)
    if not a.parallel_block:
        mid = random_transcoders(a.n_layers, a.d_model, 8, feature_input_hook="hook_resid_mid")
        fr_mid = real_pass(model, mid, ids)
        torch.testing.assert_close(fr_mid.tc_in[0], cache["blocks.0.hook_resid_mid"], rtol=1e-5, atol=1e-5)
    post = random_transcoders(a.n_layers, a.d_model, 8, feature_output_hook="hook_mlp_out")
    fr_post = real_pass(model, post, ids)
    torch.testing.assert_close(fr_post.mlp_out[0], cache["blocks.0.hook_mlp_out"], rtol=1e-5, atol=1e-5)
