"""The strategy rules (auditkit.rules.strategy): one per strategy component (STR-CONTENT-PLAN to
STR-MONITORING) and STR-REVIEW.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rules_samples import Edit, build, component

from auditkit import store
from auditkit.diagnose import Severity, diagnose
from auditkit.model import StrategyComponentKey
from auditkit.rules.requirements import REQUIREMENTS
from auditkit.rules.strategy import COMPONENT_RULES

EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "examples"


@pytest.mark.parametrize(
    ("edits", "rule_id", "severity"),
    [
        ([component("crisis_plan", "partial")], "STR-CRISIS-PLAN", Severity.MINOR),
        ([component("policy", "partial")], "STR-POLICY", Severity.INFO),
    ],
)
def test_graded_severity(edits: list[Edit], rule_id: str, severity: Severity) -> None:
    assert [f.severity for f in diagnose(build(*edits)).for_rule(rule_id)] == [severity]


@pytest.mark.parametrize("entry", COMPONENT_RULES, ids=lambda entry: entry.rule_id)
def test_every_component_rule_is_not_assessed_when_the_audit_does_not_say(entry: Any) -> None:
    diagnosis = diagnose(build(component(entry.key.value, None)))
    assert entry.rule_id not in diagnosis.fired
    assert [(gap.rule, gap.missing) for gap in diagnosis.not_assessed if gap.rule == entry.rule_id] == [
        (entry.rule_id, (f"strategy.components.{entry.key.value}",))
    ]


def _client(industry: str, size: str | None) -> Edit:
    return lambda d: d["client"].update(industry=industry, size=size)


@pytest.mark.parametrize(
    ("industry", "size", "key", "rule_id", "severity"),
    [
        ("commercial_b2c", "micro", "governance", "STR-GOVERNANCE", Severity.INFO),
        ("commercial_b2c", "micro", "policy", "STR-POLICY", Severity.INFO),
        ("commercial_b2c", "micro", "content_plan", "STR-CONTENT-PLAN", Severity.MINOR),
        ("commercial_b2c", "micro", "editorial_line", "STR-EDITORIAL-LINE", Severity.MAJOR),
        ("commercial_b2c", "micro", "ownership", "STR-OWNERSHIP", Severity.MAJOR),
        ("commercial_b2c", None, "governance", "STR-GOVERNANCE", Severity.MINOR),
        ("commercial_b2b", "large", "governance", "STR-GOVERNANCE", Severity.MAJOR),
        ("commercial_b2b", "large", "exit_plan", "STR-EXIT-PLAN", Severity.MINOR),
        ("public", "micro", "governance", "STR-GOVERNANCE", Severity.MAJOR),
        ("education_primary", "micro", "moderation", "STR-MODERATION", Severity.MINOR),
        ("nonprofit_association", "micro", "moderation", "STR-MODERATION", Severity.INFO),
    ],
)
def test_a_missing_component_weighs_what_the_organisation_needs_it(
    industry: str, size: str | None, key: str, rule_id: str, severity: Severity
) -> None:
    diagnosis = diagnose(build(_client(industry, size), component(key, "absent")))
    assert [f.severity for f in diagnosis.for_rule(rule_id)] == [severity]


def test_a_small_organisation_is_told_why_a_line_of_its_one_page_plan_will_do() -> None:
    [finding] = diagnose(build(_client("commercial_b2c", "micro"), component("policy", "absent"))).for_rule(
        "STR-POLICY"
    )
    assert "one-page plan" in finding.explanation("en") and "plan d'une page" in finding.explanation("fr")
    assert "one-page plan" in finding.action("en") and "plan d'une page" in finding.action("fr")
    [large] = diagnose(build(_client("commercial_b2b", "large"), component("policy", "absent"))).for_rule(
        "STR-POLICY"
    )
    assert "one-page" not in large.explanation("en") + large.action("en")


def test_every_component_has_a_requirement() -> None:
    assert set(REQUIREMENTS) == set(StrategyComponentKey)


def test_the_bakery_gets_far_fewer_major_strategy_findings() -> None:
    bakery = store.load(EXAMPLES / "boulangerie-martin.audit.json")
    strategy = [f for f in diagnose(bakery).findings if f.rule.startswith("STR-")]
    majors = sorted(f.rule for f in strategy if f.severity is Severity.MAJOR)
    assert majors == ["STR-EDITORIAL-LINE", "STR-OWNERSHIP"]
    assert {f.rule for f in strategy if f.severity is Severity.INFO} >= {"STR-GOVERNANCE", "STR-POLICY"}
