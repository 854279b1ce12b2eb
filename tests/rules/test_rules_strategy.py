"""The strategy rules (auditkit.rules.strategy): one per strategy component (STR-CONTENT-PLAN to
STR-MONITORING) and STR-REVIEW.
"""

from __future__ import annotations

from typing import Any

import pytest
from rules_samples import CASES, Edit, _resolve, build, component, not_assessed_cases, rule_ids

from auditkit.diagnose import RULES, Severity, diagnose
from auditkit.rules.strategy import COMPONENT_RULES


@pytest.mark.parametrize("rule_id", rule_ids("strategy"))
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


@pytest.mark.parametrize("rule_id", rule_ids("strategy"))
def test_rule_stays_silent_on_a_near_miss(rule_id: str) -> None:
    diagnosis = diagnose(build(*CASES[rule_id][1]))
    assert rule_id not in diagnosis.fired
    assert rule_id not in diagnosis.not_assessed_rules


@pytest.mark.parametrize(
    ("edits", "rule_id", "severity"),
    [
        ([component("crisis_plan", "partial")], "STR-CRISIS-PLAN", Severity.MINOR),
        ([component("policy", "partial")], "STR-POLICY", Severity.INFO),
    ],
)
def test_graded_severity(edits: list[Edit], rule_id: str, severity: Severity) -> None:
    assert [f.severity for f in diagnose(build(*edits)).for_rule(rule_id)] == [severity]


@pytest.mark.parametrize(("edits", "rule_id", "missing", "subjects"), not_assessed_cases("strategy"))
def test_missing_data_is_not_assessed_never_guessed(
    edits: list[Edit], rule_id: str, missing: tuple[str, ...], subjects: tuple[str, ...]
) -> None:
    diagnosis = diagnose(build(*edits))
    assert rule_id not in diagnosis.fired
    gaps = [gap for gap in diagnosis.not_assessed if gap.rule == rule_id]
    assert [(gap.missing, gap.subjects) for gap in gaps] == [(missing, subjects)]
    assert gaps[0].reason("en") and gaps[0].reason("fr") and gaps[0].reason("en") != gaps[0].reason("fr")


@pytest.mark.parametrize("entry", COMPONENT_RULES, ids=lambda entry: entry.rule_id)
def test_every_component_rule_is_not_assessed_when_the_audit_does_not_say(entry: Any) -> None:
    diagnosis = diagnose(build(component(entry.key.value, None)))
    assert entry.rule_id not in diagnosis.fired
    assert [(gap.rule, gap.missing) for gap in diagnosis.not_assessed if gap.rule == entry.rule_id] == [
        (entry.rule_id, (f"strategy.components.{entry.key.value}",))
    ]
