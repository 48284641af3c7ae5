"""Intermediate training checkpoints of a real model, replayed: ``glassbox serve --checkpoints`` and
:func:`checkpoint_replay`.

Models such as Pythia (revisions ``step0`` … ``step143000``) and OLMo (``stage1-step…-tokens…B``) publish their
training checkpoints as Hub revisions. glassbox loads each revision from the local Hub cache only
(``local_files_only``: nothing is downloaded at run time), or each checkpoint from a local folder, and shows:

* the probe prompts' top-k next tokens at every checkpoint (:meth:`CheckpointSet.replay`), with each
  checkpoint's loss on the probe texts — computed here, since a released checkpoint records no training loss;
* one prompt through two checkpoints side by side (:meth:`CheckpointSet.compare`).

Checkpoints are ordered by the training step their names say (``step(\\d+)``); when some name says none, the given
order is kept and the payload says so (``ordered_by``). They are loaded one at a time, under one lock, and freed
before the next: the most held at once is the largest checkpoint (``peak_checkpoint_bytes``), beside the served
model. The set is fixed when it is opened; a page names a checkpoint by its label, never by a path.

Every forward is the plain Hugging Face forward of the checkpoint's own weights, in the tokenization of the model
it belongs to (the served model's tokenizer, or the first checkpoint's), with the same beginning-of-text rule as
every other view.
"""

from __future__ import annotations

import functools
import gc
import logging
import math
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import torch

from glassbox.errors import CorruptedModelError, InvalidInputError, ModelNotFoundError, NotFoundError
from glassbox.models.adapters import check_supported
from glassbox.models.checksums import verify_model_files
from glassbox.models.loading import EMBEDDED_NAME, LoadedModel, quiet_progress, resolve_device
from glassbox.models.tokens import readable_text, token_infos, with_bos
from glassbox.schema.api_checkpoints import (
    CheckpointCompare,
    CheckpointEntry,
    CheckpointOrder,
    CheckpointReplay,
    CheckpointSide,
    CheckpointSnapshot,
    TokenLoss,
)
from glassbox.schema.history import Probe, ProbePrediction, TokenProb
from glassbox.schema.models import TopToken
from glassbox.training.evaluate import probe_completions

log = logging.getLogger(__name__)
_T = TypeVar("_T")

STEP_PATTERN = re.compile(r"step(\d+)")
"""What a revision or folder name says about its training step: Pythia's ``step1000``, OLMo's
``stage1-step1000-tokens4B``, glassbox's own ``step-0000100`` snapshots are matched after removing ``-``/``_``."""

TOP_K = 5


def parse_step(label: str) -> int | None:
    """The training step a checkpoint's name says, or None (``main``, ``final``, a commit hash)."""
    found = STEP_PATTERN.search(label.replace("-", "").replace("_", "")) if "step" in label else None
    return int(found.group(1)) if found else None


@dataclass(frozen=True)
class CheckpointRef:
    """Where one checkpoint's weights are: a Hub repository at a revision, or a local folder."""

    label: str
    step: int | None
    source: str  # the Hub repository name, or the folder
    revision: str | None  # None: a local folder

    @property
    def kind(self) -> str:
        return "folder" if self.revision is None else "hub"


def split_items(items: str | Sequence[str]) -> list[str]:
    """``"a,b, c"`` or ``["a", "b,c"]`` → ``["a", "b", "c"]``; an empty list or a repeated item is an error."""
    raw = [items] if isinstance(items, str) else list(items)
    out = [part.strip() for item in raw for part in item.split(",") if part.strip()]
    if not out:
        raise InvalidInputError("--checkpoints is empty: give revisions (step1000,step2000) or folders (DIR1,DIR2)")
    repeated = sorted({x for x in out if out.count(x) > 1})
    if repeated:
        raise InvalidInputError(f"--checkpoints names {', '.join(map(repr, repeated))} more than once")
    return out


def _is_hub_name(model: str | None) -> bool:
    if model is None or model == EMBEDDED_NAME:
        return False
    return not Path(model).expanduser().exists() and not model.startswith((".", "/", "~"))


