"""The strategy rules (auditkit.rules.strategy): one per strategy component (STR-CONTENT-PLAN to
STR-MONITORING) and STR-REVIEW.
"""

from __future__ import annotations

from typing import Any

import pytest
from rules_samples import Edit, build, component

from auditkit.diagnose import Severity, diagnose
from auditkit.rules.strategy import COMPONENT_RULES


@pytest.mark.parametrize(
    ("edits", "rule_id", "severity"),
    [
        ([component("crisis_plan", "partial")], "STR-CRISIS-PLAN", Severity.MINOR),
        ([component("policy", "partial")], "STR-POLICY", Severity.INFO),
    ],
)
def test_graded_severity(edits: list[Edit], rule_id: str, severity: Severity) -> None:
    assert [f.severity for f in diagnose(build(*edits)).for_rule(rule_id)] == [severity]


@pytest.mark.parametrize("entry", COMPONENT_RULES, ids=lambda entry: entry.rule_id)
def test_every_component_rule_is_not_assessed_when_the_audit_does_not_say(entry: Any) -> None:
    diagnosis = diagnose(build(component(entry.key.value, None)))
    assert entry.rule_id not in diagnosis.fired
    assert [(gap.rule, gap.missing) for gap in diagnosis.not_assessed if gap.rule == entry.rule_id] == [
        (entry.rule_id, (f"strategy.components.{entry.key.value}",))
    ]
