"""The transcoders shipped for the embedded model: issue 14's bar on held-out prompts, and the assets' size budget.

The shipped set is reproduced by ``make transcoders``; these tests read it as a user would (``attribution_graph``
with ``transcoders=None`` finds the ``transcoders/`` folder beside the model's weights).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import glassbox
from glassbox.graph.engine import resolve_transcoders
from glassbox.models.loading import LoadedModel
from glassbox.training.transcoders import graph_score_report, heldout_prompts

ASSETS = Path(glassbox.__file__).parent / "assets"


@pytest.fixture(scope="module")
def embedded() -> LoadedModel:
    return glassbox.load_model()


def test_the_embedded_model_has_its_transcoders(embedded: LoadedModel) -> None:
    ts = resolve_transcoders(embedded, None)
    assert ts.n_layers == embedded.adapter.n_layers
    assert ts.d_model == embedded.adapter.d_model
    assert ts.feature_input_hook == "mlp.hook_in"
    assert not (ASSETS / "glassbox-tiny" / "transcoders" / "train_state").exists()  # training state is not shipped


def test_scores_on_held_out_prompts_meet_the_bar(embedded: LoadedModel) -> None:
    """Issue 14: replacement score ≥ 0.7 and completeness ≥ 0.9 on held-out prompts (compute_graph_scores)."""
    ts = resolve_transcoders(embedded, None)
    prompts = heldout_prompts(embedded)  # the same 12 prompts `glassbox transcoders score` and the docs report
    assert len(prompts) == 12
    report = graph_score_report(embedded, ts, prompts)
    assert report.mean_replacement >= 0.7, [(p.prompt, p.replacement) for p in report.prompts]
    assert report.mean_completeness >= 0.9, [(p.prompt, p.completeness) for p in report.prompts]


def test_held_out_prompts_are_not_training_documents(embedded: LoadedModel) -> None:
    from glassbox.training.transcoders import TranscoderTrainConfig, _documents

    train, held = _documents(TranscoderTrainConfig())
    assert held and not set(train) & set(held)


def test_assets_stay_within_budget() -> None:
    """Issue 14: ``src/glassbox/assets`` stays ≤ 40 MB in all."""
    total = sum(p.stat().st_size for p in ASSETS.rglob("*") if p.is_file())
    assert total <= 40 * 1024 * 1024, f"{total / 2**20:.1f} MiB"