def resolve_checkpoints(
    model: str | None, items: str | Sequence[str], cache_dir: str | Path | None = None
) -> tuple[list[CheckpointRef], CheckpointOrder]:
    """The checkpoints ``items`` name, in training order, each checked to exist with a supported architecture.

    An item is a local folder (with ``config.json``), or a revision of the Hub model ``model`` in the local cache;
    a single folder without ``config.json`` whose sub-folders have one stands for those sub-folders (one per
    revision). Returns the references and how they are ordered (by step when every name says one, else as given).
    """
    names = split_items(items)
    if len(names) == 1:
        parent = Path(names[0]).expanduser()
        if parent.is_dir() and not (parent / "config.json").exists():
            subs = sorted(p for p in parent.iterdir() if (p / "config.json").is_file())
            if not subs:
                raise ModelNotFoundError(
                    f"--checkpoints {parent}: the folder has no config.json and no sub-folder with one: pass the"
                    " checkpoint folders (DIR1,DIR2) or a folder with one sub-folder per revision"
                )
            names = [str(p) for p in subs]
    refs = [_ref(model, name) for name in names]
    for ref in refs:
        _check_config(ref, cache_dir)
    if all(r.step is not None for r in refs):
        return sorted(refs, key=lambda r: r.step or 0), "step"
    return refs, "given"


def _ref(model: str | None, item: str) -> CheckpointRef:
    path = Path(item).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise ModelNotFoundError(f"checkpoint folder {path} has no config.json: is it a save_pretrained folder?")
        return CheckpointRef(label=path.name, step=parse_step(path.name), source=str(path), revision=None)
    if path.exists():
        raise ModelNotFoundError(f"checkpoint {path} is a file: pass the folder that holds config.json")
    if item.startswith((".", "/", "~")):
        raise ModelNotFoundError(f"no checkpoint folder at {path}: check the path")
    if not _is_hub_name(model):
        raise InvalidInputError(
            f"checkpoint {item!r} is not a folder, and revisions need a Hub model name (--model"
            " EleutherAI/pythia-70m --checkpoints step1000,step2000): for a local model, pass its checkpoint folders"
            " (--checkpoints DIR1,DIR2)"
        )
    assert model is not None
    return CheckpointRef(label=item, step=parse_step(item), source=model, revision=item)


def _check_config(ref: CheckpointRef, cache_dir: str | Path | None) -> Any:
    """The checkpoint's config (read from disk only), its architecture checked; a clear error when it is not there."""
    from transformers import AutoConfig

    try:
        config = AutoConfig.from_pretrained(
            ref.source, revision=ref.revision, local_files_only=True, cache_dir=cache_dir
        )
    except (OSError, ValueError) as exc:
        first = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
        if ref.revision is None:
            raise CorruptedModelError(f"cannot read the config of checkpoint {ref.source} ({first})") from exc
        raise ModelNotFoundError(
            f"revision {ref.revision!r} of {ref.source!r} is not in the local Hub cache (glassbox never downloads at"
            f" run time): fetch it once where there is a network (huggingface-cli download {ref.source} --revision"
            f" {ref.revision}), check the revision's name, or pass local folders with --checkpoints DIR1,DIR2"
        ) from exc
    check_supported(str(getattr(config, "model_type", "?")))
    return config


def load_checkpoint_weights(
    ref: CheckpointRef, device: torch.device, dtype: torch.dtype = torch.float32, cache_dir: str | Path | None = None
) -> Any:
    """One checkpoint's Hugging Face model, in eval mode with no gradients (local files only)."""
    from safetensors import SafetensorError
    from transformers import AutoModelForCausalLM

    if ref.revision is None:
        verify_model_files(Path(ref.source))
    try:
        with quiet_progress():
            hf = AutoModelForCausalLM.from_pretrained(
                ref.source, revision=ref.revision, local_files_only=True, cache_dir=cache_dir, dtype=dtype
            )
    except (OSError, ValueError, RuntimeError, SafetensorError) as exc:
        first = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
        where = ref.source if ref.revision is None else f"{ref.source} at revision {ref.revision}"
        raise CorruptedModelError(f"the weights of checkpoint {where} cannot be read ({first})") from exc
    model: Any = hf
    model.to(device).eval()
    model.requires_grad_(False)
    return model


