"""Live micro-training: a tiny model trained in a background thread while a page watches.

The run reuses the pipeline's pieces (corpus, BPE tokenizer, :mod:`~glassbox.training.recipe`,
:class:`~glassbox.training.data.BatchSource`) with the ``micro`` preset, on the glassbox corpus or on text the
learner pasted. Every step appends a :class:`~glassbox.schema.api_training.LiveStep` event (loss, tokens/s);
every ``sample_every`` steps a :class:`~glassbox.schema.api_training.LiveSample` of greedy continuations of a
few prompts; a :class:`~glassbox.schema.api_training.LiveEnd` says how it ended. A run is bounded in steps,
wall-clock seconds and pasted text size; it stops when asked, when its bounds are reached, or when nobody has
listened for ``abandon_after_s`` (the page was closed).
Everything lives in memory: there is nothing to clean up on disk.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import torch

from glassbox.errors import BusyError, InvalidInputError, NotFoundError, TextTooLongError
from glassbox.models.tokens import readable_text
from glassbox.schema.api import MicroModelNote
from glassbox.schema.api_training import (
    LiveEnd,
    LiveEvent,
    LiveHistory,
    LiveReady,
    LiveRunStatus,
    LiveSample,
    LiveStartRequest,
    LiveState,
    LiveStep,
    LiveStopReason,
)
from glassbox.training.config import TrainConfig, preset
from glassbox.training.corpus import Document, generate_corpus
from glassbox.training.data import BatchSource, encode_documents
from glassbox.training.recipe import build_model, build_optimizer, set_threads, train_step
from glassbox.training.tokenizer import to_hf, train_tokenizer

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 200_000
MIN_TEXT_CHARS = 200
LIVE_MODELS_KEPT = 4
"""Finished runs a server remembers, with the micro models it offers under their ids (≈ 3 MiB each): the least
recently used beyond this are forgotten, so that a server that has seen many runs holds no more than these."""


def live_config() -> TrainConfig:
    """The ``micro`` preset, given enough steps to learn visibly within about a minute on 2 CPU cores."""
    return preset("micro").replace(steps=600, warmup_steps=20)


def tiny_live_config() -> TrainConfig:
    """A much smaller run (1 layer, a 300-token vocabulary, a 200-document corpus) that prepares in about 0.1 s:
    for soak tests and demos on slow machines (``GLASSBOX_LIVE_TINY=1`` makes ``glassbox serve`` use it)."""
    return live_config().replace(
        corpus_size=200, d_vocab=300, n_layers=1, n_heads=2, d_model=32, n_ctx=32, batch_size=4
    )


def clean_text(text: str) -> str:
    """NFC-normalise and drop control/format/unassigned/surrogate characters (tabs and newlines stay).

    Raises :class:`TextTooLongError` above :data:`MAX_TEXT_CHARS` and :class:`InvalidInputError` when fewer
    than :data:`MIN_TEXT_CHARS` usable characters remain.
    """
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLongError(
            f"the pasted text has {len(text):,} characters; live training takes at most {MAX_TEXT_CHARS:,}:"
            " paste a shorter excerpt"
        )
    text = unicodedata.normalize("NFC", text)
    kept = [c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cf", "Cn", "Cs", "Co")]
    cleaned = "".join(kept)
    if len(cleaned.strip()) < MIN_TEXT_CHARS:
        raise InvalidInputError(
            f"the pasted text has {len(cleaned.strip())} usable characters; paste at least {MIN_TEXT_CHARS}"
            " (a few paragraphs) so that there is something to learn"
        )
    return cleaned


def text_documents(text: str, chunk: int = 240) -> list[Document]:
    """Lines (long lines cut into ``chunk``-character pieces): each a document, i.e. a possible sequence start."""
    docs: list[Document] = []
    for line in text.splitlines():
        line = line.strip()
        for i in range(0, len(line), chunk):
            docs.append(Document(text=line[i : i + chunk], language="pasted", genre="pasted"))
    return docs


def sse_message(event: LiveEvent) -> str:
    """One server-sent event: its ``type`` as the event name, the event's JSON as its data."""
    return f"event: {event.type}\ndata: {event.model_dump_json()}\n\n"


@dataclass
class LiveLimits:
    max_steps: int = 600
    max_seconds: float = 120.0
    abandon_after_s: float = 10.0  # no listener for this long ⇒ the page is gone ⇒ stop
    sample_every: int = 50  # a greedy sample set costs about one step: 2% of the run's time
    max_runs: int = 1  # concurrent runs per server


