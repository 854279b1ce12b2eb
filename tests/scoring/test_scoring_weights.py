"""Weights: not-assessed rescaling, per-audit overrides, refused overrides, documentation."""

from __future__ import annotations

import pytest
from scoring_samples import (
    ER,
    all_scores,
    build,
    channel,
    document,
    fit,
    scored,
    value,
    weighted_mean,
)

from auditkit.errors import AuditkitError
from auditkit.model import StrategyComponentKey
from auditkit.scoring import (
    STRATEGY_STEPS,
    STRATEGY_WEIGHTS,
    WEIGHTS,
    score,
    settings_problems,
    weight_problems,
    weights_for,
)
from benchmarks.synthetic import large_audit


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


def test_every_weight_is_documented_in_both_languages() -> None:
    for weight in WEIGHTS.values():
        assert weight.default >= 0 and weight.doc("en") and weight.doc("fr") and weight.label("fr")
    for group in ("fit.", "health.", "org.", "strategy.", "results.", "overall."):
        assert sum(w.default for k, w in WEIGHTS.items() if k.startswith(group)) == pytest.approx(1.0)


def test_the_strategy_weights_table_names_every_step_component_and_the_review_with_a_reason() -> None:
    components = {key.value for key in StrategyComponentKey}
    assert set(STRATEGY_WEIGHTS) == set(STRATEGY_STEPS) | components | {"review"}
    assert len(STRATEGY_WEIGHTS) == 25 and sum(STRATEGY_WEIGHTS.values()) == pytest.approx(1.0)
    assert list(STRATEGY_WEIGHTS.values()) == sorted(STRATEGY_WEIGHTS.values(), reverse=True)
    for factor, default in STRATEGY_WEIGHTS.items():
        weight = WEIGHTS[f"strategy.{factor}"]
        assert weight.default == default
        english, french = weight.doc("en"), weight.doc("fr")
        assert english.endswith(".") and french.endswith(".") and english != french and "\n" not in english
    top = sorted(STRATEGY_WEIGHTS, key=STRATEGY_WEIGHTS.__getitem__, reverse=True)[:4]
    assert set(top) == {"objectives", "audiences", "indicators", "evaluation_plan"}
    assert STRATEGY_WEIGHTS["exit_plan"] == min(STRATEGY_WEIGHTS.values())


def test_a_strategy_weight_is_overridden_like_any_other() -> None:
    base = scored().strategy_completeness
    heavier = score(build(document() | {"settings": {"weights": {"strategy.crisis_plan": 1.0}}}))
    assert heavier.weights["strategy.crisis_plan"] == 1.0
    assert value(heavier.strategy_completeness) < value(base)  # the crisis plan is absent
