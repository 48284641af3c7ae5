"""Input attribution of one prompt for several targets at once (the static export's Why stage).

:func:`attribute_targets` returns, for each target, what :func:`glassbox.analysis.attribution.attribute` returns
for it alone (no foil), from one batched problem: every target is a row of the same passes (``_Problem`` reads
``f`` of each target at the last position; a row's gradient is only its own target's, and occlusion's and Shapley's
coalitions — seeded by ``seed`` alone — are shared by every target), so ten targets cost about one. The numbers are
the single call's up to float32 summation order (a batch of another shape may add in another order).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from glassbox.analysis.attribution import _check_options, _Problem, _run
from glassbox.models.tokens import check_ids, token_infos
from glassbox.schema.why import Attribution, AttributionMethod

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel


def attribute_targets(
    model: LoadedModel,
    ids: Sequence[int],
    targets: Sequence[int],
    method: AttributionMethod = "gradient_x_input",
    *,
    n_steps: int = 32,
    n_samples: int = 16,
    seed: int = 0,
) -> list[Attribution]:
    """One :class:`Attribution` per target id of ``targets``, for the prompt's token ``ids`` (module docstring)."""
    _check_options(method, n_steps, n_samples, seed)
    with model.lock:
        ids = check_ids(model, list(ids))
        tids = [int(t) for t in targets]
        check_ids(model, tids)
        problem = _Problem(model, ids, [len(ids) - 1] * len(tids), tids, None)
        r = _run(problem, method, n_steps, n_samples, seed)
        infos = token_infos(model.tokenizer, [*ids, *tids])
    return [
        Attribution(
            model=model.name,
            method=method,
            tokens=infos[: len(ids)],
            scores=r.scores[i].detach().cpu().double().numpy(),
            target=infos[len(ids) + i],
            foil=None,
            f=float(r.f[i]),
            f_baseline=None if r.f_base is None else float(r.f_base[i]),
            delta=None if r.delta is None else float(r.delta[i]),
            n_steps=n_steps if method == "integrated_gradients" else None,
            n_samples=n_samples if method == "shapley" else None,
            seed=seed if method == "shapley" else None,
        )
        for i in range(len(tids))
    ]
