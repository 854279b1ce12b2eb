"""The objectives rules (auditkit.rules.objectives): OBJ-NONE, OBJ-TOO-MANY, OBJ-NO-PRIMARY, OBJ-NOT-SMART,
OBJ-ORPHAN.
"""

from __future__ import annotations

import pytest
from rules_samples import (
    _UNASSESSED_WITHOUT_OBJECTIVES,
    CASES,
    Edit,
    _no_objectives,
    _resolve,
    build,
    fired,
    objective,
    rule_ids,
)

from auditkit.diagnose import RULES, diagnose


@pytest.mark.parametrize("rule_id", rule_ids("objectives"))
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


@pytest.mark.parametrize("rule_id", rule_ids("objectives"))
def test_rule_stays_silent_on_a_near_miss(rule_id: str) -> None:
    diagnosis = diagnose(build(*CASES[rule_id][1]))
    assert rule_id not in diagnosis.fired
    assert rule_id not in diagnosis.not_assessed_rules


@pytest.mark.parametrize(
    ("edits", "rule_id"),
    [
        ([objective("sales", primary=True), objective("awareness", primary=True)], "OBJ-NO-PRIMARY"),
        ([objective("sales", deadline="2026-09-14")], "OBJ-NOT-SMART"),
    ],
)
def test_other_ways_to_fire(edits: list[Edit], rule_id: str) -> None:
    assert rule_id in fired(build(*edits))


def test_objective_rules_are_not_assessed_without_objectives() -> None:
    diagnosis = diagnose(build(_no_objectives))
    assert "OBJ-NONE" in diagnosis.fired
    assert {
        "OBJ-NO-PRIMARY",
        "OBJ-NOT-SMART",
        "OBJ-ORPHAN",
        "KPI-MISSING",
        "CH-NO-OBJECTIVE",
        "DEC-NOT-NOW",
    } <= set(diagnosis.not_assessed_rules)
    assert set(_UNASSESSED_WITHOUT_OBJECTIVES) <= set(diagnosis.not_assessed_rules)
    assert not set(_UNASSESSED_WITHOUT_OBJECTIVES) & set(diagnosis.fired)
