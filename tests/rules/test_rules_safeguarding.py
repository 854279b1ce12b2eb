"""The rules on publishing people and on contact with minors (auditkit.rules.safeguarding):
ORG-IMAGE-CONSENT and ORG-SAFEGUARDING.
"""

from __future__ import annotations

from typing import Any

import pytest
from rules_samples import Edit, build, organisation

from auditkit.diagnose import Severity, diagnose
from auditkit.findings import RULES
from auditkit.steps import Phase


def minors(present: bool) -> Edit:
    return lambda d: d["client"].update(minors_in_audience=present)


def kept(**fields: Any) -> Edit:
    """The organisation's consent and safeguarding, the other one at its best unless given."""
    return organisation(**{"image_consent": "written", "safeguarding": "present"} | fields)


@pytest.mark.parametrize(
    ("edits", "severity"),
    [
        ([minors(True), kept(image_consent="none")], Severity.CRITICAL),
        ([minors(True), kept(image_consent="informal")], Severity.CRITICAL),
        ([minors(False), kept(image_consent="none")], Severity.MAJOR),
    ],
)
def test_image_consent_fires_critical_with_minors_and_major_when_nobody_is_asked(
    edits: list[Edit], severity: Severity
) -> None:
    [finding] = diagnose(build(*edits)).for_rule("ORG-IMAGE-CONSENT")
    assert finding.severity is severity
    assert finding.evidence[0].field == "organisation.image_consent"


@pytest.mark.parametrize(
    "edits",
    [
        [minors(True), kept(image_consent="written")],
        [minors(False), kept(image_consent="informal")],
        [minors(False), kept(image_consent=None)],
    ],
)
def test_image_consent_is_silent_with_signed_forms_or_oral_consent_of_adults(edits: list[Edit]) -> None:
    diagnosis = diagnose(build(*edits))
    assert "ORG-IMAGE-CONSENT" not in diagnosis.fired
    assert "ORG-IMAGE-CONSENT" not in diagnosis.not_assessed_rules


def test_image_consent_explanation_names_the_practice_and_the_action_the_leadership() -> None:
    audit = build(
        minors(True), kept(image_consent="informal"), lambda d: d["client"].update(industry="public")
    )
    [finding] = diagnose(audit).for_rule("ORG-IMAGE-CONSENT")
    assert "Asked orally" in finding.explanation("en")
    assert "Demandé oralement" in finding.explanation("fr")
    assert "{" not in finding.action("en") + finding.action("fr")


@pytest.mark.parametrize(("status", "severity"), [("absent", Severity.CRITICAL), ("partial", Severity.MAJOR)])
def test_safeguarding_fires_when_minors_meet_no_complete_written_procedure(
    status: str, severity: Severity
) -> None:
    [finding] = diagnose(build(minors(True), kept(safeguarding=status))).for_rule("ORG-SAFEGUARDING")
    assert finding.severity is severity
    assert [item.field for item in finding.evidence] == [
        "organisation.safeguarding",
        "client.minors_in_audience",
    ]


@pytest.mark.parametrize(
    "edits",
    [
        [minors(True), kept(safeguarding="present")],
        [minors(False), kept(safeguarding="absent")],
        [minors(False), kept(safeguarding=None)],
    ],
)
def test_safeguarding_is_silent_with_a_procedure_or_without_minors(edits: list[Edit]) -> None:
    diagnosis = diagnose(build(*edits))
    assert "ORG-SAFEGUARDING" not in diagnosis.fired
    assert "ORG-SAFEGUARDING" not in diagnosis.not_assessed_rules


@pytest.mark.parametrize("rule_id", ["ORG-IMAGE-CONSENT", "ORG-SAFEGUARDING"])
def test_both_actions_are_first_month_foundations(rule_id: str) -> None:
    step = RULES[rule_id].step
    assert step is not None and (step.phase, step.month) == (Phase.FOUNDATIONS, 1)
