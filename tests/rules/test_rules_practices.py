"""The practices rules (auditkit.rules.practices): ERR-URGENCY, ERR-CALENDAR-NOT-STRATEGY, ERR-INSPIRATION,
ERR-NOT-MEASURING.
"""

from __future__ import annotations

import pytest
from rules_samples import (
    Edit,
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
