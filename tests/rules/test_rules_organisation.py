"""The organisation rules (auditkit.rules.organisation): ORG-NO-SPONSOR, ORG-INTERN, ORG-SLOW-VALIDATION,
ORG-NO-RESOURCES, ORG-NO-TRAINING.
"""

from __future__ import annotations

import re

import pytest
from rules_samples import Edit, build, component, fired, objective, organisation

from auditkit.diagnose import Severity, diagnose
from auditkit.scoring import score


@pytest.mark.parametrize(
    ("edits", "rule_id", "severity"),
    [
        ([organisation(sponsor="aware")], "ORG-NO-SPONSOR", Severity.MINOR),
        ([organisation(sponsor="none")], "ORG-NO-SPONSOR", Severity.MAJOR),
    ],
)
def test_graded_severity(edits: list[Edit], rule_id: str, severity: Severity) -> None:
    assert [f.severity for f in diagnose(build(*edits)).for_rule(rule_id)] == [severity]


@pytest.mark.parametrize(
    ("edits", "rule_id"),
    [
        ([organisation(content_creators=[], responders=[])], "ORG-NO-RESOURCES"),
    ],
)
def test_other_ways_to_fire(edits: list[Edit], rule_id: str) -> None:
    assert rule_id in fired(build(*edits))


def test_a_volunteer_owner_is_a_continuity_risk_not_an_intern() -> None:
    [finding] = diagnose(
        build(
            lambda d: d["client"].update(industry="nonprofit_association"),
            organisation(strategy_owner_role="volunteer"),
        )
    ).for_rule("ORG-INTERN")
    assert finding.severity is Severity.MINOR
    assert "deputy" in finding.action("en") and "suppléant" in finding.action("fr")
    assert "permanent" not in finding.action("en") and "salarié permanent" not in finding.action("fr")
    [intern] = diagnose(build(organisation(strategy_owner_role="intern"))).for_rule("ORG-INTERN")
    assert intern.severity is Severity.MAJOR and "permanent" in intern.action("en")


def test_a_volunteer_owner_scores_better_in_an_association_than_elsewhere() -> None:
    volunteer = organisation(strategy_owner_role="volunteer")
    association = build(lambda d: d["client"].update(industry="nonprofit_association"), volunteer)
    company = build(volunteer)
    assert score(association).organisation_readiness.value > score(company).organisation_readiness.value


_FIRING = (
    organisation(sponsor="none", responders=[], publishing_lead_time_days=2),
    objective("sales", primary=False),
    component("governance", "absent"),
    component("policy", "absent"),
    component("ownership", "absent"),
)

# kind: (industry, size, words that must appear (en, fr), words that must not (en, fr))
_KINDS: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...]]] = {
    "small business": (
        "commercial_b2c",
        "micro",
        ("the owner", "the staff", "le chef d'entreprise", "les salariés"),
        ("volunteers?", "bénévoles?", "board", "bureau", "elected", "élus", "governors", "direction"),
    ),
    "company": (
        "commercial_b2b",
        "large",
        ("management", "the other departments", "la direction", "les autres services"),
        ("volunteers?", "bénévoles?", "board", "bureau", "elected", "élus", "governors"),
    ),
    "association": (
        "nonprofit_association",
        "micro",
        ("the board", "the volunteers", "le bureau", "les bénévoles"),
        ("management", "direction", "employees", "salariés", "departments", "services", "elected", "élus"),
    ),
    "town hall": (
        "public",
        "small",
        ("the elected officials", "council officers", "les élus", "les agents", "services de la mairie"),
        ("volunteers?", "bénévoles?", "board", "bureau", "management", "direction"),
    ),
    "school": (
        "education_secondary",
        "medium",
        ("head teacher and the governors", "chef d'établissement", "conseil d'administration"),
        ("volunteers?", "bénévoles?", "elected", "élus", "management", "salariés"),
    ),
}


@pytest.mark.parametrize("kind", _KINDS)
def test_findings_speak_the_organisation_s_own_language(kind: str) -> None:
    industry, size, wanted, unwanted = _KINDS[kind]
    findings = diagnose(build(lambda d: d["client"].update(industry=industry, size=size), *_FIRING)).findings
    assert {"ORG-NO-SPONSOR", "ORG-NO-RESOURCES", "STR-GOVERNANCE", "STR-POLICY", "ERR-URGENCY"} <= {
        f.rule for f in findings
    }
    text = " ".join(
        part(lang) for f in findings for part in (f.title, f.explanation, f.action) for lang in ("en", "fr")
    )
    assert all(word in text for word in wanted), [word for word in wanted if word not in text]
    found = [word for word in unwanted if re.search(rf"\b{word}\b", text, re.IGNORECASE)]
    assert not found, found


@pytest.mark.parametrize(
    ("role", "english", "french"),
    [
        ("intern", "Strategy held by an intern", "Stratégie tenue par un stagiaire"),
        ("volunteer", "Strategy held by a lone volunteer", "Stratégie portée par un bénévole seul"),
    ],
)
def test_the_owner_finding_is_titled_for_the_role_the_audit_records(
    role: str, english: str, french: str
) -> None:
    (finding,) = diagnose(build(organisation(strategy_owner_role=role))).for_rule("ORG-INTERN")
    assert (finding.title("en"), finding.title("fr")) == (english, french)
