"""Scores: each factor's effect, not-assessed rescaling, weights, recommendations, levels, JSON, CLI."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from test_cli import run

from auditkit import diagnose as diagnose_module
from auditkit import resources, store
from auditkit.benchmarks import lookup
from auditkit.cli import main
from auditkit.diagnose import diagnose
from auditkit.errors import AuditkitError
from auditkit.model import Audit
from auditkit.platforms import Platform
from auditkit.scoring import (
    GOOD,
    MATURITY_LEVELS,
    WEIGHTS,
    Recommendation,
    Score,
    Scorecard,
    level_for,
    score,
    settings_problems,
    weight_problems,
    weights_for,
)
from auditkit.thresholds import add_months
from benchmarks.synthetic import large_audit

AUDIT_DATE = date(2026, 9, 15)
ER = "rivaliq_er_per_post_by_follower"


def days_ago(days: int) -> str:
    return (AUDIT_DATE - timedelta(days=days)).isoformat()


def channel(channel_id: str, platform: str, **fields: Any) -> dict[str, Any]:
    """A well-run active channel serving the primary objective and reaching the locals."""
    return {
        "id": channel_id,
        "name": channel_id.title(),
        "platform": platform,
        "owner": "Ana",
        "audience_size": 3000,
        "posts_per_week": 5,
        "engagement": {"definition": ER, "rate": 0.5},
        "median_response_minutes": 60,
        "last_post": days_ago(2),
        "hours_per_week": 2,
        "monthly_budget": 0,
        "objectives": ["awareness"],
        "stakeholders": ["locals"],
        "cross_posted_unchanged": False,
    } | fields


def document(*channels: dict[str, Any]) -> dict[str, Any]:
    """A small, complete audit of a bakery; ``channels`` default to one good Instagram account."""
    return {
        "engagement": {"client": "Test Bakery", "audit_date": AUDIT_DATE.isoformat(), "language": "en"},
        "client": {"industry": "commercial_b2c", "sector": "bakery"},
        "objectives": [
            {
                "id": "awareness",
                "statement": "Be known by 30% of local families by June.",
                "kind": "awareness",
                "primary": True,
                "metric": "aided awareness",
                "baseline": 12,
                "target": 30,
                "deadline": "2027-06-30",
                "stakeholders": ["locals", "students"],
                "indicators": [{"name": "reach", "lens": "roa"}],
            },
            {
                "id": "sales",
                "statement": "Sell 200 pre-orders for the holidays.",
                "kind": "sales",
                "stakeholders": ["locals"],
            },
        ],
        "stakeholders": [
            {
                "id": "locals",
                "name": "Local families",
                "importance": 5,
                "platforms": [
                    {"platform": "facebook", "share": 0.7},
                    {"platform": "instagram", "share": 0.6},
                ],
            },
            {
                "id": "students",
                "name": "Students",
                "importance": 3,
                "platforms": [
                    {"platform": "instagram", "level": "high"},
                    {"platform": "tiktok", "share": 0.6},
                ],
            },
        ],
        "channels": list(channels) or [channel("instagram", "instagram")],
        "strategy": {
            "components": {
                "editorial_line": {"status": "present"},
                "content_plan": {"status": "partial"},
                "crisis_plan": {"status": "absent"},
            },
            "last_reviewed": days_ago(30),
            "obstacles": ["Busy season"],
        },
        "organisation": {
            "sponsor": "supportive",
            "strategy_owner_role": "communications_manager",
            "content_creators": ["Ana"],
            "responders": ["Ana"],
            "validation_delay_hours": 1,
            "training": "some",
            "hours_per_week": 10,
            "monthly_budget": 200,
            "reporting_cadence": "monthly",
            "publishing_lead_time_days": 14,
        },
    }


def build(doc: dict[str, Any]) -> Audit:
    return Audit.model_validate(doc)


def scored(*channels: dict[str, Any], **top: Any) -> Scorecard:
    return score(build(document(*channels) | top))


def fit(card: Scorecard, channel_id: str = "instagram", objective_id: str = "awareness") -> Score:
    return card.matrix[(channel_id, objective_id)]


def factor(target: Score, name: str) -> float | None:
    return target.contribution(name).value


def sub(target: Score, name: str) -> float:
    """An assessed factor's sub-score."""
    value = target.contribution(name).value
    assert value is not None
    return value


def value(target: Score) -> float:
    assert target.value is not None
    return target.value


def weighted_mean(target: Score) -> float:
    """100 x the mean of the assessed sub-scores weighted by their weights."""
    assessed = [(c.value, c.weight) for c in target.contributions if c.value is not None]
    return 100 * sum(v * w for v, w in assessed) / sum(w for _, w in assessed)


