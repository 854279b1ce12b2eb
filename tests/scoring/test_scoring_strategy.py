"""Strategy completeness: the nine steps, the components and the last review, weighted by what matters."""

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
    assert factor(completeness, "strategy.editorial_line") == 1.0
    assert factor(completeness, "strategy.content_plan") == 0.5
    assert factor(completeness, "strategy.crisis_plan") == 0.0
    assert factor(completeness, "strategy.exit_plan") is None
    assert len(completeness.contributions) == 9 + 15 + 1
    doc = document()
    doc["strategy"]["components"]["exit_plan"] = {"status": "present"}
    assert value(score(build(doc)).strategy_completeness) > value(completeness)


def test_objectives_weigh_more_than_an_exit_plan() -> None:
    doc = document()
    doc["strategy"]["components"]["exit_plan"] = {"status": "absent"}
    without_plan = score(build(doc)).strategy_completeness
    doc["strategy"]["components"]["exit_plan"] = {"status": "present"}
    with_plan = score(build(doc)).strategy_completeness
    smart = document()
    smart["objectives"][1] |= {
        "baseline": 120,
        "target": 200,
        "deadline": "2026-12-24",
        "metric": "pre-orders",
    }
    smart["strategy"]["components"]["exit_plan"] = {"status": "absent"}
    with_objectives = score(build(smart)).strategy_completeness
    gain_plan = value(with_plan) - value(without_plan)
    gain_objectives = value(with_objectives) - value(without_plan)
    assert 0 < gain_plan < gain_objectives / 5
    weights = {c.factor: c.weight for c in with_plan.contributions}
    assert weights["strategy.objectives"] > weights["strategy.indicators"] > weights["strategy.exit_plan"]
    assert weights["strategy.audiences"] > weights["strategy.policy"]


def test_the_nine_steps_follow_the_audit_data() -> None:
    complete = scored().strategy_completeness
    assert factor(complete, "strategy.objectives") == 0.5  # the sales objective is not SMART
    assert factor(complete, "strategy.indicators") == 0.5
    empty = score(build(document() | {"objectives": [], "stakeholders": [], "channels": []}))
    for step in ("strategy.objectives", "strategy.audiences", "strategy.inventory", "strategy.indicators"):
        assert factor(empty.strategy_completeness, step) == 0.0
    assert factor(empty.strategy_completeness, "strategy.channels") is None


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


@pytest.mark.parametrize(
    ("industry", "expected"),
    [("nonprofit_association", 1.0), ("commercial_b2c", (0.5 + 1 + 1) / 3)],
)
def test_a_volunteer_owns_a_nonprofit_strategy_but_not_a_company_one(industry: str, expected: float) -> None:
    doc = document()
    doc["client"]["industry"] = industry
    doc["organisation"] |= {
        "strategy_owner_role": "volunteer",
        "content_creators": ["A"],
        "responders": ["B"],
    }
    assert factor(score(build(doc)).strategy_completeness, "strategy.roles") == pytest.approx(expected)
