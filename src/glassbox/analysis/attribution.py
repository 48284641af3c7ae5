"""Input attribution: how much each input position contributes to the model's next-token log-probability.

The quantity explained, at the position before the token being explained::

    f = log_softmax(logits)[target]                      (full vocabulary)
    f = log_softmax(logits)[target] − log_softmax(logits)[foil]   with a foil: "why this rather than that"

The input of each position is its token embedding ``e_p`` (``hook_embed``, [d_model]); position embeddings
(GPT-2) are left as they are, so "absent" means "the token embedding is zero", never "the position is gone".
The beginning-of-text token is a position like any other when the model prepends it. The methods, exactly:

- ``gradient_x_input``: ``score_p = Σ_d ∂f/∂e_{p,d} · e_{p,d}``.
- ``integrated_gradients``: baseline ``e' = 0``; ``score_p = Σ_d e_{p,d} · ∫₀¹ ∂f/∂e_{p,d}(α·e) dα``, the integral
  by ``n_steps``-point Gauss–Legendre quadrature on [0, 1]; ``delta = Σ_p score_p − (f(e) − f(0))`` is the
  completeness error of that quadrature (0 for the exact integral).
- ``occlusion``: ``score_p = f(e) − f(e with e_p = 0)``.
- ``shapley``: the Shapley value of each position in the game ``v(S) = f(e with e_q = 0 for q ∉ S)``, estimated
  from ``n_samples`` random orders (seeded by ``seed``): a position's score is its mean marginal contribution
  ``v(S ∪ {p}) − v(S)`` over the orders, ``S`` = the positions before it in the order. The scores of every order
  sum to ``f(e) − f(0)`` exactly.

Why not Captum: Captum (``captum`` on PyPI) has all four methods, but it attributes through the model's own
``forward``, while glassbox's numbers come from its own replayed forward pass (the one the trace shows, with the
same ``hook_embed``), and Captum's occlusion and Shapley evaluate perturbations in groups of
``perturbations_per_eval`` it cannot share across the targets of a generation. Each method here is a few lines
over one batched, differentiable forward (:func:`glassbox.capture.batched.run_blocks`): every integration step
of integrated gradients, every occluded input, every Shapley coalition is one row of a batch, and one row gives
``f`` for every target of a generation at once. The tests hold gradient×input to plain autograd on the Hugging
Face model and integrated gradients to its completeness property, so the definitions above are checked, not
borrowed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import torch

from glassbox.analysis.inputs import prompt_ids, resolve_token
from glassbox.capture.batched import embed_parts, final_logits, per_layer_inputs, run_blocks
from glassbox.capture.forward import next_token_logits
from glassbox.errors import InvalidInputError
from glassbox.models.loading import require_one_device
from glassbox.models.tokens import check_ids, token_infos
from glassbox.schema.why import Attribution, AttributionMatrix, AttributionMethod, AttributionRow, TokenRef

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel

METHODS: tuple[AttributionMethod, ...] = ("gradient_x_input", "integrated_gradients", "occlusion", "shapley")

ROW_BUDGET = 2304
"""Token-rows per batched forward (rows × positions): 36 rows of 64 tokens. Integrated gradients' 32 steps on a
64-token prompt run as one batch; longer inputs are cut into chunks of this size, so memory stays bounded."""


class _Problem:
    """One attribution problem: the input, the positions ``f`` is read at, and each target's ``f``."""

    def __init__(
        self, model: LoadedModel, ids: list[int], read_pos: list[int], targets: list[int], foils: list[int] | None
    ) -> None:
        self.model = model
        self.ids = ids
        self.read_pos = read_pos
        tok, pos = embed_parts(model, ids)
        self.e = tok.detach()  # [pos, d_model]
        self.pos_embed = None if pos is None else pos.detach()
        dev = model.device
        self.targets = torch.tensor(targets, dtype=torch.long, device=dev)  # [target]
        self.foils = None if foils is None else torch.tensor(foils, dtype=torch.long, device=dev)

    @property
    def n(self) -> int:
        return len(self.ids)

    def chunk(self) -> int:
        return max(1, ROW_BUDGET // self.n)

    def f(self, tok_rows: torch.Tensor) -> torch.Tensor:
        """``f`` of every target for every row of token embeddings [row, pos, d_model] → [row, target] float32."""
        resid = tok_rows if self.pos_embed is None else tok_rows + self.pos_embed
        # Gemma 4's per-layer inputs: their context part follows the rows' (scaled) embeddings, as in HF's forward
        per_layer = per_layer_inputs(self.model, self.ids, tok_rows)
        final = run_blocks(self.model, resid, per_layer=per_layer)[:, self.read_pos, :]  # [row, target, d_model]
        logp = torch.log_softmax(final_logits(self.model, final).float(), dim=-1)  # [row, target, d_vocab]
        rows = logp.shape[0]
        f = logp.gather(-1, self.targets.view(1, -1, 1).expand(rows, -1, 1)).squeeze(-1)
        if self.foils is not None:
            f = f - logp.gather(-1, self.foils.view(1, -1, 1).expand(rows, -1, 1)).squeeze(-1)
        return f

    def f_no_grad(self, tok_rows: torch.Tensor) -> torch.Tensor:
        """:meth:`f` over any number of rows, in chunks, without gradients."""
        out = []
        with torch.no_grad():
            for start in range(0, tok_rows.shape[0], self.chunk()):
                out.append(self.f(tok_rows[start : start + self.chunk()]))
        return torch.cat(out)

    def weighted_grad_x_input(self, scales: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
        """``Σ_k w_k · ∂f_t/∂e(α_k·e) · e`` summed over d_model, for every target t: [target, pos] float32.

        One row per (target, α_k); each row's loss is only its own target's ``f``, so one backward pass gives every
        row its own gradient (rows do not interact)."""
        n_t = len(self.read_pos)
        rows_t = torch.arange(n_t, device=self.e.device).repeat_interleave(len(scales))  # [row]
        rows_a = scales.repeat(n_t)
        rows_w = weights.repeat(n_t)
        total = torch.zeros(n_t, self.n, dtype=torch.float32, device=self.e.device)
        with torch.enable_grad():
            for start in range(0, len(rows_t), self.chunk()):
                t = rows_t[start : start + self.chunk()]
                x = (rows_a[start : start + self.chunk()].view(-1, 1, 1).to(self.e.dtype) * self.e).requires_grad_()
                f = self.f(x)  # [row, target]
                own = f.gather(1, t.view(-1, 1)).squeeze(1)
                (grad,) = torch.autograd.grad((own * rows_w[start : start + self.chunk()]).sum(), x)
                contrib = (grad.float() * self.e.float()).sum(-1)  # [row, pos]
                total.index_add_(0, t, contrib)
        return total


def _gauss_legendre(n_steps: int, device: torch.device) -> tuple[torch.Tensor, torch.Tensor]:
    """Nodes α_k and weights w_k of n-point Gauss–Legendre quadrature on [0, 1]."""
    x, w = np.polynomial.legendre.leggauss(n_steps)
    alphas = torch.tensor((x + 1.0) / 2.0, dtype=torch.float32, device=device)
    weights = torch.tensor(w / 2.0, dtype=torch.float32, device=device)
    return alphas, weights


class _Result:
    def __init__(self, scores: torch.Tensor, f: torch.Tensor, f_base: torch.Tensor | None, delta: torch.Tensor | None):
        self.scores = scores  # [target, pos]
        self.f = f  # [target]
        self.f_base = f_base
        self.delta = delta


def _run(p: _Problem, method: AttributionMethod, n_steps: int, n_samples: int, seed: int) -> _Result:
    e = p.e
    if method == "gradient_x_input":
        one = torch.ones(1, device=e.device)
        scores = p.weighted_grad_x_input(one, one)
        return _Result(scores, p.f_no_grad(e.unsqueeze(0))[0], None, None)
    if method == "integrated_gradients":
        alphas, weights = _gauss_legendre(n_steps, e.device)
        scores = p.weighted_grad_x_input(alphas, weights)
        ends = p.f_no_grad(torch.stack([e, torch.zeros_like(e)]))  # [2, target]: f(e), f(0)
        delta = scores.sum(-1) - (ends[0] - ends[1])
        return _Result(scores, ends[0], ends[1], delta)
    if method == "occlusion":
        keep = 1.0 - torch.eye(p.n, dtype=e.dtype, device=e.device)  # row q: every position but q
        rows = torch.cat([e.unsqueeze(0), keep.unsqueeze(-1) * e])  # [1 + pos, pos, d_model]
        f = p.f_no_grad(rows)  # [1 + pos, target]
        return _Result((f[0].unsqueeze(0) - f[1:]).T.contiguous(), f[0], None, None)
    if method == "shapley":
        rng = np.random.default_rng(seed)
        orders = np.stack([rng.permutation(p.n) for _ in range(n_samples)])  # [sample, pos]
        # coalition j of an order: its first j positions present (j = 0..pos)
        present = np.zeros((n_samples, p.n + 1, p.n), dtype=np.float32)
        for s in range(n_samples):
            for j in range(1, p.n + 1):
                present[s, j, orders[s, :j]] = 1.0
        masks = torch.tensor(present.reshape(-1, p.n), dtype=e.dtype, device=e.device)
        v = p.f_no_grad(masks.unsqueeze(-1) * e).view(n_samples, p.n + 1, -1)  # [sample, coalition, target]
        marginal = v[:, 1:] - v[:, :-1]  # [sample, j, target]: what the j-th position of the order added
        scores = torch.zeros(v.shape[-1], p.n, dtype=torch.float32, device=e.device)
        order_t = torch.tensor(orders, dtype=torch.long, device=e.device)
        for s in range(n_samples):
            scores[:, order_t[s]] += marginal[s].T
        scores /= n_samples
        ends = p.f_no_grad(torch.stack([e, torch.zeros_like(e)]))
        return _Result(scores, ends[0], ends[1], None)
    raise InvalidInputError(f"unknown attribution method {method!r}: choose one of {', '.join(METHODS)}")


def _check_options(method: str, n_steps: int, n_samples: int, seed: int) -> None:
    if method not in METHODS:
        raise InvalidInputError(f"unknown attribution method {method!r}: choose one of {', '.join(METHODS)}")
    if not 1 <= n_steps <= 1024:
        raise InvalidInputError(f"n_steps must be between 1 and 1024, not {n_steps}")
    if not 1 <= n_samples <= 1024:
        raise InvalidInputError(f"n_samples must be between 1 and 1024, not {n_samples}")
    if not 0 <= seed < 2**32:
        raise InvalidInputError(f"seed must be between 0 and 2**32 - 1, not {seed}")


def _top_token(model: LoadedModel, ids: list[int]) -> int:
    """The model's most likely next token (the default target)."""
    return int(next_token_logits(model, ids).argmax())


def attribute(
    model: LoadedModel,
    prompt: str | Sequence[int],
    target: TokenRef | None = None,
    foil: TokenRef | None = None,
    method: AttributionMethod = "gradient_x_input",
    *,
    n_steps: int = 32,
    n_samples: int = 16,
    seed: int = 0,
) -> Attribution:
    """How much each position of ``prompt`` contributes to ``f`` at the last position (module docstring).

    Args:
        prompt: a text (tokenized as :func:`glassbox.trace` does) or the exact token ids.
        target: the token explained, by id or one-token text; default: the model's top next token.
        foil: explain ``log p(target) − log p(foil)`` instead ("why this and not that").
        method: ``"gradient_x_input"``, ``"integrated_gradients"``, ``"occlusion"`` or ``"shapley"``.
        n_steps: integration steps of integrated gradients. n_samples, seed: Shapley's sampled orders.
    """
    require_one_device(model, "input attribution")
    _check_options(method, n_steps, n_samples, seed)
    with model.lock:
        ids = prompt_ids(model, prompt)
        tid = _top_token(model, ids) if target is None else resolve_token(model, target, "target")
        fid = resolve_token(model, foil, "foil") if foil is not None else None
        if fid is not None and fid == tid:
            raise InvalidInputError("the foil is the target itself: f would be 0 everywhere; pick another token")
        problem = _Problem(model, ids, [len(ids) - 1], [tid], None if fid is None else [fid])
        r = _run(problem, method, n_steps, n_samples, seed)
        infos = token_infos(model.tokenizer, [*ids, tid] + ([] if fid is None else [fid]))
    return Attribution(
        model=model.name,
        method=method,
        tokens=infos[: len(ids)],
        scores=r.scores[0].detach().cpu().double().numpy(),
        target=infos[len(ids)],
        foil=None if fid is None else infos[-1],
        f=float(r.f[0]),
        f_baseline=None if r.f_base is None else float(r.f_base[0]),
        delta=None if r.delta is None else float(r.delta[0]),
        n_steps=n_steps if method == "integrated_gradients" else None,
        n_samples=n_samples if method == "shapley" else None,
        seed=seed if method == "shapley" else None,
    )


def _continuation(model: LoadedModel, ids: list[int], generated: str | Sequence[int] | None, max_new: int) -> list[int]:
    if isinstance(generated, str):
        if generated == "":
            raise InvalidInputError("the continuation is empty: give some text or token ids, or None to generate")
        return [int(i) for i in model.tokenizer(generated, add_special_tokens=False)["input_ids"]]
    if generated is not None:
        if any(isinstance(i, bool) or not isinstance(i, int) for i in generated):
            raise InvalidInputError("generated must be a text or a list of token ids (integers)")
        return list(generated)
    if not 1 <= max_new <= 1024:
        raise InvalidInputError(f"max_new_tokens must be between 1 and 1024, not {max_new}")
    out: list[int] = []
    for _ in range(max_new):  # greedy: the continuation the model itself finds most likely
        if len(ids) + len(out) >= model.info.n_ctx:
            break
        out.append(int(next_token_logits(model, ids + out).argmax()))
    return out


def attribute_generation(
    model: LoadedModel,
    prompt: str | Sequence[int],
    generated: str | Sequence[int] | None = None,
    *,
    max_new_tokens: int = 8,
    method: AttributionMethod = "gradient_x_input",
    n_steps: int = 32,
    n_samples: int = 16,
    seed: int = 0,
) -> AttributionMatrix:
    """The attribution of every token of a continuation to every position before it (``f = log p(token)``).

    ``generated``: the continuation's token ids or text; None: the greedy continuation of ``max_new_tokens``.
    Row ``i`` equals ``attribute(model, (prompt + generated)[:n_prompt + i], target=generated[i], ...)`` — but all
    rows come from the same batched passes (a row of the batch gives ``f`` of every generated token at once).
    """
    require_one_device(model, "attribution across a generation")
    _check_options(method, n_steps, n_samples, seed)
    with model.lock:
        ids = prompt_ids(model, prompt)
        gen = _continuation(model, ids, generated, max_new_tokens)
        if not gen:
            raise InvalidInputError("no continuation to attribute: the prompt already fills the model's context")
        full = check_ids(model, ids + gen)
        n_prompt = len(ids)
        read = [n_prompt + i - 1 for i in range(len(gen))]
        problem = _Problem(model, full[:-1], read, gen, None)
        r = _run(problem, method, n_steps, n_samples, seed)
        infos = token_infos(model.tokenizer, full)
    rows = [
        AttributionRow(
            pos=n_prompt + i,
            target=infos[n_prompt + i],
            scores=r.scores[i, : n_prompt + i].detach().cpu().double().numpy(),
            f=float(r.f[i]),
            f_baseline=None if r.f_base is None else float(r.f_base[i]),
            delta=None if r.delta is None else float(r.delta[i]),
        )
        for i in range(len(gen))
    ]
    return AttributionMatrix(
        model=model.name,
        method=method,
        tokens=infos,
        n_prompt=n_prompt,
        rows=rows,
        n_steps=n_steps if method == "integrated_gradients" else None,
        n_samples=n_samples if method == "shapley" else None,
        seed=seed if method == "shapley" else None,
    )
