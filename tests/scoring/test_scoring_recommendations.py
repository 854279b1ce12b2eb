"""The recommendation for each channel, its reasons and its reassessment date."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from scoring_samples import (
    AUDIT_DATE,
    ER,
    channel,
    days_ago,
    example,
    fit,
    scored,
    value,
)

from auditkit import diagnose as diagnose_module
from auditkit.platforms import Platform
from auditkit.scoring import (
    GOOD,
    Recommendation,
    score,
)
from auditkit.thresholds import add_months
from benchmarks.synthetic import large_audit


def recommendation(*channels: dict[str, Any], target: str | None = None, **top: Any) -> Recommendation:
    card = scored(*channels, **top)
    return card.channel(target or channels[0]["id"]).recommendation


def test_good_fit_and_health_on_the_primary_objective_is_invest() -> None:
    card = scored()
    assert value(fit(card)) >= GOOD
    assert card.channel("instagram").recommendation is Recommendation.INVEST
    assert any("primary" in reason("en") for reason in card.channel("instagram").reasons)


def test_good_channel_serving_a_secondary_objective_only_is_maintain() -> None:
    assert recommendation(channel("instagram", "instagram", objectives=["sales"])) is Recommendation.MAINTAIN


@pytest.mark.parametrize(
    "change",
    [
        {"owner": ""},
        {"median_response_minutes": 2000},
        {"engagement": {"definition": ER, "rate": 0.05}},
        {"engagement": {"definition": ER, "rate": 0.2}},
    ],
    ids=["no owner", "slow answers", "engagement a tenth of benchmark", "engagement under half of benchmark"],
)
def test_good_fit_with_a_critical_weakness_is_fix(change: dict[str, Any]) -> None:
    card = scored(channel("instagram", "instagram", **change))
    assert value(fit(card)) >= GOOD
    assert card.channel("instagram").recommendation is Recommendation.FIX


def test_good_fit_and_poor_health_is_fix() -> None:
    card = scored(
        channel(
            "instagram", "instagram", last_post=days_ago(80), posts_per_week=0.3, cross_posted_unchanged=True
        )
    )
    chosen = card.channel("instagram")
    assert value(chosen.health) < GOOD
    assert chosen.recommendation is Recommendation.FIX
    assert any("health" in reason("en") for reason in chosen.reasons)


def test_active_channel_without_objective_but_with_audience_is_reduce() -> None:
    assert recommendation(channel("facebook", "facebook", objectives=[])) is Recommendation.REDUCE


def test_no_objective_and_no_audience_is_close() -> None:
    card = scored(channel("tiktok", "tiktok", objectives=[], stakeholders=[]))
    chosen = card.channel("tiktok")
    assert chosen.recommendation is Recommendation.CLOSE
    assert "reaches none of the stakeholders" in chosen.reasons[0]("en")
    assert "ne touche aucun" in chosen.reasons[0]("fr")


def test_dormant_without_objective_on_a_major_platform_is_park() -> None:
    card = scored(channel("x", "x", objectives=[], last_post=days_ago(200)))
    chosen = card.channel("x")
    assert chosen.recommendation is Recommendation.PARK
    assert chosen.reassess_on == date(2026, 12, 15)
    assert any("200 days" in reason("en") for reason in chosen.reasons)


def test_dormant_without_objective_on_a_minor_platform_is_close() -> None:
    assert (
        recommendation(channel("blog", "blog", objectives=[], last_post=days_ago(200)))
        is Recommendation.CLOSE
    )


def test_poor_fit_is_reduce_and_poor_fit_while_dormant_is_close() -> None:
    weak = {
        "stakeholders": [],
        "engagement": {"definition": ER, "rate": 0.01},
        "posts_per_week": 0.2,
        "hours_per_week": 9,
        "monthly_budget": 150,
        "median_response_minutes": 5000,
        "last_post": days_ago(60),
    }
    active = scored(channel("pinterest", "pinterest", **weak), channel("instagram", "instagram"))
    assert value(fit(active, "pinterest")) < 40
    assert active.channel("pinterest").recommendation is Recommendation.REDUCE
    dormant = channel("pinterest", "pinterest", **weak | {"status": "dormant", "last_post": days_ago(300)})
    assert recommendation(dormant) is Recommendation.CLOSE


def test_parked_and_closed_statuses_are_kept() -> None:
    card = scored(
        channel("instagram", "instagram"),
        channel("tiktok", "tiktok", status="parked", objectives=[]),
        channel("pinterest", "pinterest", status="closed", objectives=[]),
    )
    assert card.channel("tiktok").recommendation is Recommendation.PARK
    assert card.channel("pinterest").recommendation is Recommendation.CLOSE
    assert card.channel("pinterest").reassess_on is None
    assert ("pinterest", "awareness") not in card.matrix


def test_planned_channel_on_a_platform_the_stakeholders_barely_use_is_not_now() -> None:
    card = scored(channel("instagram", "instagram"), channel("pinterest", "pinterest", status="planned"))
    chosen = card.channel("pinterest")
    assert chosen.recommendation is Recommendation.NOT_NOW
    assert chosen.reassess_on == date(2026, 12, 15)
    assert any("15 December 2026" in reason("en") for reason in chosen.reasons)


def test_planned_channel_where_the_stakeholders_are_and_fitting_an_objective_is_invest() -> None:
    planned = channel(
        "tiktok", "tiktok", status="planned", stakeholders=["students", "locals"], last_post=None
    )
    card = scored(
        channel("instagram", "instagram"), planned, settings={"thresholds": {"platform_use_share": 0.2}}
    )
    assert value(fit(card, "tiktok")) >= GOOD
    assert card.channel("tiktok").recommendation is Recommendation.INVEST


def test_planned_channel_without_objective_is_not_now() -> None:
    planned = channel("facebook", "facebook", status="planned", objectives=[])
    assert (
        recommendation(channel("instagram", "instagram"), planned, target="facebook")
        is Recommendation.NOT_NOW
    )


def test_reasons_are_bilingual_with_figures() -> None:
    card = score(large_audit())
    for item in card.channels:
        assert item.reasons
        for reason in item.reasons:
            assert reason("en") and reason("fr") and reason("en") != reason("fr")


def test_one_calendar_helper_for_reassessment_dates() -> None:
    assert diagnose_module.add_months is add_months
    card = scored(
        channel("tiktok", "tiktok", status="parked"), settings={"thresholds": {"reassess_months": 5}}
    )
    assert card.channel("tiktok").reassess_on == add_months(AUDIT_DATE, 5) == date(2027, 2, 15)


def test_examples_get_the_recommendations_a_consultant_expects() -> None:
    bakery = example("boulangerie-martin")
    assert (
        bakery.channel("pinterest").recommendation is Recommendation.CLOSE
    )  # dormant, no owner, no objective
    assert bakery.channel("facebook").recommendation is Recommendation.FIX  # 14,800 fans, no engagement
    later = example("boulangerie-martin-round2")
    assert later.channel("tiktok").recommendation is Recommendation.PARK
    association = example("asso-velo-solidaire")
    assert association.channel("tiktok").recommendation is Recommendation.CLOSE  # no objective, no audience
    college = example("st-aidans-college")
    slow = [c for c in college.channels if c.platform is Platform.X]
    assert slow and slow[0].recommendation is Recommendation.FIX  # answers take a day
