"""``glassbox.generate()``: step-by-step generation with a KV cache, recording every step's distribution.

The prefix is run once; each later step feeds only the newest token and reuses the cached keys and
values (tested to give the same tokens and probabilities as recomputing from scratch). Every step is
sampled by :func:`glassbox.analysis.sampling.sampling_pipeline` with ``step`` = the index of the generated
token, so a seed reproduces a generation here, in the CLI and in the browser.

Like :mod:`glassbox.tracing`, this module sits above :mod:`glassbox.capture` and :mod:`glassbox.analysis`: it
drives the model and hands each step's logits to the sampler.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from glassbox.analysis.sampling import SamplingResult, entropy, sampling_pipeline, settings, top_ids
from glassbox.errors import InvalidInputError
from glassbox.models.tokens import encode, token_infos
from glassbox.models.truncation import Truncate, check_truncate, encode_truncated
from glassbox.schema.models import Generation, GenerationStep, SamplingSettings, TopToken

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel


def chat_prompt_ids(model: LoadedModel, prompt: str) -> list[int]:
    """``prompt`` as one user turn through the tokenizer's chat template, ready for the assistant's reply."""
    tok = model.tokenizer
    if not getattr(tok, "chat_template", None):
        raise InvalidInputError(f"the tokenizer of {model.name!r} has no chat template: generate without chat")
    text = tok.apply_chat_template([{"role": "user", "content": prompt}], add_generation_prompt=True, tokenize=False)
    ids: list[int] = list(tok(text, add_special_tokens=False)["input_ids"])
    if len(ids) > model.info.n_ctx:
        raise InvalidInputError(f"the chat prompt is {len(ids)} tokens; the context is {model.info.n_ctx}")
    return ids


def _step_record(
    model: LoadedModel, step: int, res: SamplingResult, token: int, forced: bool, top_n: int
) -> GenerationStep:
    final = res.final_probs
    # candidates come from the distribution before the filters, so greedy steps still show alternatives
    ids = top_ids(res.probs, top_n)
    values = res.probs[ids]
    infos = token_infos(model.tokenizer, [token, *ids.tolist()])
    raw_rank = int((res.logits > res.logits[token]).sum())
    raw_probs = np.exp(res.logits - res.logits.max())
    raw_probs /= raw_probs.sum()
    return GenerationStep(
        step=step,
        token=infos[0],
        prob=float(final[token]),
        raw_prob=float(raw_probs[token]),
        rank=raw_rank,
        forced=forced,
        top=[
            TopToken(token=info, prob=float(p), logit=float(res.logits[i]))
            for info, p, i in zip(infos[1:], values.tolist(), ids.tolist(), strict=True)
        ],
        other_mass=max(0.0, 1.0 - float(values.sum())),
        entropy=entropy(res.probs),
        u=None if forced else res.u,
    )


def kv_cache_argument(hf: Any) -> str:
    """The name under which this transformers version's ``forward`` takes and returns the KV cache.

    Newer transformers call it ``cache`` and answer the old ``past_key_values`` with a FutureWarning on every
    call (a deprecation warning on every ``glassbox generate``); older ones know only ``past_key_values``.
    """
    params = inspect.signature(hf.forward).parameters  # the deprecation wrapper keeps the real signature
    return "cache" if "cache" in params else "past_key_values"


def generate_steps(
    model: LoadedModel,
    prompt_ids: list[int],
    s: SamplingSettings,
    max_new_tokens: int,
    stop_at_eos: bool = True,
    force_tokens: dict[int, int] | None = None,
    top_n: int = 10,
    use_kv_cache: bool = True,
) -> Iterator[tuple[GenerationStep, SamplingResult]]:
    """Yield (record, full sampling result) per generated token. ``force_tokens`` maps step → token id."""
    if max_new_tokens < 0:
        raise InvalidInputError("max_new_tokens must be ≥ 0")
    force = dict(force_tokens or {})
    for step, tid in force.items():
        if not 0 <= int(tid) < model.info.d_vocab:
            raise InvalidInputError(f"forced token id {tid} at step {step} is outside the vocabulary")
    eos = getattr(model.tokenizer, "eos_token_id", None)
    ids = list(prompt_ids)
    past: Any = None
    cache_arg = kv_cache_argument(model.hf)
    dev = model.device
    for step in range(max_new_tokens):
        if len(ids) >= model.info.n_ctx:
            return
        with model.lock, torch.no_grad():
            if use_kv_cache:
                feed = ids if past is None else ids[-1:]
                # an all-ones mask over the whole sequence: nothing is padded (and HF stops warning)
                mask = torch.ones((1, len(ids)), dtype=torch.long, device=dev)
                out = model.hf(
                    input_ids=torch.tensor([feed], device=dev),
                    attention_mask=mask,
                    use_cache=True,
                    **{cache_arg: past},
                )
                past = getattr(out, cache_arg)
            else:
                batch = torch.tensor([ids], device=dev)
                out = model.hf(input_ids=batch, attention_mask=torch.ones_like(batch), use_cache=False)
        logits = out.logits[0, -1].float()
        res = sampling_pipeline(logits, s, step)
        forced = step in force
        token = int(force[step]) if forced else res.token_id
        yield _step_record(model, step, res, token, forced, top_n), res
        ids.append(token)
        if stop_at_eos and eos is not None and token == eos:
            return


def generate(
    model: LoadedModel,
    prompt: str,
    max_new_tokens: int = 20,
    temperature: float = 1.0,
    top_k: int = 0,
    top_p: float = 1.0,
    min_p: float = 0.0,
    seed: int = 0,
    stop_at_eos: bool = True,
    chat: bool = False,
    force_tokens: dict[int, int] | None = None,
    top_n: int = 10,
    use_kv_cache: bool = True,
    truncate: Truncate = None,
    max_prompt_tokens: int | None = None,
) -> Generation:
    """Generate up to ``max_new_tokens`` tokens, recording each step.

    Each step keeps the chosen token with its probability and rank, the top-``top_n`` candidates, the
    remaining mass, the entropy, and the uniform draw. ``force_tokens={step: token_id}`` replaces the
    sampled token at that step (a branch); later steps continue from the forced token.

    A prompt longer than the model's context is a :class:`~glassbox.errors.PromptTooLongError` unless
    ``truncate="left"``: then its first tokens are dropped so that the rest and the ``max_new_tokens`` new ones fit
    (at least one prompt token is kept), and ``Generation.dropped_tokens`` says how many were dropped.
    ``max_prompt_tokens`` (a server's ``--max-prompt-tokens``) caps the kept prompt too.
    """
    s = settings(temperature=temperature, top_k=top_k, top_p=top_p, min_p=min_p, seed=seed)
    dropped = 0
    if chat:
        prompt_ids = chat_prompt_ids(model, prompt)
    elif check_truncate(truncate) is None:
        prompt_ids = encode(model, prompt)  # refuses a long prompt, as before
    else:
        room = min(max(max_new_tokens, 0), model.info.n_ctx - 1)  # leave the new tokens room to be generated
        prompt_ids, dropped = encode_truncated(model, prompt, truncate, max_tokens=max_prompt_tokens, reserve=room)
    steps = [
        rec
        for rec, _ in generate_steps(
            model, prompt_ids, s, max_new_tokens, stop_at_eos, force_tokens, top_n, use_kv_cache
        )
    ]
    eos = getattr(model.tokenizer, "eos_token_id", None)
    if steps and stop_at_eos and steps[-1].token.id == eos:
        reason = "eos"
    elif len(steps) < max_new_tokens:
        reason = "context"
    else:
        reason = "max_new_tokens"
    return Generation(
        model=model.name,
        prompt=prompt,
        prompt_tokens=token_infos(model.tokenizer, prompt_ids),
        settings=s,
        steps=steps,
        stop_reason=reason,
        dropped_tokens=dropped,
    )
