"""A channel's factors: reach, engagement, activity, regularity, responsiveness, effort."""

from __future__ import annotations

import pytest
from scoring_samples import (
    ER,
    build,
    channel,
    days_ago,
    document,
    factor,
    fit,
    scored,
    sub,
    value,
    weighted_mean,
)

from auditkit.benchmarks import lookup
from auditkit.platforms import Platform, use_of
from auditkit.scoring import (
    score,
)


def test_more_stakeholder_reach_gives_a_higher_fit() -> None:
    narrow = scored(channel("instagram", "instagram", stakeholders=["locals"]))
    wide = scored(channel("instagram", "instagram", stakeholders=["locals", "students"]))
    assert sub(fit(wide), "fit.reach") > sub(fit(narrow), "fit.reach")
    assert value(fit(wide)) > value(fit(narrow))


def test_reach_weighs_stakeholders_by_importance_and_platform_use() -> None:
    card = scored(channel("instagram", "instagram", stakeholders=["locals"]))
    # locals (importance 5): listed, 60 % on Instagram -> 0.8; students (3): not listed, high use -> 0.425
    assert factor(fit(card), "fit.reach") == pytest.approx((5 * 0.8 + 3 * 0.425) / 8)
    # the sales objective targets the locals only
    assert factor(fit(card, objective_id="sales"), "fit.reach") == pytest.approx(0.8)


def test_a_platform_the_stakeholders_do_not_use_reaches_nobody() -> None:
    card = scored(channel("pinterest", "pinterest", stakeholders=[]))
    assert factor(fit(card, "pinterest"), "fit.reach") == 0.0


def test_engagement_under_the_benchmark_lowers_fit_and_health() -> None:
    above = scored(channel("instagram", "instagram", engagement={"definition": ER, "rate": 0.94}))
    under = scored(channel("instagram", "instagram", engagement={"definition": ER, "rate": 0.094}))
    assert factor(fit(above), "fit.engagement") == 1.0
    assert factor(fit(under), "fit.engagement") == pytest.approx(0.75 * 0.2)
    assert value(fit(under)) < value(fit(above))
    assert value(under.channel("instagram").health) < value(above.channel("instagram").health)


def test_engagement_names_the_benchmark_row_used() -> None:
    card = scored()
    row = lookup(build(document()), Platform.INSTAGRAM, ER)
    assert row is not None and card.channel("instagram").benchmark == row
    evidence = fit(card).contribution("fit.engagement").evidence
    assert row.source_title in evidence("en") and "0.47%" in evidence("en") and "0,47" in evidence("fr")


def test_engagement_with_another_metric_is_not_assessed_and_the_rest_rescaled() -> None:
    card = scored(channel("instagram", "instagram", engagement={"definition": "my_panel_rate", "rate": 3}))
    engagement = fit(card).contribution("fit.engagement")
    assert engagement.value is None and engagement.points == 0
    assert "no benchmark with this metric" in engagement.evidence("en")
    assert card.channel("instagram").benchmark is None
    assert value(fit(card)) == pytest.approx(weighted_mean(fit(card)))


def test_consultant_benchmark_override_changes_the_engagement_score() -> None:
    row = {
        "platform": "instagram",
        "industry": "Local bakeries",
        "metric": ER,
        "value": 2.0,
        "year": 2026,
        "source_title": "Panel of 20 bakeries",
    }
    card = scored(settings={"benchmarks": [row]})
    assert factor(fit(card), "fit.engagement") == pytest.approx(0.75 * 0.25)
    benchmark = card.channel("instagram").benchmark
    assert benchmark is not None and benchmark.source_title == "Panel of 20 bakeries"


def test_posting_less_than_the_benchmark_lowers_activity() -> None:
    often = scored(channel("instagram", "instagram", posts_per_week=4.5))
    rarely = scored(channel("instagram", "instagram", posts_per_week=1.125))
    assert factor(fit(often), "fit.activity") == 1.0
    assert factor(fit(rarely), "fit.activity") == pytest.approx(0.5)
    assert value(fit(rarely)) < value(fit(often))


def test_activity_without_a_rhythm_benchmark_is_not_assessed() -> None:
    card = scored(channel("youtube", "youtube"))
    assert factor(fit(card, "youtube"), "fit.activity") is None


def test_an_older_last_post_lowers_regularity_down_to_zero_at_dormancy() -> None:
    recent = scored(channel("instagram", "instagram", last_post=days_ago(9)))
    old = scored(channel("instagram", "instagram", last_post=days_ago(45)))
    dormant = scored(channel("instagram", "instagram", last_post=days_ago(200)))
    assert factor(fit(recent), "fit.recency") == pytest.approx(0.9)
    assert factor(fit(old), "fit.recency") == pytest.approx(0.5)
    assert factor(fit(dormant), "fit.recency") == 0.0


def test_dormancy_threshold_override_is_used() -> None:
    card = scored(
        channel("instagram", "instagram", last_post=days_ago(45)),
        settings={"thresholds": {"dormancy_days": 180}},
    )
    assert factor(fit(card), "fit.recency") == pytest.approx(0.75)


def test_slower_answers_lower_responsiveness() -> None:
    quick = scored(channel("instagram", "instagram", median_response_minutes=200))
    slow = scored(channel("instagram", "instagram", median_response_minutes=960))
    assert factor(fit(quick), "fit.responsiveness") == 1.0
    assert factor(fit(slow), "fit.responsiveness") == pytest.approx(240 / 960)
    assert "240 min" in fit(slow).contribution("fit.responsiveness").evidence("en")


def test_a_costlier_channel_scores_lower_on_effort() -> None:
    cheap = channel("instagram", "instagram", hours_per_week=2, monthly_budget=50)
    costly = channel("facebook", "facebook", hours_per_week=8, monthly_budget=200)
    card = scored(cheap, costly)
    # fair share: 10 team hours and 200 a month over two channels
    assert factor(fit(card, "instagram"), "fit.effort") == 1.0
    assert factor(fit(card, "facebook"), "fit.effort") == pytest.approx((5 / 8 + 100 / 200) / 2)


def test_effort_without_organisation_capacity_uses_the_mean_of_the_channels() -> None:
    doc = document(
        channel("instagram", "instagram", hours_per_week=1, monthly_budget=None),
        channel("facebook", "facebook", hours_per_week=3, monthly_budget=None),
    )
    doc["organisation"]["hours_per_week"] = None
    card = score(build(doc))
    assert factor(fit(card, "instagram"), "fit.effort") == 1.0
    assert factor(fit(card, "facebook"), "fit.effort") == pytest.approx(2 / 3)
    assert "mean" in fit(card, "facebook").contribution("fit.effort").evidence("en")


def test_paid_social_and_groups_reach_the_audiences_of_the_networks_they_live_on() -> None:
    uses = {Platform.FACEBOOK: 0.6, Platform.INSTAGRAM: 0.8}
    assert use_of(uses, Platform.PAID_SOCIAL) == 0.8
    assert use_of(uses, Platform.FACEBOOK_GROUP) == 0.6
    assert use_of(uses, Platform.WHATSAPP_GROUP) is None
    assert use_of({**uses, Platform.PAID_SOCIAL: 0.1}, Platform.PAID_SOCIAL) == 0.1
