"""Generated actions: one per rule or recommendation, named after what they are about, priced."""

from __future__ import annotations

import pytest
from roadmap_samples import bare_audit, example, finding

from auditkit.diagnose import RULES, Diagnosis, Severity, diagnose
from auditkit.roadmap import PLAN, build_roadmap, generated_actions


def test_action_ids_are_stable_and_derived_from_the_rule() -> None:
    audit = example("boulangerie-martin.")
    first = generated_actions(audit)
    renamed = audit.model_copy(deep=True)
    renamed.channels[0].name = "A new name"
    second = generated_actions(renamed)
    assert [a.id for a in first] == [a.id for a in second]
    for action in first:
        assert action.id == action.id.lower()
        assert action.id.upper() in PLAN
        assert set(action.findings) <= set(RULES)


def test_channels_being_closed_have_their_findings_answered_by_the_closure() -> None:
    audit = example("boulangerie-martin.")
    actions = {action.id: action for action in generated_actions(audit)}
    closing = actions["rec-close"]
    assert closing.subjects == ("pinterest",)
    assert {"CH-DORMANT", "CH-NO-OWNER"} <= set(closing.findings)
    assert "ch-dormant" not in actions
    assert "ch-no-owner" not in actions


def test_inspiration_joins_the_editorial_line_instead_of_a_second_action() -> None:
    audit = example("boulangerie-martin.")
    fired = {f.rule for f in diagnose(audit).findings}
    assert {"ERR-INSPIRATION", "STR-EDITORIAL-LINE"} <= fired
    actions = {action.id: action for action in generated_actions(audit)}
    assert "err-inspiration" not in actions
    assert "ERR-INSPIRATION" in actions["str-editorial-line"].findings


def test_unknown_rule_still_gets_an_action_staged_by_severity() -> None:
    audit = bare_audit(hours_per_week=10)
    diagnosis = Diagnosis((finding("XX-NEW", Severity.CRITICAL),), ())
    roadmap = build_roadmap(audit, diagnosis=diagnosis)
    action = roadmap.action("xx-new")
    assert action.stage == 1
    assert action.findings == ("XX-NEW",)


def test_titles_name_what_they_are_about() -> None:
    audit = example("st-aidans-college")
    actions = {action.id: action for action in generated_actions(audit)}
    assert actions["ch-unclaimed"].title("en") == "Claim the brand's handle: Instagram, LinkedIn, TikTok"
    assert "LinkedIn" in actions["ch-unclaimed"].title("fr")
    assert "Printed termly letter posted home" in actions["ch-offline-overlap"].title("en")
    assert "X (Twitter)" not in actions["ch-offline-overlap"].title("en")


def test_cost_prices_the_hours_at_the_hourly_rate() -> None:
    audit = example("st-aidans-college")
    audit.settings.thresholds = {"hourly_rate": 80}
    for action in generated_actions(audit):
        assert action.cost == pytest.approx(action.effort_hours * 80)