@dataclass
class Tokenization:
    """How prompts become ids: the model's tokenizer and its beginning-of-text rule (as every view applies it)."""

    tokenizer: Any
    prepend_bos: bool
    n_ctx: int

    def encode(self, text: str) -> list[int]:
        if text == "":
            raise InvalidInputError("the prompt is empty: type some text")
        ids = with_bos(
            list(self.tokenizer(text)["input_ids"]), getattr(self.tokenizer, "bos_token_id", None), self.prepend_bos
        )
        return ids[: self.n_ctx]


Loader = Callable[[CheckpointRef], Any]


class CheckpointSet:
    """A fixed set of checkpoints of one model, replayed on probe prompts and compared on any prompt.

    ``loader`` (tests) replaces :func:`load_checkpoint_weights`; the replay is computed once, on first use.
    """

    def __init__(
        self,
        model_id: str,
        refs: list[CheckpointRef],
        ordered_by: CheckpointOrder,
        tokenization: Tokenization,
        prompts: Sequence[str] | None = None,
        *,
        device: str | torch.device = "cpu",
        dtype: torch.dtype = torch.float32,
        cache_dir: str | Path | None = None,
        loader: Loader | None = None,
    ) -> None:
        if not refs:
            raise InvalidInputError("a checkpoint set needs at least one checkpoint")
        self.model_id = model_id
        self.refs = refs
        self.ordered_by = ordered_by
        self.tok = tokenization
        self.probes = _probes(tokenization, prompts)
        self.device = resolve_device(device)
        self.dtype = dtype
        self.cache_dir = cache_dir
        self._loader = loader or (lambda ref: load_checkpoint_weights(ref, self.device, self.dtype, self.cache_dir))
        self._lock = threading.Lock()  # one checkpoint in memory at a time, whoever asks
        self._replay: CheckpointReplay | None = None

    @property
    def labels(self) -> list[str]:
        return [r.label for r in self.refs]

    def ref(self, label: str) -> CheckpointRef:
        for r in self.refs:
            if r.label == label:
                return r
        raise NotFoundError(
            f"no checkpoint {label!r} for {self.model_id!r}; this server offers: {', '.join(self.labels)}"
            " (the operator chooses them with glassbox serve --checkpoints)"
        )

    def _with_weights(self, ref: CheckpointRef, use: Callable[[CheckpointRef, Any], _T]) -> _T:
        """``use(model)`` on the checkpoint's weights, loaded now and freed afterwards (caller holds the lock)."""
        hf = self._loader(ref)
        try:
            check = hf.config.vocab_size if hasattr(hf, "config") else None
            if check is not None and check < len(self.tok.tokenizer):
                raise InvalidInputError(
                    f"checkpoint {ref.label!r} has {check} tokens in its vocabulary, fewer than the tokenizer's"
                    f" {len(self.tok.tokenizer)}: it belongs to another model"
                )
            return use(ref, hf)
        finally:
            del hf
            gc.collect()  # the weights go now, before the next checkpoint is read

    def replay(self, progress: Callable[[int, int], None] | None = None) -> CheckpointReplay:
        """The probes' top-k at every checkpoint and each checkpoint's loss on the probe texts (computed once)."""
        with self._lock:
            if self._replay is not None:
                return self._replay
            entries, snapshots, peak = [], [], 0
            for done, ref in enumerate(self.refs):
                entry, snap, nbytes = self._with_weights(ref, self._replay_one)
                entries.append(entry)
                snapshots.append(snap)
                peak = max(peak, nbytes)
                if progress is not None:
                    progress(done + 1, len(self.refs))
            self._replay = CheckpointReplay(
                model=self.model_id,
                ordered_by=self.ordered_by,
                top_k=TOP_K,
                checkpoints=entries,
                probes=self.probes,
                snapshots=snapshots,
                peak_checkpoint_bytes=peak,
            )
            return self._replay

    @torch.no_grad()
    def _replay_one(self, ref: CheckpointRef, hf: Any) -> tuple[CheckpointEntry, CheckpointSnapshot, int]:
        preds, total, count = [], 0.0, 0
        for probe in self.probes:
            probs = _next_probs(hf, probe.token_ids, self.device)
            top = torch.topk(probs, min(TOP_K, probs.shape[-1]))
            preds.append(
                ProbePrediction(
                    probe_id=probe.id,
                    top=[
                        TokenProb(token_id=int(i), token=readable_text(self.tok.tokenizer, [int(i)]), prob=float(v))
                        for v, i in zip(top.values, top.indices, strict=True)
                    ],
                )
            )
            text_ids = self.tok.encode(probe.prompt + probe.expected)
            if len(text_ids) > 1:
                losses = _token_losses(hf, text_ids, self.device)
                total += float(losses.sum())
                count += int(losses.numel())
        params = list(hf.parameters())
        entry = CheckpointEntry(
            label=ref.label,
            step=ref.step,
            source="folder" if ref.revision is None else "hub",
            revision=ref.revision,
            n_params=sum(p.numel() for p in params),
            probe_loss=total / max(count, 1),
            probe_tokens=count,
        )
        nbytes = sum(p.numel() * p.element_size() for p in params)
        return entry, CheckpointSnapshot(label=ref.label, predictions=preds), nbytes

    def compare(self, ids: list[int], a: str, b: str, score: bool = False, top_k: int = 10) -> CheckpointCompare:
        """The prompt ``ids`` through checkpoints ``a`` and ``b``: top-k next tokens, entropy, per-token loss."""
        refs = [self.ref(a), self.ref(b)]
        if score and len(ids) < 2:
            raise InvalidInputError("scoring a text needs at least two tokens (one to read, one to predict)")
        with self._lock:
            side = functools.partial(self._side, ids=ids, score=score, top_k=top_k)
            sides = [self._with_weights(r, side) for r in refs]
        return CheckpointCompare(
            model=self.model_id, tokens=token_infos(self.tok.tokenizer, ids), a=sides[0], b=sides[1]
        )

    @torch.no_grad()
    def _side(self, ref: CheckpointRef, hf: Any, ids: list[int], score: bool, top_k: int) -> CheckpointSide:
        logits = hf(input_ids=torch.tensor([ids], device=self.device)).logits[0].float()  # [pos, d_vocab]
        logp = torch.log_softmax(logits[-1], -1)
        probs = logp.exp()
        top = torch.topk(probs, min(top_k, probs.shape[-1]))
        infos = token_infos(self.tok.tokenizer, [int(i) for i in top.indices])
        entropy = float(-(probs * logp).nan_to_num().sum())
        losses: list[TokenLoss] | None = None
        if score:
            lp = torch.log_softmax(logits[:-1], -1).gather(1, torch.tensor(ids[1:], device=self.device)[:, None])[:, 0]
            losses = [TokenLoss(pos=i + 1, prob=math.exp(float(v)), loss=-float(v)) for i, v in enumerate(lp)]
        return CheckpointSide(
            label=ref.label,
            step=ref.step,
            top=[
                TopToken(token=t, prob=float(p), logit=float(logits[-1, t.id]))
                for t, p in zip(infos, top.values, strict=True)
            ],
            entropy=entropy,
            token_losses=losses,
            mean_loss=None if losses is None else sum(x.loss for x in losses) / len(losses),
        )


