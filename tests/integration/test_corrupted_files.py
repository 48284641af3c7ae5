"""Damaged files are clear errors naming the file, never a 500, silently wrong numbers or code run from a file.

* every file a training run leaves is listed in ``checksums.json`` and verified when read (the model folder on
  load, ``history.json`` on read, a checkpoint snapshot on read), the shipped model included;
* without a manifest, a truncated file is still a :class:`CorruptedModelError`, not a bare exception;
* a resumable state is unpickled with ``weights_only=True``: a crafted one is refused before it can run code.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pathlib
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import torch

import glassbox
from glassbox.errors import CorruptedCheckpointError, CorruptedModelError
from glassbox.models import checksums
from glassbox.models.checksums import MANIFEST_FILE, build_manifest, read_manifest, verify_files
from glassbox.models.loading import embedded_path
from glassbox.schema.checksums import ChecksumManifest
from glassbox.training import checkpoint as ckpt
from glassbox.training.config import preset
from glassbox.training.files import write_manifest
from glassbox.training.history import load_history, load_metadata
from glassbox.training.train import train

SNAPSHOT = "checkpoints/step-0000021"


@pytest.fixture(scope="module")
def shipped_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A pristine copy of the embedded model folder (tests copy it again before damaging anything)."""
    out = tmp_path_factory.mktemp("shipped") / "glassbox-tiny"
    shutil.copytree(embedded_path(), out)
    return out


@pytest.fixture
def model_dir(shipped_copy: Path, tmp_path: Path) -> Path:
    out = tmp_path / "glassbox-tiny"
    shutil.copytree(shipped_copy, out)
    return out


def flip_byte(path: Path, at: float = 0.5) -> None:
    """Change one byte in place (same length): the damage a bad disk or a careless copy does."""
    data = bytearray(path.read_bytes())
    i = int(len(data) * at)
    data[i] ^= 0x01
    path.write_bytes(bytes(data))
    _touch_later(path)


def _touch_later(path: Path) -> None:
    # a rewrite within the filesystem's timestamp granularity could keep the mtime: make the change visible
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


# --- the manifest -------------------------------------------------------------------------------------------


def test_the_shipped_folder_has_a_manifest_of_every_file_and_verifies() -> None:
    folder = embedded_path()
    manifest = read_manifest(folder)
    assert manifest is not None and manifest.kind == "checksum_manifest"
    listed = set(manifest.files)
    for name in ("model.safetensors", "config.json", "tokenizer.json", "history.json", "glassbox.json"):
        assert name in listed
    on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {MANIFEST_FILE}
    assert listed == on_disk, "the manifest lists exactly the shipped files"
    assert {f"{SNAPSHOT}/model.safetensors", f"{SNAPSHOT}/config.json"} <= listed
    assert manifest == build_manifest(folder), "the shipped manifest matches the shipped bytes"
    assert verify_files(folder) is True
    ChecksumManifest.model_validate_json((folder / MANIFEST_FILE).read_bytes())


