"""The roadmap of an audit whose consultant set findings aside: no action answers them."""

from __future__ import annotations

from roadmap_samples import example

from auditkit.model import SetAside
from auditkit.roadmap import build_roadmap
from auditkit.run import AuditRun


def test_set_aside_findings_are_neither_in_the_verdicts_nor_in_the_roadmap() -> None:
    plain = AuditRun(example("boulangerie-martin.audit"))
    intern_actions = [
        a.id for a in plain.roadmap.actions + plain.roadmap.backlog if "ORG-INTERN" in a.findings
    ]
    assert intern_actions

    audit = example("boulangerie-martin.audit")
    audit.commentary.set_aside = [
        SetAside(rule="ORG-INTERN", reason="The intern is hired for good in January")
    ]
    run_ = AuditRun(audit)
    roadmap = build_roadmap(audit)

    assert "ORG-INTERN" not in run_.reconciled.diagnosis.fired
    assert [item.finding.rule for item in run_.reconciled.diagnosis.set_aside] == ["ORG-INTERN"]
    for action in (*roadmap.actions, *roadmap.backlog, *run_.roadmap.actions, *run_.roadmap.backlog):
        assert "ORG-INTERN" not in action.findings
        assert action.id not in intern_actions
