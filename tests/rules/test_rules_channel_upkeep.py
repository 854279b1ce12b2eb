"""The channel upkeep rules (auditkit.rules.channel_upkeep): CH-LOW-ENGAGEMENT, CH-SLOW-RESPONSE,
CH-DUPLICATE, CH-NO-OWNER, CH-SHINY, CH-OFFLINE-OVERLAP, CH-UNCLAIMED.
"""

from __future__ import annotations

from typing import Any

import pytest
from rules_samples import Edit, add, build, channel, fired, stakeholder

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


_PER_FOLLOWER = "rivaliq_er_per_post_by_follower"


def test_low_engagement_against_an_indicative_benchmark_says_how_close_it_is() -> None:
    bakery_page = channel(
        "facebook", audience_size=14_800, engagement={"definition": _PER_FOLLOWER, "rate": 0.024}
    )
    finding = diagnose(build(bakery_page)).for_rule("CH-LOW-ENGAGEMENT")[0]
    english, french = finding.explanation("en"), finding.explanation("fr")
    assert (
        "0.063% across all industries on Facebook (Rival IQ 2024 Social Media Industry Benchmark" in english
    )
    assert (
        "the comparison is only indicative: same calculation, but a figure across all industries" in english
    )
    assert (
        "la comparaison n'est qu'indicative\u00a0: même calcul, mais un chiffre tous secteurs confondus"
        in french
    )
    note = finding.evidence[1].note
    assert note is not None and "only indicative" in note("en") and "n'est qu'indicative" in note("fr")
    assert finding.evidence[1].threshold == pytest.approx(0.0315)


def test_engagement_at_half_the_closest_benchmark_is_silent() -> None:
    page = channel("facebook", audience_size=14_800, engagement={"definition": _PER_FOLLOWER, "rate": 0.032})
    diagnosis = diagnose(build(page))
    assert "CH-LOW-ENGAGEMENT" not in diagnosis.fired + diagnosis.not_assessed_rules


@pytest.mark.parametrize(
    ("engagement", "audience", "words"),
    [
        ({"definition": _PER_FOLLOWER, "rate": 0.01}, 1_150, ("22 times smaller", "22 fois plus petit")),
        (
            {"definition": "meta_er_by_reach", "rate": 0.01},
            14_800,
            ("computed like this figure", "calculée comme"),
        ),
    ],
    ids=["band-too-far", "other-definition"],
)
def test_a_declined_comparison_does_not_fire_and_says_why(
    engagement: dict[str, Any], audience: int, words: tuple[str, str]
) -> None:
    diagnosis = diagnose(build(channel("facebook", audience_size=audience, engagement=engagement)))
    assert "CH-LOW-ENGAGEMENT" not in diagnosis.fired
    gaps = [gap for gap in diagnosis.not_assessed if gap.rule == "CH-LOW-ENGAGEMENT"]
    assert [(gap.missing, gap.subjects) for gap in gaps] == [(("channels.0.engagement",), ("facebook",))]
    assert words[0] in gaps[0].reason("en") and words[1] in gaps[0].reason("fr")
    assert gaps[0].reason("en").startswith("The engagement of")


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


# -- CH-UNCLAIMED: handle states and "not now" -------------------------------------------------------

_YOUTUBE_USERS = stakeholder(
    "young", platforms=[{"platform": "instagram", "share": 0.7}, {"platform": "youtube", "share": 0.5}]
)


def _youtube(handle_state: str) -> Edit:
    return add(
        "channels",
        {
            "id": "yt",
            "name": "YouTube",
            "platform": "youtube",
            "status": "planned",
            "handle_state": handle_state,
        },
    )


def test_a_handle_held_by_someone_else_gets_recovery_advice_never_registration() -> None:
    [finding] = diagnose(build(_YOUTUBE_USERS, _youtube("held_by_other"))).for_rule("CH-UNCLAIMED")
    assert finding.action.id == "rule.CH-UNCLAIMED.action_held" and "yt" in finding.subjects
    assert "impersonation" in finding.action("en") and "usurpation" in finding.action("fr")
    assert "Register" not in finding.action("en") and "Réserver" not in finding.action("fr")


def test_a_free_handle_on_a_planned_channel_is_still_to_register() -> None:
    [finding] = diagnose(build(_YOUTUBE_USERS, _youtube("free"))).for_rule("CH-UNCLAIMED")
    assert finding.action.id == "rule.CH-UNCLAIMED.action_platform"


def test_a_handle_of_ours_needs_nothing() -> None:
    assert "CH-UNCLAIMED" not in fired(build(_YOUTUBE_USERS, _youtube("ours")))


def _not_now(d: dict[str, Any]) -> None:
    for item in d["channels"]:
        if item["platform"] != "newsletter":
            item["objectives"] = []
    for item in d["stakeholders"]:
        item["platforms"] = [{"platform": "facebook", "share": 0.1}, {"platform": "youtube", "share": 0.05}]


def test_handles_are_claimed_even_when_social_media_is_not_now() -> None:
    diagnosis = diagnose(build(_not_now))
    assert "DEC-NOT-NOW" in diagnosis.fired
    [finding] = diagnosis.for_rule("CH-UNCLAIMED")
    assert finding.about is not None and finding.explanation.id == "rule.CH-UNCLAIMED.explanation_not_now"


def test_a_thin_use_claims_nothing_while_social_media_has_a_job() -> None:
    thin = stakeholder(
        "young", platforms=[{"platform": "instagram", "share": 0.7}, {"platform": "youtube", "share": 0.05}]
    )
    assert "CH-UNCLAIMED" not in fired(build(thin))
