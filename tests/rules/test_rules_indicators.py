"""The indicators rules (auditkit.rules.indicators): KPI-MISSING, KPI-LENS-MISMATCH."""

from __future__ import annotations

import pytest
from rules_samples import Edit, build, fired, objective


@pytest.mark.parametrize(
    ("edits", "rule_id"),
    [
        ([objective("sales", indicators=[{"name": "Likes", "lens": "roa"}])], "KPI-LENS-MISMATCH"),
    ],
)
def test_other_ways_to_fire(edits: list[Edit], rule_id: str) -> None:
    assert rule_id in fired(build(*edits))
