"""The decision rule (auditkit.rules.decision): DEC-NOT-NOW, social media not now."""

from __future__ import annotations

import pytest
from rules_samples import (
    CASES,
    Edit,
    _audience_off_social,
    _resolve,
    _social_serves_nothing,
    build,
    channel,
    not_assessed_cases,
    rule_ids,
    stakeholder,
    thresholds,
)

from auditkit.diagnose import RULES, Severity, Theme, diagnose


@pytest.mark.parametrize("rule_id", rule_ids("decision"))
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


@pytest.mark.parametrize("rule_id", rule_ids("decision"))
def test_rule_stays_silent_on_a_near_miss(rule_id: str) -> None:
    diagnosis = diagnose(build(*CASES[rule_id][1]))
    assert rule_id not in diagnosis.fired
    assert rule_id not in diagnosis.not_assessed_rules


@pytest.mark.parametrize(("edits", "rule_id", "missing", "subjects"), not_assessed_cases("decision"))
def test_missing_data_is_not_assessed_never_guessed(
    edits: list[Edit], rule_id: str, missing: tuple[str, ...], subjects: tuple[str, ...]
) -> None:
    diagnosis = diagnose(build(*edits))
    assert rule_id not in diagnosis.fired
    gaps = [gap for gap in diagnosis.not_assessed if gap.rule == rule_id]
    assert [(gap.missing, gap.subjects) for gap in gaps] == [(missing, subjects)]
    assert gaps[0].reason("en") and gaps[0].reason("fr") and gaps[0].reason("en") != gaps[0].reason("fr")


def test_not_now_recommends_a_date_and_parked_handles() -> None:
    audit = build(_social_serves_nothing, _audience_off_social, thresholds(reassess_months=4))
    (finding,) = diagnose(audit).for_rule("DEC-NOT-NOW")
    assert finding.severity is Severity.CRITICAL and finding.theme is Theme.DECISION
    assert "2027-01-15" in finding.explanation("en") and "2027-01-15" in finding.action("fr")
    for platform in ("LinkedIn", "TikTok", "YouTube"):
        assert platform in finding.action("en")
    assert "Clean & Co page" in finding.action("en")
    assert set(finding.subjects) >= {"sales", "awareness", "facebook", "instagram"}


def test_not_now_when_traditional_channels_cover_every_objective_and_the_audience_is_unknown() -> None:
    audit = build(
        _social_serves_nothing,
        channel("newsletter", objectives=["sales", "awareness"]),
        stakeholder("locals", platforms=[]),
        stakeholder("young", platforms=[]),
    )
    (finding,) = diagnose(audit).for_rule("DEC-NOT-NOW")
    assert "Monthly letter" in finding.explanation("en")
