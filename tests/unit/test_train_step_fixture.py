"""The guided tour's training-track fixture is still a valid ``TrainStepResult`` (the browser's tests read it as one).

``web/src/lib/tour/train-step.fixture.json`` is a real step of the embedded model, written by
``tests/fixtures/make_train_step_fixture.py``; when the payload's schema changes, this fails until it is rewritten.
"""

from __future__ import annotations

import math
from pathlib import Path

from glassbox.schema.api_training import TrainStepResult

FIXTURE = Path(__file__).resolve().parents[2] / "web" / "src" / "lib" / "tour" / "train-step.fixture.json"


def test_fixture_is_a_current_train_step_result() -> None:
    step = TrainStepResult.model_validate_json(FIXTURE.read_text(encoding="utf-8"))
    assert len(step.tokens) == len(step.positions) + 1  # every token but the last predicts the next one
    assert step.groups, "a step has parameter groups"
    # the fixture is a real step, not hand-written numbers: its parts agree the way the training step makes them
    mean = sum(p.loss_before for p in step.positions) / len(step.positions)
    assert math.isclose(mean, step.loss_before, rel_tol=1e-5)
    total = math.sqrt(sum(g.grad_norm**2 for g in step.groups))
    assert math.isclose(total, step.grad_norm_total, rel_tol=1e-4)
    for p in step.positions:
        assert math.isclose(p.loss_before, -math.log(p.prob_before), rel_tol=1e-9)
