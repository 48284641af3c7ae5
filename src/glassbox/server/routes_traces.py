"""The operator's trace folder (``glassbox serve --traces DIR``): list its trace files, serve one by its listed name.

The server never opens a path a page names. :class:`TraceFolder` walks the folder itself (``*.json``, at most
:data:`MAX_DEPTH` folders deep, at most :data:`MAX_FILES` files, no link that leads outside it) and a page asks
for a file by a name from that walk; any other name is a 404, whatever it spells. A file that cannot be read
(not JSON, not a trace, too large) is listed with its error rather than hidden, and asking for it answers 422.
A file's listing entry is kept while its size and modification time stay the same; the trace itself is parsed
again when asked for (tens of milliseconds for AnimatedLLM's files), so a folder of hundreds of traces costs the
server its listing, not hundreds of parsed traces in memory.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

from fastapi import APIRouter, Request

from glassbox.animatedllm import MAX_TRACE_BYTES, TraceFileError, detect_format, normalise, parse_trace
from glassbox.errors import NotFoundError
from glassbox.schema.animatedllm import TraceFile, TraceList, TraceListEntry
from glassbox.server.routes import ERRORS

MAX_DEPTH = 4
"""Folders below DIR that are searched: AnimatedLLM's own layout is ``data/inference/cs/*.json`` (three deep)."""

MAX_FILES = 5000
"""Files listed at most (AnimatedLLM publishes a few hundred)."""


@dataclass
class _Cached:
    stamp: tuple[int, int]
    entry: TraceListEntry


class TraceFolder:
    """The trace files of one folder, found by walking it (never by a name from a request)."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        if not self.root.is_dir():
            raise NotFoundError(f"--traces {root}: no such folder")
        self._cache: dict[str, _Cached] = {}
        self._lock = threading.Lock()

    def _files(self) -> dict[str, Path]:
        found: dict[str, Path] = {}
        for path in sorted(self.root.rglob("*.json")):
            if len(found) >= MAX_FILES:
                break
            rel = path.relative_to(self.root)
            if len(rel.parts) - 1 > MAX_DEPTH or any(p.startswith(".") for p in rel.parts):
                continue
            real = path.resolve()
            if not real.is_file() or not real.is_relative_to(self.root):  # a link out of the folder is not offered
                continue
            found[rel.as_posix()] = real
        return found

    @staticmethod
    def _parse(name: str, path: Path) -> tuple[TraceFile | None, str | None]:
        try:
            if path.stat().st_size > MAX_TRACE_BYTES:
                raise TraceFileError(f"{name} is larger than {MAX_TRACE_BYTES >> 20} MiB: not read")
            return parse_trace(path.read_bytes(), name), None
        except TraceFileError as exc:
            return None, str(exc)
        except OSError as exc:
            return None, f"{name} cannot be read ({exc.strerror})"

    def _entry(self, name: str, path: Path) -> TraceListEntry:
        st = path.stat()
        stamp = (st.st_size, st.st_mtime_ns)
        hit = self._cache.get(name)
        if hit is not None and hit.stamp == stamp:
            return hit.entry
        entry = TraceListEntry(name=name, bytes=st.st_size)
        try:
            if st.st_size > MAX_TRACE_BYTES:
                raise TraceFileError(f"{name} is larger than {MAX_TRACE_BYTES >> 20} MiB: not read")
            entry = entry.model_copy(update=_summary_of(path.read_bytes(), name))
        except TraceFileError as exc:
            entry = entry.model_copy(update={"error": str(exc)})
        except OSError as exc:
            entry = entry.model_copy(update={"error": f"{name} cannot be read ({exc.strerror})"})
        self._cache[name] = _Cached(stamp, entry)
        return entry

    def listing(self) -> list[TraceListEntry]:
        with self._lock:
            files = self._files()
            self._cache = {k: v for k, v in self._cache.items() if k in files}
            return [self._entry(name, path) for name, path in files.items()]

    def get(self, name: str) -> TraceFile:
        with self._lock:
            path = self._files().get(name)
            if path is None:
                raise NotFoundError(f"no trace named {name!r} in this server's trace folder: pick one from /api/traces")
        trace, error = self._parse(name, path)
        if trace is None:
            raise TraceFileError(error or f"{name} cannot be read")
        return trace


def _summary_of(raw: bytes, name: str) -> dict[str, object]:
    """A listing entry's fields, read cheaply: AnimatedLLM's files need only their JSON (the whole tolerant reading
    waits until the file is asked for: listing AnimatedLLM's 465 files took 18 s with it on a busy laptop core)."""
    try:
        doc = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise TraceFileError(f"{name} is not JSON ({exc})") from None
    fmt = detect_format(doc)
    if fmt not in ("animatedllm_inference", "animatedllm_training"):
        return _summary(normalise(doc, name))  # glassbox's own files, or the reader's refusal of a non-trace
    steps = doc.get("generation_steps" if fmt == "animatedllm_inference" else "training_steps")
    if fmt == "animatedllm_inference" and not steps:
        raise TraceFileError(f"{name} has no generation steps")
    info = doc.get("model_info")
    model = info.get("name") if isinstance(info, dict) else None
    prompt = doc.get("prompt" if fmt == "animatedllm_inference" else "text")
    language = doc.get("language")
    return {
        "format": fmt,
        "model": model if isinstance(model, str) else "unknown model",
        "prompt": prompt if isinstance(prompt, str) else None,
        "steps": len(steps),
        "language": language if isinstance(language, str) else None,
    }


def _summary(trace: TraceFile) -> dict[str, object]:
    if trace.inference is not None:
        inf = trace.inference
        return {
            "format": trace.format,
            "model": inf.model_info.name,
            "prompt": inf.prompt,
            "steps": len(inf.generation_steps),
            "language": inf.language,
        }
    assert trace.training is not None
    tr = trace.training
    return {"format": trace.format, "model": tr.model_info.name, "prompt": tr.text, "steps": len(tr.training_steps)}


router = APIRouter(prefix="/api", responses=ERRORS)


def _folder(request: Request) -> TraceFolder | None:
    folder: TraceFolder | None = getattr(request.app.state, "traces", None)
    return folder


@router.get("/traces", summary="the trace files of the operator's --traces folder (empty without one)")
def list_traces(request: Request) -> TraceList:
    folder = _folder(request)
    return TraceList(enabled=folder is not None, traces=folder.listing() if folder else [])


@router.get("/traces/{name:path}", summary="one trace file of the --traces folder, by its listed name, normalised")
def get_trace(name: str, request: Request) -> TraceFile:
    folder = _folder(request)
    if folder is None:
        raise NotFoundError("this server offers no trace files: start it with `glassbox serve --traces DIR`")
    return folder.get(name)
