"""The environment rules (auditkit.rules.environment): ENV-NO-STAKEHOLDERS, ENV-UNCONSULTED, ENV-NO-PEERS,
ENV-PEER-GAP.
"""

from __future__ import annotations

import pytest
from rules_samples import CASES, Edit, _no_stakeholders, _resolve, build, not_assessed_cases, rule_ids

from auditkit.diagnose import RULES, diagnose


@pytest.mark.parametrize("rule_id", rule_ids("environment"))
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


@pytest.mark.parametrize("rule_id", rule_ids("environment"))
def test_rule_stays_silent_on_a_near_miss(rule_id: str) -> None:
    diagnosis = diagnose(build(*CASES[rule_id][1]))
    assert rule_id not in diagnosis.fired
    assert rule_id not in diagnosis.not_assessed_rules


def test_stakeholder_rules_are_not_assessed_without_stakeholders() -> None:
    diagnosis = diagnose(build(_no_stakeholders))
    assert "ENV-NO-STAKEHOLDERS" in diagnosis.fired
    gaps = {gap.rule: gap for gap in diagnosis.not_assessed}
    assert {"ENV-UNCONSULTED", "CH-NO-AUDIENCE", "CH-UNCLAIMED"} <= set(gaps)
    assert gaps["ENV-UNCONSULTED"].missing == ("stakeholders",)
    assert gaps["ENV-UNCONSULTED"].subjects == ()


@pytest.mark.parametrize(("edits", "rule_id", "missing", "subjects"), not_assessed_cases("environment"))
def test_missing_data_is_not_assessed_never_guessed(
    edits: list[Edit], rule_id: str, missing: tuple[str, ...], subjects: tuple[str, ...]
) -> None:
    diagnosis = diagnose(build(*edits))
    assert rule_id not in diagnosis.fired
    gaps = [gap for gap in diagnosis.not_assessed if gap.rule == rule_id]
    assert [(gap.missing, gap.subjects) for gap in gaps] == [(missing, subjects)]
    assert gaps[0].reason("en") and gaps[0].reason("fr") and gaps[0].reason("en") != gaps[0].reason("fr")
