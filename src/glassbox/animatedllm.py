"""AnimatedLLM's trace files, both ways: read any of them (tolerant), write glassbox generations in their format.

Reading is liberal: AnimatedLLM's files differ by model and language (chat templates, special tokens, partial
UTF-8 pieces written as ``�``, greedy/sampling/random steps, extra keys such as ``max_position_embeddings``,
``null`` sizes), so :func:`normalise` fills what is missing, ignores keys it does not know, turns a non-finite
number into ``None`` and refuses only a file that holds no trace at all. Writing is strict: every field of
:class:`~glassbox.schema.animatedllm.AnimatedInferenceTrace`, nothing else.

glassbox's own files open through the same door: a ``Generation`` (``kind: generation``) and a ``TraceSummary``
(``kind: trace``, from ``glassbox trace -o``) are shown through the inference shape.

``web/src/lib/traces/reader.ts`` ports :func:`normalise` rule for rule, so a file opened from disk in the page reads
as the server reads it (both are tested on ``tests/fixtures/animatedllm/``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from glassbox.errors import GlassboxError
from glassbox.schema.animatedllm import (
    AnimatedCandidate,
    AnimatedDistribution,
    AnimatedGenerationStep,
    AnimatedInferenceTrace,
    AnimatedModelInfo,
    AnimatedSelectedToken,
    AnimatedTrainingStep,
    AnimatedTrainingTrace,
    TraceFile,
    TraceFormat,
)
from glassbox.schema.errors import ErrorCode
from glassbox.schema.models import Generation, ModelInfo, TokenInfo

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel

MAX_TRACE_BYTES = 32 << 20
"""The largest trace file read (32 MiB). AnimatedLLM's files are 0.3–0.5 MB for 30–60 steps of top-10; this leaves
room for thousands of steps, yet a stray multi-gigabyte file in the folder is listed as too large, not parsed."""


TRAINING_ONLY = ("architecture", "total_parameters", "pretrained")
"""``model_info`` keys of AnimatedLLM's training traces that its inference traces do not have."""


class TraceFileError(GlassboxError):
    """A file that is not a readable trace (not JSON, no steps, too large)."""

    status: ClassVar[int] = 422
    code: ClassVar[ErrorCode] = ErrorCode.CORRUPTED_FILE


# ---------------------------------------------------------------------------------------------- tolerant reading