def test_write_manifest_covers_the_files_and_leaves_temporaries_out(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{}")
    (tmp_path / "checkpoints" / "step-1").mkdir(parents=True)
    (tmp_path / "checkpoints" / "step-1" / "model.safetensors").write_bytes(b"w")
    (tmp_path / "train-state").mkdir()
    (tmp_path / "train-state" / "state-0000001.pt").write_bytes(b"s")
    (tmp_path / "x.tmp").write_bytes(b"t")
    write_manifest(tmp_path)
    manifest = read_manifest(tmp_path)
    assert manifest is not None
    assert manifest.files == {
        "a.json": hashlib.sha256(b"{}").hexdigest(),
        "checkpoints/step-1/model.safetensors": hashlib.sha256(b"w").hexdigest(),
    }


# --- verified on load -------------------------------------------------------------------------------------


def test_a_flipped_byte_in_the_weights_is_caught_on_load(model_dir: Path) -> None:
    # cloned: the loaded tensors may be memory-mapped views of the very file about to change
    before = {k: v.clone() for k, v in glassbox.load_model(str(model_dir), device="cpu").hf.state_dict().items()}
    flip_byte(model_dir / "model.safetensors", at=0.6)  # inside the tensor data: still a valid file
    with pytest.raises(
        CorruptedModelError,
        match=r"model\.safetensors is corrupted \(checksum mismatch\): re-train it or restore it from a copy",
    ):
        glassbox.load_model(str(model_dir), device="cpu")
    # without the manifest the same file loads, with different numbers: what the manifest is for
    (model_dir / MANIFEST_FILE).unlink()
    silent = glassbox.load_model(str(model_dir), device="cpu")
    after = silent.hf.state_dict()
    assert any(not torch.equal(before[k], after[k]) for k in before)


@pytest.mark.parametrize("name", ["config.json", "tokenizer.json", "glassbox.json"])
def test_a_flipped_byte_in_any_file_the_loader_reads_is_named(model_dir: Path, name: str) -> None:
    flip_byte(model_dir / name)
    with pytest.raises(CorruptedModelError, match=re.escape(f"{name} is corrupted (checksum mismatch)")):
        glassbox.load_model(str(model_dir), device="cpu")


def test_a_missing_listed_file_is_named(model_dir: Path) -> None:
    (model_dir / "tokenizer.json").unlink()
    with pytest.raises(CorruptedModelError, match=r"tokenizer\.json is missing \(it is listed in checksums\.json\)"):
        glassbox.load_model(str(model_dir), device="cpu")


def test_a_damaged_manifest_is_a_clear_error(model_dir: Path) -> None:
    (model_dir / MANIFEST_FILE).write_text('{"files": {"model.safetensors": 3', encoding="utf-8")
    with pytest.raises(CorruptedModelError, match=r"checksums\.json is corrupted"):
        glassbox.load_model(str(model_dir), device="cpu")


def test_a_damaged_history_does_not_stop_the_model_loading(model_dir: Path) -> None:
    flip_byte(model_dir / "history.json")
    assert glassbox.load_model(str(model_dir), device="cpu").info.n_layers > 0


def test_hashes_are_computed_once_per_file_and_again_after_a_change(
    model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashed: list[int] = []
    real = hashlib.sha256

    def counting() -> Any:
        hashed.append(1)
        return real()

    monkeypatch.setattr(checksums.hashlib, "sha256", counting)
    assert verify_files(model_dir, ["model.safetensors"])
    assert verify_files(model_dir, ["model.safetensors"])
    assert verify_files(model_dir, ["model.safetensors"])
    assert len(hashed) == 1, "cached by path, inode, mtime and size"
    flip_byte(model_dir / "model.safetensors")  # same length, new mtime
    with pytest.raises(CorruptedModelError, match="checksum mismatch"):
        verify_files(model_dir, ["model.safetensors"])
    assert len(hashed) == 2


# --- verified on history and checkpoint reads -----------------------------------------------------------------


def test_a_flipped_byte_in_the_history_is_caught_on_read(model_dir: Path) -> None:
    assert load_history(model_dir / "history.json").completed
    flip_byte(model_dir / "history.json")
    with pytest.raises(CorruptedModelError, match=r"history\.json is corrupted \(checksum mismatch\): re-train it"):
        load_history(model_dir / "history.json")
    flip_byte(model_dir / "glassbox.json")
    with pytest.raises(CorruptedModelError, match=r"glassbox\.json is corrupted \(checksum mismatch\)"):
        load_metadata(model_dir / "glassbox.json")


def test_a_flipped_byte_in_a_checkpoint_is_caught_on_read(model_dir: Path) -> None:
    good = ckpt.load_weights_snapshot(model_dir, SNAPSHOT)
    assert next(good.parameters()).dtype == torch.float32
    flip_byte(model_dir / SNAPSHOT / "model.safetensors", at=0.7)
    with pytest.raises(
        CorruptedCheckpointError,
        match=rf"{SNAPSHOT}/model\.safetensors is corrupted \(checksum mismatch\): re-train it or restore it",
    ):
        ckpt.load_weights_snapshot(model_dir, SNAPSHOT)
    # the model itself still loads: only the snapshot is damaged
    assert glassbox.load_model(str(model_dir), device="cpu").info.n_layers > 0


# --- without a manifest: still a clear error ----------------------------------------------------------------


@pytest.fixture
def bare_dir(model_dir: Path) -> Path:
    (model_dir / MANIFEST_FILE).unlink()
    return model_dir


def test_without_a_manifest_the_folder_loads_as_before(bare_dir: Path) -> None:
    assert verify_files(bare_dir) is False
    assert glassbox.load_model(str(bare_dir), device="cpu").info.n_layers > 0
    assert load_history(bare_dir / "history.json").completed
    assert ckpt.load_weights_snapshot(bare_dir, SNAPSHOT) is not None


def test_without_a_manifest_truncated_weights_are_a_clear_error(bare_dir: Path) -> None:
    truncate(bare_dir / "model.safetensors")
    with pytest.raises(CorruptedModelError, match="truncated or corrupted"):
        glassbox.load_model(str(bare_dir), device="cpu")


def test_without_a_manifest_a_truncated_tokenizer_is_a_clear_error(bare_dir: Path) -> None:
    truncate(bare_dir / "tokenizer.json")
    with pytest.raises(CorruptedModelError, match="tokenizer"):
        glassbox.load_model(str(bare_dir), device="cpu")


def test_without_a_manifest_a_truncated_snapshot_is_a_clear_error(bare_dir: Path) -> None:
    truncate(bare_dir / SNAPSHOT / "model.safetensors")
    with pytest.raises(CorruptedCheckpointError, match=r"step-0000021 cannot be read .*truncated or corrupted"):
        ckpt.load_weights_snapshot(bare_dir, SNAPSHOT)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(truncate, id="truncated"),
        pytest.param(lambda p: p.write_bytes(b"\xff\xfe garbage \x80"), id="not utf-8"),
        pytest.param(lambda p: p.write_text('{"kind": "training_history", "steps": 3}'), id="wrong shape"),
        pytest.param(lambda p: p.write_text("[1, 2]"), id="not an object"),
    ],
)
def test_without_a_manifest_a_damaged_history_is_a_clear_error(bare_dir: Path, damage: Any) -> None:
    damage(bare_dir / "history.json")
    with pytest.raises(CorruptedModelError, match=r"history\.json"):
        load_history(bare_dir / "history.json")


