"""The organisation rules (auditkit.rules.organisation): ORG-NO-SPONSOR, ORG-INTERN, ORG-SLOW-VALIDATION,
ORG-NO-RESOURCES, ORG-NO-TRAINING.
"""

from __future__ import annotations

import pytest
from rules_samples import Edit, build, fired, organisation

from auditkit.diagnose import Severity, diagnose


@pytest.mark.parametrize(
    ("edits", "rule_id", "severity"),
    [
        ([organisation(sponsor="aware")], "ORG-NO-SPONSOR", Severity.MINOR),
        ([organisation(sponsor="none")], "ORG-NO-SPONSOR", Severity.MAJOR),
    ],
)
def test_graded_severity(edits: list[Edit], rule_id: str, severity: Severity) -> None:
    assert [f.severity for f in diagnose(build(*edits)).for_rule(rule_id)] == [severity]


@pytest.mark.parametrize(
    ("edits", "rule_id"),
    [
        ([organisation(content_creators=[], responders=[])], "ORG-NO-RESOURCES"),
    ],
)
def test_other_ways_to_fire(edits: list[Edit], rule_id: str) -> None:
    assert rule_id in fired(build(*edits))