def _num(value: Any) -> float | None:
    """A finite float, or None (missing, null, a string, a bool, NaN or ±inf)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    f = float(value)
    return f if math.isfinite(f) else None


def _int(value: Any) -> int | None:
    f = _num(value)
    return int(f) if f is not None and f == int(f) else None


def _str(value: Any, default: str = "") -> str:
    if value is None:
        return default
    return value if isinstance(value, str) else str(value)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _ints(value: Any) -> list[int]:
    return [i for i in (_int(v) for v in _list(value)) if i is not None]


def _candidate(raw: Any) -> AnimatedCandidate | None:
    """A candidate from either of its numbers (prob = exp(logprob)); None when it has neither."""
    d = _dict(raw)
    prob, logprob = _num(d.get("prob")), _num(d.get("logprob"))
    if prob is None and logprob is None:
        return None
    if prob is None:
        prob = math.exp(logprob)  # type: ignore[arg-type]
    if logprob is None and prob > 0:
        logprob = math.log(prob)
    return AnimatedCandidate(token=_str(d.get("token")), token_id=_int(d.get("token_id")), logprob=logprob, prob=prob)


def _candidates(raw: Any) -> list[AnimatedCandidate]:
    return [c for c in (_candidate(r) for r in _list(raw)) if c is not None]


def _model_info(raw: Any) -> AnimatedModelInfo:
    d = _dict(raw)
    pretrained = d.get("pretrained")
    return AnimatedModelInfo(
        name=_str(d.get("name"), "unknown model"),
        num_layers=_int(d.get("num_layers")),
        hidden_size=_int(d.get("hidden_size")),
        num_attention_heads=_int(d.get("num_attention_heads")),
        vocab_size=_int(d.get("vocab_size")),
        architecture=None if d.get("architecture") is None else _str(d.get("architecture")),
        total_parameters=_int(d.get("total_parameters")),
        pretrained=pretrained if isinstance(pretrained, bool) else None,
    )


def _inference(doc: dict[str, Any], fallback_id: str) -> AnimatedInferenceTrace:
    steps = []
    for i, raw in enumerate(_list(doc.get("generation_steps"))):
        d = _dict(raw)
        dist = _dict(d.get("output_distribution"))
        cands = _candidates(dist.get("candidates"))
        sel = d.get("selected_token")
        selected = None
        if isinstance(sel, dict):
            selected = AnimatedSelectedToken(
                token=_str(sel.get("token")),
                token_id=_int(sel.get("token_id")),
                selection_method=_str(sel.get("selection_method"), "unknown"),
                special=sel.get("special") is True,
            )
        step = _int(d.get("step"))
        steps.append(
            AnimatedGenerationStep(
                step=i if step is None else step,
                input_text=_str(d.get("input_text")),
                tokens=[_str(t) for t in _list(d.get("tokens"))],
                token_ids=_ints(d.get("token_ids")),
                special_idx=_ints(d.get("special_idx")),
                output_distribution=AnimatedDistribution(top_k=_int(dist.get("top_k")) or len(cands), candidates=cands),
                selected_token=selected,
            )
        )
    return AnimatedInferenceTrace(
        id=_str(doc.get("id"), fallback_id),
        prompt=_str(doc.get("prompt")),
        language=None if doc.get("language") is None else _str(doc.get("language")),
        temperature=_num(doc.get("temperature")),
        top_k=_int(doc.get("top_k")),
        model_info=_model_info(doc.get("model_info")),
        generation_steps=steps,
    )


def _training(doc: dict[str, Any], fallback_id: str) -> AnimatedTrainingTrace:
    steps = []
    for i, raw in enumerate(_list(doc.get("training_steps"))):
        d = _dict(raw)
        target = _candidate(d.get("target_token_prediction"))
        prob, logprob, loss = _num(d.get("target_prob")), _num(d.get("target_logprob")), _num(d.get("loss"))
        # each of the three numbers follows from the others (loss = −logprob, prob = exp(logprob))
        if logprob is None:
            logprob = -loss if loss is not None else (target.logprob if target is not None else None)
        loss = loss if loss is not None else (None if logprob is None else -logprob)
        prob = prob if prob is not None else (math.exp(logprob) if logprob is not None else None)
        step = _int(d.get("step"))
        steps.append(
            AnimatedTrainingStep(
                step=i if step is None else step,
                input_tokens=[_str(t) for t in _list(d.get("input_tokens"))],
                input_token_ids=_ints(d.get("input_token_ids")),
                target_token=_str(d.get("target_token")),
                target_token_id=_int(d.get("target_token_id")),
                predictions=_candidates(d.get("predictions")),
                target_token_prediction=target,
                target_prob=prob,
                target_logprob=logprob,
                loss=loss,
            )
        )
    tokens = [_str(t) for t in _list(doc.get("tokens"))]
    return AnimatedTrainingTrace(
        id=_str(doc.get("id"), fallback_id),
        type=_str(doc.get("type"), "training"),
        text=_str(doc.get("text")),
        source=None if doc.get("source") is None else _str(doc.get("source")),
        tokens=tokens,
        token_ids=_ints(doc.get("token_ids")),
        special_idx=_ints(doc.get("special_idx")),
        num_tokens=_int(doc.get("num_tokens")) or len(tokens),
        model_info=_model_info(doc.get("model_info")),
        training_steps=steps,
    )


def detect_format(doc: Any) -> TraceFormat | None:
    """Which trace shape a parsed JSON document is, or None when it is none of them."""
    if not isinstance(doc, dict):
        return None
    if doc.get("kind") == "generation" and isinstance(doc.get("steps"), list):
        return "glassbox_generation"
    if doc.get("kind") == "prompt_trace" and isinstance(doc.get("steps"), list):
        return "glassbox_prompt_trace"
    if doc.get("kind") == "trace" and isinstance(doc.get("next_token"), list):
        return "glassbox_trace"
    if isinstance(doc.get("training_steps"), list):
        return "animatedllm_training"
    if isinstance(doc.get("generation_steps"), list):
        return "animatedllm_inference"
    return None


def normalise(doc: Any, name: str = "trace") -> TraceFile:
    """Any trace document (already parsed) as a :class:`TraceFile`; :class:`TraceFileError` when it holds none."""
    fmt = detect_format(doc)
    if fmt is None:
        raise TraceFileError(
            f"{name} is not a trace file: expected AnimatedLLM's generation_steps or training_steps, "
            "or a glassbox generation or trace"
        )
    assert isinstance(doc, dict)
    fallback = Path(name).stem
    try:
        if fmt == "animatedllm_training":
            return TraceFile(name=name, format=fmt, training=_training(doc, fallback))
        if fmt == "animatedllm_inference":
            inference = _inference(doc, fallback)
        elif fmt == "glassbox_generation":
            inference = to_animatedllm(Generation.model_validate(doc), trace_id=fallback)
        elif fmt == "glassbox_prompt_trace":
            inference = _prompt_trace_as_inference(doc, fallback)
        else:
            inference = _summary_as_inference(doc, fallback)
    except (ValueError, GlassboxError) as exc:  # pydantic's ValidationError is a ValueError
        raise TraceFileError(f"{name} is a {fmt.replace('_', ' ')} file with a broken field: {exc}") from None
    if not inference.generation_steps:
        raise TraceFileError(f"{name} has no generation steps")
    return TraceFile(name=name, format=fmt, inference=inference)


def parse_trace(text: str | bytes, name: str = "trace") -> TraceFile:
    """A trace from the JSON text of a file."""
    if len(text) > MAX_TRACE_BYTES:
        raise TraceFileError(f"{name} is larger than {MAX_TRACE_BYTES >> 20} MiB: not read")
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise TraceFileError(f"{name} is not JSON ({exc})") from None
    return normalise(doc, name)


def read_animatedllm(source: str | Path | dict[str, Any]) -> TraceFile:
    """Read a trace file (AnimatedLLM's inference or training shape, or a glassbox generation or trace).

    ``source`` is a path or the parsed JSON document. Raises :class:`TraceFileError` for a file that holds no
    trace, and for one larger than :data:`MAX_TRACE_BYTES`.
    """
    if isinstance(source, dict):
        return normalise(source)
    path = Path(source)
    if path.stat().st_size > MAX_TRACE_BYTES:
        raise TraceFileError(f"{path.name} is larger than {MAX_TRACE_BYTES >> 20} MiB: not read")
    return parse_trace(path.read_bytes(), path.name)


# ---------------------------------------------------------------------------------------------------- writing


def token_string(info: TokenInfo) -> str:
    """A token spelled as AnimatedLLM spells one: its text with every space as ``Ġ``; an incomplete UTF-8 piece
    keeps glassbox's ``<e4 b8>`` (its bytes), which says more than AnimatedLLM's ``�``."""
    return info.text if info.is_special else info.text.replace(" ", "Ġ")


def _decoded(tokens: list[TokenInfo]) -> str:
    """The text a run of tokens stands for: their bytes joined and decoded (a split character is rejoined)."""
    raw = b"".join(bytes.fromhex(t.bytes_hex) if not t.is_special else t.text.encode("utf-8") for t in tokens)
    return raw.decode("utf-8", errors="replace")


def _info_of(model: LoadedModel | ModelInfo | None, name: str) -> AnimatedModelInfo:
    info = model if isinstance(model, ModelInfo) or model is None else model.info
    if info is None:
        return AnimatedModelInfo(name=name)
    return AnimatedModelInfo(
        name=name,
        num_layers=info.n_layers,
        hidden_size=info.d_model,
        num_attention_heads=info.n_heads,
        vocab_size=info.d_vocab,
    )


def to_animatedllm(
    generation: Generation,
    model: LoadedModel | ModelInfo | None = None,
    *,
    trace_id: str | None = None,
    language: str | None = None,
) -> AnimatedInferenceTrace:
    """A glassbox generation in AnimatedLLM's inference format.

    Each step keeps the generation's top-N candidates (``generate(top_n=…)``, 10 by default) with the probability
    the model gave them (softmax of the logits at the sampling temperature, before top-k/top-p/min-p) and its
    natural log; the chosen token with ``selection_method`` ``greedy`` (temperature 0), ``sampling`` or ``forced``
    (a token the user put there). ``model`` (a loaded model or its ``ModelInfo``) fills the sizes; without it they
    are ``null``. Lost on the way: the rest of the vocabulary, the filtered distribution, top-p/min-p, the seed and
    the uniform draws (AnimatedLLM's format has no place for them).
    """
    greedy = generation.settings.temperature == 0
    context = list(generation.prompt_tokens)
    special = [i for i, t in enumerate(context) if t.is_special]
    steps = []
    for st in generation.steps:
        cands = _top_as_candidates(st.top)
        method = "forced" if st.forced else ("greedy" if greedy else "sampling")
        steps.append(
            AnimatedGenerationStep(
                step=st.step,
                input_text=_decoded(context),
                tokens=[token_string(t) for t in context],
                token_ids=[t.id for t in context],
                special_idx=list(special),
                output_distribution=AnimatedDistribution(top_k=len(cands), candidates=cands),
                selected_token=AnimatedSelectedToken(
                    token=token_string(st.token),
                    token_id=st.token.id,
                    selection_method=method,
                    special=st.token.is_special,
                ),
            )
        )
        if st.token.is_special:
            special.append(len(context))
        context.append(st.token)
    top_k = len(generation.steps[0].top) if generation.steps else 0
    return AnimatedInferenceTrace(
        id=trace_id or "glassbox_" + datetime.now(UTC).strftime("%Y%m%d_%H%M%S"),
        prompt=generation.prompt,
        language=language,
        temperature=generation.settings.temperature,
        top_k=top_k,
        model_info=_info_of(model, generation.model),
        generation_steps=steps,
    )


def write_animatedllm(
    generation: Generation | AnimatedInferenceTrace,
    path: str | Path,
    model: LoadedModel | ModelInfo | None = None,
    *,
    language: str | None = None,
) -> Path:
    """Write a generation (or an inference trace already converted) as an AnimatedLLM inference file."""
    trace = (
        generation
        if isinstance(generation, AnimatedInferenceTrace)
        else to_animatedllm(generation, model, trace_id=Path(path).stem, language=language)
    )
    doc = trace.model_dump(mode="json")
    for key in TRAINING_ONLY:  # AnimatedLLM's inference files describe the model with the five sizes only
        doc["model_info"].pop(key, None)
    out = Path(path)
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return out


def _top_as_candidates(tops: Sequence[Any]) -> list[AnimatedCandidate]:
    """glassbox's top tokens (``.token``, ``.prob``) as AnimatedLLM's candidates (logprob ``None`` where p = 0)."""
    return [
        AnimatedCandidate(
            token=token_string(t.token),
            token_id=t.token.id,
            logprob=math.log(t.prob) if t.prob > 0 else None,
            prob=t.prob,
        )
        for t in tops
    ]


def _summary_as_inference(doc: dict[str, Any], fallback_id: str) -> AnimatedInferenceTrace:
    """A ``glassbox trace -o`` file: one step, its stored next-token top-k, nothing chosen."""
    from glassbox.schema.models import load_trace_summary

    summary = load_trace_summary(json.dumps(doc))
    tokens = summary.tokens
    cands = _top_as_candidates(summary.next_token)
    step = AnimatedGenerationStep(
        step=0,
        input_text=_decoded(tokens),
        tokens=[token_string(t) for t in tokens],
        token_ids=[t.id for t in tokens],
        special_idx=[i for i, t in enumerate(tokens) if t.is_special],
        output_distribution=AnimatedDistribution(top_k=len(cands), candidates=cands),
        selected_token=None,
    )
    return AnimatedInferenceTrace(
        id=fallback_id,
        prompt=summary.prompt or "",
        top_k=len(cands),
        model_info=_info_of(summary.model, summary.model.name),
        generation_steps=[step],
    )


def _prompt_trace_as_inference(doc: dict[str, Any], fallback_id: str) -> AnimatedInferenceTrace:
    """A ``glassbox trace --prompts`` file: its generation, with the model's sizes from its card."""
    card = _dict(doc.get("model"))
    info = ModelInfo.model_validate(card.get("info"))
    generation = Generation.model_validate(
        {
            "model": _str(card.get("id"), info.name),
            "prompt": doc.get("prompt"),
            "prompt_tokens": doc.get("tokens"),
            "settings": doc.get("settings"),
            "steps": doc.get("steps"),
            "stop_reason": doc.get("stop_reason"),
        }
    )
    return to_animatedllm(generation, info, trace_id=fallback_id)
