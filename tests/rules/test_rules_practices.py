"""The practices rules (auditkit.rules.practices): ERR-URGENCY, ERR-CALENDAR-NOT-STRATEGY, ERR-INSPIRATION,
ERR-NOT-MEASURING.
"""

from __future__ import annotations

import pytest
from rules_samples import (
    CASES,
    Edit,
    _resolve,
    build,
    channel,
    component,
    fired,
    not_assessed_cases,
    organisation,
    rule_ids,
)

from auditkit.diagnose import RULES, Severity, diagnose


@pytest.mark.parametrize("rule_id", rule_ids("practices"))
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


@pytest.mark.parametrize("rule_id", rule_ids("practices"))
def test_rule_stays_silent_on_a_near_miss(rule_id: str) -> None:
    diagnosis = diagnose(build(*CASES[rule_id][1]))
    assert rule_id not in diagnosis.fired
    assert rule_id not in diagnosis.not_assessed_rules


@pytest.mark.parametrize(
    ("edits", "rule_id", "severity"),
    [
        (
            [component("editorial_line", "partial"), channel("instagram", posts_per_week=1)],
            "ERR-INSPIRATION",
            Severity.INFO,
        ),
    ],
)
def test_graded_severity(edits: list[Edit], rule_id: str, severity: Severity) -> None:
    assert [f.severity for f in diagnose(build(*edits)).for_rule(rule_id)] == [severity]


@pytest.mark.parametrize(
    ("edits", "rule_id"),
    [
        (
            [component("calendar", "partial"), lambda d: [o.update(indicators=[]) for o in d["objectives"]]],
            "ERR-CALENDAR-NOT-STRATEGY",
        ),
        ([organisation(reporting_cadence="never")], "ERR-NOT-MEASURING"),
    ],
)
def test_other_ways_to_fire(edits: list[Edit], rule_id: str) -> None:
    assert rule_id in fired(build(*edits))


@pytest.mark.parametrize(("edits", "rule_id", "missing", "subjects"), not_assessed_cases("practices"))
def test_missing_data_is_not_assessed_never_guessed(
    edits: list[Edit], rule_id: str, missing: tuple[str, ...], subjects: tuple[str, ...]
) -> None:
    diagnosis = diagnose(build(*edits))
    assert rule_id not in diagnosis.fired
    gaps = [gap for gap in diagnosis.not_assessed if gap.rule == rule_id]
    assert [(gap.missing, gap.subjects) for gap in gaps] == [(missing, subjects)]
    assert gaps[0].reason("en") and gaps[0].reason("fr") and gaps[0].reason("en") != gaps[0].reason("fr")
