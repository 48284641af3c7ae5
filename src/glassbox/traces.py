"""Batch tracing: every prompt of a list traced ahead of time into one versioned :class:`PromptTrace` file each.

``glassbox trace --prompts FILE --out DIR`` and :func:`trace_prompts` (its Python twin) write them;
``glassbox export`` reads the same payloads into a static site. A trace holds one generation and the
full-vocabulary logits at each of its positions, each computed by the same plain forward pass ``/api/predict``
runs, so a page reading the file shows what the live app shows for that text (to float16 precision).
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch

from glassbox.analysis import detail
from glassbox.analysis.linear_attention import linear_attention_head
from glassbox.analysis.prediction import next_token_prediction
from glassbox.analysis.sampling import sampling_pipeline
from glassbox.capture.names import act_name
from glassbox.errors import CorruptedModelError, InvalidInputError, NotFoundError, PromptTooLongError

# the record generate() keeps of a step, so a trace's steps read exactly as a Generation's do
from glassbox.generation import _step_record as step_record
from glassbox.models.tokens import encode, token_infos
from glassbox.schema.api import ModelCard
from glassbox.schema.api_detail import DetailOverview
from glassbox.schema.base import SCHEMA_VERSION
from glassbox.schema.models import GenerationStep, SamplingSettings
from glassbox.schema.traces import DetailSlices, EncodedLogits, PositionDistribution, PromptTrace
from glassbox.tracing import trace

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel

__all__ = [
    "decode_logits",
    "encode_logits",
    "load_prompt_trace",
    "model_card",
    "read_prompts",
    "trace_prompt",
    "trace_prompts",
]

MAX_PROMPT_CHARS = 10_000
"""A prompt line longer than this is refused: the page's own prompt box stops far sooner."""

TOP_N = 20
"""Candidates listed per position: what the Next token view asks ``/api/predict`` for."""

LENS_K = 5
"""Top tokens per logit-lens cell: what the detailed view asks for."""


def encode_logits(logits: np.ndarray | torch.Tensor) -> EncodedLogits:
    """Pack a [d_vocab] logit vector (see :data:`glassbox.schema.traces.LOGITS_ENCODING`)."""
    arr = logits.detach().cpu().float().numpy() if isinstance(logits, torch.Tensor) else np.asarray(logits)
    arr = arr.astype(np.float32).reshape(-1)
    shift = float(arr.max())
    half = (arr - np.float32(shift)).astype("<f2")
    raw = half.view(np.uint8).reshape(-1, 2)
    split = np.concatenate([raw[:, 0], raw[:, 1]]).tobytes()  # every low byte, then every high byte
    packed = zlib.compress(split, 9)
    return EncodedLogits(d_vocab=arr.size, shift=shift, data=base64.b64encode(packed).decode("ascii"))


def decode_logits(enc: EncodedLogits) -> np.ndarray:
    """The float32 logits an :class:`EncodedLogits` holds (exact to float16 precision of ``logit - shift``)."""
    try:
        split = np.frombuffer(zlib.decompress(base64.b64decode(enc.data)), dtype=np.uint8)
    except (ValueError, zlib.error) as exc:
        raise CorruptedModelError(f"encoded logits do not decompress ({exc})") from None
    if split.size != 2 * enc.d_vocab:
        raise CorruptedModelError(f"encoded logits hold {split.size} bytes for a vocabulary of {enc.d_vocab}")
    pairs = np.stack([split[: enc.d_vocab], split[enc.d_vocab :]], axis=1).copy()
    half = pairs.reshape(-1).view("<f2")
    return half.astype(np.float32) + np.float32(enc.shift)


def model_card(model: LoadedModel, model_id: str | None = None) -> ModelCard:
    """The card the server would give ``model`` (its id, shape and end-of-text ids)."""
    eos = getattr(model.tokenizer, "eos_token_id", None)
    return ModelCard(
        id=model.name if model_id is None else model_id,
        info=model.info,
        eos_token_ids=[] if eos is None else [int(eos)],
    )


def read_prompts(path: Path | str) -> list[str]:
    """The prompts of a file, one per line (UTF-8, blank lines skipped); a clear error names any bad line."""
    return [prompt for _, prompt in numbered_prompts(path)]


def numbered_prompts(path: Path | str) -> list[tuple[int, str]]:
    """:func:`read_prompts` with each prompt's line number (1-based), for errors that name the line."""
    path = Path(path)
    if not path.is_file():
        raise NotFoundError(f"no prompts file at {path}: write one prompt per line")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    prompts: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        prompt = line.rstrip("\r")
        if not prompt.strip():
            continue
        if len(prompt) > MAX_PROMPT_CHARS:
            raise InvalidInputError(
                f"{path}, line {number}: the prompt has {len(prompt):,} characters; at most {MAX_PROMPT_CHARS:,}"
            )
        prompts.append((number, prompt))
    if not prompts:
        raise InvalidInputError(f"{path} holds no prompt: write one prompt per line (blank lines are skipped)")
    return prompts


def prompts_with_places(prompts: Sequence[str] | Path | str) -> list[tuple[str, str]]:
    """(where, prompt) pairs: ``prompts.txt, line 3`` for a file's prompts, ``prompt 2`` for a list's."""
    if isinstance(prompts, Path | str):
        return [(f"{prompts}, line {n}", p) for n, p in numbered_prompts(prompts)]
    listed = list(prompts)
    if not listed:
        raise InvalidInputError("no prompts to trace")
    return [(f"prompt {i + 1}", p) for i, p in enumerate(listed)]


