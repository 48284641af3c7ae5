"""The models a server offers, by id: loaded once at start, never chosen by a client's path or name."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from glassbox.errors import UnknownModelError
from glassbox.models.loading import load_model
from glassbox.models.tokens import token_infos
from glassbox.schema.api import MicroModelNote, ModelCard, Vocab

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel

log = logging.getLogger(__name__)


@dataclass
class Entry:
    id: str
    model: LoadedModel
    vocab: Vocab | None = None
    vocab_lock: threading.Lock = field(default_factory=threading.Lock)
    micro: MicroModelNote | None = None  # a live run's micro model: what the picker says about it

    def card(self) -> ModelCard:
        eos = getattr(self.model.tokenizer, "eos_token_id", None)
        return ModelCard(
            id=self.id, info=self.model.info, eos_token_ids=[] if eos is None else [int(eos)], micro=self.micro
        )

    def get_vocab(self) -> Vocab:
        """Every token's display text, computed once (tens of thousands of tokens take a moment)."""
        with self.vocab_lock:
            if self.vocab is None:
                with self.model.lock:  # the tokenizer is shared with the model's other callers
                    infos = token_infos(self.model.tokenizer, list(range(self.model.info.d_vocab)))
                self.vocab = Vocab(
                    model=self.id,
                    texts=[i.text for i in infos],
                    special_ids=[i.id for i in infos if i.is_special],
                )
            return self.vocab


class Registry:
    """Ids → loaded models, in the order the operator gave them (the first is the default).

    Besides the operator's models, the server offers the models of live training runs under their run ids
    (:meth:`put`, :meth:`remove`): the live-run manager keeps only a few of them (``LIVE_MODELS_KEPT`` in
    :mod:`glassbox.training.live`) and removes the others, so that stopped runs do not pile up in memory.
    """

    def __init__(self, models: list[LoadedModel]) -> None:
        if not models:
            raise ValueError("a server needs at least one model")
        self._entries: dict[str, Entry] = {}
        for m in models:
            base = m.name or "model"
            model_id, n = base, 2
            while model_id in self._entries:
                model_id, n = f"{base}-{n}", n + 1
            self._entries[model_id] = Entry(model_id, m)
        self._operator = tuple(self._entries)
        self._lock = threading.Lock()

    @classmethod
    def load(cls, names: list[str]) -> Registry:
        loaded = []
        for name in names:
            log.info("loading model %s", name)
            loaded.append(load_model(name))
        return cls(loaded)

    @property
    def ids(self) -> list[str]:
        """Every id offered: the operator's models, then live runs' models."""
        with self._lock:
            return list(self._entries)

    @property
    def operator_ids(self) -> list[str]:
        """The models the operator named (``glassbox serve --model``), never a live run's."""
        return list(self._operator)

    @property
    def default(self) -> str:
        return next(iter(self._entries))

    def get(self, model_id: str) -> Entry:
        with self._lock:
            entry = self._entries.get(model_id)
        if entry is None:
            raise UnknownModelError(
                f"this server offers no model {model_id!r}; it offers: {', '.join(self.operator_ids)} "
                "(the operator chooses them with glassbox serve --model)"
            )
        return entry

    def put(self, model_id: str, model: LoadedModel, micro: MicroModelNote | None = None) -> None:
        """Offer ``model`` under a server-generated ``model_id`` (e.g. a live-trained micro model, described by
        ``micro``), replacing it."""
        if model_id in self._operator:
            raise ValueError(f"{model_id!r} is one of the operator's models")
        with self._lock:
            self._entries[model_id] = Entry(model_id, model, micro=micro)

    def remove(self, model_id: str) -> None:
        """Stop offering a model :meth:`put` added (nothing happens for an unknown id or an operator's model)."""
        if model_id in self._operator:
            return
        with self._lock:
            self._entries.pop(model_id, None)

    def cards(self) -> list[ModelCard]:
        with self._lock:
            entries = list(self._entries.values())
        return [e.card() for e in entries]
