"""The server's side of the Circuits view: whose transcoders, graph jobs with progress, feature cards.

- **Transcoders** come only from the operator: ``glassbox serve --transcoders MODEL=DIR`` (repeatable), else a
  model's own ``transcoders/`` folder beside its weights (the embedded model ships one). A client only ever names
  a model id; no path a client sends is read.
- **Jobs**: ``POST /api/circuits/jobs`` starts a graph in a daemon thread and answers at once; the page polls
  ``done``/``total`` (the engine's progress callback). A graph can take minutes, so jobs do not hold the model's
  own lock (every other route on the model would wait that long): they run on a *job twin* of the model — the
  same weights (nothing is copied but the tokenizer), its own tokenizer and its own lock — so graphs of one model
  are built one at a time, beside the model's other requests. The engine only reads the weights (loaded
  models' weights need no gradient, so it changes nothing on them). At most
  :data:`MAX_ACTIVE_JOBS` jobs may wait or run (else 409 ``busy``), and at most :data:`MAX_JOBS` are kept, the
  oldest finished ones dropped first.
- **Feature cards**: read from ``features.safetensors``/``features.json`` beside the transcoders when they were
  precomputed (``glassbox transcoders features``); otherwise computed on first demand over
  :data:`ON_DEMAND_TOKENS` tokens (on the job twin) and kept in memory (at most :data:`MAX_CARD_SETS` sets).
"""

from __future__ import annotations

import copy
import dataclasses
import threading
import uuid
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from glassbox.errors import BusyError, GlassboxError, InvalidInputError, NotFoundError
from glassbox.schema.circuits import CircuitsGraph, CircuitsInfo, CircuitsJob
from glassbox.schema.errors import ErrorCode
from glassbox.transcoders.cards import (
    FeatureCards,
    FeatureOutOfRangeError,
    has_feature_cards,
    load_feature_cards,
    transcoders_name,
)
from glassbox.transcoders.format import TranscoderSet, load_transcoders

if TYPE_CHECKING:
    from glassbox.graph.circuits import Labeller
    from glassbox.models.loading import LoadedModel
    from glassbox.server.registry import Entry

MAX_JOBS = 8
MAX_ACTIVE_JOBS = 2
MAX_CARD_SETS = 2
ON_DEMAND_TOKENS = 8192


class NoTranscodersError(InvalidInputError):
    """The Circuits view asked of a model this server has no transcoders for: answered 422."""

    status = 422
    code = ErrorCode.INVALID_INPUT


class JobRunningError(BusyError):
    """A graph asked for before its job is done: answered 409 ``busy``."""


class JobCancelledError(GlassboxError):
    """A job stopped because the server is shutting down."""


@dataclass
class Job:
    id: str
    model: str
    state: str = "running"
    done: int = 0
    total: int = 0
    error: GlassboxError | None = None
    message: str | None = None
    graph: CircuitsGraph | None = None
    cancelled: threading.Event = field(default_factory=threading.Event)

    def public(self) -> CircuitsJob:
        return CircuitsJob(
            job_id=self.id,
            state="running" if self.state == "running" else ("done" if self.state == "done" else "failed"),
            done=self.done,
            total=self.total,
            error=self.message,
        )


@dataclass
class Transcoders:
    name: str
    folder: Path
    ts: TranscoderSet


