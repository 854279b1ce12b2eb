"""The decision rule (auditkit.rules.decision): DEC-NOT-NOW, social media not now."""

from __future__ import annotations

from rules_samples import (
    _audience_off_social,
    _social_serves_nothing,
    build,
    channel,
    stakeholder,
    thresholds,
)

from auditkit.diagnose import Severity, Theme, diagnose


def test_not_now_recommends_a_date_and_parked_handles() -> None:
    audit = build(_social_serves_nothing, _audience_off_social, thresholds(reassess_months=4))
    (finding,) = diagnose(audit).for_rule("DEC-NOT-NOW")
    assert finding.severity is Severity.CRITICAL and finding.theme is Theme.DECISION
    assert "15 January 2027" in finding.explanation("en") and "15 janvier 2027" in finding.action("fr")
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


def test_the_rules_that_must_respect_not_now_read_the_same_condition() -> None:
    from auditkit.findings import Context
    from auditkit.rules._not_now import social_not_now

    for audit, expected in (
        (build(_social_serves_nothing, _audience_off_social), True),
        (build(_social_serves_nothing), False),
        (build(), False),
    ):
        assert social_not_now(audit, Context(audit)) is expected
        assert ("DEC-NOT-NOW" in diagnose(audit).fired) is expected
