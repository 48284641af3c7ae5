"""The old-vs-new table of ``glassbox eval``: v1's shipped report and the rows built from two reports."""

from __future__ import annotations

from glassbox.schema.evaluation import Accuracy
from glassbox.training.corpus import LANGS
from glassbox.training.evaluate import V1_REPORT, comparison_rows, load_report


def test_v1_report_ships_with_every_v2_measure() -> None:
    v1 = load_report(V1_REPORT)
    assert set(v1.facts) == set(LANGS) and all(a.total == 112 for a in v1.facts.values())
    assert v1.calibration is not None and v1.general_loss is not None and v1.heldout_loss is not None
    assert v1.induction_tokens is not None and v1.induction_tokens.ratio > 0.5  # v1 had no general copying
    assert v1.sensible is not None and len(v1.sensible) == 30 * len(LANGS)


def test_comparison_rows_put_each_report_in_its_column() -> None:
    old = load_report(V1_REPORT)
    new = old.model_copy(update={"facts": {lang: Accuracy(correct=56, total=112) for lang in LANGS}})
    rows = {r[0].strip(): r for r in comparison_rows(old, new)}
    all_facts = rows["facts, held-out frame (all)"]
    old_total = sum(a.correct for a in old.facts.values()) / sum(a.total for a in old.facts.values())
    assert all_facts[1] == f"{100 * old_total:.1f}%" and all_facts[2] == "50.0%"
    assert rows["facts, en"][2] == "50.0%" and rows["facts, en"][3] == "≥ 90 %"
    assert rows["random-token copying ratio (head)"][1] == rows["random-token copying ratio (head)"][2]
    assert rows["random-token copying ratio (head)"][1].startswith(f"{old.induction_tokens.ratio:.3f}")  # type: ignore[union-attr]
