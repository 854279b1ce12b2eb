"""The rule types and registry: rules declare themselves in ``auditkit.findings``, their texts in the catalogue."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import auditkit.rules
from auditkit.diagnose import RULES, Finding, Severity, Theme, add_months
from auditkit.findings import RULES as REGISTRY
from auditkit.findings import Context, Evidence
from auditkit.locale import catalogue, languages, msg
from auditkit.model import Audit, ClientProfile, Engagement, IndustryKind

RULE_MODULES = sorted(Path(auditkit.rules.__file__).parent.glob("*.py"))
_MESSAGE_ID = re.compile(r'msg\(\s*f?"(rule\.[^"]+)"')


def test_the_diagnosis_and_the_registry_are_one() -> None:
    from auditkit import diagnose, findings, thresholds

    assert RULES is REGISTRY and len(RULES) == 48
    assert (diagnose.Finding, diagnose.Severity, diagnose.Theme) == (Finding, Severity, Theme)
    assert diagnose.add_months is findings.add_months is add_months is thresholds.add_months


@pytest.mark.parametrize("path", RULE_MODULES, ids=lambda path: path.name)
def test_rules_import_the_findings_never_the_diagnosis(path: Path) -> None:
    imported = {
        node.module
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert "auditkit.diagnose" not in imported
    assert not any("Bilingual" in line for line in path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("lang", languages())
def test_every_rule_has_its_texts_in_every_language(lang: str) -> None:
    for registered in RULES.values():
        for text in (registered.title, registered.condition, registered.action):
            assert text.id.startswith(f"rule.{registered.id}.") and text(lang).strip()


def test_every_rule_message_named_in_the_code_is_in_the_catalogue() -> None:
    named = {
        found
        for path in RULE_MODULES
        for found in _MESSAGE_ID.findall(path.read_text(encoding="utf-8"))
        if "{" not in found
    }
    assert named and named <= set(catalogue("en"))


def test_every_rule_message_of_the_catalogue_belongs_to_a_rule_or_a_theme() -> None:
    owners = set(RULES) | {theme.value for theme in Theme}
    assert {key.split(".")[1] for key in catalogue("en") if key.startswith("rule.")} <= owners


def test_a_finding_about_an_item_adds_it_to_the_rule_title() -> None:
    audit = Audit(
        engagement=Engagement(client="Atelier Test", audit_date="2026-01-15"),
        client=ClientProfile(industry=IndustryKind.COMMERCIAL_B2C),
    )
    context = Context(audit).checking(RULES["CH-NO-OWNER"])
    finding = context.finding(
        msg("rule.CH-NO-OWNER.explanation", channel="Shop"), [Evidence("x", 1)], about="Shop"
    )
    assert finding.about == "Shop" and finding.action.id == RULES["CH-NO-OWNER"].action.id
    assert finding.title("en") == "Channel with no named owner: Shop"
    assert finding.title("fr") == "Canal sans responsable désigné\u00a0: Shop"
    assert finding.to_dict()["title"] == finding.title.to_dict()


def test_severity_and_theme_labels_come_from_the_enumeration_catalogue() -> None:
    assert Severity.MAJOR.label.id == "enum.severity.major" and Severity.MAJOR.label("fr") == "majeur"
    assert Theme.ENVIRONMENT.label("en") == "Operating environment"


def test_every_rule_describes_itself_in_both_languages() -> None:
    for rule_id, registered in RULES.items():
        assert registered.id == rule_id
        assert registered.seeds and set(registered.seeds) <= {"000", "001", "002", "003", "004"}
        assert isinstance(registered.severity, Severity) and isinstance(registered.theme, Theme)
        for text in (registered.title, registered.condition, registered.action):
            assert text("en").strip() and text("fr").strip() and text("en") != text("fr"), rule_id


def test_severity_order_and_lowering() -> None:
    assert [s.rank for s in Severity] == [0, 1, 2, 3]
    assert Severity.MAJOR.lowered() is Severity.MINOR and Severity.INFO.lowered() is Severity.INFO
    assert Severity.CRITICAL.label("fr") == "critique"


def test_explanations_write_numbers_and_lists_per_language() -> None:
    text = msg("rule.ENV-UNCONSULTED.explanation", count=12345.5, names=["a", "b", "c"])
    assert text("en").startswith("None of the 12,346 stakeholder groups (a, b and c) was asked")
    assert text("fr").startswith(
        "Aucun des 12\u202f346 groupes de parties prenantes (a, b et c) n'a été interrogé"
    )
    assert "0,035 " in msg("rule.OBJ-TOO-MANY.explanation", count=0.035, limit=2.5)("fr")
    assert "at most 2.5." in msg("rule.OBJ-TOO-MANY.explanation", count=0.035, limit=2.5)("en")
