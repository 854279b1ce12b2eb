"""The practices rules (auditkit.rules.practices): ERR-URGENCY, ERR-CALENDAR-NOT-STRATEGY, ERR-INSPIRATION,
ERR-NOT-MEASURING.
"""

from __future__ import annotations

import pytest
from rules_samples import (
    Edit,
    _audience_off_social,
    _social_serves_nothing,
    build,
    channel,
    component,
    fired,
    organisation,
)

from auditkit.diagnose import Severity, diagnose


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


def test_a_calendar_without_strategy_asks_for_priority_networks_while_social_media_serve_objectives() -> None:
    audit = build(component("calendar", "partial"), _social_serves_nothing)
    (finding,) = diagnose(audit).for_rule("ERR-CALENDAR-NOT-STRATEGY")
    assert "no priority network" in finding.explanation("en")
    assert "priority networks" in finding.action("en")


def test_under_not_now_a_calendar_without_strategy_no_longer_asks_for_priority_networks() -> None:
    audit = build(component("calendar", "partial"), _social_serves_nothing, _audience_off_social)
    assert "DEC-NOT-NOW" in fired(audit)
    assert "ERR-CALENDAR-NOT-STRATEGY" not in fired(audit)
    no_indicators = build(
        component("calendar", "partial"),
        _social_serves_nothing,
        _audience_off_social,
        lambda d: [o.update(indicators=[]) for o in d["objectives"]],
    )
    (finding,) = diagnose(no_indicators).for_rule("ERR-CALENDAR-NOT-STRATEGY")
    for lang in ("en", "fr"):
        assert "priorit" not in finding.explanation(lang) + finding.action(lang)
    assert "not now" in finding.action("en") and "pas maintenant" in finding.action("fr")