@dataclass
class CircuitsService:
    """One per app: the operator's transcoder folders by model id, the jobs, the cards computed on demand."""

    folders: Mapping[str, Path] = field(default_factory=dict)
    _loaded: dict[str, Transcoders] = field(default_factory=dict)
    _twins: dict[str, LoadedModel] = field(default_factory=dict)
    _jobs: OrderedDict[str, Job] = field(default_factory=OrderedDict)
    _cards: OrderedDict[str, FeatureCards] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _card_lock: threading.Lock = field(default_factory=threading.Lock)

    # --- transcoders ----------------------------------------------------------------------------------------

    def folder(self, entry: Entry) -> Path | None:
        """The operator's folder for this model, else its own ``transcoders/`` (None: none)."""
        if entry.id in self.folders:
            return Path(self.folders[entry.id])
        own = entry.model.path / "transcoders" if entry.model.path is not None else None
        if own is not None and (own / "config.yaml").is_file():
            return own
        return None

    def transcoders(self, entry: Entry) -> Transcoders:
        """The model's transcoders, loaded once (422 with what to do when it has none)."""
        with self._lock:
            if entry.id in self._loaded:
                return self._loaded[entry.id]
        from glassbox.graph.replacement import check_architecture, check_compatible

        check_architecture(entry.model)  # before "no transcoders": none would help a model the graphs cannot cover
        folder = self.folder(entry)
        if folder is None:
            raise NoTranscodersError(
                f"this server has no transcoders for {entry.id}: the Circuits view needs them. The operator can "
                f"train some (glassbox transcoders train --model … --out DIR) and serve them with "
                f"glassbox serve --transcoders {entry.id}=DIR"
            )
        ts = load_transcoders(folder)
        check_compatible(entry.model, ts)
        loaded = Transcoders(transcoders_name(ts, folder), folder, ts)
        with self._lock:
            self._loaded[entry.id] = loaded
        return loaded

    def info(self, entry: Entry) -> CircuitsInfo:
        try:
            t = self.transcoders(entry)
        except GlassboxError as exc:
            return CircuitsInfo(model=entry.id, available=False, n_ctx=entry.model.info.n_ctx, reason=str(exc))
        return CircuitsInfo(
            model=entry.id,
            available=True,
            transcoders=t.name,
            n_layers=t.ts.n_layers,
            d_transcoder=t.ts.d_transcoder,
            cards_precomputed=has_feature_cards(t.folder),
            n_ctx=entry.model.info.n_ctx,
        )

    # --- jobs -------------------------------------------------------------------------------------------------

    def twin(self, entry: Entry) -> LoadedModel:
        """The model for long jobs: its weights, a copy of its tokenizer, a lock of its own (made once)."""
        with self._lock:
            twin = self._twins.get(entry.id)
            if twin is None:
                with entry.model.lock:  # the tokenizer is copied while no one else uses it
                    tokenizer = copy.deepcopy(entry.model.tokenizer)
                twin = dataclasses.replace(entry.model, tokenizer=tokenizer, lock=threading.RLock())
                self._twins[entry.id] = twin
            return twin

    def start(
        self,
        entry: Entry,
        ids: list[int],
        logit_token_id: int | None,
        node_threshold_max: float,
        *,
        prompt: str | None = None,
    ) -> Job:
        """A job building the graph of ``ids`` in a daemon thread (the model's lock orders jobs of one model).

        ``prompt``: the text as the client typed it, kept on the graph (the page sends it back for interventions
        and writes it in captions and files); the ids' decoded text would carry the beginning-of-text token."""
        t = self.transcoders(entry)
        d_vocab = entry.model.info.d_vocab
        if logit_token_id is not None and logit_token_id >= d_vocab:
            raise FeatureOutOfRangeError(
                f"logit_token_id {logit_token_id} is not a token of {entry.id} (0..{d_vocab - 1})"
            )
        with self._lock:
            active = sum(1 for j in self._jobs.values() if j.state == "running")
            if active >= MAX_ACTIVE_JOBS:
                raise BusyError(
                    f"{active} graphs are being built on this server already: wait for one to finish and try again"
                )
            job = Job(id=uuid.uuid4().hex[:16], model=entry.id)
            self._jobs[job.id] = job
            self._trim()
        labels = self.labels(t)
        model = self.twin(entry)

        def progress(done: int, total: int) -> None:
            if job.cancelled.is_set():  # raised inside the engine's loop: the attribution stops at its next batch
                raise JobCancelledError("the server is shutting down: the graph was not finished")
            job.done, job.total = done, total

        def run() -> None:
            from glassbox.graph.circuits import circuits_graph

            if job.cancelled.is_set():
                job.message, job.state = "the server is shutting down: the graph was not built", "failed"
                return
            try:
                graph = circuits_graph(
                    model,
                    ids,
                    t.ts,
                    logit_token_id=logit_token_id,
                    node_threshold_max=node_threshold_max,
                    progress=progress,
                    label=labels,
                    name=t.name,
                )
                update: dict[str, str] = {"model": entry.id}
                if prompt is not None:
                    update["prompt"] = prompt
                job.graph = graph.model_copy(update=update)
                job.state = "done"
            except GlassboxError as exc:
                job.error, job.message, job.state = exc, str(exc), "failed"
            except Exception as exc:  # a bug: the page shows it, the job does not hang
                job.message = f"the server failed ({type(exc).__name__}): this is a bug in glassbox"
                job.state = "failed"
                import logging

                logging.getLogger(__name__).error("circuits job %s failed", job.id, exc_info=exc)

        threading.Thread(target=run, name=f"circuits-{job.id}", daemon=True).start()
        return job

    def _trim(self) -> None:
        """Keep at most MAX_JOBS: drop the oldest finished jobs first (a running one is never dropped)."""
        while len(self._jobs) > MAX_JOBS:
            victim = next((k for k, j in self._jobs.items() if j.state != "running"), None)
            if victim is None:
                return
            del self._jobs[victim]

    def cancel_all(self) -> None:
        """Stop every job at its next progress report (the server is shutting down). Takes no lock: a signal
        handler calls it (a dict changed meanwhile by another thread is read again)."""
        for _ in range(10):
            try:
                jobs = list(self._jobs.values())
                break
            except RuntimeError:
                continue
        else:
            return
        for job in jobs:
            job.cancelled.set()

    def job(self, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFoundError(
                f"no graph job {job_id!r} on this server (it may have been dropped: only the last {MAX_JOBS} are "
                "kept); build the graph again"
            )
        return job

    def graph(self, job_id: str) -> CircuitsGraph:
        job = self.job(job_id)
        if job.state == "running":
            raise JobRunningError(
                f"graph job {job_id} is still running ({job.done}/{job.total or '?'} targets): poll "
                f"/api/circuits/jobs/{job_id} until its state is done"
            )
        if job.state == "failed":
            if job.error is not None:
                raise job.error
            raise GlassboxError(job.message or "the graph could not be built")
        assert job.graph is not None
        return job.graph

    # --- feature cards ----------------------------------------------------------------------------------------

    def labels(self, t: Transcoders) -> Labeller | None:
        """The label function of the cards precomputed or already computed for ``t`` (None: none yet)."""
        cards = load_feature_cards(t.folder)
        if cards is None:
            with self._lock:
                cards = self._cards.get(str(t.folder))
        return cards.label if cards is not None else None

    def cards(self, entry: Entry) -> tuple[Transcoders, FeatureCards]:
        """The model's feature cards: precomputed, or computed now over ON_DEMAND_TOKENS tokens and kept."""
        t = self.transcoders(entry)
        cards = load_feature_cards(t.folder)
        if cards is not None:
            return t, cards
        key = str(t.folder)
        with self._card_lock:  # one computation at a time; a second request waits for it and reuses it
            with self._lock:
                cached = self._cards.get(key)
            if cached is not None:
                return t, cached
            from glassbox.training.feature_cards import feature_cards

            twin = self.twin(entry)
            with twin.lock:
                computed = feature_cards(twin, t.ts, n_tokens=ON_DEMAND_TOKENS, name=t.name)
            with self._lock:
                self._cards[key] = computed
                while len(self._cards) > MAX_CARD_SETS:
                    self._cards.popitem(last=False)
        return t, computed
