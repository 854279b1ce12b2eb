"""The catalogue as a whole: its order, the clean audit all cases start from, what every rule owes its tests.

A rule's own tests are in the file of its module: test_rules_objectives.py for auditkit/rules/objectives.py...
"""

from __future__ import annotations

import pytest
from rules_samples import (
    _NOT_ASSESSED_CASES,
    _UNASSESSED_WITHOUT_OBJECTIVES,
    CASES,
    CATALOGUE_IDS,
    Edit,
    _no_objectives,
    _no_stakeholders,
    _resolve,
    build,
)

from auditkit.diagnose import RULES, diagnose
from auditkit.rules.strategy import COMPONENT_RULES


def test_every_catalogue_rule_is_registered_in_catalogue_order() -> None:
    assert list(RULES) == CATALOGUE_IDS


def test_every_rule_has_a_firing_and_a_silent_case() -> None:
    assert sorted(CASES) == sorted(CATALOGUE_IDS)


def test_the_clean_audit_gets_no_finding_and_nothing_unassessed() -> None:
    diagnosis = diagnose(build())
    assert diagnosis.findings == ()
    assert diagnosis.not_assessed == ()


def test_every_rule_that_can_lack_data_has_a_not_assessed_test() -> None:
    """Rules that always have their data (an empty list is data) are the only ones without such a test."""
    always_assessable = {"OBJ-NONE", "OBJ-TOO-MANY", "ENV-NO-STAKEHOLDERS", "ENV-NO-PEERS", "CH-NO-OWNER"}
    tested = {case[1] for case in _NOT_ASSESSED_CASES} | {entry.rule_id for entry in COMPONENT_RULES}
    tested |= {"CH-OFFLINE-OVERLAP", *_UNASSESSED_WITHOUT_OBJECTIVES, "ENV-UNCONSULTED", "CH-NO-AUDIENCE"}
    assert tested | always_assessable == set(CATALOGUE_IDS)
    assert not tested & always_assessable
    clean = diagnose(build(_no_objectives, _no_stakeholders, lambda d: d.update(peers=[])))
    assert not {gap.rule for gap in clean.not_assessed} & always_assessable


@pytest.mark.parametrize("rule_id", CATALOGUE_IDS)
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


@pytest.mark.parametrize("rule_id", CATALOGUE_IDS)
def test_rule_stays_silent_on_a_near_miss(rule_id: str) -> None:
    diagnosis = diagnose(build(*CASES[rule_id][1]))
    assert rule_id not in diagnosis.fired
    assert rule_id not in diagnosis.not_assessed_rules


@pytest.mark.parametrize(("edits", "rule_id", "missing", "subjects"), _NOT_ASSESSED_CASES)
def test_missing_data_is_not_assessed_never_guessed(
    edits: list[Edit], rule_id: str, missing: tuple[str, ...], subjects: tuple[str, ...]
) -> None:
    diagnosis = diagnose(build(*edits))
    assert rule_id not in diagnosis.fired
    gaps = [gap for gap in diagnosis.not_assessed if gap.rule == rule_id]
    assert [(gap.missing, gap.subjects) for gap in gaps] == [(missing, subjects)]
    assert gaps[0].reason("en") and gaps[0].reason("fr") and gaps[0].reason("en") != gaps[0].reason("fr")
