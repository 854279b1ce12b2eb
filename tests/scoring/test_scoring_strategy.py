"""Strategy completeness: the nine steps, the components and the last review."""

from __future__ import annotations

import pytest
from scoring_samples import (
    build,
    days_ago,
    document,
    factor,
    scored,
    value,
)

from auditkit.diagnose import diagnose
from auditkit.scoring import (
    Scorecard,
    score,
)


def test_strategy_components_count_present_partial_absent_and_drop_the_missing() -> None:
    card = scored()
    completeness = card.strategy_completeness
    assert factor(completeness, "step.editorial_line") == 1.0
    assert factor(completeness, "component.content_plan") == 0.5
    assert factor(completeness, "component.crisis_plan") == 0.0
    assert factor(completeness, "component.exit_plan") is None
    assert len(completeness.contributions) == 9 + 15 + 1
    doc = document()
    doc["strategy"]["components"]["exit_plan"] = {"status": "present"}
    assert value(score(build(doc)).strategy_completeness) > value(completeness)


def test_the_nine_steps_follow_the_audit_data() -> None:
    complete = scored().strategy_completeness
    assert factor(complete, "step.objectives") == 0.5  # the sales objective is not SMART
    assert factor(complete, "step.indicators") == 0.5
    empty = score(build(document() | {"objectives": [], "stakeholders": [], "channels": []}))
    for step in ("step.objectives", "step.audiences", "step.inventory", "step.indicators"):
        assert factor(empty.strategy_completeness, step) == 0.0
    assert factor(empty.strategy_completeness, "step.channels") is None


@pytest.mark.parametrize("days", [182, 183, 3043, 3044, 3045])
def test_the_review_factor_and_rule_str_review_agree_on_the_threshold(days: int) -> None:
    months = round(days / 30.4375)
    doc = document()
    doc["strategy"]["last_reviewed"] = days_ago(days)
    doc["settings"] = {"thresholds": {"review_months": months}}
    audit = build(doc)
    review = audit_review_factor(score(audit))
    assert (review < 1) == ("STR-REVIEW" in diagnose(audit).fired), (days, months, review)


def audit_review_factor(card: Scorecard) -> float:
    [item] = [c for c in card.strategy_completeness.contributions if c.factor.endswith("review")]
    assert item.value is not None
    return item.value