def all_scores(card: Scorecard) -> list[Score]:
    return [
        card.overall,
        card.strategy_completeness,
        card.organisation_readiness,
        *(c.health for c in card.channels),
        *card.matrix.values(),
    ]


# -- factors -----------------------------------------------------------------------------------------


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
    assert row.source_title in evidence.en and "0.47%" in evidence.en and "0,47" in evidence.fr


def test_engagement_with_another_metric_is_not_assessed_and_the_rest_rescaled() -> None:
    card = scored(channel("instagram", "instagram", engagement={"definition": "my_panel_rate", "rate": 3}))
    engagement = fit(card).contribution("fit.engagement")
    assert engagement.value is None and engagement.points == 0
    assert "no benchmark with this metric" in engagement.evidence.en
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
    assert "240 min" in fit(slow).contribution("fit.responsiveness").evidence.en


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
    assert "mean" in fit(card, "facebook").contribution("fit.effort").evidence.en


# -- rescaling, weights, determinism -----------------------------------------------------------------


def test_contributions_add_up_to_every_score() -> None:
    for card in (scored(), score(large_audit())):
        for target in all_scores(card):
            if target.value is not None:
                assert sum(c.points for c in target.contributions) == pytest.approx(target.value)
            assert all(c.points == 0 for c in target.contributions if c.value is None)
            assert 0 <= (target.value or 0) <= 100


def test_a_score_with_nothing_to_assess_is_none() -> None:
    doc = document(
        channel(
            "tiktok",
            "tiktok",
            status="planned",
            hours_per_week=None,
            monthly_budget=None,
            engagement=None,
            last_post=None,
            stakeholders=[],
        )
    )
    doc["stakeholders"] = []
    for objective in doc["objectives"]:
        objective["stakeholders"] = []
    card = score(build(doc))
    assert fit(card, "tiktok").value is None
    assert all(c.value is None for c in fit(card, "tiktok").contributions)


def test_weights_override_changes_the_result() -> None:
    base = scored(channel("instagram", "instagram", engagement={"definition": ER, "rate": 0.05}))
    heavy = scored(
        channel("instagram", "instagram", engagement={"definition": ER, "rate": 0.05}),
        settings={"weights": {"fit.engagement": 5.0}},
    )
    assert value(fit(heavy)) < value(fit(base))
    assert (
        heavy.weights["fit.engagement"] == 5.0
        and base.weights["fit.engagement"] == WEIGHTS["fit.engagement"].default
    )
    assert fit(heavy).contribution("fit.engagement").weight == 5.0


def test_a_zero_weight_drops_the_factor() -> None:
    card = scored(settings={"weights": {"fit.reach": 0}})
    assert fit(card).contribution("fit.reach").points == 0
    assert value(fit(card)) == pytest.approx(weighted_mean(fit(card)))
    assert value(fit(card)) != pytest.approx(value(fit(scored())))


def test_unknown_weight_key_is_an_error_listing_the_valid_keys() -> None:
    audit = build(document() | {"settings": {"weights": {"fit.reach": 1, "fit.popularity": 2}}})
    with pytest.raises(AuditkitError) as error:
        weights_for(audit)
    message = str(error.value)
    assert "'fit.popularity'" in message and "settings.weights" in message
    assert all(key in message for key in WEIGHTS)
    with pytest.raises(AuditkitError, match=r"fit\.popularity"):
        score(audit)


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        ({"fit.reach": 101}, ["settings.weights.fit.reach: 101 is out of range (0 to 100)"]),
        ({"overall.fit": 1e308, "overall.strategy": 1e308}, ["settings.weights.overall.fit: 1e+308"]),
        (
            {key: 0 for key in WEIGHTS if key.startswith("health.")},
            ["settings.weights: every health.* weight is 0 (give at least one of health.activity,"],
        ),
    ],
)
def test_weights_out_of_range_or_all_zero_are_refused(weights: dict[str, float], expected: list[str]) -> None:
    audit = build(document() | {"settings": {"weights": weights}})
    problems = [str(problem) for problem in weight_problems(audit.settings.weights)]
    assert problems and all(any(fragment in p for p in problems) for fragment in expected), problems
    with pytest.raises(AuditkitError, match=r"settings\.weights"):
        score(audit)


def test_settings_problems_lists_every_weight_and_threshold_problem() -> None:
    audit = build(
        document() | {"settings": {"weights": {"fit.popularity": 1}, "thresholds": {"dormant_days": 3}}}
    )
    assert [problem.location for problem in settings_problems(audit)] == [
        "settings.weights",
        "settings.thresholds.dormant_days",
    ]
    assert settings_problems(build(document() | {"settings": {"weights": {"fit.reach": 100}}})) == []


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


