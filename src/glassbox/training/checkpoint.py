"""Atomic, checksummed training checkpoints.

Two kinds of files are written during training:

* **resumable state** — ``train-state/state-<step>.pt``: model, optimizer, scheduler, RNG states, the
  history so far and the schema version it was written with (:class:`glassbox.training.train.TrainingRun`).
  Written to a temporary file, fsynced, then ``os.replace``-d into place; a sidecar
  ``.sha256`` is written (atomically) only afterwards, so a state without a matching checksum is incomplete
  or corrupted and is never trusted. The two most recent states are kept: if the newest is damaged (a kill
  during the write, a bad disk), training restarts from the one before. A state holds only plain data
  (tensors, dicts, lists, tuples, numbers, strings) and is read with ``torch.load(weights_only=True)``: a
  file that would need any other Python object to unpickle — which could run code — is refused, never run.
* **weight snapshots** — ``checkpoints/step-<step>/`` (``config.json`` + float16 ``model.safetensors``),
  a standard Hugging Face folder kept for the pre-training view; written to a temporary folder and renamed.
  A finished run's ``checksums.json`` covers them; :func:`load_weights_snapshot` verifies before loading.
"""

from __future__ import annotations

import copy
import hashlib
import io
import logging
import os
import pickle
import re
import shutil
from pathlib import Path
from typing import Any

import torch

from glassbox.errors import CorruptedCheckpointError, CorruptedModelError
from glassbox.models.checksums import verify_under
from glassbox.training.files import atomic_write_bytes

log = logging.getLogger(__name__)

STATE_DIR = "train-state"
KEEP_STATES = 2


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def state_path(out_dir: Path, step: int) -> Path:
    return out_dir / STATE_DIR / f"state-{step:07d}.pt"


def save_state(out_dir: Path, step: int, state: dict[str, Any]) -> Path:
    """Write a resumable state for ``step`` atomically and prune all but the newest :data:`KEEP_STATES`."""
    path = state_path(out_dir, step)
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    torch.save(state, buf)
    data = buf.getvalue()
    atomic_write_bytes(path, data)
    atomic_write_bytes(path.with_suffix(".sha256"), (_sha256(data) + "\n").encode())
    for old in list_states(out_dir)[KEEP_STATES:]:
        old.unlink(missing_ok=True)
        old.with_suffix(".sha256").unlink(missing_ok=True)
    return path


def list_states(out_dir: Path) -> list[Path]:
    """Resumable states in ``out_dir``, newest first."""
    folder = out_dir / STATE_DIR
    if not folder.is_dir():
        return []
    return sorted(folder.glob("state-*.pt"), reverse=True)


def load_state(path: Path) -> dict[str, Any]:
    """Load one state, verifying its checksum; raises :class:`CorruptedCheckpointError` with what to do."""
    checksum = path.with_suffix(".sha256")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorruptedCheckpointError(f"checkpoint {path} cannot be read ({exc})") from exc
    if not checksum.exists():
        raise CorruptedCheckpointError(
            f"checkpoint {path} has no checksum file {checksum.name}: it was not completely written"
            " (interrupted save); delete it to resume from an earlier checkpoint"
        )
    expected = checksum.read_text().strip()
    if _sha256(data) != expected:
        raise CorruptedCheckpointError(
            f"checkpoint {path} is corrupted (sha256 mismatch: the file was truncated or modified);"
            " delete it to resume from an earlier checkpoint"
        )
    try:
        # weights_only: plain data only; anything else in the pickle is refused before it is built
        state = torch.load(io.BytesIO(data), map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        found = re.search(r"GLOBAL (\S+)", str(exc))
        what = f" ({found.group(1)})" if found else ""
        raise CorruptedCheckpointError(
            f"checkpoint {path} holds Python objects glassbox will not load{what}: unpickling them could run code,"
            " and glassbox never writes them; delete it to resume from an earlier checkpoint"
        ) from None
    except Exception as exc:
        raise CorruptedCheckpointError(
            f"checkpoint {path} cannot be read ({str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__});"
            " delete it to resume from an earlier checkpoint"
        ) from None
    if not isinstance(state, dict):
        raise CorruptedCheckpointError(
            f"checkpoint {path} is not a glassbox training state; delete it to resume from an earlier checkpoint"
        )
    return state


def load_latest_state(out_dir: Path) -> dict[str, Any] | None:
    """The newest loadable state, falling back past corrupted ones (each is reported). None if none exist."""
    paths = list_states(out_dir)
    if not paths:
        return None
    errors = []
    for path in paths:
        try:
            state = load_state(path)
        except CorruptedCheckpointError as exc:
            errors.append(str(exc))
            continue
        for skipped in errors:  # reported only when an earlier state is used; otherwise the error says it all
            log.warning("%s — resuming from the previous checkpoint", skipped)
        return state
    raise CorruptedCheckpointError(
        "no usable checkpoint to resume from: " + "; ".join(errors) + f". Delete {out_dir / STATE_DIR} to"
        " start the run again from scratch"
    )


def load_weights_snapshot(model_dir: Path, weights: str) -> Any:
    """The float32 model of the snapshot ``model_dir / weights`` (e.g. ``checkpoints/step-0000010``).

    Its files are verified against ``model_dir``'s ``checksums.json`` first (when it has one); a mismatch, a
    truncated file or a folder that cannot be read is a :class:`CorruptedCheckpointError` naming the file.
    """
    from safetensors import SafetensorError
    from transformers import AutoModelForCausalLM

    folder = model_dir / weights
    try:
        verify_under(model_dir, weights)
    except CorruptedModelError as exc:
        raise CorruptedCheckpointError(str(exc)) from None
    from glassbox.models.loading import quiet_progress

    try:
        with quiet_progress():  # the server's log is no place for a progress bar per explained step
            model: Any = AutoModelForCausalLM.from_pretrained(str(folder), dtype=torch.float32)
    except (OSError, ValueError, RuntimeError, SafetensorError) as exc:
        first = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise CorruptedCheckpointError(
            f"the checkpoint {folder} cannot be read ({first}): it is truncated or corrupted; re-train the model"
            " or restore it from a copy"
        ) from None
    return model.to("cpu", dtype=torch.float32)


def save_weights_snapshot(model: Any, folder: Path) -> None:
    """Save a float16 copy of ``model`` as a standard HF folder, atomically (temp folder + rename)."""
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    half = copy.deepcopy(model).to("cpu", dtype=torch.float16)
    half.save_pretrained(str(tmp))
    for f in tmp.iterdir():
        f.chmod(0o644)  # save_pretrained may create 0600 files; shipped snapshots must be world-readable
    if folder.exists():
        shutil.rmtree(folder)
    os.replace(tmp, folder)
