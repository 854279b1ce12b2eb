"""The objectives rules (auditkit.rules.objectives): OBJ-NONE, OBJ-TOO-MANY, OBJ-NO-PRIMARY, OBJ-NOT-SMART,
OBJ-ORPHAN.
"""

from __future__ import annotations

import pytest
from rules_samples import (
    _UNASSESSED_WITHOUT_OBJECTIVES,
    Edit,
    _no_objectives,
    build,
    fired,
    objective,
)

from auditkit.diagnose import diagnose


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