def test_one_calendar_helper_for_reassessment_dates() -> None:
    assert diagnose_module.add_months is add_months
    card = scored(
        channel("tiktok", "tiktok", status="parked"), settings={"thresholds": {"reassess_months": 5}}
    )
    assert card.channel("tiktok").reassess_on == add_months(AUDIT_DATE, 5) == date(2027, 2, 15)


def test_every_weight_is_documented_in_both_languages() -> None:
    for weight in WEIGHTS.values():
        assert weight.default >= 0 and weight.doc.en and weight.doc.fr and weight.label.fr
    for group in ("fit.", "health.", "org.", "overall."):
        assert sum(w.default for k, w in WEIGHTS.items() if k.startswith(group)) == pytest.approx(1.0)


def test_scoring_is_deterministic_and_leaves_the_audit_unchanged() -> None:
    audit = large_audit()
    before = audit.model_dump()
    first, second = score(audit).to_dict(), score(audit).to_dict()
    assert first == second
    assert score(Audit.model_validate(before)).to_dict() == first
    assert audit.model_dump() == before


# -- recommendations ---------------------------------------------------------------------------------


def recommendation(*channels: dict[str, Any], target: str | None = None, **top: Any) -> Recommendation:
    card = scored(*channels, **top)
    return card.channel(target or channels[0]["id"]).recommendation


def test_good_fit_and_health_on_the_primary_objective_is_invest() -> None:
    card = scored()
    assert value(fit(card)) >= GOOD
    assert card.channel("instagram").recommendation is Recommendation.INVEST
    assert any("primary" in reason.en for reason in card.channel("instagram").reasons)


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
    assert any("health" in reason.en for reason in chosen.reasons)


def test_active_channel_without_objective_but_with_audience_is_reduce() -> None:
    assert recommendation(channel("facebook", "facebook", objectives=[])) is Recommendation.REDUCE


def test_no_objective_and_no_audience_is_close() -> None:
    card = scored(channel("tiktok", "tiktok", objectives=[], stakeholders=[]))
    chosen = card.channel("tiktok")
    assert chosen.recommendation is Recommendation.CLOSE
    assert "reaches none of the stakeholders" in chosen.reasons[0].en
    assert "ne touche aucun" in chosen.reasons[0].fr


def test_dormant_without_objective_on_a_major_platform_is_park() -> None:
    card = scored(channel("x", "x", objectives=[], last_post=days_ago(200)))
    chosen = card.channel("x")
    assert chosen.recommendation is Recommendation.PARK
    assert chosen.reassess_on == date(2026, 12, 15)
    assert any("200 days" in reason.en for reason in chosen.reasons)


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
    assert any("2026-12-15" in reason.en for reason in chosen.reasons)


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
            assert reason.en and reason.fr and reason.en != reason.fr


# -- strategy, organisation, levels ------------------------------------------------------------------


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


def test_an_intern_owner_lowers_organisation_readiness() -> None:
    doc = document()
    doc["organisation"]["strategy_owner_role"] = "intern"
    intern = score(build(doc)).organisation_readiness
    manager = scored().organisation_readiness
    assert factor(intern, "org.owner") == 0.1 and factor(manager, "org.owner") == 1.0
    assert value(intern) < value(manager)


def test_unknown_organisation_answers_are_not_assessed() -> None:
    card = score(build(document() | {"organisation": {}}))
    readiness = card.organisation_readiness
    assessed = {c.factor for c in readiness.contributions if c.value is not None}
    assert assessed == {"org.resources"}
    assert readiness.value == 0.0


def test_slow_validation_is_compared_with_the_tightest_channel_expectation() -> None:
    doc = document(channel("x", "x"), channel("linkedin", "linkedin"))
    doc["organisation"]["validation_delay_hours"] = 4
    readiness = score(build(doc)).organisation_readiness
    assert factor(readiness, "org.validation") == pytest.approx(60 / 240)


@pytest.mark.parametrize(
    ("overall", "number"),
    [(None, 1), (0, 1), (29.9, 1), (30, 2), (54.9, 2), (55, 3), (70, 4), (85, 5), (100, 5)],
)
def test_maturity_level_thresholds(overall: float | None, number: int) -> None:
    assert level_for(overall).number == number


def test_maturity_levels_have_names_and_meanings_in_both_languages() -> None:
    assert [level.number for level in MATURITY_LEVELS] == [1, 2, 3, 4, 5]
    for level in MATURITY_LEVELS:
        assert level.name.en and level.name.fr and level.meaning.en and level.meaning.fr


def test_overall_combines_four_parts_and_reports_the_target_level() -> None:
    card = scored(settings={"target_level": 4})
    assert [c.factor for c in card.overall.contributions] == [
        "overall.fit",
        "overall.health",
        "overall.strategy",
        "overall.organisation",
    ]
    assert card.level == level_for(card.overall.value)
    assert card.target_level is not None and card.target_level.number == 4
    assert scored().target_level is None


