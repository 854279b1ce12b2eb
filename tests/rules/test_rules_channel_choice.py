"""The channel choice rules (auditkit.rules.channel_choice): CH-NO-OBJECTIVE, CH-NO-AUDIENCE, CH-DORMANT,
CH-SPREAD.
"""

from __future__ import annotations

import pytest
from rules_samples import (
    Edit,
    _days_before,
    add,
    build,
    channel,
    fired,
    organisation,
)

from auditkit.diagnose import Severity, diagnose
from auditkit.scoring import score


@pytest.mark.parametrize(
    ("edits", "rule_id", "severity"),
    [
        ([organisation(hours_per_week=5)], "CH-SPREAD", Severity.MINOR),
        ([organisation(hours_per_week=3)], "CH-SPREAD", Severity.MAJOR),
    ],
)
def test_graded_severity(edits: list[Edit], rule_id: str, severity: Severity) -> None:
    assert [f.severity for f in diagnose(build(*edits)).for_rule(rule_id)] == [severity]


@pytest.mark.parametrize(
    ("edits", "rule_id"),
    [
        (
            [
                add(
                    "stakeholders",
                    {"id": "press", "name": "Local press", "platforms": [], "consultation": "none"},
                ),
                channel("newsletter", stakeholders=["press"]),
            ],
            "CH-NO-AUDIENCE",
        ),
    ],
)
def test_other_ways_to_fire(edits: list[Edit], rule_id: str) -> None:
    assert rule_id in fired(build(*edits))


def test_one_finding_per_offending_item() -> None:
    audit = build(
        channel("facebook", last_post=_days_before(200)), channel("instagram", last_post=_days_before(120))
    )
    findings = diagnose(audit).for_rule("CH-DORMANT")
    assert [f.subjects for f in findings] == [("facebook",), ("instagram",)]
    assert findings[0].evidence[0].field == "channels.0.last_post"
    assert findings[0].evidence[0].threshold == 90
    assert "200" in findings[0].explanation("en") and "200" in findings[0].explanation("fr")


def test_a_channel_marked_dormant_fires_without_a_last_post() -> None:
    audit = build(channel("facebook", status="dormant", last_post=None))
    assert [f.subjects for f in diagnose(audit).for_rule("CH-DORMANT")] == [("facebook",)]


def test_spread_counts_every_channel_with_its_family_need_as_the_scorecard_does() -> None:
    assert "CH-SPREAD" not in fired(
        build(organisation(hours_per_week=7), channel("newsletter", hours_per_week=0.5))
    )
    (finding,) = diagnose(build(organisation(hours_per_week=6))).for_rule("CH-SPREAD")
    assert finding.explanation.params["needed"] == 7
    assert [item.threshold for item in finding.evidence[1:]] == [3, 3, 1]
    assert "keep about 1 social network well" in finding.explanation("en")
    evidence = score(build(organisation(hours_per_week=6))).organisation_readiness.contribution("org.hours")
    assert evidence.evidence.params["needed"].value == 7


def test_spread_says_in_words_when_the_hours_cannot_keep_even_one_social_network() -> None:
    for hours, english, french in (
        (3, "cannot keep even one social network well", "ne suffisent pas"),
        (1, "none is left to keep even one social network", "il n'en reste aucune"),
    ):
        (finding,) = diagnose(build(organisation(hours_per_week=hours))).for_rule("CH-SPREAD")
        assert english in finding.explanation("en") and french in finding.explanation("fr")
        assert "about 0" not in finding.explanation("en")


def test_a_channel_taking_more_than_its_family_needs_counts_with_what_it_takes() -> None:
    (finding,) = diagnose(
        build(organisation(hours_per_week=9), channel("newsletter", hours_per_week=4))
    ).for_rule("CH-SPREAD")
    assert finding.explanation.params["needed"] == 10
