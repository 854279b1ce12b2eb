"""The indicators rules (auditkit.rules.indicators): KPI-MISSING, KPI-LENS-MISMATCH."""

from __future__ import annotations

import pytest
from rules_samples import CASES, Edit, _resolve, build, fired, objective, rule_ids

from auditkit.diagnose import RULES, diagnose


@pytest.mark.parametrize("rule_id", rule_ids("indicators"))
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


@pytest.mark.parametrize("rule_id", rule_ids("indicators"))
def test_rule_stays_silent_on_a_near_miss(rule_id: str) -> None:
    diagnosis = diagnose(build(*CASES[rule_id][1]))
    assert rule_id not in diagnosis.fired
    assert rule_id not in diagnosis.not_assessed_rules


@pytest.mark.parametrize(
    ("edits", "rule_id"),
    [
        ([objective("sales", indicators=[{"name": "Likes", "lens": "roa"}])], "KPI-LENS-MISMATCH"),
    ],
)
def test_other_ways_to_fire(edits: list[Edit], rule_id: str) -> None:
    assert rule_id in fired(build(*edits))