def test_an_objective_no_channel_serves_lowers_coverage() -> None:
    served = scored(channel("instagram", "instagram", objectives=["awareness", "sales"]))
    orphan = scored(channel("instagram", "instagram", objectives=["awareness"]))
    assert sub(orphan.overall, "overall.fit") < sub(served.overall, "overall.fit")


# -- JSON, text, command line, imports ---------------------------------------------------------------


def test_json_document_shape() -> None:
    card = scored(channel("instagram", "instagram"), channel("facebook", "facebook", objectives=[]))
    data = json.loads(json.dumps(card.to_dict("en")))
    assert {
        "overall",
        "level",
        "channels",
        "matrix",
        "strategy_completeness",
        "organisation_readiness",
    } <= set(data)
    assert isinstance(data["overall"], float) and 0 <= data["overall"] <= 100
    assert set(data["level"]) >= {"number", "name", "meaning"}
    for item in data["channels"]:
        assert {"name", "platform", "score", "recommendation", "reasons", "contributions"} <= set(item)
        assert item["recommendation"] in {r.value for r in Recommendation}
        assert all(isinstance(reason, str) for reason in item["reasons"])
    assert len(data["matrix"]) == 4
    cell = data["matrix"][0]
    assert {"channel", "objective", "serves", "score", "contributions"} <= set(cell)
    assert {"factor", "label", "value", "weight", "points", "evidence"} <= set(cell["contributions"][0])
    for part in ("strategy_completeness", "organisation_readiness"):
        assert {"score", "contributions"} <= set(data[part])


def test_json_without_a_language_carries_both() -> None:
    data = scored().to_dict()
    assert set(data["channels"][0]["reasons"][0]) == {"en", "fr"}
    assert set(data["level"]["name"]) == {"en", "fr"}


def test_text_scorecard_lists_channels_and_matrix() -> None:
    text = scored(channel("instagram", "instagram"), channel("facebook", "facebook", objectives=[])).to_text(
        "fr"
    )
    assert "Score global :" in text and "Canaux" in text and "Investir" in text and "Réduire" in text
    assert "awareness" in text and "Complétude de la stratégie" in text


def write_audit(tmp_path: Path, doc: dict[str, Any]) -> Path:
    path = tmp_path / "client.audit.json"
    store.save(build(doc), path)
    return path


def test_cli_score_prints_a_readable_scorecard(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_audit(tmp_path, document())
    code, out, err = run(capsys, "score", str(path))
    assert code == 0 and not err
    assert out.startswith("Test Bakery — 2026-09-15")
    assert "Overall score:" in out and "Instagram" in out and "Invest" in out
    code, out, _ = run(capsys, "score", str(path), "--lang", "fr")
    assert code == 0 and "Score global :" in out


def test_cli_score_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_audit(tmp_path, document())
    code, out, _ = run(capsys, "score", str(path), "--json")
    assert code == 0
    data = json.loads(out)
    assert data == score(store.load(path)).to_dict("en")


def test_cli_score_bad_files_exit_1_without_traceback(
    bad_audit_files: dict[str, tuple[Path, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    for path, _ in bad_audit_files.values():
        code, out, err = run(capsys, "score", str(path))
        assert code == 1 and not out
        assert str(path) in err and "Traceback" not in err


def test_cli_score_unknown_weight_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = copy.deepcopy(document())
    doc["settings"] = {"weights": {"reach": 1}}
    code, _, err = run(capsys, "score", str(write_audit(tmp_path, doc)))
    assert code == 1 and "unknown key(s) 'reach'" in err and "fit.reach" in err


def test_cli_score_wrong_language_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["score", str(write_audit(tmp_path, document())), "--lang", "de"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_scoring_imports_neither_ipywidgets_nor_plotly() -> None:
    code = (
        "import sys\n"
        "from auditkit.scoring import score\n"
        "from benchmarks.synthetic import large_audit\n"
        "score(large_audit())\n"
        "loaded = [m for m in ('ipywidgets', 'plotly') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


# -- bundled examples --------------------------------------------------------------------------------


def example(name: str) -> Scorecard:
    return score(store.load(resources.examples_dir() / f"{name}.audit.json"))


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


def test_examples_rank_as_their_maturity_reads() -> None:
    first, second = example("boulangerie-martin"), example("boulangerie-martin-round2")
    association, college = example("asso-velo-solidaire"), example("st-aidans-college")
    assert value(second.overall) > value(first.overall) + 20
    assert value(second.strategy_completeness) > value(first.strategy_completeness)
    assert first.level.number <= 2 and association.level.number <= 2
    assert college.level.number >= 4 and second.level.number >= 4
    assert value(association.organisation_readiness) < value(college.organisation_readiness)
