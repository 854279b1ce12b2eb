"""The channel choice rules (auditkit.rules.channel_choice): CH-NO-OBJECTIVE, CH-NO-AUDIENCE, CH-DORMANT,
CH-SPREAD.
"""

from __future__ import annotations

import pytest
from rules_samples import (
    CASES,
    Edit,
    _days_before,
    _resolve,
    add,
    build,
    channel,
    fired,
    not_assessed_cases,
    organisation,
    rule_ids,
)

from auditkit.diagnose import RULES, Severity, diagnose


@pytest.mark.parametrize("rule_id", rule_ids("channel_choice"))
def test_rule_fires(rule_id: str) -> None:
    audit = build(*CASES[rule_id][0])
    findings = diagnose(audit).for_rule(rule_id)
    assert findings, f"{rule_id} did not fire"
    for finding in findings:
        assert finding.rule == rule_id
        assert finding.theme is RULES[rule_id].theme
        assert finding.seeds == RULES[rule_id].seeds
        assert finding.evidence
        for text in (finding.title, finding.explanation, finding.action):
            assert text("en").strip() and text("fr").strip() and text("en") != text("fr")
        for item in finding.evidence:
            _resolve(audit, item.field)


@pytest.mark.parametrize("rule_id", rule_ids("channel_choice"))
def test_rule_stays_silent_on_a_near_miss(rule_id: str) -> None:
    diagnosis = diagnose(build(*CASES[rule_id][1]))
    assert rule_id not in diagnosis.fired
    assert rule_id not in diagnosis.not_assessed_rules


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


@pytest.mark.parametrize(("edits", "rule_id", "missing", "subjects"), not_assessed_cases("channel_choice"))
def test_missing_data_is_not_assessed_never_guessed(
    edits: list[Edit], rule_id: str, missing: tuple[str, ...], subjects: tuple[str, ...]
) -> None:
    diagnosis = diagnose(build(*edits))
    assert rule_id not in diagnosis.fired
    gaps = [gap for gap in diagnosis.not_assessed if gap.rule == rule_id]
    assert [(gap.missing, gap.subjects) for gap in gaps] == [(missing, subjects)]
    assert gaps[0].reason("en") and gaps[0].reason("fr") and gaps[0].reason("en") != gaps[0].reason("fr")


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