# --- never run code from a file --------------------------------------------------------------------------------


class _RunsCode:
    """Unpickling this calls ``Path.touch(marker)``: what a crafted checkpoint could do with os.system."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (pathlib.Path.touch, (self.marker,))


def write_crafted_state(out_dir: Path, marker: Path, step: int = 10) -> Path:
    """A resumable state with a valid checksum whose unpickling would create ``marker``."""
    buf = io.BytesIO()
    torch.save({"schema_version": "2.0", "step": step, "payload": _RunsCode(marker)}, buf)
    data = buf.getvalue()
    path = ckpt.state_path(out_dir, step)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    path.with_suffix(".sha256").write_text(hashlib.sha256(data).hexdigest() + "\n")
    return path


def test_a_crafted_checkpoint_is_refused_and_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = write_crafted_state(tmp_path / "run", marker)
    with pytest.raises(CorruptedCheckpointError, match=r"holds Python objects glassbox will not load") as info:
        ckpt.load_state(path)
    assert str(path) in str(info.value) and "delete it" in str(info.value)
    assert not marker.exists(), "the crafted pickle's code ran"


def test_resuming_from_a_crafted_checkpoint_is_refused_and_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    write_crafted_state(tmp_path / "run", marker)
    with pytest.raises(CorruptedCheckpointError, match=r"no usable checkpoint.*will not load"):
        train(preset("micro"), tmp_path / "run", resume=True, device="cpu", progress=False, evaluate=False)
    assert not marker.exists(), "the crafted pickle's code ran"


def test_a_real_state_holds_only_plain_data(tmp_path: Path) -> None:
    """What training saves loads with weights_only=True (the resume tests check it continues bit-identically)."""
    tiny = preset("micro").replace(corpus_size=1200, steps=4, batch_size=4, n_ctx=48, state_interval=2, threads=1)
    train(tiny, tmp_path, device="cpu", progress=False, stop_at=2, evaluate=False)
    state = ckpt.load_state(ckpt.list_states(tmp_path)[0])
    assert state["step"] == 2 and isinstance(state["model"], dict) and isinstance(state["rng"]["torch"], torch.Tensor)
    assert not (tmp_path / MANIFEST_FILE).exists(), "an unfinished run has no manifest"
    json.loads(state["history"])