def _detail_slices(model: LoadedModel, model_id: str, ids: list[int]) -> DetailSlices:
    t = trace(model, token_ids=ids)
    last = t.n_pos - 1
    info = model.info
    overview = DetailOverview(
        model=model_id, info=info, tokens=t.tokens, residual=detail.residual_stream(t), next_token=t.top_next(5)
    )
    return DetailSlices(
        overview=overview,
        attention_grid=detail.attention_grid(t),
        heads=[
            detail.attention_head(t, layer, head, last)
            for layer in range(info.n_layers)
            if model.adapter.layer_kind(layer) == "attention"
            for head in range(info.n_heads)
        ],
        linear_heads=[
            linear_attention_head(t, layer, head, last)
            for layer in range(info.n_layers)
            if model.adapter.layer_kind(layer) == "linear_attention"
            for head in range(t[act_name("mixing", layer, "attn")].shape[0])  # its value heads
        ],
        logit_lens=t.logit_lens(None, LENS_K),
        embeddings=[detail.embedding(t, pos) for pos in range(t.n_pos)],
        mlps=[detail.mlp(t, layer, last, 10) for layer in range(info.n_layers)],
    )


def trace_prompt(
    model: LoadedModel,
    prompt: str,
    *,
    max_new_tokens: int = 16,
    settings: SamplingSettings | None = None,
    with_detail: bool = True,
    model_id: str | None = None,
    where: str = "the prompt",
) -> PromptTrace:
    """Trace one prompt: one generation under ``settings`` and the prediction at each of its positions.

    ``where`` names the prompt in errors (e.g. ``prompts.txt, line 3``). Raises
    :class:`~glassbox.errors.PromptTooLongError` for a prompt longer than the model's context.
    """
    if max_new_tokens < 0:
        raise InvalidInputError("max_new_tokens must be ≥ 0")
    s = settings or SamplingSettings()
    name = model.name if model_id is None else model_id
    try:
        prompt_ids = encode(model, prompt)
    except PromptTooLongError as exc:
        raise PromptTooLongError(f"{where}: {exc}") from None
    except InvalidInputError as exc:
        raise InvalidInputError(f"{where}: {exc}") from None
    # One plain forward per position, the one /api/predict runs: its logits are both the position's exported
    # distribution and what the step samples from, so the generation is the one the page steps to (as
    # /api/generate's without the KV cache) and no position is computed twice.
    eos = getattr(model.tokenizer, "eos_token_id", None)
    steps: list[GenerationStep] = []
    generated: list[int] = []
    distributions: list[PositionDistribution] = []
    for step in range(max_new_tokens + 1):
        pred = next_token_prediction(model, prompt_ids, generated, TOP_N, model_id=name)
        logits = pred.logits.to_numpy()
        distributions.append(
            PositionDistribution(generated=step, logits=encode_logits(logits), top=pred.top, forward_ms=pred.forward_ms)
        )
        if step == max_new_tokens or len(prompt_ids) + len(generated) >= model.info.n_ctx:
            break  # generate() takes no step once the context is full
        res = sampling_pipeline(logits, s, step)
        steps.append(step_record(model, step, res, res.token_id, False, 10))
        generated.append(res.token_id)
        # the page stops here too (end of text, or the context is full) and asks for no further position
        if res.token_id == eos or len(prompt_ids) + len(generated) >= model.info.n_ctx:
            break
    if steps and eos is not None and steps[-1].token.id == eos:
        reason = "eos"
    elif len(steps) < max_new_tokens:
        reason = "context"
    else:
        reason = "max_new_tokens"
    return PromptTrace(
        model=model_card(model, name),
        prompt=prompt,
        tokens=token_infos(model.tokenizer, prompt_ids),
        settings=s,
        steps=steps,
        stop_reason=reason,
        distributions=distributions,
        detail=_detail_slices(model, name, prompt_ids) if with_detail else None,
    )


def trace_file_name(index: int) -> str:
    """The file name of the ``index``-th prompt's trace (0-based), sorted in the prompts' order."""
    return f"trace-{index + 1:04d}.json"


def trace_prompts(
    model: LoadedModel,
    prompts: Sequence[str] | Path | str,
    out: Path | str,
    *,
    max_new_tokens: int = 16,
    settings: SamplingSettings | None = None,
    with_detail: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """Trace every prompt (a list, or a file with one per line) into ``out/trace-0001.json`` …; returns the paths.

    ``progress(done, total)`` is called after each prompt.
    """
    lines = prompts_with_places(prompts)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for i, (where, prompt) in enumerate(lines):
        t = trace_prompt(
            model, prompt, max_new_tokens=max_new_tokens, settings=settings, with_detail=with_detail, where=where
        )
        path = out / trace_file_name(i)
        path.write_text(t.model_dump_json(), encoding="utf-8")
        paths.append(path)
        if progress is not None:
            progress(i + 1, len(lines))
    return paths


def load_prompt_trace(path: Path | str) -> PromptTrace:
    """Read a trace file :func:`trace_prompts` wrote; refuses another kind or schema version, naming the file."""
    path = Path(path)
    if not path.is_file():
        raise NotFoundError(f"no trace file at {path}")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CorruptedModelError(f"{path} is not JSON ({exc})") from None
    if not isinstance(doc, dict) or doc.get("kind") != "prompt_trace":
        raise CorruptedModelError(f"{path} is not a glassbox prompt trace")
    if doc.get("schema_version") != SCHEMA_VERSION:
        raise CorruptedModelError(
            f"{path} has schema_version {doc.get('schema_version')!r}; this glassbox reads {SCHEMA_VERSION}"
        )
    try:
        return PromptTrace.model_validate(doc)
    except ValueError as exc:
        raise CorruptedModelError(f"{path} is not a valid prompt trace: {exc}") from None