def _next_probs(hf: Any, ids: list[int], device: torch.device) -> torch.Tensor:
    logits = hf(input_ids=torch.tensor([ids], device=device)).logits[0, -1].float()  # [d_vocab]
    return torch.softmax(logits, -1)


def _token_losses(hf: Any, ids: list[int], device: torch.device) -> torch.Tensor:
    """−log p of every token after the first, given the tokens before it. # [pos - 1]"""
    x = torch.tensor([ids], device=device)
    logp = torch.log_softmax(hf(input_ids=x).logits[0, :-1].float(), -1)
    return -logp.gather(1, x[0, 1:, None])[:, 0]


def _probes(tok: Tokenization, prompts: Sequence[str] | None) -> list[Probe]:
    """glassbox's fixed probe prompts (six per language, with the expected answer), or the caller's prompts."""
    if prompts is None:
        return [
            Probe(
                id=f"{c.language}-{c.task}-{c.key}",
                language=c.language,
                task=c.task,
                prompt=c.prompt,
                expected=c.answer,
                token_ids=tok.encode(c.prompt),
            )
            for c in probe_completions()
        ]
    if not prompts:
        raise InvalidInputError("prompts is empty: give at least one prompt, or None for glassbox's probe prompts")
    return [
        Probe(id=f"prompt-{i}", language="", task="prompt", prompt=p, expected="", token_ids=tok.encode(p))
        for i, p in enumerate(prompts)
    ]


