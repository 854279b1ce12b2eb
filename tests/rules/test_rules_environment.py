"""The environment rules (auditkit.rules.environment): ENV-NO-STAKEHOLDERS, ENV-UNCONSULTED, ENV-NO-PEERS,
ENV-PEER-GAP.
"""

from __future__ import annotations

from rules_samples import _no_stakeholders, build

from auditkit.diagnose import diagnose


def test_stakeholder_rules_are_not_assessed_without_stakeholders() -> None:
    diagnosis = diagnose(build(_no_stakeholders))
    assert "ENV-NO-STAKEHOLDERS" in diagnosis.fired
    gaps = {gap.rule: gap for gap in diagnosis.not_assessed}
    assert {"ENV-UNCONSULTED", "CH-NO-AUDIENCE", "CH-UNCLAIMED"} <= set(gaps)
    assert gaps["ENV-UNCONSULTED"].missing == ("stakeholders",)
    assert gaps["ENV-UNCONSULTED"].subjects == ()
