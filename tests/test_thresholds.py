"""Rule thresholds: documented defaults, per-audit overrides, clear errors for bad keys or values."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import pytest

from auditkit import cli, resources
from auditkit.diagnose import RULES, add_months, diagnose
from auditkit.errors import AuditkitError, read
from auditkit.model import Audit, Channel, ChannelOperator
from auditkit.platforms import RESPONSE_EXPECTATION_MINUTES, Platform
from auditkit.thresholds import (
    DAYS_PER_MONTH,
    RESPONSE_KEYS,
    RESPONSE_SOURCES,
    ROADMAP_THRESHOLDS,
    SCORING_THRESHOLDS,
    THRESHOLDS,
    hours_needed,
    months_between,
    response_expectation,
    response_key,
    threshold_problems,
    thresholds_for,
)
from auditkit.thresholds import add_months as thresholds_add_months
from tests.rules.rules_samples import Edit, _days_before, build, channel, organisation, thresholds


def test_defaults_apply_without_overrides() -> None:
    values = thresholds_for(build())
    assert values == {key: threshold.default for key, threshold in THRESHOLDS.items()}
    assert values["dormancy_days"] == 90 and values["objectives_max"] == 3
    assert values["engagement_ratio_low"] == 0.5 and values["large_audience"] == 1000
    assert values["hours_per_channel"] == 3 and values["review_months"] == 6 and values["lead_time_days"] == 7


def test_every_threshold_is_documented_in_both_languages_with_a_unit_and_a_valid_default() -> None:
    for key, threshold in THRESHOLDS.items():
        assert threshold.unit, key
        english, french = threshold.doc("en"), threshold.doc("fr")
        assert english.strip() and french.strip() and english != french, key
        assert threshold.minimum <= threshold.default <= threshold.maximum, key
        document = threshold.to_dict()
        assert document["maximum"] is None or not math.isinf(document["maximum"])


def test_response_expectations_come_from_the_platform_table() -> None:
    audit = build()
    assert set(RESPONSE_KEYS) == {response_key(platform) for platform in RESPONSE_EXPECTATION_MINUTES}
    assert response_expectation(audit, Platform.X) == 60
    assert response_expectation(audit, Platform.FACEBOOK) == RESPONSE_EXPECTATION_MINUTES[Platform.FACEBOOK]
    assert response_expectation(audit, Platform.EVENTS) is None
    assert "X (Twitter)" in THRESHOLDS["response_minutes.x"].doc("en")
    assert RESPONSE_SOURCES("fr") in THRESHOLDS["response_minutes.x"].doc("fr")


def test_rules_name_only_known_thresholds_and_every_threshold_serves_a_rule() -> None:
    used = {key for registered in RULES.values() for key in registered.thresholds}
    assert used <= set(THRESHOLDS)
    assert used | SCORING_THRESHOLDS | ROADMAP_THRESHOLDS == set(THRESHOLDS)


def test_an_override_replaces_the_default() -> None:
    audit = build(thresholds(dormancy_days=30, **{"response_minutes.x": 15}))
    values = thresholds_for(audit)
    assert values["dormancy_days"] == 30 and values["review_months"] == 6
    assert response_expectation(audit, Platform.X) == 15


@pytest.mark.parametrize(
    ("edits", "override", "rule_id"),
    [
        ([channel("instagram", last_post=_days_before(60))], {"dormancy_days": 45}, "CH-DORMANT"),
        (
            [channel("instagram", median_response_minutes=200)],
            {"response_minutes.instagram": 180},
            "CH-SLOW-RESPONSE",
        ),
        ([organisation(hours_per_week=7)], {"hours_per_channel": 4}, "CH-SPREAD"),
        ([organisation(publishing_lead_time_days=10)], {"lead_time_days": 14}, "ERR-URGENCY"),
        (
            [
                channel(
                    "facebook",
                    audience_size=15_000,
                    engagement={"definition": "rivaliq_er_per_post_by_follower", "rate": 0.05},
                )
            ],
            {"large_audience": 500, "engagement_ratio_low": 0.9},
            "CH-LOW-ENGAGEMENT",
        ),
        ([], {"objectives_max": 1}, "OBJ-TOO-MANY"),
        ([], {"review_months": 1}, "STR-REVIEW"),
    ],
)
def test_an_override_changes_whether_a_rule_fires(
    edits: list[Edit], override: dict[str, float], rule_id: str
) -> None:
    def fires(audit: Audit) -> bool:
        return rule_id in diagnose(audit).fired

    assert not fires(build(*edits))
    assert fires(build(*edits, thresholds(**override)))


def test_an_override_can_silence_a_rule() -> None:
    audit = build(organisation(reporting_cadence="quarterly"))
    assert "ERR-NOT-MEASURING" in diagnose(audit).fired
    assert (
        "ERR-NOT-MEASURING"
        not in diagnose(
            build(organisation(reporting_cadence="quarterly"), thresholds(reporting_interval_days=92))
        ).fired
    )


def test_unknown_key_is_an_error_listing_the_valid_keys() -> None:
    with pytest.raises(AuditkitError) as error:
        thresholds_for(build(thresholds(dormant_days=60)))
    message = str(error.value)
    assert "settings.thresholds.dormant_days" in message and "unknown threshold" in message
    for key in ("dormancy_days", "engagement_ratio_low", "response_minutes.x"):
        assert key in message


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("engagement_ratio_low", 1.5, "at most 1"),
        ("dormancy_days", -1, "at least 1"),
        ("key_stakeholder_importance", 6, "at most 5"),
        ("response_minutes.x", 0, "at least 1"),
    ],
)
def test_out_of_range_value_is_an_error(key: str, value: float, expected: str) -> None:
    with pytest.raises(AuditkitError, match=expected) as error:
        thresholds_for(build(thresholds(**{key: value})))
    assert f"settings.thresholds.{key}" in str(error.value)


def test_threshold_problems_name_each_key_without_raising() -> None:
    problems = threshold_problems({"dormancy_days": 0, "dormant_days": 30, "objectives_max": 5})
    assert [(problem.location, read(problem.message, "en").split(" (")[0]) for problem in problems] == [
        ("settings.thresholds.dormancy_days", "0 is out of range"),
        ("settings.thresholds.dormant_days", "unknown threshold"),
    ]
    assert threshold_problems({}) == []


def test_every_threshold_has_a_finite_range_holding_its_default() -> None:
    for key, threshold in THRESHOLDS.items():
        assert threshold.minimum <= threshold.default <= threshold.maximum < math.inf, key
        assert threshold.to_dict()["maximum"] == threshold.maximum
    assert THRESHOLDS["hours_per_channel"].maximum == 168


def test_validate_refuses_a_threshold_beyond_its_range_naming_the_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example = resources.default_example()
    assert example is not None
    document = json.loads(example.read_text(encoding="utf-8"))
    document["settings"]["thresholds"] = {"hours_per_channel": 1e308}
    path = tmp_path / "huge.audit.json"
    path.write_text(json.dumps(document), encoding="utf-8")

    assert cli.main(["validate", str(path)]) == 1
    printed = capsys.readouterr().err
    assert f"{path}: settings.thresholds.hours_per_channel: 1e+308 is out of range" in printed
    assert "(at least 0 and at most 168 hours/week)" in printed


@pytest.mark.parametrize(
    ("earlier", "later", "months"),
    [(date(2026, 1, 1), date(2026, 1, 1), 0.0), (date(2026, 1, 1), date(2027, 1, 1), 365 / DAYS_PER_MONTH)],
)
def test_months_between_counts_mean_length_months(earlier: date, later: date, months: float) -> None:
    assert months_between(earlier, later) == pytest.approx(months)
    assert months_between(later, earlier) == 0


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 11, 15), 3, date(2027, 2, 15)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected
    assert add_months is thresholds_add_months


def test_a_channel_run_by_a_partner_needs_only_the_hours_the_team_gives_it() -> None:
    own = Channel(id="page", name="Page", platform=Platform.FACEBOOK)
    group = own.model_copy(update={"operator": ChannelOperator.PARTNER})
    defaults = thresholds_for(build())
    assert hours_needed(own, defaults) == defaults["hours_per_channel"]
    assert hours_needed(group, defaults) == 0.0
    assert hours_needed(group.model_copy(update={"hours_per_week": 0.5}), defaults) == 0.5
