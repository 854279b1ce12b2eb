"""The channel upkeep rules (auditkit.rules.channel_upkeep): CH-LOW-ENGAGEMENT, CH-SLOW-RESPONSE,
CH-DUPLICATE, CH-NO-OWNER, CH-SHINY, CH-OFFLINE-OVERLAP, CH-UNCLAIMED.
"""

from __future__ import annotations

import pytest
from rules_samples import Edit, build, channel, fired

from auditkit.diagnose import diagnose


@pytest.mark.parametrize(
    ("edits", "rule_id"),
    [
        ([channel("facebook", status="dormant", owner="")], "CH-NO-OWNER"),
    ],
)
def test_other_ways_to_fire(edits: list[Edit], rule_id: str) -> None:
    assert rule_id in fired(build(*edits))


def test_offline_overlap_is_not_assessed_when_cross_posting_is_unknown() -> None:
    diagnosis = diagnose(
        build(
            channel("newsletter", cross_posted_unchanged=None, monthly_budget=900),
            channel("facebook", stakeholders=["locals", "young"]),
        )
    )
    assert "CH-OFFLINE-OVERLAP" not in diagnosis.fired
    gaps = [(gap.missing, gap.subjects) for gap in diagnosis.not_assessed if gap.rule == "CH-OFFLINE-OVERLAP"]
    assert gaps == [(("channels.2.cross_posted_unchanged",), ("newsletter",))]


def test_engagement_is_compared_only_with_a_benchmark_of_the_same_metric() -> None:
    custom = {"definition": "agency_er_by_reach", "rate": 0.01}
    unknown = diagnose(build(channel("instagram", engagement=custom)))
    assert "CH-LOW-ENGAGEMENT" not in unknown.fired
    assert [gap.subjects for gap in unknown.not_assessed] == [("instagram",)]

    row = {
        "platform": "instagram",
        "industry": "Bakeries (agency panel)",
        "metric": "agency_er_by_reach",
        "value": 2.0,
        "unit": "%",
        "year": 2025,
        "source_title": "Agency panel",
    }
    benchmarked = diagnose(
        build(channel("instagram", engagement=custom), lambda d: d.update(settings={"benchmarks": [row]}))
    )
    finding = benchmarked.for_rule("CH-LOW-ENGAGEMENT")[0]
    assert "Agency panel" in finding.explanation("en") and "Agency panel" in finding.explanation("fr")
    assert finding.evidence[1].threshold == pytest.approx(1.0)


def test_small_audiences_are_not_judged_on_engagement() -> None:
    audit = build(
        channel(
            "instagram",
            audience_size=999,
            engagement={"definition": "rivaliq_er_per_post_by_follower", "rate": 0.01},
        )
    )
    diagnosis = diagnose(audit)
    assert "CH-LOW-ENGAGEMENT" not in diagnosis.fired + diagnosis.not_assessed_rules