def tokenization_of(model: LoadedModel) -> Tokenization:
    """The served model's tokenization, so that the checkpoints read prompts exactly as its other views do."""
    return Tokenization(model.tokenizer, model.prepend_bos, model.info.n_ctx)


def _tokenization_from(ref: CheckpointRef, cache_dir: str | Path | None) -> Tokenization:
    from transformers import AutoConfig, AutoTokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(
            ref.source, revision=ref.revision, local_files_only=True, cache_dir=cache_dir
        )
    except Exception as exc:  # the tokenizers library raises a bare Exception for a damaged tokenizer.json
        first = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
        raise CorruptedModelError(f"cannot load the tokenizer of checkpoint {ref.label!r} ({first})") from exc
    config = AutoConfig.from_pretrained(ref.source, revision=ref.revision, local_files_only=True, cache_dir=cache_dir)
    n_ctx = getattr(config, "max_position_embeddings", None) or getattr(config, "n_positions", None) or 2048
    return Tokenization(tokenizer, getattr(tokenizer, "bos_token_id", None) is not None, int(n_ctx))


def open_checkpoints(
    model: str | LoadedModel | None,
    revisions: str | Sequence[str],
    prompts: Sequence[str] | None = None,
    *,
    model_id: str | None = None,
    device: str | torch.device = "cpu",
    dtype: torch.dtype = torch.float32,
    cache_dir: str | Path | None = None,
) -> CheckpointSet:
    """The :class:`CheckpointSet` of ``revisions`` (Hub revisions of ``model``, or folders; see
    :func:`resolve_checkpoints`), tokenizing with ``model``'s tokenizer when it is loaded, else the first
    checkpoint's."""
    name = model.name if isinstance(model, LoadedModel) else model
    source = str(model.path) if isinstance(model, LoadedModel) and model.path is not None else name
    refs, order = resolve_checkpoints(source, revisions, cache_dir)
    tok = tokenization_of(model) if isinstance(model, LoadedModel) else _tokenization_from(refs[0], cache_dir)
    label = model_id or name or refs[0].label
    return CheckpointSet(label, refs, order, tok, prompts, device=device, dtype=dtype, cache_dir=cache_dir)


def checkpoint_replay(
    model_name: str | None,
    revisions: str | Sequence[str],
    prompts: Sequence[str] | None = None,
    *,
    device: str = "cpu",
    cache_dir: str | Path | None = None,
) -> CheckpointReplay:
    """The probe prompts' (or ``prompts``') top-5 next tokens at every checkpoint, in training order.

    ``revisions``: Hub revisions of ``model_name`` in the local cache (``"step1000,step2000"`` or a list), local
    checkpoint folders, or one folder holding a sub-folder per checkpoint. Checkpoints are loaded one at a time
    and freed. Same payload as ``GET /api/training/{model}/checkpoints``.
    """
    return open_checkpoints(model_name, revisions, prompts, device=device, cache_dir=cache_dir).replay()
