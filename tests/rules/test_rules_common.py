"""The catalogue as a whole: its order, the clean audit all cases start from, what every rule owes its tests.

A rule's own tests are in the file of its module: test_rules_objectives.py for auditkit/rules/objectives.py...
"""

from __future__ import annotations

from rules_samples import (
    _NOT_ASSESSED_CASES,
    _UNASSESSED_WITHOUT_OBJECTIVES,
    CASES,
    CATALOGUE_IDS,
    _no_objectives,
    _no_stakeholders,
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