@dataclass
class LiveRun:
    """One run: its model, optimizer and event log (step records and samples), driven by a thread."""

    id: str
    config: TrainConfig
    limits: LiveLimits
    source_kind: Literal["corpus", "text"]
    docs: list[Document]
    prompts: list[str]
    state: LiveState = "preparing"
    reason: LiveStopReason | None = None
    error: str | None = None  # what went wrong (state "error")
    step: int = 0
    events: list[LiveEvent] = field(default_factory=list)
    listeners: int = 0
    last_listener: float = field(default_factory=time.monotonic)
    train_seconds: float = 0.0
    tokens: int = 0
    model: Any = None
    tokenizer: Any = None
    on_pause: Callable[[LiveRun], None] | None = None  # called when the run stops (to offer its model)
    _opt: Any = None
    _sched: Any = None
    _source: BatchSource | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def active(self) -> bool:
        return self.state in ("preparing", "running")

    @property
    def max_steps(self) -> int:
        return min(self.config.steps, self.limits.max_steps)

    def status(self, offered: bool) -> LiveRunStatus:
        """The run as the page sees it; ``offered``: the server offers its model under the run's id."""
        return LiveRunStatus(
            run_id=self.id,
            state=self.state,
            reason=self.reason,
            error=self.error,
            step=self.step,
            max_steps=self.max_steps,
            max_seconds=self.limits.max_seconds,
            source=self.source_kind,
            model_id=self.id if offered else None,
            n_layers=self.config.n_layers,
            d_model=self.config.d_model,
            n_ctx=self.config.n_ctx,
            batch_size=self.config.batch_size,
        )

    def history(self) -> LiveHistory:
        """The run's record so far: every step's loss and the samples, as the training view shows a micro model's
        training (the events a page saw while it trained, kept as long as the run is remembered)."""
        events = self.events_from(0)
        return LiveHistory(
            source=self.source_kind,
            steps=[e for e in events if isinstance(e, LiveStep)],
            samples=[e for e in events if isinstance(e, LiveSample)],
        )

    def note(self, kept: int) -> MicroModelNote:
        """What the model picker says about this run's model (``kept``: how many micro models the server keeps)."""
        last = next((e for e in reversed(self.events_from(0)) if isinstance(e, LiveStep)), None)
        return MicroModelNote(
            steps=self.step, source=self.source_kind, final_loss=None if last is None else last.loss, kept=kept
        )

    def emit(self, event: LiveEvent) -> None:
        with self._lock:
            self.events.append(event)

    def events_from(self, index: int) -> list[LiveEvent]:
        with self._lock:
            return self.events[index:]

    def ended_at(self, index: int) -> bool:
        """Has a listener that has read ``index`` events seen all there will be: the run is over (not resumed
        since) and its last event, ``end``, is among them?"""
        with self._lock:
            return not self.active and index >= len(self.events) > 0 and self.events[-1].type == "end"

    def attach(self) -> None:
        """A page started listening."""
        self.listeners += 1

    def detach(self) -> None:
        """A page stopped listening; when it was the last, nobody watches the run any more: stop it."""
        self.listeners -= 1
        self.last_listener = time.monotonic()
        if self.listeners == 0:
            self.stop("abandoned")

    def start(self) -> None:
        self._stop.clear()
        self.state = "running" if self.model is not None else "preparing"
        self.last_listener = time.monotonic()
        self._thread = threading.Thread(target=self._run, name=f"live-{self.id}", daemon=True)
        self._thread.start()

    def stop(self, reason: LiveStopReason = "stopped") -> None:
        if self.active:
            self.reason = reason
        self._stop.set()

    def join(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _prepare(self) -> None:
        t0 = time.perf_counter()
        raw = train_tokenizer((d.text for d in self.docs), d_vocab=self.config.d_vocab)
        self.tokenizer = to_hf(raw, self.config.n_ctx)
        stream = encode_documents(raw, self.docs)  # [n_tokens]
        if len(stream) <= self.config.n_ctx:
            raise InvalidInputError("the text is shorter than one training sequence: paste more text")
        self._source = BatchSource(stream, self.config.n_ctx, self.config.batch_size, self.config.seed)
        # a small pasted text may give fewer tokens than the preset's vocabulary: size the model to the tokenizer
        self.model = build_model(self.config.replace(d_vocab=max(len(self.tokenizer), 2)))
        self._opt, self._sched = build_optimizer(self.model, self.config)
        self.emit(LiveReady(prepare_s=round(time.perf_counter() - t0, 3), tokens=len(stream)))

    @torch.no_grad()
    def sample(self, prompts: list[str], n: int = 24) -> list[str]:
        """Greedy continuations of ``prompts`` by the model as it is now.

        The prompts go through together (left-padded, masked, positions counted from each prompt's first
        token): one forward per new token instead of one per prompt and token, so that sampling costs the
        run a few percent of its steps, not a sixth.
        """
        self.model.eval()
        seqs = [list(self.tokenizer(p)["input_ids"][-self.config.n_ctx // 2 :]) or [0] for p in prompts]
        starts = [len(s) for s in seqs]
        for _ in range(n):
            width = min(max(len(s) for s in seqs), self.config.n_ctx)
            rows = [s[-width:] for s in seqs]
            ids = torch.tensor([[0] * (width - len(r)) + r for r in rows])  # [prompt, pos]
            mask = torch.tensor([[0] * (width - len(r)) + [1] * len(r) for r in rows])
            pos = (mask.cumsum(-1) - 1).clamp(min=0)
            logits = self.model(input_ids=ids, attention_mask=mask, position_ids=pos).logits[:, -1]  # [prompt, d_vocab]
            for s, token in zip(seqs, logits.argmax(-1).tolist(), strict=True):
                s.append(int(token))
        self.model.train()
        return [readable_text(self.tokenizer, s[start:]) for s, start in zip(seqs, starts, strict=True)]

    def _samples(self) -> None:
        pairs = [[p, t] for p, t in zip(self.prompts, self.sample(self.prompts), strict=True)]
        self.emit(LiveSample(step=self.step, samples=pairs))

    def _bound_reached(self) -> LiveStopReason | None:
        """Why the run must stop before its next step, if it must."""
        if self._stop.is_set():
            return self.reason or "stopped"
        if self.listeners == 0 and time.monotonic() - self.last_listener > self.limits.abandon_after_s:
            return "abandoned"
        if self.train_seconds > self.limits.max_seconds:
            return "time_limit"
        return None

    def _train(self) -> Literal["stopped", "done"]:
        """Steps until the step limit or a stop; sets ``reason`` and returns the state the run ends in."""
        assert self._source is not None
        set_threads(self.config)  # the pipeline's choice: free cores only (busy ones slow every step)
        self.model.train()
        t_start, seconds0 = time.perf_counter(), self.train_seconds
        while self.step < self.max_steps:
            reason = self._bound_reached()
            if reason is not None:
                self.reason = reason
                return "stopped"
            lr = self._sched.get_last_lr()[0]
            batch = self._source.batch(self.step)  # [batch, pos]
            loss = train_step(self.model, self._opt, self._sched, batch, self.config.grad_clip)
            self.step += 1
            self.tokens += self.config.tokens_per_step
            self.train_seconds = seconds0 + time.perf_counter() - t_start
            self.emit(
                LiveStep(
                    step=self.step,
                    loss=round(loss, 5),
                    lr=lr,
                    tokens=self.tokens,
                    elapsed_s=round(self.train_seconds, 3),
                    tokens_per_s=round(self.tokens / max(self.train_seconds, 1e-9), 1),
                )
            )
            if self.step % self.limits.sample_every == 0:
                self._samples()
        self.reason = self.reason or "step_limit"
        return "done"

    def _run(self) -> None:
        end: Literal["stopped", "done", "error"] = "error"
        try:
            if self.model is None:
                self._prepare()
                self.state = "running"
                self._samples()
            end = self._train()
            if self.step % self.limits.sample_every != 0 and self.step > 0:
                self._samples()  # the page shows what the model writes where it stopped
        except Exception as exc:  # a run's failure is reported to its page, never crashes the server
            log.exception("live run %s failed", self.id)
            end, self.state, self.reason, self.error = "error", "error", "error", str(exc)
        if self.on_pause is not None and self.model is not None and end != "error":
            try:
                self.on_pause(self)
            except Exception:
                log.exception("could not register the model of live run %s", self.id)
        if end != "error":
            # only now: a page that sees the run stopped finds its last samples and its model already offered
            self.state = end
        self.emit(LiveEnd(state=end, reason=self.reason, error=self.error, step=self.step))


class LiveManager:
    """The server's live runs by id: at most ``limits.max_runs`` active at once, at most ``keep`` remembered.

    Runs are kept in the order they were last used (started, looked up, resumed); when a new run would make more
    than ``keep``, the least recently used finished runs are forgotten, with their events, and ``on_forget``
    (the server: stop offering the run's model) is called with each forgotten id. ``config`` is the training
    config of every run (:func:`live_config` by default). Error messages never name a run id: an id is the only
    handle on a run, and a server must not hand one page's handle to another.
    """

    def __init__(
        self,
        limits: LiveLimits | None = None,
        keep: int = LIVE_MODELS_KEPT,
        *,
        config: TrainConfig | None = None,
        on_forget: Callable[[str], None] | None = None,
    ) -> None:
        self.limits = limits or LiveLimits()
        self.config = config
        self._runs: dict[str, LiveRun] = {}  # least recently used first
        self._lock = threading.Lock()
        self._keep = keep
        self.on_forget = on_forget
        self._closed = False

    def get(self, run_id: str) -> LiveRun:
        """The run ``run_id``; :class:`NotFoundError` when this server does not know it (any more)."""
        with self._lock:
            run = self._runs.pop(run_id, None)
            if run is None:
                raise NotFoundError("no such live run on this server (it was forgotten or never started)")
            self._runs[run_id] = run  # now the most recently used
        return run

    @property
    def keep(self) -> int:
        """How many runs (and so micro models) this manager remembers at most."""
        return self._keep

    def peek(self, run_id: str) -> LiveRun | None:
        """The run ``run_id`` if remembered, without counting as a use (looking at a model does not keep it)."""
        with self._lock:
            return self._runs.get(run_id)

    def ids(self) -> list[str]:
        """The runs this manager remembers, least recently used first."""
        with self._lock:
            return list(self._runs)

    def active(self) -> list[LiveRun]:
        with self._lock:
            return [r for r in self._runs.values() if r.active]

    def _check_capacity(self) -> None:
        """Refuse a run beyond ``max_runs`` (call with the lock held)."""
        if self._closed:
            raise BusyError("the server is shutting down: start the run again once it is back")
        busy = [r for r in self._runs.values() if r.active]
        if len(busy) >= self.limits.max_runs:
            raise BusyError(
                f"{len(busy)} live training run(s) already running on this server, which allows"
                f" {self.limits.max_runs} at a time: stop it or wait for it to finish"
            )

    def _forget_old(self) -> None:
        """Forget the least recently used finished runs beyond ``keep`` (call with the lock held)."""
        excess = len(self._runs) - self._keep
        for old in [r for r in self._runs.values() if not r.active][: max(0, excess)]:
            del self._runs[old.id]
            if self.on_forget is not None:
                self.on_forget(old.id)

    def _paused_hook(self, on_pause: Callable[[LiveRun], None] | None) -> Callable[[LiveRun], None] | None:
        """``on_pause``, called only while this manager still remembers the run (a forgotten run's model is not
        offered again)."""
        if on_pause is None:
            return None

        def paused(run: LiveRun) -> None:
            with self._lock:
                if self._runs.get(run.id) is run:
                    on_pause(run)

        return paused

    def start(self, request: LiveStartRequest, on_pause: Callable[[LiveRun], None] | None = None) -> LiveRun:
        """Start the run a page asked for (the corpus, or its pasted text: see :func:`clean_text`)."""
        if request.source == "text" and not request.text:
            raise InvalidInputError("paste some text to train on, or choose the glassbox corpus")
        return self.create(request.text if request.source == "text" else None, on_pause=on_pause)

    def create(
        self, text: str | None, on_pause: Callable[[LiveRun], None] | None = None, config: TrainConfig | None = None
    ) -> LiveRun:
        """Start a run on the glassbox corpus (``text`` None) or on pasted ``text`` (see :func:`clean_text`)."""
        cfg = config or self.config or live_config()
        kind: Literal["corpus", "text"]
        if text is None:
            corpus = generate_corpus(cfg.corpus_size, seed=cfg.seed, version=cfg.corpus_version)
            docs, kind = list(corpus.train), "corpus"
            prompts = ["The capital of France is", "Once upon a time", "Hlavní město Francie je"]
        else:
            docs, kind = text_documents(clean_text(text)), "text"
            prompts = [docs[0].text[:24]]
        with self._lock:
            self._check_capacity()
            run = LiveRun(
                id="micro-" + secrets.token_hex(8),  # the only handle on a run: not guessable
                config=cfg,
                limits=self.limits,
                source_kind=kind,
                docs=docs,
                prompts=prompts,
                on_pause=self._paused_hook(on_pause),
            )
            self._runs[run.id] = run
            self._forget_old()
            run.start()
        return run

    def stop(self, run_id: str) -> LiveRun:
        """Stop a run and wait (briefly) for its thread to finish the step it is in."""
        run = self.get(run_id)
        run.stop("stopped")
        run.join(10)
        return run

    def resume(self, run: LiveRun) -> None:
        with self._lock:
            if run.active:
                return
            if run.state == "error":
                raise BusyError(f"this run failed ({run.error}): start a new one")
            if run.step >= run.max_steps or run.train_seconds > run.limits.max_seconds:
                raise BusyError(f"this run has done all its {run.step} steps: start a new one")
            self._check_capacity()
            run.reason = None
            run.start()

    def stop_all(self, wait_s: float = 5.0) -> None:
        """Stop every run and refuse new ones (the server is shutting down); wait up to ``wait_s`` in all for
        their threads to finish the step they are in (they are daemon threads: a process that exits does not
        wait for one stuck longer)."""
        with self._lock:
            self._closed = True
            runs = list(self._runs.values())
        for run in runs:
            run.stop("shutdown")
        deadline = time.monotonic() + wait_s
        for run in runs:
            run.join(max(0.0, deadline - time.monotonic()))
